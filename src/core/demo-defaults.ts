/**
 * The demo centre's zone and hours: `MemoryBackend`'s defaults, kept apart from the rest of the demo data
 * (demo-data.ts), which is a lazy chunk.
 */
import type {OpeningHours} from './time.js';
import type {TimeZoneId} from './types.js';

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
