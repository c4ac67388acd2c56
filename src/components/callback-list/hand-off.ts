/**
 * Personal callbacks that go to their campaign when the agent does not launch them in time
 * (`policy.personalHandOffMinutes` after their start): the countdown `<callback-list>` shows on the agent's overdue
 * personal callbacks (re-rendered every second while one counts down, never while the page is hidden) and the
 * callbacks the backend handed off (`callback-handed-off`).
 */
import {msg, str} from '@lit/localize';
import type {ReactiveControllerHost} from 'lit';
import type {Clock} from '../../core/clock.js';
import {Temporal} from '../../core/temporal.js';
import type {Callback} from '../../core/types.js';
import {DeadlineController} from '../../internal/deadline-controller.js';
import type {ListItem} from './callback-list-model.js';

export interface HandOffOptions {
  clock(): Clock;
  /** `policy.personalHandOffMinutes` (undefined: no hand-off). */
  minutes(): number | undefined;
  agentId(): string | undefined;
  items(): Iterable<ListItem>;
}

export class HandOff {
  /** Callbacks of this list the backend handed to their campaign (the row says so). */
  readonly #handedOff = new Set<string>();
  readonly #options: HandOffOptions;
  readonly #ticker: DeadlineController;
  #second = 0;

  constructor(host: ReactiveControllerHost, options: HandOffOptions) {
    this.#options = options;
    this.#ticker = new DeadlineController(host, {
      clock: options.clock,
      whileHidden: false,
      next: () => {
        const handOffAt = this.#rule();
        if (!handOffAt) return undefined; // no hand-off policy: nothing to count down (no pass over the items)
        const nowMs = options.clock().now().epochMilliseconds;
        for (const item of options.items()) {
          const at = handOffAt(item.callback);
          // the next second after the one last shown: a clock that jumps re-renders at once
          if (at !== undefined && at > nowMs - 1000 && item.startMs <= nowMs + 1000) {
            return Temporal.Instant.fromEpochMilliseconds((this.#second + 1) * 1000);
          }
        }
        return undefined;
      },
      run: (now) => {
        this.#second = Math.floor(now.epochMilliseconds / 1000);
        host.requestUpdate();
      },
    });
  }

  /** Schedules the next tick (call in `willUpdate`). */
  update(): void {
    if (!this.#ticker.pending) this.#ticker.update();
  }

  /** The backend handed a callback off: true the first time. */
  markHandedOff(id: string): boolean {
    if (this.#handedOff.has(id)) return false;
    this.#handedOff.add(id);
    return true;
  }

  /** What an open row says: "Goes to the campaign in 4:59", "Handed to the campaign", or nothing. */
  text(item: ListItem, open: boolean, nowMs: number): string | undefined {
    const {callback} = item;
    const at = open ? this.#rule()?.(callback) : undefined;
    if (at !== undefined && item.startMs <= nowMs && at > nowMs) {
      const left = Math.ceil((at - nowMs) / 1000);
      const countdown = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
      return msg(str`Goes to the campaign in ${countdown}`);
    }
    return this.#handedOff.has(callback.id) || callback.handedOffFrom ? msg('Handed to the campaign') : undefined;
  }

  /**
   * When the agent's own personal callback goes to its campaign: a rule per callback, or undefined without a
   * hand-off policy. The rule says undefined when it does not apply: not the agent's, a followup, no campaign, or
   * not open.
   */
  #rule(): ((callback: Callback) => number | undefined) | undefined {
    const minutes = this.#options.minutes();
    if (minutes === undefined || !(minutes >= 0)) return undefined;
    const agentId = this.#options.agentId();
    return (callback) => {
      if (callback.type !== 'personal' || callback.kind === 'followup' || !callback.campaignId) return undefined;
      if (callback.ownerAgentId !== agentId || this.#handedOff.has(callback.id)) return undefined;
      if (callback.status !== 'scheduled' && callback.status !== 'due') return undefined;
      const start = Date.parse(callback.start);
      return Number.isNaN(start) ? undefined : start + minutes * 60_000;
    };
  }
}
