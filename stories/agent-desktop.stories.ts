import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {css, html, LitElement} from 'lit';
import {property, state} from 'lit/decorators.js';
import {ref} from 'lit/directives/ref.js';
import {action} from 'storybook/actions';

import '../src/components/agent-session/agent-session.js';
import '../src/components/callback-list/callback-list.js';
import '../src/components/callback-scheduler/callback-scheduler.js';
import '../src/components/campaign-list/campaign-list.js';
import '../src/components/logout-countdown/logout-countdown.js';
import '../src/components/timeslot-grid/timeslot-grid.js';
import type {Interaction} from '../src/context/interaction.js';
import {SimulatedClock} from '../src/core/clock.js';
import {DEMO_AGENTS, DEMO_CONTACTS} from '../src/core/demo-data.js';
import {MemoryBackend} from '../src/core/memory-backend.js';
import {Temporal} from '../src/core/temporal.js';
import {caCallingRules} from '../src/rules/ca.js';
import {usCallingRules} from '../src/rules/us.js';

/** The desktop opts in to the calling rules of the US states and of Canada (issue 19): the elements show them. */
const DESKTOP_POLICY = {callingRules: [...usCallingRules, ...caCallingRules]};

// ---------------------------------------------------------------------------------------------------------------
// The day
// ---------------------------------------------------------------------------------------------------------------

/** Maria Lopez, New York, `en-US`: the signed-in agent. */
const AGENT = DEMO_AGENTS.find((agent) => agent.id === 'agent-maria')!;

/** Monday 2026-11-23, 8:53 AM in New York: Maria logs in. */
const LOGIN = '2026-11-23T13:53:00Z';

/** One simulated minute per real second. */
const RATE = 60;

/** Sophia Nguyen (San Francisco mobile) is on the line: the interaction the scheduler fills itself from. */
const SOPHIA = structuredClone(DEMO_CONTACTS.find((contact) => contact.id === 'contact-sophia')!);

/** How long the dialer keeps Maria for a call it is setting up when she asks to log out (clock seconds). */
const DIALER_HOLD_SECONDS = 9 * 60;

/** A step of the scripted day, `at` minutes after login. */
interface Step {
  at: number;
  label: string;
  run: (desk: HTMLElement, backend: MemoryBackend) => void;
}

/** The `part` of an element inside a kit element's shadow root. */
const partOf = (host: Element | null, name: string) =>
  host?.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

/**
 * What happens by itself (the MemoryBackend's simulated dialer and the callback reminders) and what the script
 * does for the agent (the steps below), in clock time:
 * - 8:53 login: two campaigns were already running (one notice);
 * - 8:55 the dialer starts Customer Win-Back (`campaign-started`) and the 9:00 followup's reminder fires
 *   (`callback-due`, the toast);
 * - 8:57 the agent asks to log out while the dialer sets up a predictive call for her (`logout-request`):
 *   "Awaiting logoff authorization" counts down to 9:06, then `logout-authorized`;
 * - 8:58 the dialer starts Holiday Offers;
 * - 9:03 the agent books Sophia's callback in the scheduler (first slot the law allows, `callback-scheduled`): it
 *   appears in My callbacks.
 */
const STEPS: Step[] = [
  {
    at: 4,
    label: 'Agent asks to log out',
    run: (desk, backend) => {
      backend.reserveAgentForCall(AGENT.id, DIALER_HOLD_SECONDS, 'camp-winback');
      partOf(desk.querySelector('logout-countdown'), 'logout-button')?.click();
    },
  },
  {
    at: 10,
    label: 'Agent books the callback',
    run: (desk) => partOf(desk.querySelector('callback-scheduler'), 'submit')?.click(),
  },
];

/** The events the activity panel lists (what a host would listen to). */
const EVENTS = [
  'campaign-started',
  'campaign-select',
  'preview-record-request',
  'callback-due',
  'callback-expired',
  'callback-launch',
  'callback-canceled',
  'callback-scheduled',
  'callback-rescheduled',
  'callback-schedule-error',
  'logout-request',
  'logout-authorized',
  'logout-canceled',
  'slot-select',
];

/** A short line for an event's detail. */
function describe(event: Event): string {
  const detail = (event as CustomEvent).detail as Record<string, unknown> | undefined;
  const campaign = detail?.campaign as {name?: string} | undefined;
  const callback = detail?.callback as {start?: string; contactId?: string} | undefined;
  if (campaign?.name) return campaign.name;
  if (callback?.contactId) {
    const contact = DEMO_CONTACTS.find((c) => c.id === callback.contactId);
    return contact?.name ?? callback.contactId;
  }
  if (typeof detail?.notBefore === 'string') return `not before ${detail.notBefore}`;
  return '';
}

// ---------------------------------------------------------------------------------------------------------------
// Story-only host pieces (not part of the kit): the day's script, the header clock, the activity panel
// ---------------------------------------------------------------------------------------------------------------

/**
 * Runs the script against the simulated clock, shows the clock in the agent's zone, and lists the kit's events
 * that reach the desk (it listens on its `desk` element).
 */
class DesktopDay extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  #timer?: ReturnType<typeof setInterval>;
  #done = new Set<Step>();
  #listening?: HTMLElement;

  @state() private now = Temporal.Instant.from(LOGIN);

  /** The simulated clock. */
  @property({attribute: false}) clock?: SimulatedClock;

  /** The backend the script acts on. */
  @property({attribute: false}) backend?: MemoryBackend;

  /** The element whose events are listed and whose kit elements the script clicks. */
  @property({attribute: false}) desk?: HTMLElement;

  /** Run the scripted steps (off: the day runs, the agent does everything by hand). */
  @property({type: Boolean}) autoplay = true;

  /** Where the activity lines go (rendered by the story next to the desk). */
  @property({attribute: false}) log?: HTMLOListElement;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => this.#tick(), 250);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
    this.#listen(undefined);
    this.backend?.dispose();
  }

  override updated(): void {
    this.#listen(this.desk);
  }

  #listen(desk: HTMLElement | undefined): void {
    if (desk === this.#listening) return;
    for (const name of EVENTS) this.#listening?.removeEventListener(name, this.#onEvent);
    this.#listening = desk;
    for (const name of EVENTS) desk?.addEventListener(name, this.#onEvent);
  }

  #onEvent = (event: Event): void => {
    action(event.type)((event as CustomEvent).detail);
    this.#write(event.type, describe(event));
  };

  #zone(): string {
    return this.desk?.closest('agent-session')?.getAttribute('time-zone') || AGENT.timeZone;
  }

  #time(instant: Temporal.Instant): string {
    return instant.toLocaleString(document.documentElement.lang || 'en-US', {
      timeZone: this.#zone(),
      hour: 'numeric',
      minute: '2-digit',
    });
  }

  #write(what: string, detail: string): void {
    if (!this.log) return;
    const item = document.createElement('li');
    const time = document.createElement('time');
    time.textContent = this.#time(this.clock?.now() ?? this.now);
    const name = document.createElement('code');
    name.textContent = what;
    item.append(time, ' ', name, detail ? ` ${detail}` : '');
    this.log.prepend(item);
  }

  #tick(): void {
    if (!this.clock || !this.backend || !this.desk) return;
    // Keeping the elements in step with a clock 60 times faster than real time. Their timers wait in clock time
    // as if it ran at real speed (one timer per deadline) and re-evaluate when the clock notifies its
    // subscribers, which a SimulatedClock does only when set: setting it to its own "now" lets reminders and
    // countdowns keep up. Live clocks that subscribed before the session's clock reached them only re-render on
    // their own timer: a re-render keeps them current.
    this.clock.set(this.clock.now());
    for (const element of this.desk.querySelectorAll<LitElement>(
      'callback-scheduler, callback-list, campaign-list, logout-countdown',
    ))
      element.requestUpdate();
    this.now = this.clock.now();
    if (!this.autoplay) return;
    const minutes = (this.now.epochMilliseconds - Date.parse(LOGIN)) / 60_000;
    for (const step of STEPS) {
      if (this.#done.has(step) || minutes < step.at) continue;
      this.#done.add(step);
      this.#write('script', step.label);
      step.run(this.desk, this.backend);
    }
  }

  override render() {
    const day = this.now.toLocaleString(document.documentElement.lang || 'en-US', {
      timeZone: this.#zone(),
      weekday: 'short',
      month: 'short',
      day: 'numeric',
    });
    return html`<span class="clock"
      ><time datetime=${this.now.toString()}>${day}, ${this.#time(this.now)}</time>
      <span class="speed">${RATE}× speed</span></span
    >`;
  }
}

if (!customElements.get('ck-desktop-day')) customElements.define('ck-desktop-day', DesktopDay);

declare global {
  interface HTMLElementTagNameMap {
    'ck-desktop-day': DesktopDay;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The host page
// ---------------------------------------------------------------------------------------------------------------

/**
 * The CRM's own page around the kit: its header, cards and colours. Only tokens and `::part()` reach into the
 * elements: here the logout panel becomes a drop-down under the header's Logout button.
 */
const pageStyles = html`<style>
  .crm {
    --crm-bg: light-dark(#eef1f5, #111316);
    --crm-card: light-dark(#ffffff, #1b1e22);
    --crm-line: light-dark(#d8dee6, #30353c);
    --crm-brand: light-dark(#0f3d75, #0b2545);
    --ck-color-surface: var(--crm-card);
    box-sizing: border-box;
    min-block-size: 100vh;
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr);
    grid-template-rows: auto 1fr;
    grid-template-areas:
      'header header'
      'work call';
    gap: 1rem;
    padding: 0 1rem 1rem;
    background: var(--crm-bg);
    color: light-dark(#1f2328, #e6e8eb);
    font:
      0.875rem/1.4 system-ui,
      sans-serif;
  }
  .crm * {
    box-sizing: border-box;
  }
  .crm__header {
    grid-area: header;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.25rem;
    margin-inline: -1rem;
    padding: 0.5rem 1rem;
    background: var(--crm-brand);
    color: #ffffff;
  }
  .crm__brand {
    font-weight: 700;
    font-size: 1rem;
    letter-spacing: 0.01em;
  }
  .crm__nav {
    display: flex;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .crm__nav a {
    display: block;
    padding: 0.25rem 0.625rem;
    border-radius: 4px;
    color: inherit;
    text-decoration: none;
    opacity: 0.85;
  }
  .crm__nav a[aria-current='page'] {
    background: rgb(255 255 255 / 0.16);
    opacity: 1;
  }
  .crm__spacer {
    flex: 1;
  }
  .crm__agent {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .crm__status {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    background: rgb(255 255 255 / 0.14);
    font-size: 0.8rem;
  }
  .crm__status::before {
    content: '';
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: #4ade80;
  }
  .crm .clock {
    font-variant-numeric: tabular-nums;
  }
  .crm .speed {
    margin-inline-start: 0.35rem;
    padding: 0 0.4rem;
    border-radius: 4px;
    background: rgb(255 255 255 / 0.14);
    font-size: 0.75rem;
  }
  .crm__logout {
    position: relative;
    align-self: stretch;
    display: flex;
    align-items: center;
    justify-content: end;
    min-inline-size: 6rem;
  }
  /* The kit's logout panel as a drop-down: styled from the page through ::part(). */
  .crm__logout logout-countdown {
    --ck-logout-countdown-ring-size: 3.75rem;
  }
  .crm__header logout-countdown::part(logout-button) {
    color: #ffffff;
    border-color: rgb(255 255 255 / 0.7);
    background: transparent;
  }
  .crm__logout logout-countdown::part(panel),
  .crm__logout logout-countdown::part(confirmation),
  .crm__logout logout-countdown::part(error) {
    position: absolute;
    z-index: 10;
    inset-block-start: calc(100% + 0.5rem);
    inset-inline-end: 0;
    inline-size: 25rem;
    color: light-dark(#1f2328, #e6e8eb);
    box-shadow: 0 10px 30px rgb(0 0 0 / 0.25);
  }
  .crm__card {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    min-inline-size: 0;
    padding: 0.75rem 1rem 1rem;
    border: 1px solid var(--crm-line);
    border-radius: 8px;
    background: var(--crm-card);
  }
  .crm__card h2 {
    margin: 0;
    font-size: 0.95rem;
  }
  .crm__work {
    grid-area: work;
    display: flex;
    flex-direction: column;
    gap: 1rem;
    min-inline-size: 0;
  }
  .crm__call {
    grid-area: call;
    display: flex;
    flex-direction: column;
    gap: 1rem;
    min-inline-size: 0;
  }
  .crm__contact {
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .crm__avatar {
    grid-row: span 2;
    display: grid;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border-radius: 50%;
    background: light-dark(#dbeafe, #1e3a5f);
    color: light-dark(#1e3a8a, #dbeafe);
    font-weight: 700;
  }
  .crm__contact-name {
    font-weight: 600;
    font-size: 1rem;
  }
  .crm__muted {
    color: light-dark(#4b5563, #b6bcc4);
  }
  .crm__on-call {
    grid-row: span 2;
    padding: 0.2rem 0.6rem;
    border-radius: 999px;
    background: light-dark(#dcfce7, #12311c);
    color: light-dark(#166534, #bbf7d0);
    font-weight: 600;
    font-size: 0.8rem;
  }
  .crm__activity ol {
    margin: 0;
    padding: 0;
    list-style: none;
    max-block-size: 14rem;
    overflow: auto;
    font-size: 0.8rem;
  }
  .crm__activity li {
    padding-block: 0.15rem;
    border-block-end: 1px solid var(--crm-line);
  }
  .crm__activity time {
    display: inline-block;
    min-inline-size: 4.5rem;
    color: light-dark(#4b5563, #b6bcc4);
    font-variant-numeric: tabular-nums;
  }
  .crm__activity code {
    font-size: 0.95em;
  }
  .crm campaign-list {
    --ck-campaign-list-max-height: 11rem;
  }
  .crm callback-list {
    --ck-callback-list-height: 18.5rem;
  }
  @media (max-width: 64rem) {
    .crm {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'header' 'call' 'work';
    }
  }
  @media (forced-colors: active) {
    .crm__header {
      border-block-end: 1px solid CanvasText;
    }
  }
</style>`;

interface DesktopArgs {
  autoplay: boolean;
}

function desktop(args: DesktopArgs) {
  const clock = new SimulatedClock(LOGIN, {rate: RATE});
  const backend = new MemoryBackend({
    clock,
    seed: 7,
    simulateDialer: true,
    latency: {min: 80, max: 250},
    policy: DESKTOP_POLICY,
  });
  const interaction: Interaction = {contact: SOPHIA, phone: SOPHIA.phones[0]};
  const initials = SOPHIA.name
    .split(' ')
    .map((word) => word[0])
    .join('');
  const day = document.createElement('ck-desktop-day');
  Object.assign(day, {clock, backend, autoplay: args.autoplay});
  return html`${pageStyles}
    <agent-session
      .agent=${AGENT}
      .backend=${backend}
      .clock=${clock}
      .interaction=${interaction}
      .policy=${DESKTOP_POLICY}
    >
      <div class="crm" ${ref((el) => (day.desk = el as HTMLElement | undefined))}>
        <header class="crm__header">
          <span class="crm__brand">Northwind CRM</span>
          <nav aria-label="Sections">
            <ul class="crm__nav">
              <li><a href="#desk" aria-current="page">Desk</a></li>
              <li><a href="#contacts">Contacts</a></li>
              <li><a href="#campaigns">Campaigns</a></li>
              <li><a href="#reports">Reports</a></li>
            </ul>
          </nav>
          <span class="crm__spacer"></span>
          ${day}
          <span class="crm__agent">${AGENT.name} <span class="crm__status">Ready</span></span>
          <div class="crm__logout"><logout-countdown></logout-countdown></div>
        </header>
        <section class="crm__work" aria-label="My work">
          <div class="crm__card">
            <h2>My callbacks</h2>
            <callback-list label="My callbacks" heading-level="3" inline-reschedule></callback-list>
          </div>
          <div class="crm__card">
            <h2>My campaigns</h2>
            <campaign-list label="My campaigns"></campaign-list>
          </div>
        </section>
        <section class="crm__call" aria-label="Current call">
          <div class="crm__card">
            <div class="crm__contact">
              <span class="crm__avatar" aria-hidden="true">${initials}</span>
              <span class="crm__contact-name">${SOPHIA.name}</span>
              <span class="crm__on-call">On call · Spring Renewals</span>
              <span class="crm__muted"><bdi>+1 415-526-7890</bdi> · mobile · San Francisco</span>
            </div>
            <callback-scheduler campaign-id="camp-spring-renewals" heading-level="2"></callback-scheduler>
          </div>
          <div class="crm__card crm__activity">
            <h2>Activity (story only: the events the host receives)</h2>
            <ol ${ref((el) => (day.log = el as HTMLOListElement | undefined))}></ol>
          </div>
        </section>
      </div>
    </agent-session>`;
}

const meta: Meta<DesktopArgs> = {
  title: 'Examples/Agent desktop',
  tags: ['!autodocs'],
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'Every element in one host page, the way a CRM embeds them: `<agent-session>` around the whole screen on a ' +
          '`MemoryBackend` with its simulated dialer, and a `SimulatedClock` running one minute per second from ' +
          'Monday 8:53 AM in New York.',
      },
    },
  },
  argTypes: {
    autoplay: {control: 'boolean', description: 'Let the script act for the agent (book the callback, log out).'},
  },
  args: {autoplay: true},
};

export default meta;

/**
 * A simulated working morning, one clock minute per second. At 8:53 Maria logs in (two campaigns were already
 * running). At 8:55 the dialer starts Customer Win-Back and the reminder of her 9:00 followup fires (the toast);
 * at 8:57 she asks to log out while the dialer is setting up a call for her: the header's Logout turns into
 * "Awaiting logoff authorization", counting down to 9:06, then confirms; at 8:58 Holiday Offers starts. At 9:03 she
 * books the callback Sophia Nguyen asked for (the scheduler's first lawful slot: 8:00 AM in San Francisco); it
 * appears in My callbacks. Everything stays live: pick another slot, launch or reschedule a callback, get a
 * preview record. The Activity card lists the events a host receives (also in the Actions panel). Turn `autoplay`
 * off to do it all by hand; the toolbar's locale, theme, agent zone and direction apply here too.
 */
export const AgentDesktop: StoryObj<DesktopArgs> = {
  name: 'Agent desktop',
  render: (args) => desktop(args),
};
