/**
 * The demo centre's zone, hours and agents: `MemoryBackend`'s defaults, kept apart from the rest of the demo data
 * (demo-data.ts, a lazy chunk) because they are small and read synchronously (`timeZone`, `openingHours`,
 * `listAgents()`, which the elements' owner pickers call during render).
 */
import type {OpeningHours} from './time.js';
import type {Agent, TimeZoneId} from './types.js';

/** The contact centre's zone: opening hours and slots are defined in it. */
export const DEMO_TIME_ZONE: TimeZoneId = 'America/New_York';

/** Business hours of the demo centre in `DEMO_TIME_ZONE`: Mon-Fri 08:00-20:00, Sat 09:00-14:00, closed on Sunday. */
export const DEMO_OPENING_HOURS: OpeningHours = {
  1: {start: '08:00', end: '20:00'},
  2: {start: '08:00', end: '20:00'},
  3: {start: '08:00', end: '20:00'},
  4: {start: '08:00', end: '20:00'},
  5: {start: '08:00', end: '20:00'},
  6: {start: '09:00', end: '14:00'},
  7: null,
};

/** The demo agents: New York (the default "me"), Chicago, Madrid (Spanish locale) and Los Angeles. */
export const DEMO_AGENTS: readonly Agent[] = [
  {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York', locale: 'en-US'},
  {id: 'agent-james', name: 'James Carter', timeZone: 'America/Chicago', locale: 'en-US'},
  {id: 'agent-lucia', name: 'Lucía Fernández', timeZone: 'Europe/Madrid', locale: 'es-ES'},
  {id: 'agent-aiko', name: 'Aiko Tanaka', timeZone: 'America/Los_Angeles', locale: 'en-US'},
];
