import { z } from '@hono/zod-openapi';
import { localTimeToInstant } from '../delivery/send-window';
import type { Bucket } from '../store/analytics-series';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const localDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' }).openapi({ example: '2026-05-01' });
const MAX_DAYS = 3 * 366;

/** `dateFrom`/`dateTo` (local calendar dates, both included) and `timeZone`, for the ranged analytics routes. */
export const localRangeQuery = {
  dateFrom: localDate
    .optional()
    .openapi({ description: 'First day (local date); default 89 days before dateTo' }),
  dateTo: localDate.optional().openapi({ description: 'Last day, included (local date); default today' }),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris')
    .optional()
    .openapi({
      description:
        'The zone whose days and months the range and the monthly buckets follow; default the business’s, else UTC',
      example: 'America/New_York',
    }),
};

type Day = { year: number; month: number; day: number };
const dayOf = (iso: string): Day => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};
const addDays = (d: Day, n: number): Day => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};
const isoDay = (d: Day) => new Date(Date.UTC(d.year, d.month - 1, d.day)).toISOString().slice(0, 10);
const todayIn = (now: Date, timeZone: string): Day => {
  const entries = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .formatToParts(now)
    .map((p) => [p.type, p.value]);
  const parts = Object.fromEntries(entries);
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
};
const midnight = (d: Day, timeZone: string) => localTimeToInstant(d, 0, timeZone).toISOString();

export type LocalRange = {
  dateFrom: string;
  dateTo: string;
  timeZone: string;
  from: string;
  before: string;
  months: Bucket[];
};

/**
 * The range as UTC instants `[from, before)` between local midnights in `timeZone`, and its calendar
 * months there, clipped to the range (the first and last month may be partial). Errors name the field.
 */
export function resolveLocalRange(
  query: { dateFrom?: string; dateTo?: string; timeZone?: string },
  fallbackZone: string,
  now: Date,
): LocalRange | { error: Record<string, string> } {
  const timeZone = query.timeZone ?? fallbackZone;
  const to = query.dateTo ? dayOf(query.dateTo) : todayIn(now, timeZone);
  const from = query.dateFrom ? dayOf(query.dateFrom) : addDays(to, -89);
  const days =
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000;
  if (days < 0) return { error: { dateFrom: 'must not be after dateTo' } };
  if (days >= MAX_DAYS) return { error: { dateFrom: `the range may span at most ${MAX_DAYS} days` } };
  const start = midnight(from, timeZone);
  const end = midnight(addDays(to, 1), timeZone);
  const months: Bucket[] = [];
  for (let m = { year: from.year, month: from.month, day: 1 }; ; ) {
    const next =
      m.month === 12 ? { year: m.year + 1, month: 1, day: 1 } : { year: m.year, month: m.month + 1, day: 1 };
    const monthFrom = midnight(m, timeZone);
    const monthBefore = midnight(next, timeZone);
    months.push({
      label: isoDay(m).slice(0, 7),
      from: monthFrom < start ? start : monthFrom,
      before: monthBefore > end ? end : monthBefore,
    });
    if (monthBefore >= end) break;
    m = next;
  }
  return { dateFrom: isoDay(from), dateTo: isoDay(to), timeZone, from: start, before: end, months };
}
