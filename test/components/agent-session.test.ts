import {consume} from '@lit/context';
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {LitElement} from 'lit';
import {state} from 'lit/decorators.js';
import {AgentSessionElement} from '../../src/components/agent-session/agent-session.js';
import '../../src/components/logout-countdown/logout-countdown.js';
import {agentSessionContext, type AgentSession} from '../../src/context/agent-session.js';
import {ManualClock} from '../../src/core/clock.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import {DEFAULT_POLICY, type Callback, type Campaign, type SchedulingBackend} from '../../src/core/index.js';

/** A minimal consumer, as every callback-kit element consumes the session. */
class SessionProbe extends LitElement {
  @consume({context: agentSessionContext, subscribe: true})
  @state()
  session?: AgentSession;

  override render() {
    return this.session ? `${this.session.agent.name} ${this.session.agent.timeZone}` : 'no session';
  }
}
customElements.define('session-probe', SessionProbe);

const fakeBackend = (): SchedulingBackend => ({
  getAvailability: async () => [],
  scheduleCallback: async () => ({}) as Callback,
  rescheduleCallback: async () => ({}) as Callback,
  cancelCallback: async () => {},
  listCallbacks: async () => [],
  listCampaigns: async () => [] as Campaign[],
  requestLogout: async () => ({authorized: true}),
  getContact: async () => {
    throw new Error('no contacts');
  },
  updateCallbackStatus: async () => ({}) as Callback,
  subscribe: () => () => {},
});

async function sessionOf(el: AgentSessionElement): Promise<AgentSession> {
  await el.updateComplete;
  const probe = el.querySelector('session-probe') as SessionProbe;
  await probe.updateComplete;
  return probe.session!;
}

describe('<agent-session>', () => {
  it('alone gives a working demo session on MemoryBackend with a demo agent', async () => {
    const el = await fixture<AgentSessionElement>(html`<agent-session><session-probe></session-probe></agent-session>`);
    const session = await sessionOf(el);
    expect(session.backend).to.be.instanceOf(MemoryBackend);
    expect(session.agent.id).to.be.a('string').and.not.equal('agent');
    expect(session.policy).to.deep.equal(DEFAULT_POLICY);
    const campaigns = await session.backend!.listCampaigns({agentId: session.agent.id});
    expect(campaigns.length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('picks the demo agent named by agent-id and lets time-zone and locale override it', async () => {
    const el = await fixture<AgentSessionElement>(
      html`<agent-session agent-id="agent-maria" time-zone="America/St_Johns" locale="es-US"
        ><session-probe></session-probe
      ></agent-session>`,
    );
    const session = await sessionOf(el);
    expect(session.agent.id).to.equal('agent-maria');
    expect(session.agent.name).to.equal('Maria Lopez');
    expect(session.agent.timeZone).to.equal('America/St_Johns');
    expect(session.agent.locale).to.equal('es-US');
    expect(el.querySelector('session-probe')!.shadowRoot!.textContent).to.contain('America/St_Johns');
  });

  it('provides the host-given agent, policy, backend and clock, properties winning over defaults', async () => {
    const backend = fakeBackend();
    const clock = new ManualClock('2026-03-08T06:30:00Z');
    const el = await fixture<AgentSessionElement>(
      html`<agent-session
        .agent=${{id: 'a-7', name: 'Sam Lee', timeZone: 'America/Phoenix', locale: 'en-US'}}
        .policy=${{callbackTypes: 'personal', callingWindow: {start: '09:00', end: '20:00'}}}
        .backend=${backend}
        .clock=${clock}
        ><div><session-probe></session-probe></div
      ></agent-session>`,
    );
    const probe = el.querySelector('session-probe') as SessionProbe;
    await el.updateComplete;
    await probe.updateComplete;
    const session = probe.session!;
    expect(session.agent).to.deep.equal({id: 'a-7', name: 'Sam Lee', timeZone: 'America/Phoenix', locale: 'en-US'});
    expect(session.backend).to.equal(backend);
    expect(session.clock.now().toString()).to.equal('2026-03-08T06:30:00Z');
    expect(session.policy.callbackTypes).to.equal('personal');
    expect(session.policy.callingWindow).to.deep.equal({start: '09:00', end: '20:00'});
    expect(session.policy.reminderLeadMinutes).to.equal(5);
  });

  it('updates consumers when a property changes', async () => {
    const el = await fixture<AgentSessionElement>(
      html`<agent-session .backend=${fakeBackend()} agent-id="x"><session-probe></session-probe></agent-session>`,
    );
    const probe = el.querySelector('session-probe') as SessionProbe;
    el.agent = {id: 'b', name: 'Bea', timeZone: 'Asia/Kolkata'};
    await el.updateComplete;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Bea Asia/Kolkata');
  });

  it('looks agent-id up in a host backend that can list agents (MemoryBackend)', async () => {
    const backend = new MemoryBackend({clock: new ManualClock('2026-11-23T14:00:00Z'), seed: 2});
    const el = await fixture<AgentSessionElement>(
      html`<agent-session agent-id="agent-lucia" .backend=${backend}><session-probe></session-probe></agent-session>`,
    );
    const session = await sessionOf(el);
    expect(session.backend).to.equal(backend);
    expect(session.agent).to.include({id: 'agent-lucia', timeZone: 'Europe/Madrid'});
  });

  it('provides no backend in events-only mode', async () => {
    const el = await fixture<AgentSessionElement>(
      html`<agent-session events-only agent-id="agent-maria"><session-probe></session-probe></agent-session>`,
    );
    const session = await sessionOf(el);
    expect(session.backend).to.equal(undefined);
    expect(session.agent.id).to.equal('agent-maria');
  });

  it('reports an unknown time-zone in its UI and as a session-error event, keeping the agent zone', async () => {
    const el = await fixture<AgentSessionElement>(
      html`<agent-session .backend=${fakeBackend()} .agent=${{id: 'a', name: 'A', timeZone: 'Europe/Madrid'}}
        ><session-probe></session-probe
      ></agent-session>`,
    );
    setTimeout(() => el.setAttribute('time-zone', 'Mars/Olympus_Mons'));
    const event = await oneEvent(el, 'session-error');
    expect(event.detail.error.code).to.equal('validation');
    expect(event.detail.error.message).to.contain('Mars/Olympus_Mons');
    const session = await sessionOf(el);
    expect(session.agent.timeZone).to.equal('Europe/Madrid');
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Unknown time zone "Mars/Olympus_Mons"');
    await expect(el).to.be.accessible();
  });

  it('draws its error banner and its forced theme from the kit tokens a host sets (it ships only those it reads)', async () => {
    const el = await fixture<AgentSessionElement>(
      html`<agent-session
        theme="dark"
        time-zone="Mars/Olympus_Mons"
        .backend=${fakeBackend()}
        .agent=${{id: 'a', name: 'A', timeZone: 'Europe/Madrid'}}
        style="--ck-color-danger: rgb(200, 0, 0); --ck-color-danger-surface: rgb(250, 230, 230);
          --ck-space-2: 7px; --ck-space-3: 11px; --ck-radius: 3px; --ck-font-family: monospace;
          --ck-font-size: 15px; --ck-color-text: rgb(1, 2, 3); --ck-color-surface: rgb(4, 5, 6)"
        ><session-probe></session-probe
      ></agent-session>`,
    );
    await el.updateComplete;
    const banner = getComputedStyle(el.shadowRoot!.querySelector('[part="error"]')!);
    expect(banner.color).to.equal('rgb(200, 0, 0)');
    expect(banner.backgroundColor).to.equal('rgb(250, 230, 230)');
    expect([banner.paddingTop, banner.paddingInlineStart, banner.marginBlockEnd]).to.deep.equal([
      '7px',
      '11px',
      '11px',
    ]);
    expect(banner.borderTopLeftRadius).to.equal('3px');
    expect([banner.fontFamily, banner.fontSize]).to.deep.equal(['monospace', '15px']);
    const text = getComputedStyle(el.shadowRoot!.querySelector('.message__text')!);
    expect(text.color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
  });

  it('has no transient surface of its own: Escape closes the panel of an element inside and leaves the session alert', async () => {
    const clock = new ManualClock('2026-11-23T14:00:00Z');
    const backend = new MemoryBackend({clock, seed: 2});
    backend.reserveAgentForCall('agent-maria', 60);
    const el = await fixture<AgentSessionElement>(
      html`<agent-session agent-id="agent-maria" time-zone="Mars/Olympus_Mons" .backend=${backend} .clock=${clock}
        ><logout-countdown locale="en-US"></logout-countdown
      ></agent-session>`,
    );
    const logout = el.querySelector('logout-countdown')!;
    await logout.updateComplete;
    logout.shadowRoot!.querySelector<HTMLButtonElement>('.logout')!.focus();
    expect(await logout.requestLogout()).to.equal('deferred');
    await logout.updateComplete;
    expect(logout.shadowRoot!.activeElement?.getAttribute('part')).to.equal('panel');

    await sendKeys({press: 'Escape'});
    await logout.updateComplete;
    expect(logout.shadowRoot!.querySelector('[part="panel"]')).to.equal(null);
    expect(logout.shadowRoot!.activeElement?.getAttribute('part')).to.equal('chip');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Mars/Olympus_Mons');
    await expect(el).to.be.accessible();
  });

  it('registering twice never throws and a host can register the class under its own tag', async () => {
    const again = await import('../../src/components/agent-session/agent-session.js');
    expect(customElements.get('agent-session')).to.equal(again.AgentSessionElement);
    customElements.define('acme-agent-session', class extends AgentSessionElement {});
    const el = await fixture(
      html`<acme-agent-session .backend=${fakeBackend()}><session-probe></session-probe></acme-agent-session>`,
    );
    const session = await sessionOf(el as AgentSessionElement);
    expect(session.agent).to.have.property('timeZone');
  });
});
