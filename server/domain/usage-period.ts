/** One allowance period: `[start, renews)`. */
export type UsagePeriod = { start: string; renews: string };

/** `anchor` moved by `months` calendar months in UTC, the day clamped to the month's length (Jan 31 → Feb 28). */
export function addMonths(anchor: Date, months: number): Date {
  const year = anchor.getUTCFullYear();
  const month = anchor.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(anchor.getUTCDate(), lastDay),
      anchor.getUTCHours(),
      anchor.getUTCMinutes(),
      anchor.getUTCSeconds(),
      anchor.getUTCMilliseconds(),
    ),
  );
}

/** The monthly period, counted from `anchor`, that holds `now` (an anchor in the future works backwards). */
export function periodAt(anchor: string, now: Date): UsagePeriod {
  const from = new Date(anchor);
  let months = (now.getUTCFullYear() - from.getUTCFullYear()) * 12 + (now.getUTCMonth() - from.getUTCMonth());
  // The month difference can overshoot by one when `now` is earlier in its month than the anchor's day/time.
  while (addMonths(from, months).getTime() > now.getTime()) months -= 1;
  while (addMonths(from, months + 1).getTime() <= now.getTime()) months += 1;
  return {
    start: addMonths(from, months).toISOString(),
    renews: addMonths(from, months + 1).toISOString(),
  };
}
