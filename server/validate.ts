/**
 * Strict validation of what clients send, per `api/openapi.yaml`: types, enums, lengths, formats, no unknown
 * fields, no control characters in free text. Every problem is a `FieldError` naming the field; the server
 * answers 400 with all of them. The scheduling rules (unknown contact, slot taken...) come after, from the
 * kit's rules (422/409).
 */
import {Temporal, type FieldError} from '../src/core/index.js';

/** A request the server refuses before doing anything (HTTP 400 unless `status` says otherwise). */
export class BadRequest extends Error {
  readonly fieldErrors: FieldError[];
  readonly status: number;

  constructor(fieldErrors: FieldError[], status = 400) {
    super(fieldErrors.map((e) => e.message).join(' '));
    this.name = 'BadRequest';
    this.fieldErrors = fieldErrors;
    this.status = status;
  }
}

/** Longest id (contact, agent, campaign, callback, disposition). */
export const MAX_ID = 128;
/** Longest `notes`. */
export const MAX_NOTES = 2000;
/** Most `customerTimeZones`. */
export const MAX_CUSTOMER_ZONES = 10;
/** Longest Idempotency-Key (the contract's). */
export const MAX_IDEMPOTENCY_KEY = 255;
/** Widest availability range in days. */
export const MAX_AVAILABILITY_DAYS = 62;
/** Instants outside these years are refused (Temporal accepts ±271821, the calendar code does not). */
const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** Digits and the usual separators only: letters (`ext`, `x`), `#`, `;` (extensions) are refused. */
const PHONE = /^\+?[0-9 ().-]{3,32}$/;
const ZONE_NAME = /^(?:UTC|GMT|[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z0-9][A-Za-z0-9_+-]*)+)$/;

let zoneSet: Set<string> | undefined;

/**
 * Whether `zone` is an IANA zone name spelled as IANA spells it (`America/New_York`, not `america/new_york`
 * nor an offset such as `+05:00`), known to this runtime's Intl.
 */
export function isIanaZoneName(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length > 64 || !ZONE_NAME.test(zone)) return false;
  zoneSet ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (zoneSet.has(zone)) return true;
  try {
    // links such as US/Eastern or Asia/Calcutta are valid too; Intl resolves them
    new Intl.DateTimeFormat('en-US', {timeZone: zone});
    return true;
  } catch {
    return false;
  }
}

/** Collects field errors while checking one request. */
export class Checker {
  readonly errors: FieldError[] = [];

  add(field: string, code: string, message: string): void {
    this.errors.push({field, code, message});
  }

  /** Throws `BadRequest` when anything was added. */
  done(): void {
    if (this.errors.length) throw new BadRequest(this.errors);
  }

  object(value: unknown, field: string): Record<string, unknown> | undefined {
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.add(field, 'invalid-type', `${field} must be a JSON object.`);
    return undefined;
  }

  only(value: Record<string, unknown>, allowed: readonly string[], prefix = ''): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.add(prefix + key, 'unknown-field', `Unknown field "${prefix + key}".`);
    }
  }

  /** A string of 1..max characters without control characters (`multiline`: tabs and line breaks allowed). */
  text(
    value: unknown,
    field: string,
    {required = false, max = MAX_ID, multiline = false}: {required?: boolean; max?: number; multiline?: boolean} = {},
  ): value is string {
    if (value === undefined || value === null) {
      if (required) this.add(field, 'required', `${field} is required.`);
      else if (value === null) this.add(field, 'invalid-type', `${field} must be a string or absent, not null.`);
      return false;
    }
    if (typeof value !== 'string') {
      this.add(field, 'invalid-type', `${field} must be a string.`);
      return false;
    }
    if (value === '' && required) {
      this.add(field, 'required', `${field} is required.`);
      return false;
    }
    if (value.length > max) {
      this.add(field, 'too-long', `${field} is limited to ${max} characters.`);
      return false;
    }
    if ((multiline ? CONTROL : CONTROL_OR_BREAK).test(value)) {
      this.add(field, 'control-character', `${field} contains control characters.`);
      return false;
    }
    return true;
  }

  oneOf(value: unknown, field: string, allowed: readonly string[], required = true): void {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.add(field, value === undefined ? 'required' : 'invalid', `${field} must be one of ${allowed.join(', ')}.`);
    }
  }

  instant(value: unknown, field: string, required: boolean): Temporal.Instant | undefined {
    if (!this.text(value, field, {required, max: 64})) return undefined;
    try {
      const instant = Temporal.Instant.from(value);
      const year = instant.toZonedDateTimeISO('UTC').year;
      if (year < MIN_YEAR || year > MAX_YEAR) {
        this.add(field, 'out-of-range', `${field} must be between the years ${MIN_YEAR} and ${MAX_YEAR}.`);
        return undefined;
      }
      return instant;
    } catch {
      this.add(field, 'invalid-instant', `${field} is not a valid instant (ISO 8601 with an offset or Z).`);
      return undefined;
    }
  }

  /** A zone name in IANA form; whether this runtime knows it is left to the rules when `lenient`. */
  zone(value: unknown, field: string, {required = false, lenient = false} = {}): void {
    if (!this.text(value, field, {required, max: 64})) return;
    if (lenient ? !ZONE_NAME.test(value) : !isIanaZoneName(value)) {
      this.add(field, 'invalid-time-zone', `${field} must be an IANA time zone name such as America/New_York.`);
    }
  }

  phone(value: unknown, field: string, required: boolean): void {
    if (!this.text(value, field, {required, max: 32})) return;
    if (!PHONE.test(value)) {
      this.add(
        field,
        'invalid-phone',
        `${field} must be a phone number of digits (E.164 such as +12125550123); extensions are not supported.`,
      );
    }
  }

  localTime(value: unknown, field: string): void {
    if (value === undefined) return;
    if (typeof value !== 'string' || !LOCAL_TIME.test(value)) {
      this.add(field, 'invalid-local-time', `${field} must be a local time HH:MM between 00:00 and 23:59.`);
    }
  }
}

const REQUEST_FIELDS = [
  'contactId',
  'phone',
  'type',
  'ownerAgentId',
  'campaignId',
  'start',
  'end',
  'timeZone',
  'notes',
  'kind',
  'dispositionId',
  'newPhone',
  'customerTimeZones',
] as const;
const PHONE_FIELDS = ['number', 'type', 'contactFrom', 'contactUntil'] as const;

/** Checks a `CallbackRequest` body (`POST /callbacks`, `PUT /callbacks/{id}`). @throws BadRequest */
export function checkCallbackRequest(body: unknown): void {
  const c = new Checker();
  const r = c.object(body, 'body');
  if (!r) return c.done();
  c.only(r, REQUEST_FIELDS);
  c.text(r.contactId, 'contactId', {required: true});
  c.phone(r.phone, 'phone', true);
  c.oneOf(r.type, 'type', ['personal', 'campaign']);
  c.oneOf(r.kind, 'kind', ['callback', 'followup', 'web-callback']);
  c.text(r.ownerAgentId, 'ownerAgentId');
  c.text(r.campaignId, 'campaignId');
  c.instant(r.start, 'start', true);
  c.instant(r.end, 'end', false);
  // A well-formed name the runtime does not know (Mars/Olympus) is the rules' call: 422 with the other fields.
  c.zone(r.timeZone, 'timeZone', {required: true, lenient: true});
  c.text(r.notes, 'notes', {max: MAX_NOTES, multiline: true});
  c.text(r.dispositionId, 'dispositionId');
  if (r.newPhone !== undefined) {
    const p = c.object(r.newPhone, 'newPhone');
    if (p) {
      c.only(p, PHONE_FIELDS, 'newPhone.');
      c.phone(p.number, 'newPhone.number', true);
      c.oneOf(p.type, 'newPhone.type', ['home', 'mobile', 'work', 'other']);
      c.localTime(p.contactFrom, 'newPhone.contactFrom');
      c.localTime(p.contactUntil, 'newPhone.contactUntil');
    }
  }
  if (r.customerTimeZones !== undefined) {
    const zones = r.customerTimeZones;
    if (!Array.isArray(zones)) c.add('customerTimeZones', 'invalid-type', 'customerTimeZones must be an array.');
    else if (zones.length > MAX_CUSTOMER_ZONES) {
      c.add('customerTimeZones', 'too-many', `customerTimeZones holds at most ${MAX_CUSTOMER_ZONES} zones.`);
    } else {
      zones.forEach((zone, i) => c.zone(zone, `customerTimeZones[${i}]`, {required: true}));
      if (new Set(zones).size !== zones.length)
        c.add('customerTimeZones', 'duplicate', 'customerTimeZones repeats a zone.');
    }
  }
  c.done();
}

/** Checks `POST /callbacks/{id}/status`. @throws BadRequest */
export function checkStatusBody(body: unknown): void {
  const c = new Checker();
  const r = c.object(body, 'body');
  if (r) {
    c.only(r, ['status']);
    c.oneOf(r.status, 'status', ['due', 'in-progress', 'completed', 'expired']);
  }
  c.done();
}

/** Checks `POST /logout-requests`. @throws BadRequest */
export function checkLogoutBody(body: unknown): {agentId: string} {
  const c = new Checker();
  const r = c.object(body, 'body');
  if (r) {
    c.only(r, ['agentId']);
    c.text(r.agentId, 'agentId', {required: true});
  }
  c.done();
  return {agentId: r!.agentId as string};
}

/** Checks the availability query; returns it typed. @throws BadRequest */
export function checkAvailabilityQuery(params: URLSearchParams): {
  from: string;
  to: string;
  type: 'personal' | 'campaign';
  campaignId?: string;
  agentId?: string;
  phone?: string;
  contactId?: string;
} {
  const c = new Checker();
  const allowed = ['from', 'to', 'type', 'campaignId', 'agentId', 'phone', 'contactId'];
  for (const name of new Set(params.keys())) {
    if (!allowed.includes(name)) c.add(name, 'unknown-field', `Unknown query parameter "${name}".`);
    else if (params.getAll(name).length > 1) c.add(name, 'repeated', `The query parameter "${name}" is repeated.`);
  }
  const get = (name: string) => params.get(name) || undefined;
  const from = c.instant(get('from'), 'from', true);
  const to = c.instant(get('to'), 'to', true);
  c.oneOf(get('type'), 'type', ['personal', 'campaign']);
  for (const name of ['campaignId', 'agentId', 'contactId']) c.text(get(name), name);
  c.phone(get('phone'), 'phone', false);
  if (from && to && to.epochMilliseconds - from.epochMilliseconds > MAX_AVAILABILITY_DAYS * 86_400_000) {
    c.add('to', 'range-too-large', `Ask for at most ${MAX_AVAILABILITY_DAYS} days of availability at once.`);
  }
  c.done();
  return {
    from: from!.toString(),
    to: to!.toString(),
    type: get('type') as 'personal' | 'campaign',
    campaignId: get('campaignId'),
    agentId: get('agentId'),
    phone: get('phone'),
    contactId: get('contactId'),
  };
}

/** Checks an Idempotency-Key header: 1..255 printable ASCII characters. @throws BadRequest */
export function checkIdempotencyKey(key: string | undefined, required: boolean): string | undefined {
  if (key === undefined || key === '') {
    if (required) {
      throw new BadRequest([
        {field: 'idempotencyKey', code: 'required', message: 'The Idempotency-Key header is required.'},
      ]);
    }
    return undefined;
  }
  if (key.length > MAX_IDEMPOTENCY_KEY || !/^[\x20-\x7e]+$/.test(key)) {
    throw new BadRequest([
      {
        field: 'idempotencyKey',
        code: 'invalid',
        message: `The Idempotency-Key header must be 1 to ${MAX_IDEMPOTENCY_KEY} printable ASCII characters.`,
      },
    ]);
  }
  return key;
}
