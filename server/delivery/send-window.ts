/** Send windows are local wall-clock hours in the business's IANA time zone ("09:00"–"20:00"). */
export type SendWindow = { start: string; end: string };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

type LocalParts = { year: number; month: number; day: number; minutes: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local date and minute of the day that `instant` shows in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The zone's offset from UTC at `instant`, in minutes (e.g. -240 for New York in summer). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, 0, p.minutes);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant when the local clock in `timeZone` shows `minutes` on the given date. A time skipped by a
 * DST jump (02:30 on the spring-forward night) resolves to the same distance past the jump.
 */
export function localTimeToInstant(
  date: { year: number; month: number; day: number },
  minutes: number,
  timeZone: string,
): Date {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const first = naive - zoneOffsetMinutes(new Date(naive), timeZone) * 60_000;
  // A second pass settles instants on the other side of a DST change from the naive guess.
  const second = naive - zoneOffsetMinutes(new Date(first), timeZone) * 60_000;
  if (localParts(new Date(second), timeZone).minutes === minutes) return new Date(second);
  // The local time does not exist (skipped by the jump): take the later reading, just after the gap.
  return new Date(Math.max(first, second));
}

/** Whether the local time at `instant` falls in the window (a window may wrap past midnight). */
export function inSendWindow(instant: Date, timeZone: string, window: SendWindow): boolean {
  const now = localParts(instant, timeZone).minutes;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** `instant` itself when it is inside the window, else the next opening of the window. */
export function nextSendTime(instant: Date, timeZone: string, window: SendWindow): Date {
  if (inSendWindow(instant, timeZone, window)) return instant;
  const local = localParts(instant, timeZone);
  const start = minutesOf(window.start);
  // Before today's opening: today; after it (and outside the window): tomorrow.
  const dayShift = local.minutes < start ? 0 : 1;
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day + dayShift));
  const opening = localTimeToInstant(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
    start,
    timeZone,
  );
  // Never answer a time outside the window: a caller would wait on it forever.
  return opening.getTime() > instant.getTime() ? opening : new Date(instant.getTime() + 60_000);
}
