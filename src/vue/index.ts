/**
 * `callback-kit/vue`: Vue 3 support. DOM-free, so `vite.config` can import it.
 *
 * - `isCallbackKitElement(tag)`: give it to Vue's template compiler as `isCustomElement` so Vue leaves the kit's
 *   tags to the browser (no "Failed to resolve component" warnings).
 * - Types: importing this module adds the kit's tags to Vue's `GlobalComponents`, so `vue-tsc` checks templates:
 *   `:contact.prop="42"` is an error, `@callback-scheduled="(e) => e.detail.callback.id"` gets a typed `e`.
 *
 * Register the elements themselves with `import 'callback-kit'` (or `callback-kit/<element>.js`) in the app.
 * @packageDocumentation
 */
import type {DefineComponent} from 'vue';
import type {CallbackKitElementProperties, CallbackKitEventHandlers, CallbackKitTag} from '../types/elements.js';

export {
  callbackKitTags,
  callbackKitEvents,
  isCallbackKitElement,
  type CallbackKitTag,
  type CallbackKitElementProperties,
  type CallbackKitEventHandlers,
  type CallbackKitEventMap,
} from '../types/elements.js';

/** The props of a kit tag in a Vue template: its properties and its events as `on<EventName>` (`@event-name`). */
export type CallbackKitVueProps<T extends CallbackKitTag> = CallbackKitElementProperties<T> &
  CallbackKitEventHandlers<T>;

/** A kit tag as Vue's type checker sees it. */
export type CallbackKitVueComponent<T extends CallbackKitTag> = DefineComponent<CallbackKitVueProps<T>>;

declare module 'vue' {
  interface GlobalComponents {
    'agent-session': CallbackKitVueComponent<'agent-session'>;
    'timeslot-grid': CallbackKitVueComponent<'timeslot-grid'>;
    'callback-scheduler': CallbackKitVueComponent<'callback-scheduler'>;
    'callback-list': CallbackKitVueComponent<'callback-list'>;
    'campaign-list': CallbackKitVueComponent<'campaign-list'>;
    'logout-countdown': CallbackKitVueComponent<'logout-countdown'>;
  }
}
