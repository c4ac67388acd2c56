import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {css, html, LitElement, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {keyed} from 'lit/directives/keyed.js';

import '../src/components/agent-session/agent-session.js';
import '../src/components/callback-list/callback-list.js';
import '../src/components/callback-scheduler/callback-scheduler.js';
import '../src/components/campaign-list/campaign-list.js';
import '../src/components/logout-countdown/logout-countdown.js';
import type {SchedulingBackend} from '../src/core/backend.js';
import {DEMO_AGENTS, DEMO_CONTACTS} from '../src/core/demo-data.js';
import {HttpBackend, type HttpConnectionState} from '../src/core/http-backend.js';
import {MemoryBackend} from '../src/core/memory-backend.js';

type BackendKind = 'memory' | 'http';

const AGENT = DEMO_AGENTS.find((agent) => agent.id === 'agent-maria')!;
const SOPHIA = DEMO_CONTACTS.find((contact) => contact.id === 'contact-sophia')!;

/**
 * The same agent screen on either backend: the embedded `MemoryBackend`, or `HttpBackend` talking to the reference
 * server of the REST contract (api/openapi.yaml). Switching rebuilds the session on the chosen backend.
 */
class BackendSwitchDemo extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font:
        0.875rem/1.4 system-ui,
        sans-serif;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      padding: 0.5rem 0.75rem;
      margin-block-end: 0.75rem;
      border: 1px solid #c4c9d0;
      border-radius: 6px;
    }
    .screen {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
      gap: 1rem;
    }
    .side {
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
    code {
      font-size: 0.95em;
    }
  `;

  #backend?: SchedulingBackend & {close?: () => void; dispose?: () => void};

  @state() private connection: HttpConnectionState | 'memory' = 'memory';
  @state() private connectionError?: string;

  /** Which backend the session uses. */
  @property() kind: BackendKind = 'memory';

  /** The reference server's address (start it with `npm run serve:api`). */
  @property({attribute: 'base-url'}) baseUrl = 'http://localhost:8787';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release();
  }

  #release(): void {
    this.#backend?.close?.();
    this.#backend?.dispose?.();
    this.#backend = undefined;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!this.#backend || changed.has('kind') || changed.has('baseUrl')) {
      this.#release();
      this.connectionError = undefined;
      if (this.kind === 'http') {
        this.connection = 'connecting';
        this.#backend = new HttpBackend({
          baseUrl: this.baseUrl,
          // the reference server's development token for Maria (`npm run serve:api`, loopback only)
          headers: () => ({Authorization: 'Bearer dev-agent-maria'}),
          onConnectionChange: (state, error) => {
            this.connection = state;
            this.connectionError = error ? String((error as Error).message ?? error) : undefined;
          },
        });
      } else {
        this.connection = 'memory';
        this.#backend = new MemoryBackend({seed: 1, simulateDialer: true});
      }
    }
  }

  override render() {
    const status =
      this.kind === 'memory'
        ? html`Embedded <code>MemoryBackend</code> (demo data, no network).`
        : html`<code>HttpBackend</code> at <code>${this.baseUrl}</code>: events ${this.connection}.
            ${this.connectionError ? html`<span role="alert">${this.connectionError}</span>` : nothing} Start the
            reference server with <code>npm run serve:api</code> next to <code>npm start</code>.`;
    return html`
      <div class="bar" role="status">${status}</div>
      ${keyed(
        this.#backend,
        html`<agent-session .agent=${AGENT} .backend=${this.#backend}>
          <div class="screen">
            <callback-scheduler .contact=${SOPHIA} campaign-id="camp-spring-renewals"></callback-scheduler>
            <div class="side">
              <logout-countdown></logout-countdown>
              <campaign-list></campaign-list>
              <callback-list .contacts=${DEMO_CONTACTS}></callback-list>
            </div>
          </div>
        </agent-session>`,
      )}
    `;
  }
}
if (!customElements.get('ck-backend-switch-demo')) customElements.define('ck-backend-switch-demo', BackendSwitchDemo);

interface Args {
  kind: BackendKind;
  baseUrl: string;
}

const meta: Meta<Args> = {
  title: 'Examples/Backend switch',
  tags: ['!autodocs'],
  argTypes: {
    kind: {control: 'inline-radio', options: ['memory', 'http'], description: 'MemoryBackend or HttpBackend'},
    baseUrl: {control: 'text', description: 'The reference server (npm run serve:api)'},
  },
  args: {kind: 'memory', baseUrl: 'http://localhost:8787'},
  render: ({kind, baseUrl}) => html`<ck-backend-switch-demo kind=${kind} base-url=${baseUrl}></ck-backend-switch-demo>`,
};
export default meta;

/** The embedded demo backend. */
export const Memory: StoryObj<Args> = {};

/** The same screen over HTTP: run `npm run serve:api` (port 8787) first. */
export const Http: StoryObj<Args> = {args: {kind: 'http'}};
