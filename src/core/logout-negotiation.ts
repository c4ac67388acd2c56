/**
 * The negotiated logout as a DOM-free state machine: what `<logout-countdown>` renders and acts on.
 *
 * | from | transition | to |
 * |---|---|---|
 * | idle, error | `begin('request' / 'retry')` | requesting |
 * | requesting, deferred | `answered(token, {authorized: true})` | authorized |
 * | requesting, deferred | `answered(token, {authorized: false, notBefore})` | deferred (countdown to `notBefore`) |
 * | deferred | `tick(now)` at the recheck instant returns `'recheck'`; `begin('recheck')` | deferred, checking |
 * | deferred | `backendAuthorized(agentId)`, `authorize()` | authorized |
 * | requesting | `failed(token, error)` | error |
 * | deferred (checking) | `failed(token, error)` | deferred with a problem (Retry: `begin('recheck')`) |
 * | any (host veto of a request) | `vetoed(reason)` | idle, note "stopped" (a deferral is given up) |
 * | requesting, deferred | `cancel()` | idle, note "canceled" |
 * | idle, authorized, error | `reset()` | idle |
 * | error | `dismiss()` | idle |
 * | deferred, authorized after a deferral | `dismiss()` / `expand()` | the same phase, folded into a chip / unfolded |
 *
 * - No timers inside: the owner feeds it time (`tick(now)` when `nextDeadline()` is reached; answers carry `now`).
 * - Every transition that makes an answer in flight stale bumps a token: `begin()` returns one, and `answered()`
 *   / `failed()` with an older token change nothing (an answer to a canceled or superseded request is ignored).
 * - One way back to idle (`#toIdle`), used by veto, cancel, reset and dismissing an error.
 * - No words: announcements and notes are data (`LogoutAnnouncement`, `LogoutNote`); the element words them in the
 *   UI language. Effects (events to fire, the backend to tell of a cancel, where focus goes) go to `onEffect`.
 */
import type {CallbackKitError} from './errors.js';
import {Temporal} from './temporal.js';

/** Where the negotiated logout stands. */
export type LogoutPhase = 'idle' | 'requesting' | 'deferred' | 'authorized' | 'error';

/** Why a request is made: the agent asks, Retry after an error, or the countdown reached `notBefore`. */
export type LogoutTrigger = 'request' | 'retry' | 'recheck';

/** The step that failed: asking (`request`, also a retry), asking again (`recheck`), telling the backend of a cancel. */
export type LogoutOperation = 'request' | 'recheck' | 'cancel';

/** An answer already checked: authorized, or refused until a valid instant. */
export type CheckedLogoutDecision =
  | {readonly authorized: true}
  | {readonly authorized: false; readonly notBefore: Temporal.Instant; readonly reason: string};

/** A deferred logout. */
export interface LogoutDeferral {
  readonly notBefore: Temporal.Instant;
  /** Why it waits, as answered (trimmed; empty when the answer gave none). */
  readonly reason: string;
  /** Time left when this deferral was answered (a progress display shows the fraction still to wait). */
  readonly totalMs: number;
  /** How many refusals so far in this logout (1 on the first deferral). */
  readonly refusals: number;
}

/** What to tell the agent next to the Logout button after a logout ended without one. */
export type LogoutNote = {readonly kind: 'vetoed'; readonly reason?: string} | {readonly kind: 'canceled'};

/** What screen readers should hear (the owner words it). */
export type LogoutAnnouncement =
  | {readonly kind: 'deferred'; readonly again: boolean; readonly reason: string; readonly remainingMs: number}
  | {readonly kind: 'time-left'; readonly remainingMs: number}
  | {readonly kind: 'authorized'}
  | LogoutNote;

/** The surface focus belongs on after a transition (when focus was inside the element). */
export type LogoutSurface = 'logout-button' | 'panel' | 'chip' | 'confirmation' | 'retry';

/** What the owner does after a transition. */
export type LogoutEffect =
  | {
      readonly type: 'authorized';
      readonly agentId: string | undefined;
      readonly deferred: boolean;
      readonly notBefore?: Temporal.Instant;
      readonly source: 'response' | 'backend-event';
    }
  | {readonly type: 'canceled'; readonly agentId: string | undefined; readonly notBefore?: Temporal.Instant}
  | {
      readonly type: 'error';
      readonly error: CallbackKitError;
      readonly operation: LogoutOperation;
      readonly agentId: string | undefined;
    }
  /** Tell a backend that can (`cancelLogout`) that this agent gave up; report with `cancelSettled(token, ...)`. */
  | {readonly type: 'tell-backend-canceled'; readonly agentId: string; readonly token: number}
  | {readonly type: 'announce'; readonly announcement: LogoutAnnouncement}
  | {readonly type: 'focus'; readonly surface: LogoutSurface};

/** Longest pause between two rechecks when the backend keeps refusing with a `notBefore` already past. */
export const MAX_RECHECK_BACKOFF_MS = 30_000;

/** Screen readers hear the time left at every whole minute and at this many milliseconds left. */
export const FINAL_MARK_MS = 10_000;

/** Whole seconds left, rounded up (8.2 s left shows 00:09; the display reaches 00:00 at the deadline itself). */
export function secondsLeft(remainingMs: number): number {
  return Math.max(0, Math.ceil(remainingMs / 1000));
}

/**
 * The next announcement mark strictly below `remainingMs`: the whole minute under it, then 10 seconds, then none.
 * 125 s -> 120 s; 120 s -> 60 s; 60 s -> 10 s; 10 s -> none.
 */
export function markBelow(remainingMs: number): number | undefined {
  if (remainingMs > 60_000) return (Math.ceil(remainingMs / 60_000) - 1) * 60_000;
  if (remainingMs > FINAL_MARK_MS) return FINAL_MARK_MS;
  return undefined;
}

/** Where the negotiation stands; read-only for its owner. */
export interface LogoutSnapshot {
  readonly phase: LogoutPhase;
  /** The agent of the logout in progress (or of the last one). */
  readonly agentId: string | undefined;
  /** While deferred, and after an authorization that was deferred first. */
  readonly deferral: LogoutDeferral | undefined;
  /** The agent put the panel (or confirmation) away: a compact chip shows instead. */
  readonly dismissed: boolean;
  /** A recheck is in flight (still deferred). */
  readonly checking: boolean;
  /** Why the request failed (`error`) or the recheck failed (still `deferred`; Retry asks again). */
  readonly problem: CallbackKitError | undefined;
  /** The outcome shown in the idle state (stopped by the host, canceled). */
  readonly note: LogoutNote | undefined;
  /** The backend could not be told of a cancel (Retry tells it again). */
  readonly cancelProblem: CallbackKitError | undefined;
}

/**
 * The negotiation. Construct it with an effect listener; call its transitions from the element's handlers, its
 * request's outcome and its deadline; render its snapshot.
 */
export class LogoutNegotiation implements LogoutSnapshot {
  readonly #onEffect: (effect: LogoutEffect) => void;

  #phase: LogoutPhase = 'idle';
  #agentId?: string;
  #deferral?: LogoutDeferral;
  #dismissed = false;
  #checking = false;
  #problem?: CallbackKitError;
  #note?: LogoutNote;
  #cancelProblem?: {error: CallbackKitError; agentId: string};
  /** Bumped by every transition that makes an answer in flight stale. */
  #token = 0;
  /** The trigger of the request the current token belongs to. */
  #trigger?: LogoutTrigger;
  /** When to ask again: `notBefore`, or later when the backend answered with a `notBefore` already past. */
  #recheckAt?: Temporal.Instant;
  /** Consecutive refusals whose `notBefore` was already past (backoff of the rechecks). */
  #stale = 0;
  /** The next display tick: when the whole seconds left change. */
  #tickAt?: Temporal.Instant;
  /** The next time-left mark (ms) screen readers hear, or undefined. */
  #nextMark?: number;

  constructor(options: {onEffect?: (effect: LogoutEffect) => void} = {}) {
    this.#onEffect = options.onEffect ?? (() => {});
  }

  get phase(): LogoutPhase {
    return this.#phase;
  }
  get agentId(): string | undefined {
    return this.#agentId;
  }
  get deferral(): LogoutDeferral | undefined {
    return this.#deferral;
  }
  get dismissed(): boolean {
    return this.#dismissed;
  }
  get checking(): boolean {
    return this.#checking;
  }
  get problem(): CallbackKitError | undefined {
    return this.#problem;
  }
  get note(): LogoutNote | undefined {
    return this.#note;
  }
  get cancelProblem(): CallbackKitError | undefined {
    return this.#cancelProblem?.error;
  }

  /** Asked or deferred: the backend's `logout-authorized` events matter (subscribe exactly then). */
  get listening(): boolean {
    return this.#phase === 'requesting' || this.#phase === 'deferred';
  }

  /** A request or recheck is in flight. */
  get busy(): boolean {
    return this.#phase === 'requesting' || this.#checking;
  }

  /** Whether `dismiss()` would do something: an error, a deferral's panel, or a deferred logout's confirmation. */
  get canDismiss(): boolean {
    if (this.#phase === 'error') return true;
    if (this.#dismissed) return false;
    return this.#phase === 'deferred' || (this.#phase === 'authorized' && !!this.#deferral);
  }

  /**
   * The trigger of a new request by the agent (Logout button, `requestLogout()`): `request`, or `retry` after an
   * error. Undefined while a logout is asked, deferred or authorized: nothing new is asked then.
   */
  get requestTrigger(): LogoutTrigger | undefined {
    if (this.#phase === 'requesting' || this.#phase === 'deferred' || this.#phase === 'authorized') return undefined;
    return this.#phase === 'error' ? 'retry' : 'request';
  }

  /** The trigger of Retry: `recheck` while deferred (after a failed recheck), else `retry`. */
  get retryTrigger(): LogoutTrigger {
    return this.#phase === 'deferred' ? 'recheck' : 'retry';
  }

  /** The agent a request is about: a recheck keeps the logout's agent, anything else asks for the signed-in one. */
  agentFor(trigger: LogoutTrigger, signedIn: string | undefined): string | undefined {
    return trigger === 'recheck' ? this.#agentId : signedIn;
  }

  /** Milliseconds to `notBefore` (negative once past; 0 without a deferral). */
  remainingMs(now: Temporal.Instant): number {
    return this.#deferral ? this.#deferral.notBefore.epochMilliseconds - now.epochMilliseconds : 0;
  }

  /** The next display tick or recheck, whichever is first; undefined when nothing is due (not deferred, checking). */
  nextDeadline(): Temporal.Instant | undefined {
    if (this.#phase !== 'deferred' || !this.#deferral || this.#checking) return undefined;
    const recheck = this.#problem ? undefined : this.#recheckAt;
    if (!this.#tickAt || !recheck) return this.#tickAt ?? recheck;
    return Temporal.Instant.compare(this.#tickAt, recheck) <= 0 ? this.#tickAt : recheck;
  }

  /**
   * The host did not veto: the request is on. A new request (or retry) forgets the last logout and asks; a recheck
   * keeps the deferral on screen while it asks. Returns the token its answer must carry.
   */
  begin(trigger: LogoutTrigger, agentId: string | undefined): number {
    this.#token++;
    this.#trigger = trigger;
    this.#agentId = agentId;
    this.#problem = undefined;
    if (trigger === 'recheck') {
      this.#checking = true;
    } else {
      this.#clear();
      this.#phase = 'requesting';
    }
    return this.#token;
  }

  /** The host vetoed the request (`logout-request` canceled): nothing is asked; a pending deferral is given up. */
  vetoed(reason?: string): void {
    const pendingAgent = this.#phase === 'deferred' ? this.#agentId : undefined;
    const note: LogoutNote = reason ? {kind: 'vetoed', reason} : {kind: 'vetoed'};
    this.#toIdle(note);
    this.#emit({type: 'announce', announcement: note});
    this.#emit({type: 'focus', surface: 'logout-button'});
    if (pendingAgent) this.#emit({type: 'tell-backend-canceled', agentId: pendingAgent, token: this.#token});
  }

  /** The answer to the request with `token`. False (and nothing changes) when that request went stale. */
  answered(token: number, decision: CheckedLogoutDecision, now: Temporal.Instant): boolean {
    if (token !== this.#token) return false;
    if (decision.authorized) {
      this.#authorize('response');
      return true;
    }
    const remaining = decision.notBefore.epochMilliseconds - now.epochMilliseconds;
    const previous = this.#phase === 'deferred' ? this.#deferral : undefined;
    this.#deferral = {
      notBefore: decision.notBefore,
      reason: decision.reason.trim(),
      totalMs: Math.max(0, remaining),
      refusals: (previous?.refusals ?? 0) + 1,
    };
    this.#phase = 'deferred';
    this.#checking = false;
    this.#problem = undefined;
    this.#stale = remaining > 0 ? 0 : this.#stale + 1;
    this.#recheckAt =
      remaining > 0
        ? decision.notBefore
        : now.add({milliseconds: Math.min(MAX_RECHECK_BACKOFF_MS, 1000 * 2 ** (this.#stale - 1))});
    this.#nextMark = markBelow(remaining);
    this.#scheduleTick(now);
    this.#emit({
      type: 'announce',
      announcement: {kind: 'deferred', again: !!previous, reason: this.#deferral.reason, remainingMs: remaining},
    });
    this.#emit({type: 'focus', surface: this.#dismissed ? 'chip' : 'panel'});
    return true;
  }

  /**
   * The request with `token` failed. A failed recheck keeps the deferral (the backend's event can still authorize;
   * Retry asks again) and never hides in the chip; a failed request is the `error` phase. False when stale.
   */
  failed(token: number, error: CallbackKitError): boolean {
    if (token !== this.#token) return false;
    const operation: LogoutOperation = this.#trigger === 'recheck' ? 'recheck' : 'request';
    if (operation === 'recheck' && this.#phase === 'deferred') {
      this.#checking = false;
      this.#problem = error;
      this.#recheckAt = undefined;
      if (this.#dismissed) {
        this.#dismissed = false;
        this.#emit({type: 'focus', surface: 'retry'});
      }
    } else {
      this.#clear();
      this.#phase = 'error';
      this.#problem = error;
      this.#emit({type: 'focus', surface: 'retry'});
    }
    this.#emit({type: 'error', error, operation, agentId: this.#agentId});
    return true;
  }

  /** The backend's `logout-authorized` event: authorizes a deferral of this agent (never another agent's). */
  backendAuthorized(agentId: string): boolean {
    // A stale event of an earlier, canceled logout can arrive while a new one is asked: only a deferral waits for it.
    if (agentId !== this.#agentId || this.#phase !== 'deferred') return false;
    this.#authorize('backend-event');
    return true;
  }

  /** The host pushes the authorization of a deferred logout. */
  authorize(): boolean {
    if (this.#phase !== 'deferred') return false;
    this.#authorize('backend-event');
    return true;
  }

  /** The agent gives up the logout being asked or deferred: idle, and a later answer or event is ignored. */
  cancel(): boolean {
    if (!this.listening) return false;
    const agentId = this.#agentId;
    const notBefore = this.#deferral?.notBefore;
    const note: LogoutNote = {kind: 'canceled'};
    this.#toIdle(note);
    this.#emit({type: 'announce', announcement: note});
    this.#emit({type: 'focus', surface: 'logout-button'});
    this.#emit({type: 'canceled', agentId, ...(notBefore ? {notBefore} : {})});
    if (agentId) this.#emit({type: 'tell-backend-canceled', agentId, token: this.#token});
    return true;
  }

  /** How telling the backend of a cancel went (`error` undefined: told). Shown only while nothing newer happened. */
  cancelSettled(token: number, agentId: string, error?: CallbackKitError): void {
    if (token === this.#token) this.#cancelProblem = error ? {error, agentId} : undefined;
    if (error) this.#emit({type: 'error', error, operation: 'cancel', agentId});
  }

  /** Retry of a failed cancel: tells the backend again. */
  retryCancel(): boolean {
    const failed = this.#cancelProblem;
    if (!failed) return false;
    this.#cancelProblem = undefined;
    this.#emit({type: 'tell-backend-canceled', agentId: failed.agentId, token: this.#token});
    return true;
  }

  /** Back to idle after an authorization (the agent logged in again) or an error. Not while asked or deferred. */
  reset(): boolean {
    if (this.listening) return false;
    this.#toIdle();
    return true;
  }

  /** Dismiss: an error goes back to idle; a deferral's panel or confirmation folds into the chip. */
  dismiss(): boolean {
    if (!this.canDismiss) return false;
    if (this.#phase === 'error') this.#toIdle();
    else this.#dismissed = true;
    return true;
  }

  /** The chip unfolds into the panel (or confirmation). */
  expand(): boolean {
    if (!this.#dismissed) return false;
    this.#dismissed = false;
    return true;
  }

  /**
   * Time passed (call it when `nextDeadline()` is reached, or at any time): moves the display tick, announces the
   * time left at a mark, and returns `'recheck'` when the countdown ended and the owner must ask again.
   */
  tick(now: Temporal.Instant): 'recheck' | undefined {
    if (this.#phase !== 'deferred' || !this.#deferral || this.#checking) return undefined;
    this.#scheduleTick(now);
    const remaining = this.remainingMs(now);
    if (this.#nextMark !== undefined && remaining <= this.#nextMark) {
      // One announcement even when several marks passed at once (the tab slept): the time left now.
      this.#nextMark = markBelow(remaining);
      if (remaining > 0) this.#emit({type: 'announce', announcement: {kind: 'time-left', remainingMs: remaining}});
    }
    if (this.#recheckAt && !this.#problem && Temporal.Instant.compare(now, this.#recheckAt) >= 0) {
      this.#recheckAt = undefined;
      return 'recheck';
    }
    return undefined;
  }

  #authorize(source: 'response' | 'backend-event'): void {
    this.#token++;
    const deferral = this.#deferral;
    this.#phase = 'authorized';
    this.#checking = false;
    this.#problem = undefined;
    this.#recheckAt = this.#tickAt = this.#nextMark = undefined;
    this.#emit({type: 'announce', announcement: {kind: 'authorized'}});
    this.#emit({type: 'focus', surface: this.#dismissed ? 'chip' : 'confirmation'});
    this.#emit({
      type: 'authorized',
      agentId: this.#agentId,
      deferred: !!deferral,
      ...(deferral ? {notBefore: deferral.notBefore} : {}),
      source,
    });
  }

  /** The one way back to idle: whatever was in flight goes stale, the last logout is forgotten. */
  #toIdle(note?: LogoutNote): void {
    this.#token++;
    this.#clear();
    this.#phase = 'idle';
    this.#note = note;
  }

  /** Forgets the logout in progress (not the phase). */
  #clear(): void {
    this.#deferral = undefined;
    this.#checking = false;
    this.#problem = undefined;
    this.#dismissed = false;
    this.#note = undefined;
    this.#cancelProblem = undefined;
    this.#recheckAt = this.#tickAt = this.#nextMark = undefined;
    this.#stale = 0;
  }

  /** The moment the displayed whole seconds change next (`notBefore` at most), computed from `now`. */
  #scheduleTick(now: Temporal.Instant): void {
    const remaining = this.remainingMs(now);
    this.#tickAt =
      remaining > 0 && this.#deferral
        ? Temporal.Instant.fromEpochMilliseconds(
            this.#deferral.notBefore.epochMilliseconds - (secondsLeft(remaining) - 1) * 1000,
          )
        : undefined;
  }

  #emit(effect: LogoutEffect): void {
    this.#onEffect(effect);
  }
}
