// Vue hosts put the kit's objects into reactive state (`ref(new MemoryBackend())`, `reactive({clock})`, `data()`).
// Vue wraps such objects in a Proxy, and a Proxy cannot reach a class's #private fields: every method threw
// "Cannot read private member #now from an object whose class did not declare it". The kit's clocks and backends
// mark themselves raw (Vue's `__v_skip`), so Vue hands back the instance itself and the methods work.
import {expect} from 'chai';
import {isProxy, isReactive, reactive, ref, shallowRef} from 'vue';
import {ManualClock, SimulatedClock} from '../../src/core/clock.js';
import {HttpBackend} from '../../src/core/http-backend.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import {Temporal} from '../../src/core/temporal.js';

const NOW = '2026-06-15T13:00:00Z'; // Monday 09:00 in New York

describe('the kit’s clocks and backends in Vue reactive state', () => {
  it('ManualClock: reactive() and ref() give back the clock itself, and now/advance/subscribe work', () => {
    const clock = new ManualClock(NOW);
    const state = reactive({clock});
    expect(isProxy(state.clock)).to.equal(false);
    expect(state.clock).to.equal(clock);
    let ticks = 0;
    const stop = state.clock.subscribe(() => ticks++);
    state.clock.advance({minutes: 30});
    expect(state.clock.now().toString()).to.equal('2026-06-15T13:30:00Z');
    expect(ticks).to.equal(1);
    stop();
    expect(ref(clock).value.now().toString()).to.equal('2026-06-15T13:30:00Z');
  });

  it('SimulatedClock: reactive() leaves it raw; now() and rate work', () => {
    const state = reactive({clock: new SimulatedClock(NOW, {rate: 60})});
    expect(isProxy(state.clock)).to.equal(false);
    expect(state.clock.rate).to.equal(60);
    expect(Temporal.Instant.compare(state.clock.now(), Temporal.Instant.from(NOW))).to.be.at.least(0);
  });

  it('MemoryBackend: a ref() holds the backend itself; availability, scheduling and listing work through it', async () => {
    const clock = new ManualClock(NOW);
    const backend = ref(new MemoryBackend({clock}));
    expect(isReactive(backend.value)).to.equal(false);
    const slots = await backend.value.getAvailability({
      from: '2026-06-16T17:00:00Z', // 10:00 in Los Angeles, 13:00 in New York
      to: '2026-06-16T22:00:00Z',
      type: 'personal',
      agentId: 'agent-maria',
    });
    const slot = slots.find((s) => s.available);
    expect(slot, 'an available slot').to.not.equal(undefined);
    const saved = await backend.value.scheduleCallback(
      {
        contactId: 'contact-sophia',
        phone: '+14155267890',
        type: 'personal',
        ownerAgentId: 'agent-maria',
        start: slot!.start,
        timeZone: 'America/Los_Angeles',
        kind: 'callback',
      },
      {idempotencyKey: 'vue-reactive-1'},
    );
    expect(saved.status).to.equal('scheduled');
    const mine = await reactive({backend: backend.value}).backend.listCallbacks({agentId: 'agent-maria'});
    expect(mine.map((c) => c.id)).to.include(saved.id);
  });

  it('HttpBackend: reactive() leaves it raw; a call goes out through its fetch', async () => {
    const urls: string[] = [];
    const http = new HttpBackend({
      baseUrl: 'http://crm.test/api/',
      retries: 0,
      fetch: async (input) => {
        urls.push(String(input));
        return new Response('[]', {status: 200, headers: {'content-type': 'application/json'}});
      },
    });
    const state = reactive({backend: http});
    expect(isProxy(state.backend)).to.equal(false);
    expect(await state.backend.listCampaigns({agentId: 'agent-maria'})).to.deep.equal([]);
    expect(urls).to.have.length(1);
    expect(urls[0]).to.match(/^http:\/\/crm\.test\/api\/.*campaigns/);
    expect(shallowRef(http).value).to.equal(http);
  });
});
