/**
 * "Maria Lopez works 9:00 AM – 5:00 PM today": the owner's working hours on the chosen day, from
 * `backend.getAgentShifts`, in the agent's zone. Loaded again when the owner, the day, the zone or the locale changes.
 */
import {msg, str} from '@lit/localize';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {SchedulingBackend} from '../../core/backend.js';
import {Temporal} from '../../core/temporal.js';
import {zonedFromLocal} from '../../core/time.js';
import type {Agent, AgentShift} from '../../core/types.js';
import {formatTimeRange, isolate} from '../../internal/format.js';

/** What the hours are asked for (undefined `agentId` or a backend without `getAgentShifts`: no hours shown). */
export interface OwnerHoursQuery {
  backend?: SchedulingBackend;
  agentId?: string;
  day: Temporal.PlainDate;
  today: Temporal.PlainDate;
  zone: string;
  locale?: string;
  /** The agents known by name. */
  agents: () => Agent[];
}

export class OwnerHoursController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #query: () => OwnerHoursQuery;
  #key?: string;
  #abort?: AbortController;
  /** The sentence shown, once loaded. */
  text?: string;

  constructor(host: ReactiveControllerHost, query: () => OwnerHoursQuery) {
    this.#host = host;
    this.#query = query;
    host.addController(this);
  }

  hostUpdated(): void {
    const query = this.#query();
    const {backend, agentId, day} = query;
    const key = backend?.getAgentShifts && agentId ? `${agentId}|${day}|${query.zone}|${query.locale}` : '';
    if (key === this.#key) return;
    this.#key = key;
    this.#abort?.abort();
    if (!key) return this.#set(undefined);
    const abort = new AbortController();
    this.#abort = abort;
    void this.#load(query, abort.signal);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#key = undefined;
  }

  #set(text: string | undefined): void {
    if (text === this.text) return;
    this.text = text;
    this.#host.requestUpdate();
  }

  async #load(query: OwnerHoursQuery, signal: AbortSignal): Promise<void> {
    const {zone, day, locale} = query;
    const agentId = query.agentId!;
    const from = zonedFromLocal(day, '00:00', zone).toInstant();
    const to = zonedFromLocal(day.add({days: 1}), '00:00', zone).toInstant();
    let shifts: AgentShift[];
    try {
      shifts = await query.backend!.getAgentShifts!(agentId, {from: from.toString(), to: to.toString()}, {signal});
    } catch {
      if (!signal.aborted) this.#set(undefined);
      return;
    }
    if (signal.aborted) return;
    const name = isolate(query.agents().find((a) => a.id === agentId)?.name ?? agentId);
    const clamp = (value: string, edge: Temporal.Instant, later: boolean) => {
      const instant = Temporal.Instant.from(value);
      return Temporal.Instant.compare(instant, edge) < 0 === later ? edge : instant;
    };
    const hours = new Intl.ListFormat(locale, {type: 'conjunction'}).format(
      shifts.map((s) => formatTimeRange(clamp(s.start, from, true), clamp(s.end, to, false), {locale, timeZone: zone})),
    );
    const today = day.equals(query.today);
    this.#set(
      shifts.length
        ? today
          ? msg(str`${name} works ${hours} today`)
          : msg(str`${name} works ${hours} that day`)
        : today
          ? msg(str`${name} does not work today`)
          : msg(str`${name} does not work that day`),
    );
  }
}
