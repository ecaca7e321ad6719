/** The quick choices for the range every chart shows. */
export const PRESETS = [
  { id: '30d', label: '30 days' },
  { id: '90d', label: '90 days' },
  { id: '12m', label: '12 months' },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];
export type DateRange = { dateFrom: string; dateTo: string };

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Today's date (YYYY-MM-DD) as the clock of `timeZone` shows it. */
export function todayIn(timeZone: string, now = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * The range of a preset ending on `today` (included): the last 30 or 90 days, or the 12 calendar months
 * that end with the current one (so a monthly chart shows 12 whole bars, the last one so far).
 */
export function presetRange(preset: PresetId, today: string): DateRange {
  const [y, m, d] = today.split('-').map(Number);
  if (preset === '12m') return { dateFrom: iso(new Date(Date.UTC(y, m - 12, 1))), dateTo: today };
  const days = preset === '30d' ? 30 : 90;
  return { dateFrom: iso(new Date(Date.UTC(y, m - 1, d - (days - 1)))), dateTo: today };
}

/** Which preset a range is, if any (so the matching button shows as pressed). */
export function presetOf(range: DateRange, today: string): PresetId | null {
  return (
    PRESETS.map((p) => p.id).find((id) => {
      const r = presetRange(id, today);
      return r.dateFrom === range.dateFrom && r.dateTo === range.dateTo;
    }) ?? null
  );
}
