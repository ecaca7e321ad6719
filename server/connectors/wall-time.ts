const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far `timeZone`'s clocks are ahead of UTC at `instant` (milliseconds, negative west of Greenwich). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

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
