import {expect} from 'chai';
import {ManualClock} from '../../src/core/clock.js';
import {
  DEMO_AGENTS,
  DEMO_CAMPAIGNS,
  DEMO_CONTACTS,
  DEMO_OPENING_HOURS,
  demoCallbacks,
} from '../../src/core/demo-data.js';
import {BackendUnavailableError, NotFoundError, SlotUnavailableError, ValidationError} from '../../src/core/errors.js';
import {MemoryBackend, type MemoryBackendOptions} from '../../src/core/memory-backend.js';
import {parsePhone, timeZonesForPhone} from '../../src/core/phone.js';
import {Temporal} from '../../src/core/temporal.js';
import {localDayRange, zonedFromLocal} from '../../src/core/time.js';
import type {Agent, BackendEvent, CallbackRequest, Campaign, Contact, Slot} from '../../src/core/index.js';

const NY = 'America/New_York';
/** Monday 2026-06-15, 09:00 in New York (EDT). */
const NOW = '2026-06-15T13:00:00Z';
const TUESDAY = '2026-06-16';

const PHONES = {
  ny: '+12124561987',
  la: '+14155267890',
  idahoSplit: '+12084563817', // Pacific or Mountain (Boise)
  idahoMountain: '+12083457702',
  stJohns: '+17097221834',
  hawaii: '+18085381420',
};

const agents: Agent[] = [
  {id: 'a1', name: 'Ann Avery', timeZone: NY, locale: 'en-US'},
  {id: 'a2', name: 'Ben Brown', timeZone: 'America/Chicago'},
];
const contacts: Contact[] = [
  {id: 'ny', name: 'Nora York', phones: [{number: PHONES.ny, type: 'mobile'}]},
  {id: 'la', name: 'Leo Angel', phones: [{number: PHONES.la, type: 'mobile'}]},
  {
    id: 'idaho',
    name: 'Ida Ho',
    phones: [
      {number: PHONES.idahoSplit, type: 'mobile'},
      {number: PHONES.idahoMountain, type: 'home'},
    ],
  },
  {id: 'nf', name: 'Finn Land', timeZone: 'America/St_Johns', phones: [{number: PHONES.stJohns, type: 'home'}]},
  {
    id: 'evening',
    name: 'Eve Ning',
    phones: [{number: '+16467783021', type: 'work', contactFrom: '17:00', contactUntil: '19:00'}],
  },
];
const campaigns: Campaign[] = [
  {
    id: 'c1',
    name: 'Spring Renewals',
    status: 'running',
    dialingMode: 'progressive',
    deliveryMode: 'automatic',
    agentIds: ['a1'],
  },
  {
    id: 'c2',
    name: 'Win-Back',
    status: 'paused',
    dialingMode: 'predictive',
    deliveryMode: 'automatic',
    agentIds: ['a2'],
  },
];

function make(options: MemoryBackendOptions = {}) {
  const clock = new ManualClock(NOW);
  const backend = new MemoryBackend({clock, demo: false, seed: 7, agents, contacts, campaigns, ...options});
  return {clock, backend};
}

/** The instant of a New York wall time, as an ISO string. */
const ny = (date: string, time: string) => zonedFromLocal(date, time, NY).toInstant().toString();
const day = (date: string) => {
  const [from, to] = localDayRange(date, NY);
  return {from: from.toString(), to: to.toString()};
};
const at = (slots: Slot[], date: string, time: string) => {
  const slot = slots.find((s) => s.start === ny(date, time));
  if (!slot) throw new Error(`no slot at ${date} ${time}`);
  return slot;
};

const req = (over: Partial<CallbackRequest> = {}): CallbackRequest => ({
  contactId: 'ny',
  phone: PHONES.ny,
  type: 'campaign',
  campaignId: 'c1',
  start: ny(TUESDAY, '12:00'),
  timeZone: NY,
  kind: 'callback',
  ...over,
});

const personal = (over: Partial<CallbackRequest> = {}) => req({type: 'personal', ownerAgentId: 'a1', ...over});

async function rejection<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the promise to reject');
}

let keys = 0;
const key = () => `key-${++keys}`;

describe('core/MemoryBackend', () => {
  describe('getAvailability', () => {
    it('returns the slots of the opening hours in the centre zone, with capacity', async () => {
      const {backend} = make();
      const slots = await backend.getAvailability({...day(TUESDAY), type: 'campaign'});
      expect(slots).to.have.length(24); // 08:00 to 20:00, 30 minutes
      expect(slots[0]).to.deep.equal({
        start: ny(TUESDAY, '08:00'),
        end: ny(TUESDAY, '08:30'),
        available: true,
        capacity: 3,
        remaining: 3,
      });
      expect(slots.at(-1)!.start).to.equal(ny(TUESDAY, '19:30'));
    });

    it('filters to [from, to) and yields no slots on a closed day', async () => {
      const {backend} = make();
      const slots = await backend.getAvailability({
        from: ny(TUESDAY, '10:00'),
        to: ny(TUESDAY, '11:00'),
        type: 'campaign',
      });
      expect(slots.map((s) => s.start)).to.deep.equal([ny(TUESDAY, '10:00'), ny(TUESDAY, '10:30')]);
      expect(await backend.getAvailability({...day('2026-06-21'), type: 'campaign'})).to.deep.equal([]); // Sunday
      const saturday = await backend.getAvailability({...day('2026-06-20'), type: 'campaign'});
      expect(saturday.map((s) => s.start))
        .to.include(ny('2026-06-20', '09:00'))
        .and.not.include(ny('2026-06-20', '14:00'));
    });

    it('marks slots that start before now as past', async () => {
      const {backend} = make();
      const slots = await backend.getAvailability({...day('2026-06-15'), type: 'campaign'});
      expect(at(slots, '2026-06-15', '08:00')).to.include({available: false, reason: 'past'});
      expect(at(slots, '2026-06-15', '08:30')).to.include({available: false, reason: 'past'});
      expect(at(slots, '2026-06-15', '09:00')).to.include({available: true});
    });

    it('marks slots beyond policy.maxDaysAhead as too-far-ahead', async () => {
      const {backend} = make({policy: {maxDaysAhead: 2}});
      const slots = await backend.getAvailability({from: NOW, to: ny('2026-06-19', '00:00'), type: 'campaign'});
      expect(at(slots, '2026-06-17', '19:30').available).to.equal(true);
      expect(at(slots, '2026-06-18', '08:00')).to.include({available: false, reason: 'too-far-ahead'});
    });

    it('marks outside-calling-hours for a Pacific number (08:00 New York is 05:00 in Los Angeles)', async () => {
      const {backend} = make();
      const slots = await backend.getAvailability({...day(TUESDAY), type: 'campaign', phone: PHONES.la});
      for (const time of ['08:00', '09:00', '10:30']) {
        expect(at(slots, TUESDAY, time)).to.include({available: false, reason: 'outside-calling-hours'});
      }
      expect(at(slots, TUESDAY, '11:00').available).to.equal(true); // 08:00 in Los Angeles
      expect(at(slots, TUESDAY, '19:30').available).to.equal(true);
      const hawaii = await backend.getAvailability({...day(TUESDAY), type: 'campaign', phone: PHONES.hawaii});
      expect(at(hawaii, TUESDAY, '13:30').reason).to.equal('outside-calling-hours'); // 07:30 HST
      expect(at(hawaii, TUESDAY, '14:00').available).to.equal(true);
    });

    it('a split-zone number is outside when any candidate zone is', async () => {
      expect(timeZonesForPhone(PHONES.idahoSplit)).to.have.members(['America/Los_Angeles', 'America/Boise']);
      expect(timeZonesForPhone(PHONES.idahoMountain)).to.deep.equal(['America/Denver']);
      const {backend} = make();
      const split = await backend.getAvailability({...day(TUESDAY), type: 'campaign', phone: PHONES.idahoSplit});
      // 10:00 New York = 08:00 Boise but 07:00 Los Angeles.
      expect(at(split, TUESDAY, '10:00')).to.include({available: false, reason: 'outside-calling-hours'});
      expect(at(split, TUESDAY, '11:00').available).to.equal(true);
      const mountain = await backend.getAvailability({...day(TUESDAY), type: 'campaign', phone: PHONES.idahoMountain});
      expect(at(mountain, TUESDAY, '10:00').available).to.equal(true);
      // With only the contact, a slot is callable when one of its phones is.
      const contact = await backend.getAvailability({...day(TUESDAY), type: 'campaign', contactId: 'idaho'});
      expect(at(contact, TUESDAY, '10:00').available).to.equal(true);
      expect(at(contact, TUESDAY, '09:30').reason).to.equal('outside-calling-hours');
    });

    it('checks the whole slot: 19:30 New York ends after 21:00 in Newfoundland', async () => {
      const {backend} = make();
      const slots = await backend.getAvailability({...day(TUESDAY), type: 'campaign', phone: PHONES.stJohns});
      expect(at(slots, TUESDAY, '19:00').available).to.equal(true); // 20:30-21:00 NDT
      expect(at(slots, TUESDAY, '19:30').reason).to.equal('outside-calling-hours'); // 21:00-21:30 NDT
    });

    it('applies the contact window of a phone on file (reported as outside-calling-hours)', async () => {
      const {backend} = make();
      const slots = await backend.getAvailability({...day(TUESDAY), type: 'campaign', contactId: 'evening'});
      expect(at(slots, TUESDAY, '16:30').reason).to.equal('outside-calling-hours');
      expect(at(slots, TUESDAY, '17:00').available).to.equal(true);
      expect(at(slots, TUESDAY, '18:30').available).to.equal(true);
      expect(at(slots, TUESDAY, '19:00').reason).to.equal('outside-calling-hours');
    });

    it('capacity decreases with each booking and the slot is full after N', async () => {
      const {backend} = make({slotCapacity: 2});
      const query = {...day(TUESDAY), type: 'campaign' as const};
      await backend.scheduleCallback(req(), {idempotencyKey: key()});
      expect(at(await backend.getAvailability(query), TUESDAY, '12:00')).to.include({remaining: 1, available: true});
      await backend.scheduleCallback(req({contactId: 'la', phone: PHONES.la}), {idempotencyKey: key()});
      const slot = at(await backend.getAvailability(query), TUESDAY, '12:00');
      expect(slot).to.include({capacity: 2, remaining: 0, available: false, reason: 'full'});
      expect(at(await backend.getAvailability(query), TUESDAY, '12:30').remaining).to.equal(2);
    });

    it('personal slots are full only for the owner agent who already has one', async () => {
      const {backend} = make();
      await backend.scheduleCallback(personal(), {idempotencyKey: key()});
      const mine = await backend.getAvailability({...day(TUESDAY), type: 'personal', agentId: 'a1'});
      expect(at(mine, TUESDAY, '12:00')).to.include({capacity: 1, remaining: 0, reason: 'full'});
      const theirs = await backend.getAvailability({...day(TUESDAY), type: 'personal', agentId: 'a2'});
      expect(at(theirs, TUESDAY, '12:00')).to.include({remaining: 1, available: true});
      const campaign = await backend.getAvailability({...day(TUESDAY), type: 'campaign'});
      expect(at(campaign, TUESDAY, '12:00').remaining).to.equal(3);
    });

    it('rejects an invalid query with field errors', async () => {
      const {backend} = make();
      const error = await rejection<ValidationError>(
        backend.getAvailability({from: 'soon', to: NOW, type: 'campaign', phone: '+1 555'}),
      );
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.fieldErrors.map((e) => e.field)).to.have.members(['from', 'phone']);
    });

    it('rejects with the abort reason when the signal aborts, before or during the call', async () => {
      const {backend} = make({latency: 50});
      const before = new AbortController();
      before.abort();
      const q = {...day(TUESDAY), type: 'campaign' as const};
      expect((await rejection<DOMException>(backend.getAvailability(q, {signal: before.signal}))).name).to.equal(
        'AbortError',
      );
      const during = new AbortController();
      const pending = backend.getAvailability(q, {signal: during.signal});
      setTimeout(() => during.abort(new Error('superseded')), 5);
      expect((await rejection(pending)).message).to.equal('superseded');
    });

    it('DST: no 02:xx slot on 2026-03-08 and two distinct 01:xx slots on 2026-11-01 in New York', async () => {
      const hours = {start: '00:00', end: '04:00'};
      const clock = new ManualClock('2026-03-01T00:00:00Z');
      const backend = new MemoryBackend({clock, demo: false, openingHours: hours, policy: {maxDaysAhead: 365}});
      const wall = (s: Slot) => Temporal.Instant.from(s.start).toZonedDateTimeISO(NY);
      const spring = await backend.getAvailability({...day('2026-03-08'), type: 'campaign'});
      expect(spring.map((s) => wall(s).toPlainTime().toString().slice(0, 5))).to.deep.equal([
        '00:00',
        '00:30',
        '01:00',
        '01:30',
        '03:00',
        '03:30',
      ]);
      expect(spring.every((s) => s.available)).to.equal(true);
      const fall = await backend.getAvailability({...day('2026-11-01'), type: 'campaign'});
      const oneAm = fall.filter((s) => wall(s).hour === 1 && wall(s).minute === 0);
      expect(oneAm).to.have.length(2);
      expect(oneAm[0].start).to.not.equal(oneAm[1].start);
      expect(oneAm.map((s) => wall(s).offset)).to.deep.equal(['-04:00', '-05:00']);
      expect(fall.filter((s) => wall(s).hour === 1)).to.have.length(4);
      expect(fall).to.have.length(10);
      expect(new Set(fall.map((s) => s.start)).size).to.equal(10);
    });
  });

  describe('scheduleCallback', () => {
    it('stores a scheduled callback, normalizes the phone and returns a copy', async () => {
      const {backend} = make();
      const callback = await backend.scheduleCallback(req({phone: '(212) 456-1987', notes: 'After lunch'}), {
        idempotencyKey: key(),
      });
      expect(callback).to.include({status: 'scheduled', phone: PHONES.ny, createdAt: NOW, updatedAt: NOW});
      expect(callback.id).to.match(/^cb-/);
      callback.notes = 'mutated';
      const [listed] = await backend.listCallbacks({agentId: 'a1'});
      expect(listed).to.include({id: callback.id, notes: 'After lunch'});
    });

    it('refuses a taken or unbookable slot with SlotUnavailableError carrying the start and reason', async () => {
      const {backend} = make({slotCapacity: 1});
      await backend.scheduleCallback(req(), {idempotencyKey: key()});
      const cases: Array<[CallbackRequest, string]> = [
        [req(), 'full'],
        [req({start: ny('2026-06-15', '08:00')}), 'past'],
        [req({contactId: 'la', phone: PHONES.la, start: ny(TUESDAY, '10:00')}), 'outside-calling-hours'],
        [req({contactId: 'idaho', phone: PHONES.idahoSplit, start: ny(TUESDAY, '10:00')}), 'outside-calling-hours'],
        [req({start: ny(TUESDAY, '12:10')}), 'closed'],
        [req({start: ny('2026-06-21', '12:00')}), 'closed'],
        [req({start: ny('2026-08-03', '12:00')}), 'too-far-ahead'],
      ];
      for (const [request, reason] of cases) {
        const error = await rejection<SlotUnavailableError>(backend.scheduleCallback(request, {idempotencyKey: key()}));
        expect(error, reason).to.be.instanceOf(SlotUnavailableError);
        expect(error.code).to.equal('slot-unavailable');
        expect(error.reason).to.equal(reason);
        expect(error.start).to.equal(request.start);
      }
      expect(await backend.listCallbacks({agentId: 'a1'})).to.have.length(1);
    });

    it('validation errors carry fieldErrors for the bad field', async () => {
      const {backend} = make({policy: {callbackTypes: 'both'}});
      const cases: Array<[Partial<CallbackRequest>, string, string]> = [
        [{contactId: 'nobody'}, 'contactId', 'unknown-contact'],
        [{contactId: ''}, 'contactId', 'required'],
        [{phone: '+1 555 12'}, 'phone', 'invalid-phone'],
        [{timeZone: 'Mars/Olympus'}, 'timeZone', 'invalid-time-zone'],
        [{start: 'tomorrow at noon'}, 'start', 'invalid-instant'],
        [{end: ny(TUESDAY, '11:00')}, 'end', 'end-before-start'],
        [{type: 'personal'}, 'ownerAgentId', 'required'],
        [{type: 'personal', ownerAgentId: 'ghost'}, 'ownerAgentId', 'unknown-agent'],
        [{campaignId: undefined}, 'campaignId', 'required'],
        [{campaignId: 'nope'}, 'campaignId', 'unknown-campaign'],
        [{kind: 'followup'}, 'type', 'followup-must-be-personal'],
        [{kind: 'web-callback'}, 'end', 'required'],
        [{kind: 'call' as CallbackRequest['kind']}, 'kind', 'invalid'],
      ];
      for (const [over, fieldName, code] of cases) {
        const error = await rejection<ValidationError>(backend.scheduleCallback(req(over), {idempotencyKey: key()}));
        expect(error, fieldName).to.be.instanceOf(ValidationError);
        expect(error.code).to.equal('validation');
        expect(error.fieldErrors.map((e) => `${e.field}:${e.code}`)).to.include(`${fieldName}:${code}`);
        expect(error.fieldErrors.every((e) => e.message.length > 0)).to.equal(true);
      }
      const several = await rejection<ValidationError>(
        backend.scheduleCallback(req({phone: 'x', timeZone: 'Nowhere'}), {idempotencyKey: key()}),
      );
      expect(several.fieldErrors.map((e) => e.field)).to.have.members(['phone', 'timeZone']);
    });

    it('rejects a type the policy does not allow', async () => {
      const {backend} = make({policy: {callbackTypes: 'personal'}});
      const error = await rejection<ValidationError>(backend.scheduleCallback(req(), {idempotencyKey: key()}));
      expect(error.fieldErrors[0]).to.include({field: 'type', code: 'type-not-allowed'});
      expect((await backend.scheduleCallback(personal(), {idempotencyKey: key()})).type).to.equal('personal');
    });

    it('a web-callback needs From and Till, is not slot-bound but is calling-window checked', async () => {
      const {backend} = make({slotCapacity: 1});
      await backend.scheduleCallback(req(), {idempotencyKey: key()});
      const web = req({kind: 'web-callback', start: ny(TUESDAY, '12:10'), end: ny(TUESDAY, '13:40')});
      const callback = await backend.scheduleCallback(web, {idempotencyKey: key()});
      expect(callback).to.include({kind: 'web-callback', end: ny(TUESDAY, '13:40')});
      const late = req({kind: 'web-callback', start: ny(TUESDAY, '20:00'), end: ny(TUESDAY, '21:30')});
      const error = await rejection<SlotUnavailableError>(backend.scheduleCallback(late, {idempotencyKey: key()}));
      expect(error.reason).to.equal('outside-calling-hours');
    });

    it('a followup is a personal callback that takes its owner agent slot', async () => {
      const {backend} = make();
      const followup = await backend.scheduleCallback(personal({kind: 'followup'}), {idempotencyKey: key()});
      expect(followup).to.include({kind: 'followup', type: 'personal', ownerAgentId: 'a1'});
      const error = await rejection<SlotUnavailableError>(
        backend.scheduleCallback(personal(), {idempotencyKey: key()}),
      );
      expect(error.reason).to.equal('full');
    });
  });

  describe('idempotency', () => {
    it('the same key twice returns the same callback and creates one', async () => {
      const {backend} = make();
      const k = key();
      const first = await backend.scheduleCallback(req(), {idempotencyKey: k});
      const second = await backend.scheduleCallback(req(), {idempotencyKey: k});
      expect(second).to.deep.equal(first);
      expect(await backend.listCallbacks({agentId: 'a1'})).to.have.length(1);
    });

    it('the same key with a different request is a ValidationError (idempotency-key-reused)', async () => {
      const {backend} = make();
      const k = key();
      await backend.scheduleCallback(req(), {idempotencyKey: k});
      const error = await rejection<ValidationError>(
        backend.scheduleCallback(req({start: ny(TUESDAY, '13:00')}), {idempotencyKey: k}),
      );
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.fieldErrors[0]).to.include({field: 'idempotencyKey', code: 'idempotency-key-reused'});
      expect(await backend.listCallbacks({agentId: 'a1'})).to.have.length(1);
    });

    it('failNext then a retry with the same key creates exactly one callback', async () => {
      const {backend} = make();
      const k = key();
      backend.failNext('scheduleCallback');
      const error = await rejection(backend.scheduleCallback(req(), {idempotencyKey: k}));
      expect(error).to.be.instanceOf(BackendUnavailableError);
      const callback = await backend.scheduleCallback(req(), {idempotencyKey: k});
      expect(await backend.scheduleCallback(req(), {idempotencyKey: k})).to.deep.equal(callback);
      expect(await backend.listCallbacks({agentId: 'a1'})).to.have.length(1);
    });

    it('a lost answer (failNext afterCommit) then a retry returns the stored callback', async () => {
      const {backend} = make();
      const k = key();
      const events: BackendEvent[] = [];
      backend.subscribe((e) => events.push(e));
      backend.failNext('scheduleCallback', undefined, {afterCommit: true});
      expect(await rejection(backend.scheduleCallback(req(), {idempotencyKey: k}))).to.be.instanceOf(
        BackendUnavailableError,
      );
      const [stored] = await backend.listCallbacks({agentId: 'a1'});
      expect(await backend.scheduleCallback(req(), {idempotencyKey: k})).to.deep.equal(stored);
      expect(await backend.listCallbacks({agentId: 'a1'})).to.have.length(1);
      expect(events.map((e) => e.type)).to.deep.equal(['callback-changed', 'availability-changed']);
      backend.dispose();
    });

    it('a failed attempt does not consume the key: the corrected request succeeds with it', async () => {
      const {backend} = make();
      const k = key();
      await rejection(backend.scheduleCallback(req({phone: 'bad'}), {idempotencyKey: k}));
      await rejection(backend.scheduleCallback(req({start: ny(TUESDAY, '07:00')}), {idempotencyKey: k}));
      const callback = await backend.scheduleCallback(req(), {idempotencyKey: k});
      expect(callback.status).to.equal('scheduled');
      const missing = await rejection<ValidationError>(backend.scheduleCallback(req(), {idempotencyKey: ''}));
      expect(missing.fieldErrors[0].field).to.equal('idempotencyKey');
    });
  });

  describe('rescheduleCallback and cancelCallback', () => {
    it('reschedule keeps the id, frees the old slot and takes the new one', async () => {
      const {backend, clock} = make();
      const booked = await backend.scheduleCallback(personal(), {idempotencyKey: key()});
      clock.advance({minutes: 5});
      const moved = await backend.rescheduleCallback(booked.id, personal({start: ny(TUESDAY, '15:00')}), {
        idempotencyKey: key(),
      });
      expect(moved).to.include({id: booked.id, start: ny(TUESDAY, '15:00'), createdAt: NOW, status: 'scheduled'});
      expect(moved.updatedAt).to.equal(clock.now().toString());
      const slots = await backend.getAvailability({...day(TUESDAY), type: 'personal', agentId: 'a1'});
      expect(at(slots, TUESDAY, '12:00').available).to.equal(true);
      expect(at(slots, TUESDAY, '15:00').reason).to.equal('full');
      expect(await backend.listCallbacks({agentId: 'a1'})).to.have.length(1);
    });

    it("the callback's own booking does not count against capacity", async () => {
      const {backend} = make({slotCapacity: 1});
      const booked = await backend.scheduleCallback(req(), {idempotencyKey: key()});
      const same = await backend.rescheduleCallback(booked.id, req({notes: 'Call on the mobile'}), {
        idempotencyKey: key(),
      });
      expect(same).to.include({id: booked.id, notes: 'Call on the mobile'});
      const other = await backend.scheduleCallback(req({start: ny(TUESDAY, '13:00')}), {idempotencyKey: key()});
      const error = await rejection<SlotUnavailableError>(
        backend.rescheduleCallback(other.id, req(), {idempotencyKey: key()}),
      );
      expect(error).to.be.instanceOf(SlotUnavailableError);
      expect(error.reason).to.equal('full');
    });

    it('reschedule: NotFoundError for an unknown id, ValidationError for a canceled callback', async () => {
      const {backend} = make();
      expect(await rejection(backend.rescheduleCallback('nope', req(), {idempotencyKey: key()}))).to.be.instanceOf(
        NotFoundError,
      );
      const booked = await backend.scheduleCallback(req(), {idempotencyKey: key()});
      await backend.cancelCallback(booked.id);
      const error = await rejection<ValidationError>(
        backend.rescheduleCallback(booked.id, req(), {idempotencyKey: key()}),
      );
      expect(error.fieldErrors[0]).to.include({field: 'id', code: 'not-reschedulable'});
    });

    it('cancel sets status canceled, frees the slot, emits once and is a no-op the second time', async () => {
      const {backend} = make({slotCapacity: 1});
      const booked = await backend.scheduleCallback(req(), {idempotencyKey: key()});
      const events: BackendEvent[] = [];
      const unsubscribe = backend.subscribe((e) => events.push(e));
      await backend.cancelCallback(booked.id);
      await backend.cancelCallback(booked.id);
      expect(events.map((e) => e.type)).to.deep.equal(['callback-changed', 'availability-changed']);
      expect(events[0]).to.deep.include({type: 'callback-changed'});
      expect((events[0] as {callback: {status: string}}).callback.status).to.equal('canceled');
      expect(await backend.listCallbacks({agentId: 'a1'})).to.deep.equal([]);
      const [canceled] = await backend.listCallbacks({agentId: 'a1', includeCanceled: true});
      expect(canceled).to.include({id: booked.id, status: 'canceled'});
      expect(
        at(await backend.getAvailability({...day(TUESDAY), type: 'campaign'}), TUESDAY, '12:00').available,
      ).to.equal(true);
      expect(await rejection(backend.cancelCallback('nope'))).to.be.instanceOf(NotFoundError);
      unsubscribe();
    });
  });

  describe('lists', () => {
    it("listCallbacks: the agent's personal callbacks and followups plus their campaigns', sorted by start", async () => {
      const {backend} = make();
      const late = await backend.scheduleCallback(personal({start: ny(TUESDAY, '16:00')}), {idempotencyKey: key()});
      const campaign = await backend.scheduleCallback(req(), {idempotencyKey: key()});
      const followup = await backend.scheduleCallback(personal({kind: 'followup', start: ny(TUESDAY, '09:00')}), {
        idempotencyKey: key(),
      });
      const bens = await backend.scheduleCallback(personal({ownerAgentId: 'a2', campaignId: undefined}), {
        idempotencyKey: key(),
      });
      const ann = await backend.listCallbacks({agentId: 'a1'});
      expect(ann.map((c) => c.id)).to.deep.equal([followup.id, campaign.id, late.id]);
      expect((await backend.listCallbacks({agentId: 'a2'})).map((c) => c.id)).to.deep.equal([bens.id]);
      expect(await backend.listCallbacks({agentId: 'nobody'})).to.deep.equal([]);
      ann[0].start = 'changed';
      expect((await backend.listCallbacks({agentId: 'a1'}))[0].start).to.equal(ny(TUESDAY, '09:00'));
    });

    it('listCampaigns: the campaigns the agent is assigned to, as copies', async () => {
      const {backend} = make();
      const ann = await backend.listCampaigns({agentId: 'a1'});
      expect(ann.map((c) => c.id)).to.deep.equal(['c1']);
      ann[0].status = 'completed';
      expect((await backend.listCampaigns({agentId: 'a1'}))[0].status).to.equal('running');
      expect((await backend.listCampaigns({agentId: 'a2'})).map((c) => c.name)).to.deep.equal(['Win-Back']);
    });
  });

  describe('subscribe, logout and the dialer', () => {
    it('subscribe receives callback-changed; unsubscribe stops it', async () => {
      const {backend} = make();
      const events: BackendEvent[] = [];
      const unsubscribe = backend.subscribe((e) => events.push(e));
      const callback = await backend.scheduleCallback(req(), {idempotencyKey: key()});
      expect(events).to.deep.equal([
        {type: 'callback-changed', callback},
        {type: 'availability-changed', from: ny(TUESDAY, '12:00'), to: ny(TUESDAY, '12:30')},
      ]);
      unsubscribe();
      await backend.scheduleCallback(req({start: ny(TUESDAY, '13:00')}), {idempotencyKey: key()});
      expect(events).to.have.length(2);
    });

    it('requestLogout is deferred while a call is set up, then logout-authorized after notBefore', async () => {
      const {backend, clock} = make();
      expect(await backend.requestLogout({agentId: 'a1'})).to.deep.equal({authorized: true});
      const until = backend.reserveAgentForCall('a1', 20, 'c1');
      const decision = await backend.requestLogout({agentId: 'a1'});
      expect(decision).to.deep.equal({
        authorized: false,
        notBefore: until,
        reason: 'A progressive call is being set up for you (campaign Spring Renewals).',
      });
      expect(until).to.equal(Temporal.Instant.from(NOW).add({seconds: 20}).toString());
      const events: BackendEvent[] = [];
      const unsubscribe = backend.subscribe((e) => events.push(e));
      clock.advance({seconds: 19});
      expect(events).to.deep.equal([]);
      clock.advance({seconds: 1});
      expect(events).to.deep.equal([{type: 'logout-authorized', agentId: 'a1'}]);
      clock.advance({minutes: 1});
      expect(events).to.have.length(1);
      expect(await backend.requestLogout({agentId: 'a1'})).to.deep.equal({authorized: true});
      unsubscribe();
    });

    it('cancelLogout gives up a deferred logout: no logout-authorized follows', async () => {
      const {backend, clock} = make();
      backend.reserveAgentForCall('a1', 20, 'c1');
      expect((await backend.requestLogout({agentId: 'a1'})).authorized).to.equal(false);
      const events: BackendEvent[] = [];
      const unsubscribe = backend.subscribe((e) => events.push(e));
      await backend.cancelLogout({agentId: 'a1'});
      clock.advance({seconds: 30});
      expect(events).to.deep.equal([]);
      unsubscribe();
    });

    it('simulated dialer: a paused campaign starts after 2 minutes, then runs; logouts wait for predictive calls', async () => {
      const {backend, clock} = make({simulateDialer: true});
      const events: BackendEvent[] = [];
      const unsubscribe = backend.subscribe((e) => events.push(e));
      clock.advance({seconds: 119});
      expect(events).to.deep.equal([]);
      clock.advance({seconds: 1});
      expect(events).to.have.length(1);
      expect(events[0]).to.deep.include({type: 'campaign-started'});
      expect((events[0] as {campaign: Campaign}).campaign).to.include({
        id: 'c2',
        status: 'started',
        startedAt: clock.now().toString(),
      });
      clock.advance({seconds: 30});
      expect(events[1]).to.deep.include({type: 'campaign-changed'});
      expect((events[1] as {campaign: Campaign}).campaign.status).to.equal('running');
      expect((await backend.listCampaigns({agentId: 'a2'}))[0].status).to.equal('running');
      clock.set(Temporal.Instant.from(NOW).add({seconds: 180})); // start of a dialer cycle
      const decision = await backend.requestLogout({agentId: 'a2'});
      expect(decision).to.include({authorized: false});
      expect((decision as {reason: string}).reason).to.equal(
        'A predictive call is being set up for you (campaign Win-Back).',
      );
      clock.advance({seconds: 20});
      expect(events.at(-1)).to.deep.equal({type: 'logout-authorized', agentId: 'a2'});
      unsubscribe();
    });

    it('with a clock that cannot notify, one interval (only while subscribed) authorizes the logout', async () => {
      const clock = {now: () => Temporal.Now.instant()};
      const backend = new MemoryBackend({clock, demo: false});
      backend.reserveAgentForCall('a1', 0.3);
      expect(await backend.requestLogout({agentId: 'a1'})).to.include({authorized: false});
      const authorized = new Promise<BackendEvent>((resolve) => {
        const unsubscribe = backend.subscribe((e) => {
          unsubscribe(); // the last listener leaving clears the interval, or mocha would not exit
          resolve(e);
        });
      });
      expect(await authorized).to.deep.equal({type: 'logout-authorized', agentId: 'a1'});
    });

    it('startCampaign emits campaign-started at once', () => {
      const {backend} = make();
      const events: BackendEvent[] = [];
      const unsubscribe = backend.subscribe((e) => events.push(e));
      expect(backend.startCampaign('c2')).to.include({status: 'started', startedAt: NOW});
      expect(events.map((e) => e.type)).to.deep.equal(['campaign-started']);
      expect(() => backend.startCampaign('nope')).to.throw(NotFoundError);
      unsubscribe();
    });
  });

  describe('failures, latency and seeds', () => {
    it('failNext fails the next call of that operation only, with the given error', async () => {
      const {backend} = make();
      backend.failNext('listCampaigns');
      expect(await rejection(backend.listCampaigns({agentId: 'a1'}))).to.be.instanceOf(BackendUnavailableError);
      expect(await backend.listCampaigns({agentId: 'a1'})).to.have.length(1);
      const custom = new Error('boom');
      backend.failNext('getAvailability', custom);
      expect(await rejection(backend.getAvailability({...day(TUESDAY), type: 'campaign'}))).to.equal(custom);
    });

    it('failureRate 1 fails every call with BackendUnavailableError and creates nothing', async () => {
      const {backend} = make({failureRate: 1});
      const error = await rejection<BackendUnavailableError>(backend.scheduleCallback(req(), {idempotencyKey: key()}));
      expect(error).to.be.instanceOf(BackendUnavailableError);
      expect(error.retryable).to.equal(true);
      expect(await rejection(backend.listCallbacks({agentId: 'a1'}))).to.be.instanceOf(BackendUnavailableError);
    });

    it('waits for the latency before answering', async () => {
      const {backend} = make({latency: {min: 30, max: 40}});
      const started = Date.now();
      await backend.listCampaigns({agentId: 'a1'});
      expect(Date.now() - started).to.be.at.least(25);
    });

    it('the same seed gives the same ids', async () => {
      const ids = async () => {
        const {backend} = make({seed: 42});
        const a = await backend.scheduleCallback(req(), {idempotencyKey: 'x'});
        const b = await backend.scheduleCallback(req({start: ny(TUESDAY, '13:00')}), {idempotencyKey: 'y'});
        return [a.id, b.id];
      };
      const first = await ids();
      expect(await ids()).to.deep.equal(first);
      expect(first[0]).to.not.equal(first[1]);
    });
  });

  describe('demo data', () => {
    it('every demo phone is valid and resolves to a zone; contacts span 6+ zones and abroad', () => {
      const zones = new Set<string>();
      for (const contact of DEMO_CONTACTS) {
        expect(contact.phones.length, contact.id).to.be.at.least(2);
        for (const phone of contact.phones) {
          expect(parsePhone(phone.number)?.e164, phone.number).to.equal(phone.number);
          const candidates = timeZonesForPhone(phone.number);
          expect(candidates, phone.number).to.have.length.above(0);
          candidates.forEach((z) => zones.add(z));
        }
      }
      expect(DEMO_CONTACTS.length).to.be.at.least(12);
      expect(timeZonesForPhone('+12084563817')).to.have.length(2); // Idaho 208, split exchange
      expect(DEMO_CONTACTS.filter((c) => c.timeZone).length).to.be.at.least(3);
      expect(
        DEMO_CONTACTS.flatMap((c) => c.phones).filter((p) => p.contactFrom && p.contactUntil).length,
      ).to.be.at.least(4);
      for (const zone of [
        'America/St_Johns',
        'America/Phoenix',
        'Pacific/Honolulu',
        'America/Los_Angeles',
        'America/Chicago',
        'America/Boise',
        'Europe/London',
      ]) {
        expect([...zones]).to.include(zone);
      }
      expect(DEMO_AGENTS.find((a) => a.id === 'agent-maria')).to.include({timeZone: NY, locale: 'en-US'});
    });

    it('campaigns cover every dialing mode and status; preview is manual, the rest automatic', () => {
      expect(new Set(DEMO_CAMPAIGNS.map((c) => c.dialingMode))).to.have.all.keys(
        'preview',
        'push-preview',
        'progressive',
        'predictive',
      );
      expect(new Set(DEMO_CAMPAIGNS.map((c) => c.status))).to.have.all.keys(
        'started',
        'running',
        'paused',
        'stopped',
        'completed',
      );
      for (const c of DEMO_CAMPAIGNS)
        expect(c.deliveryMode).to.equal(c.dialingMode === 'preview' ? 'manual' : 'automatic');
      expect(DEMO_OPENING_HOURS).to.deep.include({
        1: {start: '08:00', end: '20:00'},
        6: {start: '09:00', end: '14:00'},
      });
    });

    it('the default backend has demo callbacks relative to now: overdue, today and tomorrow', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      const maria = await backend.listCallbacks({agentId: 'agent-maria'});
      const now = clock.now();
      const starts = maria.map((c) => Temporal.Instant.from(c.start));
      expect(starts.some((s) => Temporal.Instant.compare(s, now) < 0)).to.equal(true);
      expect(maria.some((c) => c.kind === 'followup')).to.equal(true);
      expect(maria.some((c) => c.kind === 'web-callback')).to.equal(true);
      const tomorrow = Temporal.PlainDate.from('2026-06-16');
      expect(starts.some((s) => s.toZonedDateTimeISO(NY).toPlainDate().equals(tomorrow))).to.equal(true);
      expect(demoCallbacks(NOW)).to.deep.equal(demoCallbacks(NOW));
      expect(await backend.listCampaigns({agentId: 'agent-lucia'})).to.have.length.at.least(2);
    });
  });

  describe('0.2: availability-changed and the customer zones', () => {
    const seats = (events: BackendEvent[]) =>
      events.filter((e) => e.type === 'availability-changed' || e.type === 'resync');

    it('emits availability-changed for the slot on schedule, the old and new slots on reschedule, and on cancel', async () => {
      const {backend} = make();
      const events: BackendEvent[] = [];
      backend.subscribe((e) => events.push(e));
      const mine = await backend.scheduleCallback(personal({start: ny(TUESDAY, '12:00')}), {idempotencyKey: key()});
      const slot = (time: string, end: string) => ({from: ny(TUESDAY, time), to: ny(TUESDAY, end)});
      expect(events.map((e) => e.type)).to.deep.equal(['callback-changed', 'availability-changed']);
      expect(seats(events)).to.deep.equal([{type: 'availability-changed', ...slot('12:00', '12:30'), agentId: 'a1'}]);
      // a replay of the same key changes nothing: no event
      await backend.scheduleCallback(personal({start: ny(TUESDAY, '12:00')}), {idempotencyKey: `key-${keys}`});
      expect(seats(events)).to.have.length(1);

      events.length = 0;
      await backend.rescheduleCallback(mine.id, personal({start: ny(TUESDAY, '15:00')}), {idempotencyKey: key()});
      expect(seats(events)).to.deep.equal([
        {type: 'availability-changed', ...slot('12:00', '12:30'), agentId: 'a1'},
        {type: 'availability-changed', ...slot('15:00', '15:30'), agentId: 'a1'},
      ]);

      events.length = 0;
      await backend.cancelCallback(mine.id);
      await backend.cancelCallback(mine.id); // a no-op: nothing changed
      expect(seats(events)).to.deep.equal([{type: 'availability-changed', ...slot('15:00', '15:30'), agentId: 'a1'}]);

      // campaigns share a slot's capacity: a campaign booking is not narrowed to its campaign
      events.length = 0;
      const campaign = await backend.scheduleCallback(req({start: ny(TUESDAY, '13:00')}), {idempotencyKey: key()});
      expect(seats(events)).to.deep.equal([{type: 'availability-changed', ...slot('13:00', '13:30')}]);
      // a followup that expires frees its seat
      events.length = 0;
      await backend.updateCallbackStatus(campaign.id, 'in-progress', {idempotencyKey: key()});
      expect(seats(events)).to.deep.equal([]); // still holds the seat
      await backend.updateCallbackStatus(campaign.id, 'completed', {idempotencyKey: key()});
      expect(seats(events)).to.deep.equal([{type: 'availability-changed', ...slot('13:00', '13:30')}]);
      // every change arrived synchronously: MemoryBackend never needs (nor sends) resync
      expect(events.some((e) => e.type === 'resync')).to.equal(false);
    });

    it('stores customerTimeZones given on a request, validated (IANA zones, at most 10)', async () => {
      const {backend} = make();
      const given = ['America/Chicago', 'America/New_York'];
      const saved = await backend.scheduleCallback(personal({customerTimeZones: given}), {idempotencyKey: key()});
      expect(saved.customerTimeZones).to.deep.equal(given);
      expect((await backend.listCallbacks({agentId: 'a1'}))[0].customerTimeZones).to.deep.equal(given);

      const bad = await rejection<ValidationError>(
        backend.scheduleCallback(personal({customerTimeZones: ['Mars/Olympus', NY]}), {idempotencyKey: key()}),
      );
      expect(bad).to.be.instanceOf(ValidationError);
      expect(bad.fieldErrors).to.deep.equal([
        {field: 'customerTimeZones', code: 'invalid-time-zone', message: 'Unknown customer time zone "Mars/Olympus".'},
      ]);
      const eleven = Array.from({length: 11}, () => NY);
      const many = await rejection<ValidationError>(
        backend.scheduleCallback(personal({customerTimeZones: eleven}), {idempotencyKey: key()}),
      );
      expect(many.fieldErrors.map((e) => `${e.field}:${e.code}`)).to.deep.equal(['customerTimeZones:too-many']);
      const notList = await rejection<ValidationError>(
        backend.scheduleCallback(personal({customerTimeZones: NY as unknown as string[]}), {idempotencyKey: key()}),
      );
      expect(notList.fieldErrors.map((e) => `${e.field}:${e.code}`)).to.deep.equal(['customerTimeZones:invalid']);
    });

    it("fills customerTimeZones from the contact's zone first, then the number's zones", async () => {
      const london: Contact = {id: 'london', name: 'Lou Don', timeZone: 'Europe/London', phones: []};
      const {backend} = make({contacts: [...contacts, london]});
      const plain = await backend.scheduleCallback(personal(), {idempotencyKey: key()});
      expect(plain.customerTimeZones).to.deep.equal(['America/New_York']);
      const split = await backend.scheduleCallback(
        personal({contactId: 'idaho', phone: PHONES.idahoSplit, start: ny(TUESDAY, '14:00')}),
        {idempotencyKey: key()},
      );
      expect(split.customerTimeZones).to.deep.equal(timeZonesForPhone(PHONES.idahoSplit));
      expect(split.customerTimeZones).to.have.length(2);
      const abroad = await backend.scheduleCallback(personal({contactId: 'london', start: ny(TUESDAY, '13:00')}), {
        idempotencyKey: key(),
      });
      expect(abroad.customerTimeZones).to.deep.equal(['Europe/London', 'America/New_York']);
      // the booking zone is never taken for the customer's
      const booked = await backend.scheduleCallback(
        personal({contactId: 'la', phone: PHONES.la, timeZone: NY, start: ny(TUESDAY, '15:00')}),
        {idempotencyKey: key()},
      );
      expect(booked.customerTimeZones).to.deep.equal(['America/Los_Angeles']);
    });

    it('a London contact on a +1 212 number is callable only when allowed in London AND New York', async () => {
      const london: Contact = {id: 'london', name: 'Lou Don', timeZone: 'Europe/London', phones: []};
      const {backend} = make({contacts: [...contacts, london]});
      const query = {...day(TUESDAY), type: 'campaign' as const, phone: PHONES.ny};
      // 16:00 in New York is 21:00 in London (BST): closed there, open in New York
      const inLondon = await backend.getAvailability({...query, contactId: 'london'});
      expect(at(inLondon, TUESDAY, '15:30').available).to.equal(true);
      expect(at(inLondon, TUESDAY, '16:00')).to.include({available: false, reason: 'outside-calling-hours'});
      expect(at(inLondon, TUESDAY, '08:00').available).to.equal(true); // 13:00 in London
      const inNewYork = await backend.getAvailability({...query, contactId: 'ny'});
      expect(at(inNewYork, TUESDAY, '16:00').available).to.equal(true);

      const error = await rejection<SlotUnavailableError>(
        backend.scheduleCallback(req({contactId: 'london', start: ny(TUESDAY, '16:00')}), {idempotencyKey: key()}),
      );
      expect(error).to.be.instanceOf(SlotUnavailableError);
      expect(error.reason).to.equal('outside-calling-hours');
      expect(error.message).to.contain('Europe/London');
      const ok = await backend.scheduleCallback(req({contactId: 'ny', start: ny(TUESDAY, '16:00')}), {
        idempotencyKey: key(),
      });
      expect(ok.status).to.equal('scheduled');
      // zones given on a request are candidates too: they can only narrow the window
      const narrowed = await rejection<SlotUnavailableError>(
        backend.scheduleCallback(
          req({contactId: 'ny', start: ny(TUESDAY, '16:30'), customerTimeZones: ['Europe/London']}),
          {idempotencyKey: key()},
        ),
      );
      expect(narrowed.reason).to.equal('outside-calling-hours');
    });
  });
});

describe('MemoryBackend demo data (a lazy chunk)', () => {
  it('a backend given every list, or demo: false, holds its data at once: listAgents() and listContacts() are arrays', async () => {
    const given = new MemoryBackend({
      clock: new ManualClock(NOW),
      agents,
      contacts,
      campaigns: [],
      agentShifts: {},
      callbacks: [],
    });
    expect(given.listAgents()).to.deep.equal(agents);
    expect(given.listContacts()).to.deep.equal(contacts);
    const empty = new MemoryBackend({clock: new ManualClock(NOW), demo: false});
    expect(empty.listAgents()).to.deep.equal([]);
    await empty.whenReady();
  });

  it('a demo backend answers its first calls with the demo data, and after whenReady() its helpers are synchronous', async () => {
    const backend = new MemoryBackend({clock: new ManualClock(NOW), seed: 1, contacts});
    // a call made at once waits for the demo chunk, then sees the demo agents' callbacks and campaigns
    const [callbacks, campaigns] = await Promise.all([
      backend.listCallbacks({agentId: 'agent-maria'}),
      backend.listCampaigns({agentId: 'agent-maria'}),
    ]);
    expect(callbacks.length).to.be.greaterThan(0);
    expect(campaigns.map((c) => c.id)).to.include('camp-spring-renewals');
    await backend.whenReady();
    expect(backend.listAgents()).to.deep.equal(DEMO_AGENTS); // no longer a promise
    expect(backend.listContacts(), 'the given contacts win over the demo ones').to.deep.equal(contacts);
    expect(backend.startCampaign('camp-winback').status).to.equal('started');
  });
});
