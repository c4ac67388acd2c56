import {expect, fixture, html} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/components/zone-picker/zone-picker.js';
import type {ZonePicker} from '../../src/components/zone-picker/zone-picker.js';
import {ManualClock} from '../../src/core/clock.js';
import type {ZoneChangeEvent} from '../../src/events/zone-change.js';
import {kitLocale, setKitLocale} from '../../src/internal/localization.js';

/** Monday 2026-11-23, 09:00 in New York: standard time (New York GMT−5, Denver GMT−7, Kolkata GMT+5:30). */
const WINTER = '2026-11-23T14:00:00Z';

const root = (el: ZonePicker) => el.shadowRoot!;
const input = (el: ZonePicker) => root(el).querySelector<HTMLInputElement>('input')!;
const listbox = (el: ZonePicker) => root(el).querySelector<HTMLElement>('[role="listbox"]')!;
const options = (el: ZonePicker) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const shown = (el: ZonePicker) => options(el).map((o) => o.dataset.zone!);
const activeZone = (el: ZonePicker) => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? root(el).getElementById(id)?.dataset.zone : undefined;
};
const expanded = (el: ZonePicker) => input(el).getAttribute('aria-expanded') === 'true';
/** An option's accessible text (visible text plus the visually hidden separators), spaces normalized. */
const optionText = (el: ZonePicker, zone: string) =>
  root(el).querySelector(`[role="option"][data-zone="${zone}"]`)?.textContent!.replace(/\s+/g, ' ').trim();

async function press(el: ZonePicker, key: string) {
  await sendKeys({press: key});
  await el.updateComplete;
}

async function type(el: ZonePicker, text: string) {
  await sendKeys({type: text});
  await el.updateComplete;
}

async function picker(
  {
    value = 'America/New_York',
    candidates = [] as string[],
    now = WINTER,
    locale = 'en-US',
  }: {value?: string; candidates?: string[]; now?: string; locale?: string} = {},
  focus = true,
) {
  const clock = new ManualClock(now);
  const el = await fixture<ZonePicker>(
    html`<ck-zone-picker
      label="Time zone"
      locale=${locale}
      value=${value}
      .candidates=${candidates}
      .clock=${clock}
    ></ck-zone-picker>`,
  );
  await el.updateComplete;
  if (focus) {
    input(el).focus();
    await el.updateComplete;
  }
  return el;
}

describe('<ck-zone-picker> (APG combobox with listbox popup)', () => {
  afterEach(async () => {
    if (kitLocale() !== 'en') await setKitLocale('en');
  });

  describe('closed', () => {
    it('is a labelled combobox whose listbox is in the same shadow root, showing the current zone', async () => {
      const el = await picker({}, false);
      const field = input(el);
      expect(field.getAttribute('role')).to.equal('combobox');
      expect(field.getAttribute('aria-autocomplete')).to.equal('list');
      expect(field.getAttribute('aria-expanded')).to.equal('false');
      expect(field.hasAttribute('aria-activedescendant')).to.equal(false);
      expect(root(el).getElementById(field.getAttribute('aria-controls')!)).to.equal(listbox(el));
      expect(root(el).querySelector(`label[for="${field.id}"]`)!.textContent!.trim()).to.equal('Time zone');
      expect(field.value).to.equal('New York (Eastern Time)');
      expect(options(el)).to.have.length(0); // nothing computed before the first open
      await expect(el).to.be.accessible();
    });

    it('labels itself "Time zone" when no label is given', async () => {
      const el = await fixture<ZonePicker>(html`<ck-zone-picker locale="en-US"></ck-zone-picker>`);
      expect(root(el).querySelector('label')!.textContent!.trim()).to.equal('Time zone');
      expect(listbox(el).getAttribute('aria-label')).to.equal('Time zone');
    });
  });

  describe('keyboard', () => {
    it('Down opens the list on the first option and moves down, wrapping to the first', async () => {
      const el = await picker({candidates: ['America/Chicago', 'America/Denver']});
      await press(el, 'ArrowDown');
      expect(expanded(el)).to.equal(true);
      expect(listbox(el).hidden).to.equal(false);
      expect(activeZone(el)).to.equal('America/Chicago');
      expect(options(el)[0].getAttribute('aria-selected')).to.equal('true');
      await press(el, 'ArrowDown');
      expect(activeZone(el)).to.equal('America/Denver');
      expect(options(el)[0].getAttribute('aria-selected')).to.equal('false');
      await press(el, 'ArrowDown');
      expect(activeZone(el)).to.equal(shown(el)[2]); // into the other zones
      await press(el, 'End'); // caret: visual focus back in the field
      await press(el, 'ArrowUp');
      expect(activeZone(el)).to.equal(shown(el).at(-1)); // from the field, Up goes to the last option
      await press(el, 'ArrowDown');
      expect(activeZone(el)).to.equal('America/Chicago'); // wrapped
      expect(root(el).activeElement).to.equal(input(el)); // focus never leaves the field
    });

    it('Up opens the list on the last option and moves up, wrapping to the last', async () => {
      const el = await picker({candidates: ['America/Chicago']});
      await press(el, 'ArrowUp');
      expect(expanded(el)).to.equal(true);
      const all = shown(el);
      expect(activeZone(el)).to.equal(all.at(-1));
      // the active option is scrolled into the list's view (the list scrolls, not the page)
      const box = listbox(el).getBoundingClientRect();
      const last = options(el).at(-1)!.getBoundingClientRect();
      expect(listbox(el).scrollTop).to.be.greaterThan(0);
      expect(last.top).to.be.at.least(box.top - 1);
      expect(last.bottom).to.be.at.most(box.bottom + 1);
      await press(el, 'ArrowUp');
      expect(activeZone(el)).to.equal(all.at(-2));
      await press(el, 'Home');
      await press(el, 'ArrowDown');
      expect(activeZone(el)).to.equal('America/Chicago');
      await press(el, 'ArrowUp');
      expect(activeZone(el)).to.equal(all.at(-1));
    });

    it('Alt+Down opens the list without an active option', async () => {
      const el = await picker();
      await sendKeys({down: 'Alt'});
      await sendKeys({press: 'ArrowDown'});
      await sendKeys({up: 'Alt'});
      await el.updateComplete;
      expect(expanded(el)).to.equal(true);
      expect(shown(el).length).to.be.greaterThan(20);
      expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
      expect(el.value).to.equal('America/New_York');
    });

    it('Enter picks the active option: value, one zone-change with the zone, list closed, focus kept', async () => {
      const el = await picker({candidates: ['America/Chicago', 'America/Denver']});
      const spy = sinon.spy();
      el.addEventListener('zone-change', spy);
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      await press(el, 'Enter');
      expect(el.value).to.equal('America/Denver');
      expect(spy.callCount).to.equal(1);
      const event = spy.firstCall.args[0] as ZoneChangeEvent;
      expect(event.detail).to.deep.equal({timeZone: 'America/Denver'});
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(false);
      expect(expanded(el)).to.equal(false);
      expect(input(el).value).to.equal('Denver (Mountain Time)');
      expect(root(el).activeElement).to.equal(input(el));
      expect(document.activeElement).to.equal(el);
    });

    it('Alt+Up picks the active option and closes the list', async () => {
      const el = await picker({candidates: ['America/Chicago']});
      await press(el, 'ArrowDown');
      await sendKeys({down: 'Alt'});
      await sendKeys({press: 'ArrowUp'});
      await sendKeys({up: 'Alt'});
      await el.updateComplete;
      expect(el.value).to.equal('America/Chicago');
      expect(expanded(el)).to.equal(false);
    });

    it('Enter with no active option picks the only match, and nothing when several match', async () => {
      const el = await picker();
      const spy = sinon.spy();
      el.addEventListener('zone-change', spy);
      await type(el, 'america');
      await press(el, 'Enter');
      expect(el.value).to.equal('America/New_York');
      expect(expanded(el)).to.equal(true);
      expect(spy.callCount).to.equal(0);
      await press(el, 'Escape');
      await press(el, 'Escape');
      await type(el, 'denver');
      expect(shown(el)).to.deep.equal(['America/Denver']);
      await press(el, 'Enter');
      expect(el.value).to.equal('America/Denver');
      expect(spy.callCount).to.equal(1);
    });

    it('Escape closes the list (text kept, not propagated); a second Escape clears the text; a third is the host\u2019s', async () => {
      const el = await picker();
      const outer = sinon.spy();
      el.parentElement!.addEventListener('keydown', (e) => e.key === 'Escape' && outer());
      await type(el, 'den');
      expect(expanded(el)).to.equal(true);
      await press(el, 'Escape');
      expect(expanded(el)).to.equal(false);
      expect(input(el).value).to.equal('den');
      expect(outer.callCount).to.equal(0);
      await press(el, 'Escape');
      expect(input(el).value).to.equal('');
      expect(el.value).to.equal('America/New_York');
      expect(outer.callCount).to.equal(0);
      await press(el, 'Escape');
      expect(outer.callCount).to.equal(1); // an empty, closed field lets a dialog around it close
      input(el).blur();
      await el.updateComplete;
      expect(input(el).value).to.equal('New York (Eastern Time)');
    });

    it('Home and End move the caret in the field and take visual focus off the list', async () => {
      const el = await picker();
      await type(el, 'new york');
      await press(el, 'ArrowDown');
      expect(activeZone(el)).to.equal('America/New_York');
      await press(el, 'Home');
      expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
      expect(input(el).selectionStart).to.equal(0);
      expect(expanded(el)).to.equal(true);
      await press(el, 'ArrowDown');
      await press(el, 'End');
      expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
      expect(input(el).selectionStart).to.equal('new york'.length);
      expect(input(el).value).to.equal('new york');
    });

    it('Tab closes the list and picks nothing', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <ck-zone-picker
            locale="en-US"
            value="America/New_York"
            .candidates=${['America/Chicago']}
            .clock=${new ManualClock(WINTER)}
          ></ck-zone-picker
          ><button>Next</button>
        </div>`,
      );
      const el = wrapper.querySelector('ck-zone-picker')!;
      await el.updateComplete;
      const spy = sinon.spy();
      el.addEventListener('zone-change', spy);
      input(el).focus();
      await press(el, 'ArrowDown');
      expect(activeZone(el)).to.equal('America/Chicago');
      await press(el, 'Tab');
      expect(expanded(el)).to.equal(false);
      expect(el.value).to.equal('America/New_York');
      expect(spy.callCount).to.equal(0);
      expect(document.activeElement).to.equal(wrapper.querySelector('button'));
      expect(input(el).value).to.equal('New York (Eastern Time)');
    });
  });

  describe('filtering', () => {
    it('by city, case-insensitively, showing city, long name and current offset', async () => {
      const el = await picker();
      await type(el, 'DENVER');
      expect(shown(el)).to.deep.equal(['America/Denver']);
      expect(optionText(el, 'America/Denver')).to.equal('Denver, Mountain Time, GMT−7');
      expect(root(el).querySelector('[data-zone="America/Denver"] [part="offset"]')!.textContent).to.equal('GMT−7');
    });

    it('by IANA id and by long name', async () => {
      const el = await picker();
      await type(el, 'America/Argentina/Buenos');
      expect(shown(el)).to.deep.equal(['America/Argentina/Buenos_Aires']);
      expect(optionText(el, 'America/Argentina/Buenos_Aires')).to.match(/^Buenos Aires, Argentina, /);
      // Chromium lists CLDR's old ids (Asia/Calcutta): the picker offers the current IANA id, the old one still finds it
      input(el).select();
      await type(el, 'calcutta');
      expect(shown(el)).to.deep.equal(['Asia/Kolkata']);
      await press(el, 'Escape');
      await press(el, 'Escape');
      await type(el, 'mountain time');
      expect(shown(el)).to.include.members(['America/Denver', 'America/Boise', 'America/Edmonton']);
      expect(shown(el)).not.to.include('America/New_York');
    });

    it('by current offset: "GMT-5", "-05:00" and "utc−5" name the same zones; "+5:30" finds Kolkata', async () => {
      const el = await picker();
      await type(el, 'GMT-5');
      const gmtMinus5 = shown(el);
      expect(gmtMinus5).to.include.members(['America/New_York', 'America/Bogota', 'America/Lima']);
      expect(gmtMinus5).not.to.include('America/Denver');
      expect(gmtMinus5).not.to.include('America/Chicago');
      expect(gmtMinus5.filter((zone) => zone.startsWith('Etc/'))).to.deep.equal([]); // Firefox lists Etc/GMT+5
      for (const zone of gmtMinus5) expect(optionText(el, zone), zone).to.match(/GMT−5$/);
      for (const query of ['-05:00', 'utc\u22125']) {
        input(el).select();
        await type(el, query);
        expect(shown(el), query).to.deep.equal(gmtMinus5);
      }
      input(el).select();
      await type(el, '+5:30');
      expect(shown(el)).to.include('Asia/Kolkata');
      expect(shown(el)).not.to.include('Asia/Karachi');
    });

    it('offsets are those of the kit clock\u2019s now: New York is GMT−4 in July', async () => {
      const el = await picker({now: '2026-07-01T12:00:00Z'});
      await type(el, 'new york');
      expect(optionText(el, 'America/New_York')).to.equal('New York, Eastern Time, GMT−4');
    });

    it('ignores accents both ways: "pacifico" finds "hora del Pacífico", "SÃO PAULO" finds Sao_Paulo', async () => {
      const el = await picker({locale: 'es-ES'});
      await type(el, 'pacifico');
      expect(shown(el)).to.include('America/Los_Angeles');
      expect(optionText(el, 'America/Los_Angeles')).to.contain('Pacífico');
      input(el).select();
      await type(el, 'SÃO PAULO');
      expect(shown(el)).to.deep.equal(['America/Sao_Paulo']);
    });

    it('text that names no zone shows "No zone matches" and leaves the value; leaving shows the zone again', async () => {
      const el = await picker();
      const spy = sinon.spy();
      el.addEventListener('zone-change', spy);
      await type(el, 'Atlantis/Nowhere');
      expect(expanded(el)).to.equal(true);
      expect(options(el)).to.have.length(0);
      expect(listbox(el).hidden).to.equal(true);
      const message = root(el).querySelector<HTMLElement>('.empty')!;
      expect(message.textContent!.trim()).to.equal('No zone matches');
      expect(message.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('No zone matches');
      await press(el, 'ArrowDown');
      await press(el, 'Enter');
      expect(el.value).to.equal('America/New_York');
      expect(spy.callCount).to.equal(0);
      await expect(el).to.be.accessible();
      input(el).blur();
      await el.updateComplete;
      expect(input(el).value).to.equal('New York (Eastern Time)');
      expect(el.value).to.equal('America/New_York');
    });
  });

  describe('candidates', () => {
    it('come first under "Suggested zones" (valid ones, once), the rest under "Other zones"', async () => {
      const el = await picker({candidates: ['America/Chicago', 'Not/AZone', 'America/New_York', 'America/Chicago']});
      await press(el, 'ArrowDown');
      const groups = [...root(el).querySelectorAll<HTMLElement>('[role="group"]')];
      expect(groups).to.have.length(2);
      const heading = (g: HTMLElement) => root(el).getElementById(g.getAttribute('aria-labelledby')!)!.textContent;
      expect(heading(groups[0])).to.equal('Suggested zones');
      expect(heading(groups[1])).to.equal('Other zones');
      const first = [...groups[0].querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.dataset.zone);
      expect(first).to.deep.equal(['America/Chicago', 'America/New_York']);
      const rest = [...groups[1].querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.dataset.zone);
      expect(rest).not.to.include('America/Chicago');
      expect(rest).to.include('Europe/Madrid');
      expect(shown(el).slice(0, 2)).to.deep.equal(['America/Chicago', 'America/New_York']);
      await expect(el).to.be.accessible();
    });

    it('the other zones run west to east by current offset', async () => {
      const el = await picker();
      await press(el, 'ArrowDown');
      const offsets = options(el).map((o) => o.querySelector('[part="offset"]')!.textContent!);
      const minutes = offsets.map((text) => {
        const m = /^GMT(?:([+−])(\d+)(?::(\d\d))?)?$/.exec(text)!;
        return m[1] ? (m[1] === '−' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
      });
      expect(minutes).to.deep.equal([...minutes].sort((a, b) => a - b));
      expect(root(el).querySelectorAll('[role="group"]')).to.have.length(0); // no candidates: one flat list
    });
  });

  describe('pointer, API and accessibility', () => {
    it('a click opens the list; a click on an option picks it and keeps focus in the field', async () => {
      const el = await picker({candidates: ['Europe/Madrid']}, false);
      const spy = sinon.spy();
      el.addEventListener('zone-change', spy);
      input(el).focus();
      input(el).click();
      await el.updateComplete;
      expect(expanded(el)).to.equal(true);
      const option = root(el).querySelector<HTMLElement>('[data-zone="Europe/Madrid"]')!;
      // A real press: mousedown (which must not take focus from the field), then click.
      const down = new MouseEvent('mousedown', {bubbles: true, composed: true, cancelable: true});
      option.dispatchEvent(down);
      expect(down.defaultPrevented).to.equal(true);
      option.click();
      await el.updateComplete;
      expect(el.value).to.equal('Europe/Madrid');
      expect(spy.firstCall.args[0].detail).to.deep.equal({timeZone: 'Europe/Madrid'});
      expect(expanded(el)).to.equal(false);
      expect(root(el).activeElement).to.equal(input(el));
    });

    it('setting value fires nothing and shows the new zone; picking the current zone fires nothing', async () => {
      const el = await picker({candidates: ['America/New_York']});
      const spy = sinon.spy();
      el.addEventListener('zone-change', spy);
      el.value = 'Asia/Kolkata';
      await el.updateComplete;
      expect(input(el).value).to.equal('Kolkata (India Standard Time)');
      el.value = 'America/New_York';
      await el.updateComplete;
      await press(el, 'ArrowDown');
      await press(el, 'Enter');
      expect(spy.callCount).to.equal(0);
    });

    it('error: shown under the field, linked to it, and focus() lands in the field', async () => {
      const el = await picker({}, false);
      el.error = 'Pick the zone to book in.';
      await el.updateComplete;
      const message = root(el).getElementById(input(el).getAttribute('aria-describedby')!)!;
      expect(message.textContent).to.equal('Pick the zone to book in.');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      el.focus();
      expect(root(el).activeElement).to.equal(input(el));
      await expect(el).to.be.accessible();
      el.error = '';
      await el.updateComplete;
      expect(input(el).hasAttribute('aria-invalid')).to.equal(false);
      expect(input(el).hasAttribute('aria-describedby')).to.equal(false);
    });

    it('disabled: the field is disabled and keys open nothing', async () => {
      const el = await picker({}, false);
      el.disabled = true;
      await el.updateComplete;
      expect(input(el).disabled).to.equal(true);
      input(el).dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown'}));
      await el.updateComplete;
      expect(expanded(el)).to.equal(false);
    });

    it('fits a 320 px panel: the open list is no wider than the panel and the page gets no scrollbar', async () => {
      const panel = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px; padding: 8px; box-sizing: border-box">
          <ck-zone-picker locale="en-US" value="America/New_York" .clock=${new ManualClock(WINTER)}></ck-zone-picker>
        </div>`,
      );
      const el = panel.querySelector('ck-zone-picker')!;
      await el.updateComplete;
      input(el).focus();
      await press(el, 'ArrowDown');
      const popup = root(el).querySelector<HTMLElement>('[part="popup"]')!.getBoundingClientRect();
      const outer = panel.getBoundingClientRect();
      expect(popup.width).to.be.greaterThan(250);
      expect(popup.left).to.be.at.least(outer.left);
      expect(popup.right).to.be.at.most(outer.right);
      expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
      for (const option of options(el).slice(0, 50)) expect(option.scrollWidth).to.be.at.most(option.clientWidth + 1);
    });

    it('right to left: the offset sits on the left, the city on the right', async () => {
      const panel = await fixture<HTMLDivElement>(
        html`<div dir="rtl" style="inline-size: 360px">
          <ck-zone-picker locale="en-US" value="America/New_York" .clock=${new ManualClock(WINTER)}></ck-zone-picker>
        </div>`,
      );
      const el = panel.querySelector('ck-zone-picker')!;
      await el.updateComplete;
      input(el).focus();
      await press(el, 'ArrowDown');
      const option = options(el)[0];
      const offset = option.querySelector('[part="offset"]')!.getBoundingClientRect();
      const city = option.querySelector('.option__city')!.getBoundingClientRect();
      expect(offset.right).to.be.below(city.left);
      expect(option.querySelector('[part="offset"]')!.textContent).to.match(/^GMT−\d/); // no bidi reordering
    });

    it('follows a dark colour scheme (on a dark host surface): the list is a dark surface with light text', async () => {
      const panel = await fixture<HTMLDivElement>(
        html`<div style="--ck-color-scheme: dark; background: #1b1e22">
          <ck-zone-picker locale="en-US" value="America/New_York" .clock=${new ManualClock(WINTER)}></ck-zone-picker>
        </div>`,
      );
      const el = panel.querySelector('ck-zone-picker')!;
      await el.updateComplete;
      input(el).focus();
      await press(el, 'ArrowDown');
      const luminance = (color: string) => {
        const [r, g, b] = color.match(/[\d.]+/g)!.map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      };
      const popup = getComputedStyle(root(el).querySelector('[part="popup"]')!);
      expect(luminance(popup.backgroundColor)).to.be.below(0.2);
      expect(luminance(getComputedStyle(options(el)[1]).color)).to.be.above(0.7);
      await expect(el).to.be.accessible();
    });

    it('forced colours: the active option is painted in the system Highlight colours', async () => {
      await executeServerCommand('emulate-forced-colors', {active: true});
      try {
        expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
        const el = await picker({candidates: ['America/Chicago']});
        await press(el, 'ArrowDown');
        const active = root(el).getElementById(input(el).getAttribute('aria-activedescendant')!)!;
        const probe = document.createElement('span');
        document.body.append(probe);
        const system = (color: string) => {
          probe.style.color = color;
          return getComputedStyle(probe).color;
        };
        expect(getComputedStyle(active).backgroundColor).to.equal(system('Highlight'));
        expect(getComputedStyle(active.querySelector('[part="offset"]')!).color).to.equal(system('HighlightText'));
        expect(getComputedStyle(options(el)[1]).backgroundColor).not.to.equal(system('Highlight'));
        probe.remove();
        // colour-contrast is left out under forced colours (axe reads the author colours; see theming.test.ts)
        await expect(el).to.be.accessible({ignoredRules: ['color-contrast']});
      } finally {
        await executeServerCommand('emulate-forced-colors', {active: false});
      }
    });

    it('is axe-clean open with an active option', async () => {
      const el = await picker({candidates: ['America/Chicago']});
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      expect(activeZone(el)).to.be.a('string');
      await expect(el).to.be.accessible();
    });

    it('speaks Spanish: label default, placeholder, group headings, no-match message, long names', async () => {
      const el = await fixture<ZonePicker>(
        html`<ck-zone-picker
          locale="es-ES"
          value="America/New_York"
          .candidates=${['America/Chicago']}
          .clock=${new ManualClock(WINTER)}
        ></ck-zone-picker>`,
      );
      await waitUntil(() => kitLocale() === 'es', 'the picker did not switch the kit to Spanish');
      await el.updateComplete;
      expect(root(el).querySelector('label')!.textContent!.trim()).to.equal('Zona horaria');
      expect(input(el).placeholder).to.equal('Ciudad, zona o desfase GMT');
      expect(input(el).value).to.equal('New York (hora oriental)');
      input(el).focus();
      await press(el, 'ArrowDown');
      const headings = [...root(el).querySelectorAll('[part="group-heading"]')].map((h) => h.textContent);
      expect(headings).to.deep.equal(['Zonas sugeridas', 'Otras zonas']);
      expect(optionText(el, 'America/Chicago')).to.equal('Chicago, hora central, GMT−6');
      await type(el, 'zzz');
      expect(root(el).querySelector('.empty')!.textContent!.trim()).to.equal('Ninguna zona coincide');
    });
  });
});
