/**
 * `<logout-countdown>`'s lazy surfaces (panel, chip, confirmation, error box: logout-countdown.view.ts), on a page of
 * their own so the chunk is not downloaded yet: downloaded on intent (focus, pointer), a keyboard-only path that
 * keeps every focus rule when the chunk arrives after the answer, and a failed download shown with a Retry.
 * The download is held or failed through `lazyView.import` (the element's one door to the chunk).
 */
import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import {LogoutCountdownElement} from '../../src/components/logout-countdown/logout-countdown.js';
import {lazyView, type LogoutViewModule} from '../../src/components/logout-countdown/logout-countdown.lazy.js';
import {ManualClock} from '../../src/core/clock.js';
import {BackendUnavailableError, CallbackKitError} from '../../src/core/errors.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import type {Agent} from '../../src/core/types.js';
import type {LogoutCanceledEvent} from '../../src/events/logout-canceled.js';
import type {LogoutErrorEvent} from '../../src/events/logout-error.js';
import {waitFor as waitUntil} from '../support/wait.js';

const T0 = '2026-06-15T13:00:00Z';
const MARIA: Agent = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York', locale: 'en-US'};

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const $ = (el: LogoutCountdownElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const button = (el: LogoutCountdownElement, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => norm(b.textContent) === name) ?? null;
const focused = (el: LogoutCountdownElement) => el.shadowRoot!.activeElement as HTMLElement | null;

function record<T extends Event>(el: Element, type: string): T[] {
  const events: T[] = [];
  el.addEventListener(type, (e) => events.push(e as T));
  return events;
}

describe('<logout-countdown> lazy surfaces', () => {
  let clock: ManualClock;
  const realImport = lazyView.import;

  beforeEach(() => {
    clock = new ManualClock(T0);
    // Each test starts before the download: no module yet, none in flight, and no idle-time download.
    lazyView.module = undefined;
    lazyView.loading = undefined;
    sinon.stub(globalThis, 'requestIdleCallback').returns(0);
  });

  afterEach(() => {
    sinon.restore();
  });

  async function mount() {
    const backend = new MemoryBackend({clock, seed: 1});
    backend.reserveAgentForCall('agent-maria', 90); // the dialer holds the agent: the logout is deferred
    const el = await fixture<LogoutCountdownElement>(
      html`<logout-countdown .backend=${backend} .clock=${clock} .agent=${MARIA} locale="en-US"></logout-countdown>`,
    );
    await el.updateComplete;
    return el;
  }

  it('keyboard only: Tab to Log out downloads the panel; Enter; the panel arrives after the answer and takes focus', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const load = sinon.stub(lazyView, 'import').callsFake(async (): Promise<LogoutViewModule> => {
      await held;
      return realImport();
    });
    const el = await mount();
    expect(load.callCount, 'nothing downloaded for the first paint').to.equal(0);

    await sendKeys({press: 'Tab'});
    expect(focused(el)).to.equal(button(el, 'Log out'));
    expect(load.callCount, 'focus is intent: the download starts').to.equal(1);

    await sendKeys({press: 'Enter'});
    await waitUntil(() => el.logoutState === 'deferred', 'the logout is deferred');
    // The answer is there, the chunk is not: the surface waits (busy), nothing is lost.
    expect($(el, '[part="panel"]')).to.equal(null);
    expect($(el, '.base')!.getAttribute('aria-busy')).to.equal('true');
    expect(norm($(el, '[role="status"]')!.textContent)).to.match(/^Awaiting logoff authorization\./);

    release();
    await el.updateComplete;
    const panel = $(el, '[part="panel"]');
    expect(panel).to.not.equal(null);
    expect(focused(el), 'focus follows to the panel once it shows').to.equal(panel);
    expect(getComputedStyle(panel!).display, 'the panel is styled by its chunk').to.equal('flex');
    expect(load.callCount, 'one download').to.equal(1);

    await sendKeys({press: 'Escape'});
    await el.updateComplete;
    expect(focused(el)).to.equal($(el, '[part="chip"]'));
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(focused(el)).to.equal($(el, '[part="panel"]'));
    await expect(el).to.be.accessible();
  });

  it('pointing at the element starts the download', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const load = sinon.stub(lazyView, 'import').callsFake(async () => {
      await held;
      return realImport();
    });
    const el = await mount();
    expect(load.callCount).to.equal(0);
    el.dispatchEvent(new PointerEvent('pointerenter'));
    expect(load.callCount).to.equal(1);
    release();
    await lazyView.loading;
    expect(lazyView.module).to.not.equal(undefined);
  });

  it('a failed download: where the logout stands, why, a Retry and Cancel logout; logout-error (load)', async () => {
    sinon.stub(lazyView, 'import').rejects(new TypeError('Failed to fetch dynamically imported module'));
    const el = await mount();
    const errors = record<LogoutErrorEvent>(el, 'logout-error');
    const canceled = record<LogoutCanceledEvent>(el, 'logout-canceled');

    button(el, 'Log out')!.focus();
    button(el, 'Log out')!.click();
    await waitUntil(() => errors.length > 0, 'logout-error');
    await el.updateComplete;

    expect(el.logoutState, 'the logout itself goes on').to.equal('deferred');
    expect(errors).to.have.length(1);
    expect(errors[0].detail.operation).to.equal('load');
    expect(errors[0].detail.agentId).to.equal('agent-maria');
    expect(errors[0].detail.error).to.be.instanceOf(CallbackKitError);
    expect(errors[0].detail.error).to.be.instanceOf(BackendUnavailableError);
    const alert = $(el, '[part="error"] [role="alert"]');
    expect(norm(alert?.textContent)).to.match(
      /^Awaiting logoff authorization .+ The scheduling service is unavailable/,
    );
    expect(focused(el), 'focus goes to the Retry').to.equal(button(el, 'Retry'));
    expect($(el, '.base')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();

    // Retry while still offline: the same error, one more event, nothing else changes.
    await sendKeys({press: 'Enter'});
    await waitUntil(() => errors.length === 2, 'a second logout-error');
    await el.updateComplete;
    expect(button(el, 'Retry')).to.not.equal(null);

    // Back online: Retry shows the panel, focus on it.
    (lazyView.import as sinon.SinonStub).callsFake(realImport);
    button(el, 'Retry')!.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => $(el, '[part="panel"]') !== null, 'the panel');
    await el.updateComplete;
    expect(focused(el)).to.equal($(el, '[part="panel"]'));
    expect(errors).to.have.length(2);

    // Cancel logout from the fallback, too: shown again offline, the agent can still stay logged in.
    lazyView.module = undefined;
    lazyView.loading = undefined;
    (lazyView.import as sinon.SinonStub).rejects(new TypeError('Failed to fetch dynamically imported module'));
    el.requestUpdate();
    await waitUntil(() => button(el, 'Cancel logout') !== null && $(el, '[part="panel"]') === null, 'the fallback');
    button(el, 'Cancel logout')!.click();
    await el.updateComplete;
    expect(el.logoutState).to.equal('idle');
    expect(canceled).to.have.length(1);
    expect(button(el, 'Log out')).to.not.equal(null);
  });
});
