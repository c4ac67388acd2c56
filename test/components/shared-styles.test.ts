import {expect, fixture, html} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import {css, LitElement} from 'lit';
import {tokens} from '../../src/internal/tokens.js';
import {a11y, controls, host, messages} from '../../src/internal/styles/index.js';

/** A stand-in element composing the shared modules the way every kit element does. */
class StyledProbe extends LitElement {
  static styles = [tokens, host, a11y, controls, messages, css``];
  render() {
    return html`<button class="primary">Save</button><button>Cancel</button
      ><input aria-label="Name" aria-invalid="true" /><select aria-label="Choice">
        <option>One</option></select
      ><span class="visually-hidden">Hidden</span>
      <p class="message message--error"><span class="message__text">Failed</span></p>`;
  }
}
customElements.define('styled-probe', StyledProbe);

const part = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)!;

describe('shared style modules (internal/styles)', () => {
  afterEach(() => emulateMedia({colorScheme: 'light'}));

  it('the primary button takes the accent token, a host override reaches it', async () => {
    const el = await fixture(html`<styled-probe style="--ck-color-accent: rgb(200, 0, 100)"></styled-probe>`);
    const primary = getComputedStyle(part(el, 'button.primary'));
    expect(primary.backgroundColor).to.equal('rgb(200, 0, 100)');
    expect(getComputedStyle(part(el, 'button:not(.primary)')).backgroundColor).to.not.equal('rgb(200, 0, 100)');
  });

  it('buttons, fields and selects share one control height; select draws its arrow without a data: URL', async () => {
    const el = await fixture(html`<styled-probe></styled-probe>`);
    const heights = ['button.primary', 'input', 'select'].map((s) => part(el, s).getBoundingClientRect().height);
    expect(Math.max(...heights) - Math.min(...heights)).to.be.below(1);
    expect(heights[0]).to.be.at.least(32);
    const arrow = getComputedStyle(part(el, 'select')).backgroundImage;
    expect(arrow).to.contain('linear-gradient');
    expect(arrow).to.not.contain('data:');
  });

  it('an invalid field shows the danger colour; the visually hidden text takes no room', async () => {
    const el = await fixture(html`<styled-probe style="--ck-color-danger: rgb(180, 0, 0)"></styled-probe>`);
    expect(getComputedStyle(part(el, 'input')).borderTopColor).to.equal('rgb(180, 0, 0)');
    const hidden = part(el, '.visually-hidden').getBoundingClientRect();
    expect(hidden.width * hidden.height).to.be.at.most(1);
  });

  it('the hidden attribute hides the host even when a page styles it as a block', async () => {
    const el = await fixture(html`<styled-probe hidden style="display: block"></styled-probe>`);
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('passes axe', async () => {
    const el = await fixture(html`<main><styled-probe></styled-probe></main>`);
    await expect(el).to.be.accessible();
  });
});
