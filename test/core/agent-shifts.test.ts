import {expect} from 'chai';
import {ManualClock} from '../../src/core/clock.js';
import {SlotUnavailableError, NotFoundError} from '../../src/core/errors.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import type {Agent, BackendEvent, Callback, CallbackRequest, Campaign, Contact} from '../../src/core/index.js';

const NY = 'America/New_York';
/** Monday 2026-06-15, 09:00 in New York (EDT). */
const NOW = '2026-06-15T13:00:00Z';

const agents: Agent[] = [
  {id: 'a1', name: 'Ann Avery', timeZone: NY},
  {id: 'a2', name: 'Ben Brown', timeZone: 'America/Chicago'},
];
const contacts: Contact[] = [{id: 'ny', name: 'Nora York', phones: [{number: '+12124561987', type: 'mobile'}]}];
const campaigns: Campaign[] = [
  {id: 'camp', name: 'Renewals', status: 'running', dialingMode: 'preview', deliveryMode: 'manual', agentIds: ['a1']},
];
/** Ann works Mon-Fri 09:00-17:00 New York time, but not on Tuesdays. */
const agentShifts = {a1: {1: {start: '09:00', end: '17:00'}, 3: {start: '09:00', end: '17:00'}}};

const personal = (start: string, extra: Partial<CallbackRequest> = {}): CallbackRequest => ({
  contactId: 'ny',
  phone: '+12124561987',
  type: 'personal',
  ownerAgentId: 'a1',
  campaignId: 'camp',
  start,
  timeZone: NY,
  kind: 'callback',
  ...extra,
});

function backend(clock: ManualClock, policy = {}, callbacks: Callback[] = []) {
  return new MemoryBackend({demo: false, clock, agents, contacts, campaigns, agentShifts, policy, callbacks});
}

describe('core/MemoryBackend: owner shifts and the hand-off (issue 19)', () => {
  it('getAgentShifts answers the shifts overlapping the range in the agent zone, none on a day off', async () => {
    const b = backend(new ManualClock(NOW));
    const shifts = await b.getAgentShifts('a1', {from: '2026-06-15T00:00:00Z', to: '2026-06-18T00:00:00Z'});
    expect(shifts).to.deep.equal([
      {start: '2026-06-15T13:00:00Z', end: '2026-06-15T21:00:00Z'},
      {start: '2026-06-17T13:00:00Z', end: '2026-06-17T21:00:00Z'},
    ]);
    // an agent with no shifts on file works all the time
    expect(await b.getAgentShifts('a2', {from: NOW, to: '2026-06-16T00:00:00Z'})).to.deep.equal([
      {start: NOW, end: '2026-06-16T00:00:00Z'},
    ]);
    await b.getAgentShifts('nobody', {from: NOW, to: '2026-06-16T00:00:00Z'}).then(
      () => expect.fail('resolved'),
      (error) => expect(error).to.be.instanceOf(NotFoundError),
    );
  });

  it('a personal callback for an owner off shift is not bookable: owner-off-shift in availability, refused on schedule', async () => {
    const b = backend(new ManualClock(NOW));
    const slots = await b.getAvailability({
      from: '2026-06-15T13:00:00Z',
      to: '2026-06-17T00:00:00Z',
      type: 'personal',
      agentId: 'a1',
      phone: '+12124561987',
    });
    const at = (start: string) => slots.find((s) => s.start === start);
    expect(at('2026-06-15T14:00:00Z')).to.include({available: true});
    expect(at('2026-06-15T21:00:00Z')).to.include({available: false, reason: 'owner-off-shift'}); // 17:00 NY
    expect(at('2026-06-16T14:00:00Z')).to.include({available: false, reason: 'owner-off-shift'}); // Tuesday
    // campaign availability ignores the owner's shifts
    const campaign = await b.getAvailability({
      from: '2026-06-16T14:00:00Z',
      to: '2026-06-16T14:30:00Z',
      type: 'campaign',
    });
    expect(campaign[0]).to.include({available: true});
    const error = await b.scheduleCallback(personal('2026-06-16T14:00:00Z'), {idempotencyKey: 'k1'}).then(
      () => expect.fail('booked'),
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(SlotUnavailableError);
    expect(error).to.include({reason: 'owner-off-shift'});
    expect((error as Error).message).to.contain('Ann Avery');
    // and the same time is fine for a campaign callback
    const ok = await b.scheduleCallback(personal('2026-06-16T14:00:00Z', {type: 'campaign', ownerAgentId: undefined}), {
      idempotencyKey: 'k2',
    });
    expect(ok.type).to.equal('campaign');
  });

  it('a personal callback left unlaunched past personalHandOffMinutes is handed off exactly once, with the event', async () => {
    const clock = new ManualClock(NOW);
    const b = backend(clock, {personalHandOffMinutes: 10});
    const events: BackendEvent[] = [];
    b.subscribe((e) => events.push(e));
    const booked = await b.scheduleCallback(personal('2026-06-15T14:00:00Z'), {idempotencyKey: 'k'});
    events.length = 0;
    expect(b.handOffAt(booked)).to.equal('2026-06-15T14:10:00Z');
    clock.set('2026-06-15T14:09:59Z');
    expect(events.filter((e) => e.type === 'callback-handed-off')).to.have.length(0);
    clock.set('2026-06-15T14:10:00Z');
    clock.set('2026-06-15T14:20:00Z');
    b.tick();
    const handed = events.filter((e) => e.type === 'callback-handed-off');
    expect(handed).to.have.length(1);
    const event = handed[0] as Extract<BackendEvent, {type: 'callback-handed-off'}>;
    expect(event.fromAgentId).to.equal('a1');
    expect(event.callback).to.include({id: booked.id, type: 'campaign', handedOffFrom: 'a1', campaignId: 'camp'});
    expect(event.callback).not.to.have.property('ownerAgentId');
    expect(events.some((e) => e.type === 'callback-changed' && e.callback.id === booked.id)).to.equal(true);
    const [stored] = (await b.listCallbacks({agentId: 'a1'})).filter((c) => c.id === booked.id);
    expect(stored).to.include({type: 'campaign', handedOffFrom: 'a1', status: 'scheduled'});
  });

  it('a launched personal callback, one without a campaign, or with no hand-off policy stays with its owner', async () => {
    const clock = new ManualClock(NOW);
    const b = backend(clock, {personalHandOffMinutes: 5});
    const events: BackendEvent[] = [];
    b.subscribe((e) => events.push(e));
    const launched = await b.scheduleCallback(personal('2026-06-15T14:00:00Z'), {idempotencyKey: 'a'});
    const noCampaign = await b.scheduleCallback(personal('2026-06-15T14:30:00Z', {campaignId: undefined}), {
      idempotencyKey: 'b',
    });
    clock.set('2026-06-15T14:01:00Z');
    await b.updateCallbackStatus(launched.id, 'in-progress', {idempotencyKey: 'c'});
    clock.set('2026-06-15T16:00:00Z');
    expect(events.filter((e) => e.type === 'callback-handed-off')).to.have.length(0);
    const mine = await b.listCallbacks({agentId: 'a1'});
    expect(mine.find((c) => c.id === noCampaign.id)).to.include({type: 'personal', ownerAgentId: 'a1'});

    const never = backend(new ManualClock(NOW));
    const kept = await never.scheduleCallback(personal('2026-06-15T14:00:00Z'), {idempotencyKey: 'd'});
    expect(never.handOffAt(kept)).to.equal(undefined);
  });

  it('a personal callback whose owner is off shift at its start goes to the campaign at its start', async () => {
    const clock = new ManualClock(NOW);
    const seeded: Callback = {
      ...personal('2026-06-16T14:00:00Z'), // Tuesday: Ann is off
      id: 'cb-tue',
      status: 'scheduled',
      createdAt: NOW,
      updatedAt: NOW,
    };
    const b = backend(clock, {personalHandOffMinutes: 30}, [seeded]);
    const events: BackendEvent[] = [];
    b.subscribe((e) => events.push(e));
    expect(b.handOffAt(seeded)).to.equal('2026-06-16T14:00:00Z');
    clock.set('2026-06-16T14:00:00Z');
    expect(
      events.filter((e) => e.type === 'callback-handed-off').map((e) => 'callback' in e && e.callback.id),
    ).to.deep.equal(['cb-tue']);
  });

  it('rejects a negative personalHandOffMinutes', () => {
    expect(() => backend(new ManualClock(NOW), {personalHandOffMinutes: -1})).to.throw(
      RangeError,
      /personalHandOffMinutes/,
    );
  });
});
