import type { CardFigures, RatingsBySource, ReplyStats, RequestFunnel } from '../../api/analytics';
import type { Table } from './csv';

/** What one chart draws: categories along x and named series of values (null: nothing to draw). */
export type ChartSpec = {
  /** Bars take one or two series (side by side); lines any number. */
  kind: 'line' | 'bars';
  xTitle: string;
  labels: string[];
  series: Array<{ label: string; values: Array<number | null>; axis?: 'right' }>;
  yTitle: string;
  rightTitle?: string;
};

/** The chart's numbers as a table: the first column names the category, one column per series. */
export function tableOf(spec: ChartSpec): Table {
  return {
    columns: [spec.xTitle, ...spec.series.map((s) => s.label)],
    rows: spec.labels.map((label, i) => [label, ...spec.series.map((s) => s.values[i] ?? null)]),
  };
}

const sourcesOf = (r: RatingsBySource) => [...new Set(r.data.map((d) => d.source))].sort();
const monthLabel = (month: string) => month;

/** One line per source: the average rating of each month (null where a month has no review from it). */
export function averageRatingChart(r: RatingsBySource): ChartSpec {
  return {
    kind: 'line',
    xTitle: 'Month',
    labels: r.months.map(monthLabel),
    yTitle: 'Average rating',
    series: sourcesOf(r).map((source) => ({
      label: source,
      values: r.months.map(
        (m) => r.data.find((d) => d.month === m && d.source === source)?.averageRating ?? null,
      ),
    })),
  };
}

/** One line per source: how many reviews each month brought (lines: bars of many sources crowd a phone). */
export function reviewCountChart(r: RatingsBySource): ChartSpec {
  return {
    kind: 'line',
    xTitle: 'Month',
    labels: r.months.map(monthLabel),
    yTitle: 'Reviews',
    series: sourcesOf(r).map((source) => ({
      label: source,
      values: r.months.map((m) => r.data.find((d) => d.month === m && d.source === source)?.count ?? 0),
    })),
  };
}

/** The request funnel as one bar per step. */
export function funnelChart(f: RequestFunnel): ChartSpec {
  return {
    kind: 'bars',
    xTitle: 'Step',
    labels: ['Sent', 'Opened', 'Rated', 'Platform clicked', 'Private feedback'],
    yTitle: 'Requests',
    series: [
      { label: 'Requests', values: [f.sent, f.opened, f.rated, f.platformClicked, f.privateFeedback] },
    ],
  };
}

/** Taps and conversions (a platform clicked or private feedback sent) per card. */
export function cardsChart(c: CardFigures): ChartSpec {
  return {
    kind: 'bars',
    xTitle: 'Card',
    labels: c.cards.map((card) => card.label ?? card.cardId),
    yTitle: 'Visits',
    series: [
      { label: 'Taps', values: c.cards.map((card) => card.taps) },
      { label: 'Conversions', values: c.cards.map((card) => card.completed) },
    ],
  };
}

/** The same per staff member, the cards nobody holds together as "Unassigned". */
export function staffChart(c: CardFigures): ChartSpec {
  return {
    kind: 'bars',
    xTitle: 'Staff member',
    labels: c.staff.map((s) => s.staffMember ?? 'Unassigned'),
    yTitle: 'Visits',
    series: [
      { label: 'Taps', values: c.staff.map((s) => s.taps) },
      { label: 'Conversions', values: c.staff.map((s) => s.completed) },
    ],
  };
}

/** Each month's reply rate (%) and, on the right axis, its median reply time in hours. */
export function repliesChart(r: ReplyStats): ChartSpec {
  return {
    kind: 'line',
    xTitle: 'Month',
    labels: r.months.map((m) => monthLabel(m.month)),
    yTitle: 'Reply rate (%)',
    rightTitle: 'Median reply time (hours)',
    series: [
      {
        label: 'Reply rate (%)',
        values: r.months.map((m) => (m.replyRate === null ? null : Math.round(m.replyRate * 1000) / 10)),
      },
      { label: 'Median reply time (hours)', values: r.months.map((m) => m.medianReplyHours), axis: 'right' },
    ],
  };
}

/** A sentence for screen readers: what the chart shows, and its largest value per series. */
export function summaryOf(title: string, spec: ChartSpec): string {
  if (spec.labels.length === 0 || spec.series.length === 0) return `${title}: no data in this range.`;
  const parts = spec.series.map((s) => {
    let best = -1;
    s.values.forEach((v, i) => {
      if (v !== null && (best < 0 || v > (s.values[best] ?? 0))) best = i;
    });
    return best < 0 ? `${s.label}: none` : `${s.label} highest at ${s.values[best]} (${spec.labels[best]})`;
  });
  const shape = spec.kind === 'line' ? 'Line chart' : 'Bar chart';
  return `${shape}, ${title}, ${spec.labels.length} ${spec.xTitle.toLowerCase()} values from ${spec.labels[0]} to ${spec.labels[spec.labels.length - 1]}. ${parts.join('; ')}. The table below holds every number.`;
}
