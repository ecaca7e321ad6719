import { zoneOffsetMinutes } from '../delivery/send-window';

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
/** How far `timeZone`'s clocks are ahead of UTC at `instant` (milliseconds, negative west of Greenwich). */
const zoneOffsetMs = (instant: number, timeZone: string) =>
  zoneOffsetMinutes(new Date(instant), timeZone) * 60_000;

/**
 * Reads a zone-less "YYYY-MM-DD HH:MM:SS" as the wall clock of `timeZone` and returns the UTC instant in ISO
 * 8601, e.g. `wallTimeToIso('2026-07-01 09:30:00', 'America/Los_Angeles')` → `2026-07-01T16:30:00.000Z`.
 * A value that already carries an offset or `Z` is taken as written. Returns null when unreadable.
 */
export function wallTimeToIso(value: string, timeZone: string): string | null {
  const match = WALL_TIME.exec(value.trim());
  if (!match) {
    const parsed = Date.parse(value);
    return /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value.trim()) && !Number.isNaN(parsed)
      ? new Date(parsed).toISOString()
      : null;
  }
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // The offset depends on the instant we are looking for; a second pass settles the days clocks change.
  const first = asIfUtc - zoneOffsetMs(asIfUtc, timeZone);
  const instant = asIfUtc - zoneOffsetMs(first, timeZone);
  return new Date(instant).toISOString();
}
