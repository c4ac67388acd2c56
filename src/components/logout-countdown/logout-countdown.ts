import {msg, str} from '@lit/localize';
import {adoptStyles, css, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {LogoutDecision, SchedulingBackend} from '../../core/backend.js';
import {ValidationError, type CallbackKitError} from '../../core/errors.js';
import {
  LogoutNegotiation,
  type LogoutAnnouncement,
  type LogoutEffect,
  type LogoutNote,
  type LogoutPhase,
  type LogoutSurface,
  type LogoutTrigger,
} from '../../core/logout-negotiation.js';
import {LogoutAuthorizedEvent} from '../../events/logout-authorized.js';
import {LogoutCanceledEvent} from '../../events/logout-canceled.js';
import {LogoutErrorEvent} from '../../events/logout-error.js';
import {LogoutRequestEvent} from '../../events/logout-request.js';
import {BackendEventsController} from '../../internal/backend-events.js';
import {HostRequestController} from '../../internal/controllers/host-request.js';
import {DeadlineController} from '../../internal/deadline-controller.js';
import {defineElement} from '../../internal/define.js';
import {KitElement} from '../../internal/kit-element.js';
import {dateTimeFormat} from '../../internal/format.js';
import {errorMessage} from '../../internal/localization.js';
import {toKitError} from '../../internal/errors.js';
import {checkDecision, secondsLeft, spokenDuration} from './logout-countdown-format.js';
import {styles} from './logout-countdown.styles.js';
import {whenIdle} from '../../internal/lazy-chunk.js';
import {lazyView, type LogoutViewModule} from './logout-countdown.lazy.js';
import type {LogoutViewKit} from './logout-countdown.view.js';
import {dismissLabel, needsView, renderLogout, type LogoutView} from './logout-countdown.templates.js';

/** Where the negotiated logout stands (see `LogoutNegotiation` in core/logout-negotiation.ts). */
export type LogoutState = LogoutPhase;

/**
 * A backend that is told when the agent cancels a deferred logout. Kept for compatibility: `cancelLogout` is now an
 * optional method of `SchedulingBackend` itself.
 */
export type LogoutCancelingBackend = Required<Pick<SchedulingBackend, 'cancelLogout'>>;

let surfaces: {module: LogoutViewModule; view: ReturnType<LogoutViewModule['createView']>} | undefined;
/** The lazy surfaces, once downloaded (made once, from what the element hands them). */
function lazySurfaces() {
  const module = lazyView.module;
  if (module && surfaces?.module !== module) {
    const kit: LogoutViewKit = {
      html,
      css,
      nothing,
      msg,
      str,
      dateTimeFormat,
      secondsLeft,
      spokenDuration,
      dismissLabel,
    };
    surfaces = {module, view: module.createView(kit)};
  }
  return module && surfaces?.view;
}

/** The shadow-DOM selector of each surface focus can go to. */
const SURFACES: Record<LogoutSurface, string> = {
  'logout-button': '.logout',
  panel: '.panel',
  chip: '.chip',
  confirmation: '.confirmation',
  retry: '.retry',
};

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
 * Cancel logout tells a backend that has the optional `cancelLogout({agentId})` method (`SchedulingBackend.cancelLogout`);
 * `logout-canceled` tells the host. Failures show a Retry and say whether the agent is still logged in.
 *
 * Escape closes what Dismiss closes, as every transient surface of the kit does: the panel or the confirmation
 * folds into the chip (focus on the chip), an error goes back to the Log out button (focus on it). It never cancels
 * the logout: Cancel logout does.
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
  /** The negotiation this element renders; every transition goes through it. */
  #machine = new LogoutNegotiation({onEffect: (effect) => this.#onEffect(effect)});
  /** CSS selector of what to focus after the next render (when focus was inside the element). */
  #focusNext?: string;
  /** Focus was inside the element when the current step started. */
  #hadFocus = false;
  /** Telling the backend of a cancel (`cancelLogout()` resolves after it). */
  #telling?: Promise<void>;
  /** The lazy surfaces could not be downloaded while the phase needed them (shown with a Retry). */
  #viewError?: CallbackKitError;
  /** The lazy surfaces' styles are adopted next to the element's own. */
  #viewStyled = false;

  // Added in this order: a deadline reached on connection asks at once, with the host request and the
  // subscription already connected.
  #requests = new HostRequestController(this);
  /** Subscribed to the backend exactly while a logout is asked or deferred and the element is connected. */
  #events = new BackendEventsController(this, {
    backend: () => (this.#machine.listening ? this.resolvedBackend : undefined),
    listener: (event) => {
      if (event.type === 'logout-authorized' && this.#machine.backendAuthorized(event.agentId)) this.#changed();
    },
  });
  #deadline = new DeadlineController(this, {
    clock: () => this.resolvedClock,
    next: () => this.#machine.nextDeadline(),
    run: (now) => this.#onDeadline(now),
    whileHidden: false,
  });

  /** The template's handlers (Lit calls them with the element as `this` too). */
  #on: LogoutView['on'] = {
    logout: () => this.handleLogoutClick(),
    retry: () => this.handleRetryClick(),
    retryCancel: () => this.handleRetryCancelClick(),
    cancel: () => this.handleCancelClick(),
    dismiss: () => this.handleDismissClick(),
    chip: () => this.handleChipClick(),
    keydown: (event) => this.handleKeydown(event),
    reload: () => this.handleReloadClick(),
  };

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
    // Intent: the agent points at or focuses the element (the Log out button): its next surfaces download now.
    this.addEventListener('pointerenter', lazyView.prefetch);
    this.addEventListener('focusin', lazyView.prefetch);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Otherwise when the page is idle: the panel is there before any answer, so the agent never waits for it.
    whenIdle(lazyView.prefetch, 2000, 1);
  }

  /**
   * Downloads the lazy surfaces (panel, chip, confirmation, error box) when the phase shows them (on intent and when
   * idle before that), and renders when they arrive; `updateComplete` waits for them. A failed download is shown with
   * a Retry (and Cancel logout while deferred), and `logout-error` fires with `operation: 'load'`.
   */
  #loadView(): void {
    void this.loadChunk(lazyView, (error) => {
      if (!this.isConnected || !needsView(this.#machine.phase) || this.#viewError) return;
      this.#viewError = toKitError(error, {keepMessage: false});
      // Focus was meant for the surface that cannot show: the Retry takes it.
      if (this.#focusNext) this.#focusNext = '.retry';
      this.dispatchEvent(
        new LogoutErrorEvent({error: this.#viewError, operation: 'load', agentId: this.#machine.agentId}),
      );
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!needsView(this.#machine.phase))
      this.#viewError = undefined; // the next need downloads again
    else if (!this.#viewError) this.#loadView();
  }

  protected override update(changed: PropertyValues): void {
    const view = lazySurfaces();
    if (view && !this.#viewStyled && this.renderRoot instanceof ShadowRoot) {
      this.#viewStyled = true;
      adoptStyles(this.renderRoot, [...(this.constructor as typeof LogoutCountdownElement).elementStyles, view.styles]);
    }
    super.update(changed);
  }

  /** Where the logout stands: `idle`, `requesting`, `deferred`, `authorized` or `error`. */
  get logoutState(): LogoutState {
    return this.#machine.phase;
  }

  /** The instant a deferred logout is expected (ISO), while one is deferred or was just authorized. */
  get notBefore(): string | undefined {
    return this.#machine.deferral?.notBefore.toString();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const states = this.#internals?.states;
    if (states) {
      for (const name of ['idle', 'requesting', 'deferred', 'authorized', 'error'] as const) {
        if (name === this.#machine.phase) states.add(name);
        else states.delete(name);
      }
      if (this.#machine.dismissed) states.add('dismissed');
      else states.delete('dismissed');
    }
    if (this.#focusNext) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusNext);
      // A surface still downloading keeps its claim on focus until it shows.
      if (target || !needsView(this.#machine.phase) || lazyView.module || this.#viewError) {
        this.#focusNext = undefined;
        target?.focus();
      }
    }
  }

  /** After every transition: render, follow the subscription, set the one timer. */
  #changed(): void {
    this.requestUpdate();
    this.#events.sync();
    this.#deadline.update();
  }

  #onEffect(effect: LogoutEffect): void {
    switch (effect.type) {
      case 'announce':
        this.#announce(this.#words(effect.announcement));
        break;
      case 'focus':
        if (this.#shouldFocus() && !(effect.surface === 'logout-button' && this.noButton)) {
          this.#focusNext = SURFACES[effect.surface];
        }
        break;
      case 'authorized': {
        const {agentId, deferred, notBefore, source} = effect;
        this.dispatchEvent(
          new LogoutAuthorizedEvent({
            agentId,
            deferred,
            ...(notBefore ? {notBefore: notBefore.toString()} : {}),
            source,
          }),
        );
        break;
      }
      case 'canceled':
        this.dispatchEvent(
          new LogoutCanceledEvent({
            agentId: effect.agentId,
            ...(effect.notBefore ? {notBefore: effect.notBefore.toString()} : {}),
          }),
        );
        break;
      case 'error':
        this.dispatchEvent(
          new LogoutErrorEvent({error: effect.error, operation: effect.operation, agentId: effect.agentId}),
        );
        break;
      case 'tell-backend-canceled':
        this.#telling = this.#tellBackendCanceled(effect.agentId, effect.token);
        break;
    }
  }

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

  /** Why the logout waits, in the UI language when the answer gave no reason. */
  #reasonText(deferral: {reason: string}): string {
    return deferral.reason || msg('The dialer is setting up a call for you.');
  }

  #noteText(note: LogoutNote): string {
    if (note.kind === 'canceled') return msg('Logout canceled. You stay logged in.');
    const reason = note.reason;
    return reason ? msg(str`Logout stopped: ${reason}`) : msg('Logout stopped by the application.');
  }

  /** What screen readers hear, in the UI language. */
  #words(announcement: LogoutAnnouncement): string {
    switch (announcement.kind) {
      case 'deferred': {
        const reason = this.#reasonText(announcement);
        const left = spokenDuration(secondsLeft(announcement.remainingMs), this.#locale);
        return announcement.again
          ? msg(str`Logoff still not authorized. ${reason} Time left: ${left}.`)
          : msg(str`Awaiting logoff authorization. ${reason} Time left: ${left}.`);
      }
      case 'time-left': {
        const left = spokenDuration(secondsLeft(announcement.remainingMs), this.#locale);
        return msg(str`${left} left before logoff authorization.`);
      }
      case 'authorized':
        return msg('Logoff authorized. You are being logged out.');
      default:
        return this.#noteText(announcement);
    }
  }

  #remainingMs(): number {
    return this.#machine.remainingMs(this.resolvedClock.now());
  }

  #onDeadline(now: Parameters<LogoutNegotiation['tick']>[0]): void {
    if (this.#machine.tick(now) === 'recheck') void this.#ask('recheck');
    this.requestUpdate();
  }

  /**
   * Asks the host (`logout-request`), then the host's answer or the backend (HostRequestController: a veto always
   * wins, `respondWith` answers, else the backend, else NoHandlerError); the negotiation drops a stale answer.
   */
  async #ask(trigger: LogoutTrigger): Promise<LogoutState> {
    const backend = this.resolvedBackend;
    const agentId = this.#machine.agentFor(trigger, this.resolvedAgent?.id);
    const event = new LogoutRequestEvent({agentId, trigger, hasBackend: !!backend});
    this.#hadFocus ||= this.#hasFocus();
    lazyView.prefetch(); // the answer shows a lazy surface
    let token = 0;
    // The request is on once the host did not veto: before the backend is called (the subscription is up first).
    const start = () => {
      if (token) return;
      token = this.#machine.begin(trigger, agentId);
      this.#changed();
    };
    const outcome = this.#requests.ask<LogoutDecision>({
      event,
      responder: event.detail,
      timeout: this.responseTimeout,
      refusal: 'always',
      fallback: backend ? () => (start(), this.#askBackend(backend, agentId)) : undefined,
    });
    // ask() dispatches synchronously: a veto is known now (with refusal 'always', it is the outcome too).
    if (event.defaultPrevented) {
      this.#machine.vetoed(event.vetoReason);
      this.#changed();
      return this.#machine.phase;
    }
    start();
    try {
      const result = await outcome;
      if (!result.refused) this.#machine.answered(token, checkDecision(result.value), this.resolvedClock.now());
    } catch (error) {
      this.#machine.failed(token, toKitError(error, {keepMessage: false}));
    }
    this.#changed();
    return this.#machine.phase;
  }

  async #askBackend(backend: SchedulingBackend, agentId: string | undefined): Promise<LogoutDecision> {
    if (!agentId) {
      throw new ValidationError(
        [{field: 'agent', code: 'required', message: msg('No agent is signed in.')}],
        msg('No agent is signed in: set the agent property or put the element inside <agent-session>.'),
      );
    }
    return backend.requestLogout({agentId});
  }

  /** Tells a backend that has `cancelLogout`; a failure is shown with a Retry (while nothing newer happened). */
  async #tellBackendCanceled(agentId: string, token: number): Promise<void> {
    const backend = this.resolvedBackend;
    if (typeof backend?.cancelLogout !== 'function') return;
    try {
      await backend.cancelLogout({agentId});
      this.#machine.cancelSettled(token, agentId);
    } catch (error) {
      this.#machine.cancelSettled(token, agentId, toKitError(error, {keepMessage: false}));
    }
    this.#changed();
  }

  /** Dismiss (button or Escape): focus follows to what stays, the chip or the Log out button. */
  #dismiss(): boolean {
    if (!this.#machine.dismiss()) return false;
    const phase = this.#machine.phase;
    this.#focusNext = phase === 'idle' ? (this.noButton ? undefined : '.logout') : '.chip';
    this.#changed();
    return true;
  }

  private handleKeydown(event: KeyboardEvent): void {
    // Escape closes the transient surface focus is in, as Dismiss does; nothing else (the logout stays asked).
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
    if (this.#dismiss()) event.preventDefault();
  }

  private handleLogoutClick(): void {
    if (this.#machine.phase === 'requesting') return; // aria-disabled while asking: never two requests
    void this.requestLogout();
  }

  private handleRetryClick(): void {
    void this.#ask(this.#machine.retryTrigger);
  }

  private handleRetryCancelClick(): void {
    if (this.#machine.retryCancel()) this.#changed();
  }

  private handleCancelClick(): void {
    void this.cancelLogout();
  }

  private handleDismissClick(): void {
    this.#dismiss();
  }

  /** Retry after the lazy surfaces could not be downloaded: downloads them again; focus follows to what shows. */
  private handleReloadClick(): void {
    this.#viewError = undefined;
    const phase = this.#machine.phase;
    if (this.#hasFocus()) {
      this.#focusNext = this.#machine.dismissed
        ? '.chip'
        : phase === 'deferred'
          ? '.panel'
          : phase === 'authorized'
            ? '.confirmation'
            : '.retry';
    }
    this.requestUpdate();
  }

  private handleChipClick(): void {
    if (!this.#machine.expand()) return;
    this.#focusNext = this.#machine.phase === 'authorized' ? '.confirmation' : '.panel';
    this.#changed();
  }

  /**
   * Starts a logout as the Logout button does: fires `logout-request`, then asks. Resolves with the state after the
   * first answer (`authorized`, `deferred`, `idle` when the host vetoed, `error`). While a logout is already being
   * asked or deferred, or was authorized, nothing new is asked and the current state is returned.
   */
  requestLogout(): Promise<LogoutState> {
    const trigger = this.#machine.requestTrigger;
    return trigger ? this.#ask(trigger) : Promise.resolve(this.#machine.phase);
  }

  /**
   * Cancels the logout being asked or deferred, as Cancel logout does: the agent stays logged in, `logout-canceled`
   * fires, a backend with `cancelLogout` is told, and a later authorization of this logout is ignored.
   */
  async cancelLogout(): Promise<void> {
    this.#telling = undefined;
    if (!this.#machine.cancel()) return;
    this.#changed();
    await this.#telling;
  }

  /**
   * Authorizes the deferred logout now: for hosts without a backend whose own backend pushes the authorization.
   * Does nothing unless a logout is deferred.
   */
  authorize(): void {
    if (this.#machine.authorize()) this.#changed();
  }

  /** Back to the Logout button after an authorization (the agent logged in again) or an error. Not while deferred. */
  reset(): void {
    if (this.#machine.reset()) this.#changed();
  }

  override render() {
    const machine = this.#machine;
    return renderLogout(
      {
        phase: machine.phase,
        deferral: machine.deferral,
        dismissed: machine.dismissed,
        checking: machine.checking,
        busy: machine.busy,
        noButton: this.noButton,
        remainingMs: this.#remainingMs(),
        locale: this.#locale,
        timeZone: this.agentTimeZone,
        reason: machine.deferral ? this.#reasonText(machine.deferral) : '',
        note: machine.note && this.#noteText(machine.note),
        problem: machine.problem && errorMessage(machine.problem),
        cancelProblem: machine.cancelProblem && errorMessage(machine.cancelProblem),
        announcement: this.announcement,
        on: this.#on,
      },
      lazySurfaces()?.body,
      this.#viewError && errorMessage(this.#viewError),
    );
  }
}

defineElement('logout-countdown', LogoutCountdownElement);

declare global {
  interface HTMLElementTagNameMap {
    'logout-countdown': LogoutCountdownElement;
  }
}
