import {msg, str} from '@lit/localize';
import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {classMap} from 'lit/directives/class-map.js';
import type {BackendEvent, LogoutDecision, SchedulingBackend} from '../../core/backend.js';
import {BackendUnavailableError, CallbackKitError, ValidationError} from '../../core/errors.js';
import {Temporal} from '../../core/temporal.js';
import {LogoutAuthorizedEvent} from '../../events/logout-authorized.js';
import {LogoutCanceledEvent} from '../../events/logout-canceled.js';
import {LogoutErrorEvent, type LogoutErrorOperation} from '../../events/logout-error.js';
import {LogoutRequestEvent, type LogoutRequestTrigger} from '../../events/logout-request.js';
import {DeadlineController} from '../../internal/deadline-controller.js';
import {defineElement} from '../../internal/define.js';
import {NoHandlerError, withTimeout} from '../../internal/host-request.js';
import {KitElement} from '../../internal/kit-element.js';
import {styleProperties} from '../../internal/style-properties.js';
import {errorMessage} from '../../internal/localization.js';
import {countdownText, markBelow, secondsLeft, spokenDuration, timeFormat} from './logout-countdown-format.js';
import {styles} from './logout-countdown.styles.js';

/** Where the negotiated logout stands. */
export type LogoutState = 'idle' | 'requesting' | 'deferred' | 'authorized' | 'error';

/**
 * An optional extension of `SchedulingBackend`: a backend that has it is told when the agent cancels a deferred
 * logout (the contract has no cancel operation; a backend without one is simply not told, and the element ignores
 * any later `logout-authorized` of the canceled request).
 */
export interface LogoutCancelingBackend {
  cancelLogout(q: {agentId: string}): Promise<void>;
}

interface Deferral {
  notBefore: Temporal.Instant;
  reason: string;
  /** Time left when this deferral was answered (the ring shows the fraction still to wait). */
  totalMs: number;
  /** How many refusals so far in this logout (1 on the first deferral). */
  refusals: number;
}

type CheckedDecision = {authorized: true} | {authorized: false; notBefore: Temporal.Instant; reason: string};

/** Longest pause between two rechecks when the backend keeps refusing with a `notBefore` already past. */
const MAX_RECHECK_BACKOFF_MS = 30_000;

/** Any failure as a typed kit error: a `CallbackKitError` as it is, anything else as `BackendUnavailableError`. */
function toKitError(error: unknown): CallbackKitError {
  if (error instanceof CallbackKitError) return error;
  return new BackendUnavailableError(msg('The scheduling service is unavailable. Try again in a moment.'), {
    cause: error,
  });
}

/** Checks an answer from a backend or a host: a refusal needs a valid `notBefore`. */
function checkDecision(value: unknown): CheckedDecision {
  const answer = value as Partial<LogoutDecision> | null | undefined;
  if (!answer || typeof answer !== 'object' || typeof answer.authorized !== 'boolean') {
    throw new ValidationError(
      [{field: 'authorized', code: 'invalid', message: msg('The logout answer says neither authorized nor deferred.')}],
      msg('The logout answer is not valid: it says neither authorized nor deferred.'),
    );
  }
  if (answer.authorized) return {authorized: true};
  const refusal = answer as {notBefore?: unknown; reason?: unknown};
  let notBefore: Temporal.Instant | undefined;
  try {
    notBefore = typeof refusal.notBefore === 'string' ? Temporal.Instant.from(refusal.notBefore) : undefined;
  } catch {
    notBefore = undefined;
  }
  if (!notBefore) {
    const value = JSON.stringify(refusal.notBefore ?? null);
    throw new ValidationError(
      [
        {
          field: 'notBefore',
          code: 'invalid-instant',
          message: msg('The deferred logout has no valid notBefore instant.'),
        },
      ],
      msg(str`The logout answer is not valid: notBefore ${value} is not an ISO instant.`),
    );
  }
  const reason = typeof refusal.reason === 'string' ? refusal.reason.trim() : '';
  return {authorized: false, notBefore, reason};
}

/** Thrown into a host wait when the element is removed, so the wait's timeout timer is cleared. */
const DETACHED = Symbol('detached');

/**
 * Negotiated logout that never breaks a predictive call. The Logout button (or `requestLogout()`) fires a
 * cancelable `logout-request`, then asks the backend (or the host, through `detail.respondWith`). Authorized at
 * once: a short confirmation and `logout-authorized`. Deferred because the dialer is setting up a call: a panel
 * "Awaiting logoff authorization" with the reason and a live mm:ss countdown to `notBefore`, which the agent can
 * dismiss to a compact status chip (its label and tooltip keep the time left) or cancel. Authorization arrives by
 * the backend's `logout-authorized` event or by asking again when the countdown ends.
 *
 * The countdown is `notBefore - clock.now()` at every tick (one timer, only while the page is visible and a logout
 * is deferred, none once removed), so it is exact after the tab slept. Screen readers hear the deferral and its
 * reason, the time left once a minute and at 10 seconds, then the authorization; never every second.
 *
 * Cancel logout tells a backend that has the optional `cancelLogout({agentId})` method (`LogoutCancelingBackend`);
 * `logout-canceled` tells the host. Failures show a Retry and say whether the agent is still logged in.
 *
 * Custom states for host styling: `:state(idle)`, `:state(requesting)`, `:state(deferred)`,
 * `:state(authorized)`, `:state(error)`, `:state(dismissed)`.
 *
 * @tagname logout-countdown
 * @summary Negotiated logout: asks, shows "awaiting logoff authorization" with a live countdown, confirms.
 *
 * @event {LogoutRequestEvent} logout-request - Cancelable. The agent asks to log out (`detail.trigger` `request`), retries after an error (`retry`), or the countdown ended and the element asks again (`recheck`). `preventDefault()` or `veto(reason)` stops the logout; `detail.respondWith(promise of LogoutDecision)` answers instead of the backend. `detail: {agentId, trigger, hasBackend, respondWith}`.
 * @event {LogoutAuthorizedEvent} logout-authorized - The logout is authorized (once per logout): end the session. `detail: {agentId, deferred, notBefore?, source}`.
 * @event {LogoutCanceledEvent} logout-canceled - The agent canceled a pending logout and stays logged in. `detail: {agentId, notBefore?}`.
 * @event {LogoutErrorEvent} logout-error - A step failed (`detail.operation`: `request`, `recheck` or `cancel`); `detail.error` is a `CallbackKitError`.
 *
 * @csspart logout-button - The Logout button.
 * @csspart note - A one-line outcome shown next to the button (logout stopped or canceled).
 * @csspart panel - The "Awaiting logoff authorization" panel.
 * @csspart ring - The progress ring around the countdown.
 * @csspart countdown - The mm:ss time left (in the panel and in the chip).
 * @csspart title - The panel's title.
 * @csspart reason - Why the logout waits.
 * @csspart expected - The wall-clock time the logout is expected at.
 * @csspart actions - A row of buttons.
 * @csspart button - Every secondary button (Cancel logout, Dismiss, Retry).
 * @csspart cancel-button - The Cancel logout button.
 * @csspart dismiss-button - The Dismiss buttons.
 * @csspart retry-button - The Retry buttons.
 * @csspart chip - The compact status chip shown after Dismiss.
 * @csspart chip-indicator - The chip's (pulsing) dot.
 * @csspart confirmation - The "Logoff authorized" confirmation.
 * @csspart error - An error message.
 *
 * @cssproperty --ck-logout-countdown-background - Panel and chip background (default `--ck-color-surface`).
 * @cssproperty --ck-logout-countdown-border-color - Panel and chip border (default `--ck-color-border`).
 * @cssproperty --ck-logout-countdown-accent - Waiting colour: ring, chip dot, Logout button (default `--ck-color-warning`).
 * @cssproperty --ck-logout-countdown-success - Confirmation colour (default `--ck-color-success`).
 * @cssproperty --ck-logout-countdown-danger - Error colour (default `--ck-color-danger`).
 * @cssproperty --ck-logout-countdown-radius - Corner radius (default `--ck-radius`, 6px).
 * @cssproperty --ck-logout-countdown-ring-size - Diameter of the progress ring (default 4.5rem).
 */
export class LogoutCountdownElement extends KitElement {
  static override styles = styles;

  #internals?: ElementInternals;
  /** Bumped by every transition that makes an answer in flight stale (authorized, canceled, vetoed, new request). */
  #token = 0;
  /** The agent of the logout in progress. */
  #agentId?: string;
  #subscribedBackend?: SchedulingBackend;
  #unsubscribeBackend?: () => void;
  /** When to ask again: `notBefore`, or later when the backend answered with a `notBefore` already past. */
  #recheckAt?: Temporal.Instant;
  /** Consecutive answers whose `notBefore` was already past (backoff of the rechecks). */
  #stale = 0;
  /** The next display tick: when the whole seconds left change. */
  #tickAt?: Temporal.Instant;
  /** The next time-left mark (ms) screen readers hear, or undefined. */
  #nextMark?: number;
  /** Callbacks that end host waits when the element is removed. */
  #detachers = new Set<() => void>();
  /** CSS selector of what to focus after the next render (when focus was inside the element). */
  #focusNext?: string;
  /** Focus was inside the element when the current step started. */
  #hadFocus = false;
  /** The agent whose cancel the backend could not be told of (Retry tells it again). */
  #cancelAgentId?: string;

  #deadline = new DeadlineController(this, {
    clock: () => this.resolvedClock,
    next: () => this.#nextDeadline(),
    run: (now) => this.#onDeadline(now),
    whileHidden: false,
  });

  @state() private phase: LogoutState = 'idle';
  @state() private deferral?: Deferral;
  /** The agent put the panel (or confirmation) away: the chip shows instead. */
  @state() private dismissed = false;
  /** A recheck is in flight. */
  @state() private checking = false;
  /** The message of a failed request or recheck. */
  @state() private problem?: string;
  /** The outcome shown next to the button in the idle state (stopped by the host, canceled). */
  @state() private note?: string;
  /** The backend could not be told of a cancel. */
  @state() private cancelProblem?: string;
  /** The text of the polite live region. */
  @state() private announcement = '';

  /** Hides the Logout button, for hosts that have their own and call `requestLogout()`. */
  @property({type: Boolean, attribute: 'no-button', reflect: true}) noButton = false;

  /** How long to wait for a host's `respondWith` answer, in milliseconds (0: no limit). */
  @property({type: Number, attribute: 'response-timeout'}) responseTimeout = 30_000;

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals();
    } catch {
      this.#internals = undefined; // custom states are a progressive enhancement
    }
  }

  /** Where the logout stands: `idle`, `requesting`, `deferred`, `authorized` or `error`. */
  get logoutState(): LogoutState {
    return this.phase;
  }

  /** The instant a deferred logout is expected (ISO), while one is deferred or was just authorized. */
  get notBefore(): string | undefined {
    return this.deferral?.notBefore.toString();
  }

  override connectedCallback(): void {
    // Subscribe first: connecting the controllers may ask again at once (a deadline passed while removed).
    this.#syncSubscription();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#syncSubscription();
    for (const detach of [...this.#detachers]) detach();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('backend') || changed.has('session')) this.#syncSubscription();
    const states = this.#internals?.states;
    if (states) {
      for (const name of ['idle', 'requesting', 'deferred', 'authorized', 'error'] as const) {
        if (name === this.phase) states.add(name);
        else states.delete(name);
      }
      if (this.dismissed) states.add('dismissed');
      else states.delete('dismissed');
    }
    if (this.#focusNext) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusNext);
      this.#focusNext = undefined;
      target?.focus();
    }
  }

  /** Subscribed to the backend exactly while a logout is asked or deferred and the element is connected. */
  #syncSubscription(): void {
    const active = this.phase === 'requesting' || this.phase === 'deferred';
    const backend = this.isConnected && active ? this.resolvedBackend : undefined;
    if (backend === this.#subscribedBackend) return;
    this.#unsubscribeBackend?.();
    this.#unsubscribeBackend = this.#subscribedBackend = undefined;
    if (backend) {
      this.#subscribedBackend = backend;
      this.#unsubscribeBackend = backend.subscribe(this.#onBackendEvent);
    }
  }

  #onBackendEvent = (event: BackendEvent): void => {
    if (event.type !== 'logout-authorized' || event.agentId !== this.#agentId) return;
    // A stale event of an earlier, canceled logout can arrive while a new one is being asked: only a deferral waits for it.
    if (this.phase === 'deferred') this.#authorize('backend-event');
  };

  get #locale(): string | undefined {
    return this.resolvedLocale;
  }

  #hasFocus(): boolean {
    return this.matches(':focus-within');
  }

  /**
   * Whether to move focus to what the next render shows: focus is inside, or was inside when the agent acted and
   * got lost when the control they used went away (never steals focus from elsewhere on the page).
   */
  #shouldFocus(): boolean {
    const lost = !document.activeElement || document.activeElement === document.body;
    const result = this.#hasFocus() || (this.#hadFocus && lost);
    this.#hadFocus = false;
    return result;
  }

  #announce(text: string): void {
    // The same text twice in a row would not be re-announced: alternate a trailing no-break space.
    this.announcement =
      text === this.announcement.trimEnd() && !this.announcement.endsWith('\u00a0') ? `${text}\u00a0` : text;
  }

  #remainingMs(now = this.resolvedClock.now()): number {
    return this.deferral ? this.deferral.notBefore.epochMilliseconds - now.epochMilliseconds : 0;
  }

  /** The next display tick or recheck, whichever is first (a clock jump past it runs it at once). */
  #nextDeadline(): Temporal.Instant | undefined {
    if (this.phase !== 'deferred' || !this.deferral || this.checking) return undefined;
    const recheck = this.problem ? undefined : this.#recheckAt;
    if (!this.#tickAt || !recheck) return this.#tickAt ?? recheck;
    return Temporal.Instant.compare(this.#tickAt, recheck) <= 0 ? this.#tickAt : recheck;
  }

  /** The moment the displayed whole seconds change next (`notBefore` at most), computed from `now`. */
  #scheduleTick(now: Temporal.Instant): void {
    const remaining = this.#remainingMs(now);
    this.#tickAt =
      remaining > 0
        ? Temporal.Instant.fromEpochMilliseconds(
            this.deferral!.notBefore.epochMilliseconds - (secondsLeft(remaining) - 1) * 1000,
          )
        : undefined;
  }

  #onDeadline(now: Temporal.Instant): void {
    if (!this.deferral) return;
    this.#scheduleTick(now);
    const remaining = this.#remainingMs(now);
    if (this.#nextMark !== undefined && remaining <= this.#nextMark) {
      // One announcement even when several marks passed at once (the tab slept): the time left now.
      this.#nextMark = markBelow(remaining);
      if (remaining > 0) {
        const left = spokenDuration(secondsLeft(remaining), this.#locale);
        this.#announce(msg(str`${left} left before logoff authorization.`));
      }
    }
    if (this.#recheckAt && !this.problem && Temporal.Instant.compare(now, this.#recheckAt) >= 0) {
      this.#recheckAt = undefined;
      void this.#ask('recheck');
    }
    this.requestUpdate();
  }

  /** Asks the host (event) and then the backend or the host's answer; applies the answer unless it went stale. */
  async #ask(trigger: LogoutRequestTrigger): Promise<LogoutState> {
    const backend = this.resolvedBackend;
    const agentId = trigger === 'recheck' ? this.#agentId : this.resolvedAgent?.id;
    const event = new LogoutRequestEvent({agentId, trigger, hasBackend: !!backend});
    this.#hadFocus ||= this.#hasFocus();
    this.dispatchEvent(event);
    if (event.defaultPrevented) {
      this.#stopByHost(event.vetoReason);
      return this.phase;
    }
    const token = ++this.#token;
    this.#agentId = agentId;
    this.problem = undefined;
    if (trigger === 'recheck') {
      this.checking = true;
    } else {
      this.#clear();
      this.phase = 'requesting';
    }
    this.#syncSubscription();
    this.#deadline.update();
    try {
      const response = event.detail.response;
      let answer: unknown;
      if (response) answer = await this.#awaitHost(response);
      else if (backend) {
        if (!agentId) {
          throw new ValidationError(
            [{field: 'agent', code: 'required', message: msg('No agent is signed in.')}],
            msg('No agent is signed in: set the agent property or put the element inside <agent-session>.'),
          );
        }
        answer = await backend.requestLogout({agentId});
      } else throw new NoHandlerError('logout-request');
      if (token !== this.#token) return this.phase;
      this.#apply(checkDecision(answer));
    } catch (error) {
      if (token !== this.#token) return this.phase;
      this.#fail(error, trigger === 'recheck' ? 'recheck' : 'request');
    }
    return this.phase;
  }

  /** Waits for the host's answer with the timeout; once removed, keeps waiting without a timer (the answer is not lost). */
  async #awaitHost(response: Promise<LogoutDecision>): Promise<LogoutDecision> {
    if (!this.isConnected) return response;
    let detach!: () => void;
    const detached = new Promise<never>((_, reject) => {
      detach = () => reject(DETACHED);
    });
    this.#detachers.add(detach);
    try {
      return await withTimeout(Promise.race([response, detached]), this.responseTimeout, 'logout-request');
    } catch (error) {
      if (error === DETACHED) return response;
      throw error;
    } finally {
      this.#detachers.delete(detach);
    }
  }

  #apply(decision: CheckedDecision): void {
    if (decision.authorized) {
      this.#authorize('response');
      return;
    }
    const now = this.resolvedClock.now();
    const remaining = decision.notBefore.epochMilliseconds - now.epochMilliseconds;
    const previous = this.phase === 'deferred' ? this.deferral : undefined;
    const reason = decision.reason || msg('The dialer is setting up a call for you.');
    this.deferral = {
      notBefore: decision.notBefore,
      reason,
      totalMs: Math.max(0, remaining),
      refusals: (previous?.refusals ?? 0) + 1,
    };
    this.phase = 'deferred';
    this.checking = false;
    this.problem = undefined;
    this.#stale = remaining > 0 ? 0 : this.#stale + 1;
    this.#recheckAt =
      remaining > 0
        ? decision.notBefore
        : now.add({milliseconds: Math.min(MAX_RECHECK_BACKOFF_MS, 1000 * 2 ** (this.#stale - 1))});
    this.#nextMark = markBelow(remaining);
    this.#scheduleTick(now);
    const left = spokenDuration(secondsLeft(remaining), this.#locale);
    this.#announce(
      previous
        ? msg(str`Logoff still not authorized. ${reason} Time left: ${left}.`)
        : msg(str`Awaiting logoff authorization. ${reason} Time left: ${left}.`),
    );
    if (this.#shouldFocus()) this.#focusNext = this.dismissed ? '.chip' : '.panel';
    this.#syncSubscription();
    this.#deadline.update();
  }

  #authorize(source: 'response' | 'backend-event'): void {
    if (this.phase === 'authorized') return;
    this.#token++;
    const deferral = this.deferral;
    this.phase = 'authorized';
    this.checking = false;
    this.problem = undefined;
    this.#recheckAt = undefined;
    this.#tickAt = undefined;
    this.#nextMark = undefined;
    this.#syncSubscription();
    this.#deadline.update();
    this.#announce(msg('Logoff authorized. You are being logged out.'));
    if (this.#shouldFocus()) this.#focusNext = this.dismissed ? '.chip' : '.confirmation';
    this.dispatchEvent(
      new LogoutAuthorizedEvent({
        agentId: this.#agentId,
        deferred: !!deferral,
        ...(deferral ? {notBefore: deferral.notBefore.toString()} : {}),
        source,
      }),
    );
  }

  #fail(error: unknown, operation: LogoutErrorOperation): void {
    const kitError = toKitError(error);
    if (operation === 'recheck' && this.phase === 'deferred') {
      // Still deferred: the backend's logout-authorized event can still arrive; Retry asks again.
      this.checking = false;
      this.problem = errorMessage(kitError);
      this.#recheckAt = undefined;
      if (this.dismissed) {
        this.dismissed = false; // never hide a problem in the chip
        if (this.#shouldFocus()) this.#focusNext = '.retry';
      }
    } else {
      this.#clear();
      this.phase = 'error';
      this.problem = errorMessage(kitError);
      this.#syncSubscription();
      if (this.#shouldFocus()) this.#focusNext = '.retry';
    }
    this.#deadline.update();
    this.dispatchEvent(new LogoutErrorEvent({error: kitError, operation, agentId: this.#agentId}));
  }

  /** The host vetoed (`logout-request` canceled): nothing is asked; a pending deferral is given up. */
  #stopByHost(reason: string | undefined): void {
    const pendingAgent = this.phase === 'deferred' ? this.#agentId : undefined;
    this.#token++;
    this.#clear();
    this.phase = 'idle';
    this.#syncSubscription();
    this.#deadline.update();
    this.note = reason ? msg(str`Logout stopped: ${reason}`) : msg('Logout stopped by the application.');
    this.#announce(this.note);
    if (this.#shouldFocus() && !this.noButton) this.#focusNext = '.logout';
    if (pendingAgent) void this.#tellBackendCanceled(pendingAgent);
  }

  /** Forgets the logout in progress (not the phase). */
  #clear(): void {
    this.deferral = undefined;
    this.checking = false;
    this.problem = undefined;
    this.dismissed = false;
    this.note = undefined;
    this.cancelProblem = undefined;
    this.#cancelAgentId = undefined;
    this.#recheckAt = undefined;
    this.#tickAt = undefined;
    this.#nextMark = undefined;
    this.#stale = 0;
  }

  /** Tells a backend that has `cancelLogout` (see `LogoutCancelingBackend`); a failure is shown with a Retry. */
  async #tellBackendCanceled(agentId: string | undefined): Promise<void> {
    const backend = this.resolvedBackend as (SchedulingBackend & Partial<LogoutCancelingBackend>) | undefined;
    if (!agentId || typeof backend?.cancelLogout !== 'function') return;
    const token = this.#token;
    try {
      await backend.cancelLogout({agentId});
      if (token === this.#token) {
        this.cancelProblem = undefined;
        this.#cancelAgentId = undefined;
      }
    } catch (error) {
      const kitError = toKitError(error);
      if (token === this.#token) {
        this.cancelProblem = errorMessage(kitError);
        this.#cancelAgentId = agentId;
      }
      this.dispatchEvent(new LogoutErrorEvent({error: kitError, operation: 'cancel', agentId}));
    }
  }

  private handleLogoutClick(): void {
    if (this.phase === 'requesting') return; // aria-disabled while asking: never two requests
    void this.requestLogout();
  }

  private handleRetryClick(): void {
    void this.#ask(this.phase === 'deferred' ? 'recheck' : 'retry');
  }

  private handleRetryCancelClick(): void {
    const agentId = this.#cancelAgentId;
    this.cancelProblem = undefined;
    void this.#tellBackendCanceled(agentId);
  }

  private handleCancelClick(): void {
    void this.cancelLogout();
  }

  private handleDismissClick(): void {
    if (this.phase === 'error') {
      this.#clear();
      this.phase = 'idle';
      if (!this.noButton) this.#focusNext = '.logout';
      return;
    }
    this.dismissed = true;
    this.#focusNext = '.chip';
  }

  private handleChipClick(): void {
    this.dismissed = false;
    this.#focusNext = this.phase === 'authorized' ? '.confirmation' : '.panel';
  }

  /**
   * Starts a logout as the Logout button does: fires `logout-request`, then asks. Resolves with the state after the
   * first answer (`authorized`, `deferred`, `idle` when the host vetoed, `error`). While a logout is already being
   * asked or deferred, or was authorized, nothing new is asked and the current state is returned.
   */
  requestLogout(): Promise<LogoutState> {
    if (this.phase === 'requesting' || this.phase === 'deferred' || this.phase === 'authorized') {
      return Promise.resolve(this.phase);
    }
    return this.#ask(this.phase === 'error' ? 'retry' : 'request');
  }

  /**
   * Cancels the logout being asked or deferred, as Cancel logout does: the agent stays logged in, `logout-canceled`
   * fires, a backend with `cancelLogout` is told, and a later authorization of this logout is ignored.
   */
  async cancelLogout(): Promise<void> {
    if (this.phase !== 'requesting' && this.phase !== 'deferred') return;
    const agentId = this.#agentId;
    const notBefore = this.deferral?.notBefore.toString();
    const focus = this.#shouldFocus();
    this.#token++;
    this.#clear();
    this.phase = 'idle';
    this.#syncSubscription();
    this.#deadline.update();
    this.note = msg('Logout canceled. You stay logged in.');
    this.#announce(this.note);
    if (focus && !this.noButton) this.#focusNext = '.logout';
    this.dispatchEvent(new LogoutCanceledEvent({agentId, ...(notBefore ? {notBefore} : {})}));
    await this.#tellBackendCanceled(agentId);
  }

  /**
   * Authorizes the deferred logout now: for hosts without a backend whose own backend pushes the authorization.
   * Does nothing unless a logout is deferred.
   */
  authorize(): void {
    if (this.phase === 'deferred') this.#authorize('backend-event');
  }

  /** Back to the Logout button after an authorization (the agent logged in again) or an error. Not while deferred. */
  reset(): void {
    if (this.phase === 'requesting' || this.phase === 'deferred') return;
    this.#token++;
    this.#clear();
    this.phase = 'idle';
    this.#syncSubscription();
    this.#deadline.update();
  }

  #renderCountdown(seconds: number) {
    return html`<span class="countdown" part="countdown">${countdownText(seconds)}</span>`;
  }

  /** The idle and requesting states share one template, so the Logout button keeps focus while asking. */
  #renderStart() {
    const busy = this.phase === 'requesting';
    return html`
      ${
        busy && this.noButton
          ? html`<p class="note" part="note">${msg('Requesting logout…')}</p>`
          : this.note
            ? html`<p class="note" part="note">${this.note}</p>`
            : nothing
      }
      ${
        this.cancelProblem
          ? html`<div class="error" part="error">
              <p role="alert">
                ${msg(str`The server could not be told of the cancel: ${this.cancelProblem} It may still log you out.`)}
              </p>
              <div class="actions" part="actions">
                <button class="retry" part="button retry-button" type="button" @click=${this.handleRetryCancelClick}>
                  ${msg('Retry')}
                </button>
              </div>
            </div>`
          : nothing
      }
      ${
        this.noButton
          ? nothing
          : html`<button
              class=${classMap({logout: true, 'logout--busy': busy})}
              part="logout-button"
              type="button"
              aria-disabled=${busy ? 'true' : nothing}
              @click=${this.handleLogoutClick}
            >
              ${busy ? msg('Requesting logout…') : msg('Log out')}
            </button>`
      }
    `;
  }

  #renderPanel(deferral: Deferral) {
    const remaining = this.#remainingMs();
    const seconds = secondsLeft(remaining);
    const fraction = deferral.totalMs > 0 ? Math.min(1, Math.max(0, remaining / deferral.totalMs)) : 0;
    const expected = timeFormat(this.#locale, this.agentTimeZone).format(deferral.notBefore.epochMilliseconds);
    return html`<div class="panel" part="panel" role="group" aria-labelledby="title" tabindex="-1">
      <div class="dial">
        <svg class="ring" part="ring" viewBox="0 0 36 36" aria-hidden="true">
          <circle class="ring__track" cx="18" cy="18" r="16" pathLength="100"></circle>
          <circle
            class="ring__progress"
            cx="18"
            cy="18"
            r="16"
            pathLength="100"
            ${styleProperties({'stroke-dashoffset': (100 * (1 - fraction)).toFixed(2)})}
          ></circle>
        </svg>
        <span role="timer" class="dial__time" aria-label=${msg('Time left')}>${this.#renderCountdown(seconds)}</span>
      </div>
      <div class="panel__body">
        <p class="title" id="title" part="title">${msg('Awaiting logoff authorization')}</p>
        <p class="reason" part="reason" title=${deferral.reason}>${deferral.reason}</p>
        <p class="expected" part="expected">
          ${
            this.checking
              ? msg('Checking the authorization…')
              : seconds > 0
                ? msg(str`Expected at ${expected}. You stay logged in until then.`)
                : msg('Waiting for the authorization…')
          }
        </p>
        ${
          this.problem
            ? html`<p class="error" part="error" role="alert" title=${this.problem}>
                ${msg(str`Could not check the logoff authorization: ${this.problem} You are still logged in.`)}
              </p>`
            : nothing
        }
        <div class="actions" part="actions">
          ${
            this.problem
              ? html`<button class="retry" part="button retry-button" type="button" @click=${this.handleRetryClick}>
                  ${msg('Retry')}
                </button>`
              : nothing
          }
          <button class="cancel" part="button cancel-button" type="button" @click=${this.handleCancelClick}>
            ${msg('Cancel logout')}
          </button>
          <button class="dismiss" part="button dismiss-button" type="button" @click=${this.handleDismissClick}>
            ${msg('Dismiss', {id: 'logout-countdown.dismiss'})}
          </button>
        </div>
      </div>
    </div>`;
  }

  #renderChip() {
    if (this.phase === 'authorized') {
      return html`<button
        class="chip chip--authorized"
        part="chip"
        type="button"
        title=${msg('Logoff authorized. Select to show the message.')}
        @click=${this.handleChipClick}
      >
        <span class="chip__icon" aria-hidden="true">✓</span>
        <span>${msg('Logoff authorized')}</span>
      </button>`;
    }
    const seconds = secondsLeft(this.#remainingMs());
    const left = spokenDuration(seconds, this.#locale);
    const tooltip = this.checking
      ? msg('Awaiting logoff authorization: checking now. Select to show details.')
      : msg(str`Awaiting logoff authorization: ${left} left. Select to show details.`);
    return html`<button class="chip" part="chip" type="button" title=${tooltip} @click=${this.handleChipClick}>
      <span class="chip__dot" part="chip-indicator" aria-hidden="true"></span>
      <span>${msg('Logoff in')}</span>
      ${this.#renderCountdown(seconds)}
    </button>`;
  }

  #renderConfirmation() {
    return html`<div class="confirmation" part="confirmation" tabindex="-1">
      <span class="confirmation__icon" aria-hidden="true">✓</span>
      <p class="confirmation__text">
        <strong>${msg('Logoff authorized.')}</strong> ${msg('You are being logged out.')}
      </p>
      ${
        this.deferral
          ? html`<button class="dismiss" part="button dismiss-button" type="button" @click=${this.handleDismissClick}>
              ${msg('Dismiss', {id: 'logout-countdown.dismiss'})}
            </button>`
          : nothing
      }
    </div>`;
  }

  #renderError() {
    return html`<div class="error-box" part="error">
      <p role="alert" title=${this.problem ?? nothing}>
        <strong>${msg('Logout failed.')}</strong> ${this.problem} ${msg('You are still logged in.')}
      </p>
      <div class="actions" part="actions">
        <button class="retry" part="button retry-button" type="button" @click=${this.handleRetryClick}>
          ${msg('Retry')}
        </button>
        <button class="dismiss" part="button dismiss-button" type="button" @click=${this.handleDismissClick}>
          ${msg('Dismiss', {id: 'logout-countdown.dismiss'})}
        </button>
      </div>
    </div>`;
  }

  #renderBody() {
    switch (this.phase) {
      case 'deferred':
        return this.dismissed ? this.#renderChip() : this.#renderPanel(this.deferral!);
      case 'authorized':
        return this.dismissed ? this.#renderChip() : this.#renderConfirmation();
      case 'error':
        return this.#renderError();
      default:
        return this.#renderStart();
    }
  }

  override render() {
    return html`
      <div
        class=${classMap({base: true, [`base--${this.phase}`]: true})}
        aria-busy=${this.phase === 'requesting' || this.checking ? 'true' : 'false'}
      >
        ${this.#renderBody()}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }
}

defineElement('logout-countdown', LogoutCountdownElement);

declare global {
  interface HTMLElementTagNameMap {
    'logout-countdown': LogoutCountdownElement;
  }
}
