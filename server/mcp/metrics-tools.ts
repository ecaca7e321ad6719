import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { dateBounds } from '../api/date-range-schemas';
import { ApiError, notFound } from '../http/errors';
import { analyticsFunnel } from '../store/analytics';
import { businessBelongsTo } from '../store/businesses';
import { requestFigures, reviewSeries, reviewTexts, totalsOf } from '../store/review-metrics';
import { type McpContext, orgOf } from './context';
import { ratingInsights } from './insights';
import { addTool } from './tool';

const DAY_MS = 86_400_000;
const isoDate = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
const rangeInput = {
  businessId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('One business; without it, the whole organization'),
  dateFrom: isoDate.optional().describe('Start (a date means its start, UTC); default 30 days before dateTo'),
  dateTo: isoDate.optional().describe('End (a date includes the whole day, UTC); default now'),
};

/** The target and the half-open range a call asks about, and the range of the same length before it. */
function periodOf(ctx: McpContext, input: { businessId?: string; dateFrom?: string; dateTo?: string }) {
  const organizationId = orgOf(ctx);
  if (input.businessId && !businessBelongsTo(ctx.deps.db, organizationId, input.businessId)) {
    throw notFound('Business');
  }
  const bounds = dateBounds(input);
  // Without dateTo the period ends now, this very millisecond included.
  const before = bounds.before ?? new Date(ctx.deps.clock().getTime() + 1).toISOString();
  const from = bounds.from ?? new Date(new Date(before).getTime() - 30 * DAY_MS).toISOString();
  const length = new Date(before).getTime() - new Date(from).getTime();
  if (length <= 0)
    throw new ApiError('VALIDATION_ERROR', 'dateFrom is after dateTo', {
      dateFrom: 'must not be after dateTo',
    });
  const previous = { from: new Date(new Date(from).getTime() - length).toISOString(), before: from };
  return { target: { organizationId, businessId: input.businessId }, range: { from, before }, previous };
}

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

/** Metrics and insights: figures over a period against the one before, and what low and high ratings say. */
export function registerMetricsTools(server: McpServer, ctx: McpContext, audited: WeakSet<object>): void {
  addTool(server, ctx, audited, {
    name: 'get_metrics',
    description:
      'Review and request figures for a period (default the last 30 days): review count, average rating, ' +
      'reply rate, requests sent and completed, the landing funnel (opens, ratings, platform clicks, private ' +
      'feedback), a series grouped by day, week or month, and the same figures for the previous period of ' +
      'equal length with the change. Hidden reviews are left out.',
    scopes: ['analytics:read'],
    readOnly: true,
    input: { ...rangeInput, group_by: z.enum(['day', 'week', 'month']).default('week') },
    run: (args) => {
      const { target, range, previous } = periodOf(ctx, args);
      const figures = (r: { from: string; before: string }) => {
        const series = reviewSeries(ctx.deps.db, target, r, args.group_by);
        const totals = totalsOf(series);
        const requests = requestFigures(ctx.deps.db, target, r);
        const funnel = analyticsFunnel(ctx.deps.db, target, r);
        return {
          range: r,
          reviews: totals.reviews,
          averageRating: totals.averageRating,
          replyRate: rate(totals.replied, totals.reviews),
          requests: { ...requests, conversionRate: rate(requests.completed, requests.sent) },
          funnel: {
            opens: funnel.opens,
            taps: funnel.taps,
            rated: funnel.rated,
            platformClicked: funnel.platformClicked,
            privateFeedback: funnel.privateFeedback,
            completed: funnel.completed,
          },
          series,
        };
      };
      const current = figures(range);
      const { series: _series, ...before } = figures(previous);
      const diff = (a: number | null, b: number | null) =>
        a === null || b === null ? null : Math.round((a - b) * 1000) / 1000;
      return {
        data: {
          groupBy: args.group_by,
          current,
          previous: before,
          change: {
            reviews: current.reviews - before.reviews,
            averageRating: diff(current.averageRating, before.averageRating),
            replyRate: diff(current.replyRate, before.replyRate),
            requestsSent: current.requests.sent - before.requests.sent,
          },
        },
      };
    },
  });

  addTool(server, ctx, audited, {
    name: 'get_insights',
    description:
      'What customers praise and complain about in a period (default the last 30 days): the words and ' +
      'two-word phrases most associated with low (1–2★) and with high (4–5★) reviews, ranked by a ' +
      'log-odds z-score computed by Plaudit from the review text (no external model). Counts are reviews.',
    scopes: ['reviews:read'],
    readOnly: true,
    input: { ...rangeInput, top: z.number().int().min(1).max(50).default(10) },
    run: (args) => {
      const { target, range } = periodOf(ctx, args);
      const reviews = reviewTexts(ctx.deps.db, target, range, 10_000);
      return {
        data: { range, analyzedReviews: reviews.length, ...ratingInsights(reviews, { top: args.top }) },
      };
    },
  });
}
