import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import {action} from 'storybook/actions';

import '../src/components/agent-session/agent-session.js';
import '../src/components/logout-countdown/logout-countdown.js';
import type {LogoutCountdownElement} from '../src/components/logout-countdown/logout-countdown.js';
import type {LogoutDecision} from '../src/core/backend.js';
import {SimulatedClock} from '../src/core/clock.js';
import {DEMO_AGENTS} from '../src/core/demo-data.js';
import {MemoryBackend} from '../src/core/memory-backend.js';
import type {LogoutRequestEvent} from '../src/events/logout-request.js';

// ---------------------------------------------------------------------------------------------------------------
// Story data
// ---------------------------------------------------------------------------------------------------------------

/** The signed-in agent of every story: Maria Lopez, New York, `en-US`. */
const AGENT = DEMO_AGENTS.find((agent) => agent.id === 'agent-maria')!;

/** Every story starts on Monday 2026-11-23, 09:00 in New York, and runs at real speed from there. */
const NOW = '2026-11-23T14:00:00Z';

/** A fresh seeded backend on a running clock per render, with a little latency so the busy state shows. */
function demo(latency = 400) {
  const clock = new SimulatedClock(NOW);
  const backend = new MemoryBackend({clock, seed: 7, latency});
  return {clock, backend};
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Lists the element's events under it (and in the Actions panel). */
function logEvent(event: Event) {
  action(event.type)((event as CustomEvent).detail);
  const list = (event.currentTarget as HTMLElement).querySelector('.log');
  if (!list) return;
  const detail = (event as CustomEvent).detail as Record<string, unknown> | undefined;
  const parts = Object.entries(detail ?? {})
    .filter(([key, value]) => key !== 'response' && typeof value !== 'function' && value !== undefined)
    .map(
      ([key, value]) =>
        `${key}: ${value instanceof Error ? `${(value as {code?: string}).code ?? value.name} (${value.message})` : String(value)}`,
    );
  const item = document.createElement('li');
  item.textContent = `${event.type}${event.defaultPrevented ? ' (vetoed)' : ''} — ${parts.join(', ')}`;
  list.append(item);
}

interface LogoutCountdownArgs {
  'no-button': boolean;
  'response-timeout': number;
}

/** One story's screen: the element inside its session, a note on what happens, and the event log. */
function desk(
  args: LogoutCountdownArgs,
  session: {backend?: MemoryBackend; clock: SimulatedClock; eventsOnly?: boolean},
  note: TemplateResult | string,
  {extra = '', onRequest}: {extra?: TemplateResult | string; onRequest?: (event: LogoutRequestEvent) => void} = {},
) {
  return html`
    <style>
      .desk {
        display: grid;
        gap: 1rem;
        max-inline-size: 40rem;
        font:
          0.875rem/1.4 system-ui,
          sans-serif;
      }
      .desk .note {
        margin: 0;
        color: color-mix(in srgb, currentColor 75%, transparent);
      }
      .desk .log {
        margin: 0;
        padding-inline-start: 1.25rem;
        font-family: ui-monospace, monospace;
        font-size: 0.75rem;
      }
    </style>
    <agent-session
      .agent=${AGENT}
      .backend=${session.backend}
      .clock=${session.clock}
      ?events-only=${!!session.eventsOnly}
    >
      <div
        class="desk"
        @logout-request=${logEvent}
        @logout-authorized=${logEvent}
        @logout-canceled=${logEvent}
        @logout-error=${logEvent}
      >
        <p class="note">${note}</p>
        ${extra}
        <logout-countdown
          ?no-button=${args['no-button']}
          response-timeout=${args['response-timeout']}
          @logout-request=${onRequest}
        ></logout-countdown>
        <ol class="log" aria-label="Events"></ol>
      </div>
    </agent-session>
  `;
}

/** The dialer picks Maria for a call at the moment she asks to log out (for `seconds` of clock time). */
function dialerPicksAgent(backend: MemoryBackend, seconds: number) {
  return (event: LogoutRequestEvent) => {
    if (event.detail.trigger === 'request') backend.reserveAgentForCall(AGENT.id, seconds);
  };
}

async function element(canvasElement: HTMLElement): Promise<LogoutCountdownElement> {
  await customElements.whenDefined('logout-countdown');
  const el = canvasElement.querySelector('logout-countdown')!;
  await el.updateComplete;
  return el;
}

/** Clicks Log out, as the agent would. */
async function clickLogout({canvasElement}: {canvasElement: HTMLElement}) {
  const el = await element(canvasElement);
  const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="logout-button"]');
  if (button) button.click();
  else void el.requestLogout();
}

// ---------------------------------------------------------------------------------------------------------------
// Stories
// ---------------------------------------------------------------------------------------------------------------

const meta: Meta<LogoutCountdownArgs> = {
  title: 'Components/Logout Countdown',
  component: 'logout-countdown',
  parameters: {
    docs: {
      description: {
        component:
          'Negotiated logout. The agent asks to log out; when a predictive or progressive campaign is setting up a ' +
          'call for them, the logout waits: "Awaiting logoff authorization", the reason and a live countdown, which ' +
          'can be dismissed to a status chip. Every story runs on a seeded `MemoryBackend` and a clock running at ' +
          'real speed, starts by clicking Log out, and lists the events under the element.',
      },
    },
  },
  args: {'no-button': false, 'response-timeout': 30000},
  argTypes: {
    'no-button': {control: 'boolean'},
    'response-timeout': {control: 'number'},
  },
};

export default meta;

type Story = StoryObj<LogoutCountdownArgs>;

/** No call is being set up for Maria: the logout is authorized at once and a short confirmation shows. */
export const ImmediateLogout: Story = {
  name: 'Immediate logout',
  render: (args) => desk(args, demo(), 'No call is being set up for Maria: her logout is authorized at once.'),
  play: clickLogout,
};

/**
 * The dialer picked Maria for a predictive call just as she clicked Log out: the logout waits 8 seconds, then the
 * backend's `logout-authorized` event (or asking again at 00:00) authorizes it.
 */
export const Deferred8Seconds: Story = {
  name: 'Deferred 8 s',
  render: (args) => {
    const session = demo();
    return desk(args, session, 'The dialer is setting up a call for Maria: her logout waits 8 seconds.', {
      onRequest: dialerPicksAgent(session.backend, 8),
    });
  },
  play: clickLogout,
};

/** A two-minute wait: screen readers hear the deferral, then each whole minute, then 10 seconds, then the authorization. */
export const Deferred2Minutes: Story = {
  name: 'Deferred 2 min',
  render: (args) => {
    const session = demo();
    return desk(args, session, 'The logout waits two minutes. Dismiss it: the status chip keeps the time left.', {
      onRequest: dialerPicksAgent(session.backend, 120),
    });
  },
  play: clickLogout,
};

/**
 * In a 360 px side panel (a CRM's agent rail): the countdown panel fits, its buttons under the text. Escape folds it
 * into the chip as Dismiss does (focus on the chip); select the chip to open it again.
 */
export const SidePanel: Story = {
  name: 'In a 360 px side panel',
  render: (args) => {
    const session = demo();
    return html`<aside style="inline-size: 360px; padding: 12px; border: 1px dashed #8884; box-sizing: border-box">
      ${desk(args, session, 'A 360 px side panel. Press Escape in the panel: it folds into the chip.', {
        onRequest: dialerPicksAgent(session.backend, 120),
      })}
    </aside>`;
  },
  play: clickLogout,
};

/** Dismissed: the compact status chip keeps the time left in its label and tooltip; select it to see the panel again. */
export const DismissedToChip: Story = {
  name: 'Dismissed to the status chip',
  render: (args) => {
    const session = demo(0);
    return desk(
      args,
      session,
      'The agent dismissed the message: the chip keeps counting down (hover it for the tooltip).',
      {
        onRequest: dialerPicksAgent(session.backend, 95),
      },
    );
  },
  play: async (context) => {
    await clickLogout(context);
    const el = await element(context.canvasElement);
    for (let i = 0; i < 50 && el.logoutState !== 'deferred'; i++) await wait(50);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="dismiss-button"]')?.click();
  },
};

/**
 * Refused twice: the logout waits 8 seconds; 5 seconds in, the dialer picks Maria for another call (12 seconds), so
 * when the element asks again at 00:00 the backend still refuses and the new `notBefore` is shown; then it is
 * authorized.
 */
export const RefusedTwice: Story = {
  name: 'Refused twice',
  render: (args) => {
    const session = demo();
    return desk(
      args,
      session,
      'Asked again at 00:00, the backend still refuses (another call): the new time is shown.',
      {
        onRequest: (event) => {
          if (event.detail.trigger !== 'request') return;
          session.backend.reserveAgentForCall(AGENT.id, 8);
          setTimeout(() => session.backend.reserveAgentForCall(AGENT.id, 12), 5000);
        },
      },
    );
  },
  play: clickLogout,
};

/** The backend is down for the first request: the error says Maria is still logged in; Retry goes through. */
export const BackendError: Story = {
  name: 'Backend error',
  render: (args) => {
    const session = demo();
    session.backend.failNext('requestLogout');
    return desk(args, session, 'The first request fails (backend unavailable). Retry asks again and succeeds.');
  },
  play: clickLogout,
};

/**
 * The host vetoes the logout while the call notes are unsaved (`event.veto(reason)` on `logout-request`): nothing
 * is asked. Untick the box and log out again.
 */
export const HostVeto: Story = {
  name: 'Host veto',
  render: (args) => {
    const session = demo();
    let unsaved = true;
    const veto = (event: LogoutRequestEvent) => {
      if (unsaved) event.veto('Your call notes are not saved. Save or discard them, then log out.');
    };
    const toggle = (event: Event) => {
      unsaved = (event.target as HTMLInputElement).checked;
    };
    return desk(args, session, 'The host vetoes the logout while the call notes are unsaved.', {
      extra: html`<label><input type="checkbox" checked @change=${toggle} /> Unsaved call notes</label>`,
      onRequest: veto,
    });
  },
  play: clickLogout,
};

/**
 * No backend (`<agent-session events-only>`): the host answers `logout-request` with `detail.respondWith(promise)`.
 * Here its own service defers the logout 8 seconds for after-call work, then authorizes it when asked again.
 */
export const HostHandledWithoutBackend: Story = {
  name: 'Host-handled without backend',
  render: (args) => {
    const clock = new SimulatedClock(NOW);
    const answer = (event: LogoutRequestEvent) => {
      const decision: Promise<LogoutDecision> = wait(600).then(() =>
        event.detail.trigger === 'recheck'
          ? {authorized: true}
          : {
              authorized: false,
              notBefore: clock.now().add({seconds: 8}).toString(),
              reason: 'Your after-call work for the last customer is being wrapped up.',
            },
      );
      event.detail.respondWith(decision);
    };
    return desk(args, {clock, eventsOnly: true}, 'No backend: the host answers the logout-request event itself.', {
      onRequest: answer,
    });
  },
  play: clickLogout,
};
