import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import type {MonthCalendarElement} from '../../src/components/month-calendar/month-calendar.js';
import '../../src/components/month-calendar/month-calendar.js';

const focusedDate = (el: MonthCalendarElement) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.date;
const month = (el: MonthCalendarElement) => el.shadowRoot!.querySelector('#month')!.textContent!.trim();

describe('<ck-month-calendar> (APG date picker grid)', () => {
  let el: MonthCalendarElement;
  beforeEach(async () => {
    el = await fixture<MonthCalendarElement>(
      html`<ck-month-calendar
        value="2026-11-23"
        today="2026-11-23"
        min="2026-11-23"
        max="2026-12-23"
        locale="en-US"
      ></ck-month-calendar>`,
    );
  });

  it('shows the month with one tab stop on the selected day, marked selected and current', async () => {
    expect(month(el)).to.equal('November 2026');
    const stops = el.shadowRoot!.querySelectorAll('[tabindex="0"]');
    expect(stops).to.have.length(1);
    expect((stops[0] as HTMLElement).dataset.date).to.equal('2026-11-23');
    expect(stops[0].getAttribute('aria-selected')).to.equal('true');
    expect(stops[0].getAttribute('aria-current')).to.equal('date');
    expect(stops[0].getAttribute('aria-label')).to.equal('Monday, November 23, today');
    expect(el.shadowRoot!.querySelector('[data-date="2026-11-22"]')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('moves by day, week, week ends, month and year with the keyboard', async () => {
    el.shadowRoot!.querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    const steps: [string, string][] = [
      ['ArrowRight', '2026-11-24'],
      ['ArrowDown', '2026-12-01'],
      ['ArrowLeft', '2026-11-30'],
      ['ArrowUp', '2026-11-23'],
      ['End', '2026-11-29'],
      ['Home', '2026-11-23'],
      ['PageDown', '2026-12-23'],
      ['PageUp', '2026-11-23'],
    ];
    for (const [key, date] of steps) {
      await sendKeys({press: key});
      await el.updateComplete;
      expect(focusedDate(el), key).to.equal(date);
    }
    await sendKeys({down: 'Shift'});
    await sendKeys({press: 'PageDown'});
    await sendKeys({up: 'Shift'});
    await el.updateComplete;
    expect(focusedDate(el)).to.equal('2027-11-23');
    expect(month(el)).to.equal('November 2027');
  });

  it('selects with Enter or Space and never a disabled day', async () => {
    const select = sinon.spy();
    el.addEventListener('calendar-select', select);
    el.shadowRoot!.querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    await sendKeys({press: 'ArrowLeft'}); // 22nd: before min
    await sendKeys({press: 'Enter'});
    expect(select.called).to.equal(false);
    await sendKeys({press: 'ArrowRight'});
    await sendKeys({press: 'ArrowRight'});
    await sendKeys({press: ' '});
    expect(select.firstCall.args[0].detail.date).to.equal('2026-11-24');
    expect(el.value).to.equal('2026-11-24');
    el.shadowRoot!.querySelector<HTMLElement>('[data-date="2026-11-27"]')!.click();
    expect(select.secondCall.args[0].detail.date).to.equal('2026-11-27');
  });

  it('the month buttons change the month shown', async () => {
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Next month"]')!.click();
    await el.updateComplete;
    expect(month(el)).to.equal('December 2026');
  });
});
