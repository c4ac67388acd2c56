/**
 * The one Temporal the whole kit uses.
 *
 * Browsers that ship Temporal (Chromium 144+, Firefox 139+) get the native implementation and never download
 * the polyfill: it sits behind a dynamic import, which bundlers turn into a separate chunk. Everywhere else
 * (Node 20, older Safari) the polyfill is loaded once, on first import of this module, through top-level
 * await. Hosts never need to install a global polyfill, and this module never installs one either.
 *
 * Setting `globalThis.__CALLBACK_KIT_FORCE_TEMPORAL_POLYFILL__ = true` before the kit loads forces the
 * polyfill even where Temporal is native (the test suite uses it to exercise both paths in one browser).
 */
import type {Temporal as TemporalTypes} from 'temporal-polyfill';

type TemporalApi = typeof TemporalTypes;

interface TemporalGlobals {
  Temporal?: TemporalApi;
  __CALLBACK_KIT_FORCE_TEMPORAL_POLYFILL__?: boolean;
}

const globals = globalThis as TemporalGlobals;
const native = globals.__CALLBACK_KIT_FORCE_TEMPORAL_POLYFILL__ ? undefined : globals.Temporal;

/** `true` when the kit runs on the platform's own Temporal, `false` when on temporal-polyfill. */
export const isNativeTemporal = native !== undefined;

/** The Temporal namespace: native when the platform has one, otherwise temporal-polyfill. */
export const Temporal: TemporalApi =
  native ?? ((await import('temporal-polyfill/implementation')).Temporal as unknown as TemporalApi);

// Types travel with the value so `import {Temporal} from './temporal.js'` serves `Temporal.Instant` too.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace Temporal {
  export type Instant = TemporalTypes.Instant;
  export type ZonedDateTime = TemporalTypes.ZonedDateTime;
  export type PlainDate = TemporalTypes.PlainDate;
  export type PlainTime = TemporalTypes.PlainTime;
  export type PlainDateTime = TemporalTypes.PlainDateTime;
  export type Duration = TemporalTypes.Duration;
  export type DurationLike = TemporalTypes.DurationLike;
}
