// callback-kit/react, callback-kit/vue and the shared element table, on Node (no DOM), as a server renderer and a
// Vite config see them. Run: npx mocha --no-config --node-option import=tsx test/frameworks/frameworks.test.ts
// (needs custom-elements.json: `npm run analyze`). The browser side is proven by consumers/ (npm run test:consumers).
import {expect} from 'chai';
import {existsSync, readFileSync} from 'node:fs';
import {createElement as h} from 'react';
import {renderToString} from 'react-dom/server';
import {callbackKitEvents, callbackKitTags, isCallbackKitElement} from '../../src/types/elements.js';

interface ManifestMember {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
}
interface ManifestDeclaration {
  tagName?: string;
  customElement?: boolean;
  members?: ManifestMember[];
  events?: {name: string}[];
}

const manifestUrl = new URL('../../custom-elements.json', import.meta.url);

function manifest(): Map<string, ManifestDeclaration> {
  if (!existsSync(manifestUrl)) throw new Error('custom-elements.json is missing: run `npm run analyze` first.');
  const json = JSON.parse(readFileSync(manifestUrl, 'utf8')) as {modules: {declarations?: ManifestDeclaration[]}[]};
  return new Map(
    json.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => [d.tagName!, d]),
  );
}

describe('framework entries', () => {
  it('lists exactly the public elements of the manifest (internal parts excepted), each with every event it documents', () => {
    const elements = manifest();
    const publicTags = [...elements.keys()].filter((tag) => !tag.startsWith('ck-')).sort();
    expect([...callbackKitTags].sort()).to.deep.equal(publicTags);
    for (const tag of callbackKitTags) {
      const documented = (elements.get(tag)!.events ?? []).map((e) => e.name).sort();
      expect([...callbackKitEvents[tag]].sort(), `${tag} events`).to.deep.equal(documented);
    }
  });

  it('isCallbackKitElement: the kit’s tags only', () => {
    for (const tag of callbackKitTags) expect(isCallbackKitElement(tag), tag).to.equal(true);
    for (const tag of ['div', 'ck-month-calendar', 'router-view', 'AgentSession', 'agent-sessions']) {
      expect(isCallbackKitElement(tag), tag).to.equal(false);
    }
  });

  it('callback-kit/react imports on a server without a DOM and renders bare tags: no prop becomes an attribute', async () => {
    const react = await import('../../src/react/index.js');
    expect(typeof (globalThis as {window?: unknown}).window).to.equal('undefined');
    expect(typeof (globalThis as {document?: unknown}).document).to.equal('undefined');
    const html = renderToString(
      h(
        react.AgentSession,
        {agentId: 'agent-maria', eventsOnly: true, id: 'session'},
        h(react.CallbackScheduler, {
          contact: {id: 'contact-sophia', name: 'Sophia Nguyen', phones: []},
          headingLevel: 2,
          onCallbackScheduled: () => {},
          className: 'panel',
        }),
        h(react.TimeslotGrid, {days: 5, onSlotSelect: () => {}}),
      ),
    );
    expect(html).to.equal(
      '<agent-session id="session"><callback-scheduler class="panel"></callback-scheduler>' +
        '<timeslot-grid></timeslot-grid></agent-session>',
    );
  });

  it('callback-kit/react has a component per element, named after it', async () => {
    const react = (await import('../../src/react/index.js')) as unknown as Record<string, {displayName?: string}>;
    const names = callbackKitTags.map((tag) => tag.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()));
    for (const name of names) expect(react[name]?.displayName, name).to.equal(name);
  });
});
