import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireScope } from '../http/auth';
import { type AppDeps, type AppEnv, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { newRouter } from '../http/router';
import { cardAndStaffFigures, requestFunnel } from '../store/analytics-requests';
import { ratingsBySource, replyFigures } from '../store/analytics-series';
import { getBusiness } from '../store/businesses';
import { type LocalRange, localRangeQuery, resolveLocalRange } from './analytics-range';
import { errorResponses, jsonResponse, security } from './common-schemas';

const tags = ['Analytics'];
const RANGE_NOTE =
  'The range runs from local midnight of dateFrom to the end of dateTo in timeZone; months are calendar months there, the first and last clipped to the range. Hidden reviews count nowhere.';

const query = z.object({
  businessId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'One business of the organization; without it, the whole organization' }),
  ...localRangeQuery,
});

const rangeSchema = z
  .object({
    dateFrom: z.string(),
    dateTo: z.string(),
    timeZone: z.string(),
    from: z.string(),
    before: z.string(),
  })
  .openapi('AnalyticsRange', {
    description: 'The range applied: local dates, and the UTC instants [from, before)',
  });

const replyFields = {
  reviews: z.number().int(),
  replied: z.number().int(),
  replyRate: z.number().nullable().openapi({ description: 'replied / reviews (0–1); null without reviews' }),
  medianReplyHours: z
    .number()
    .nullable()
    .openapi({ description: 'Median hours from publishedAt to repliedAt' }),
};

export const ratingsSchema = z
  .object({
    range: rangeSchema,
    months: z.array(z.string()).openapi({ example: ['2026-05', '2026-06'] }),
    data: z.array(
      z.object({ month: z.string(), source: z.string(), count: z.number().int(), averageRating: z.number() }),
    ),
  })
  .openapi('RatingsBySource');
export const repliesSchema = z
  .object({
    range: rangeSchema,
    ...replyFields,
    months: z.array(z.object({ month: z.string(), ...replyFields })),
  })
  .openapi('ReplyStats');
export const requestsSchema = z
  .object({
    range: rangeSchema,
    sent: z.number().int().openapi({ description: 'Requests sent in the range' }),
    opened: z.number().int(),
    rated: z.number().int(),
    platformClicked: z.number().int(),
    privateFeedback: z.number().int(),
  })
  .openapi('RequestFunnel');
const figures = { taps: z.number().int(), rated: z.number().int(), completed: z.number().int() };
export const cardsSchema = z
  .object({
    range: rangeSchema,
    cards: z.array(
      z.object({
        cardId: z.string(),
        label: z.string().nullable(),
        staffMember: z.string().nullable(),
        ...figures,
      }),
    ),
    staff: z.array(z.object({ staffMember: z.string().nullable(), cards: z.number().int(), ...figures })),
  })
  .openapi('CardAndStaffFigures');

const route = (path: string, summary: string, schema: z.ZodType, description: string) =>
  createRoute({
    method: 'get',
    path,
    tags,
    security,
    summary,
    description: `${description} ${RANGE_NOTE}`,
    middleware: [requireScope('analytics:read')],
    request: { query },
    responses: { 200: jsonResponse(schema, 'The figures'), ...errorResponses },
  });

/** `/analytics/ratings-by-source`, `/replies`, `/requests`, `/cards`: figures over a local date range. */
export function analyticsSeriesApi(deps: AppDeps) {
  const app = newRouter();

  const targetOf = (c: Context<AppEnv>, q: z.infer<typeof query>) => {
    const organizationId = orgIdOf(c);
    const business = q.businessId ? getBusiness(deps.db, organizationId, q.businessId) : undefined;
    if (q.businessId && !business) throw notFound('Business');
    const range = resolveLocalRange(q, business?.timezone ?? 'UTC', deps.clock());
    if ('error' in range) throw new ApiError('VALIDATION_ERROR', 'Invalid date range', range.error);
    return { target: { organizationId, businessId: q.businessId }, range };
  };
  const rangeJson = (r: LocalRange) => ({
    dateFrom: r.dateFrom,
    dateTo: r.dateTo,
    timeZone: r.timeZone,
    from: r.from,
    before: r.before,
  });

  app.openapi(
    route(
      '/analytics/ratings-by-source',
      'Review count and average rating per month and source',
      ratingsSchema,
      'One entry per month and source that has reviews; `months` lists every month of the range.',
    ),
    (c) => {
      const { target, range } = targetOf(c, c.req.valid('query'));
      const data = ratingsBySource(deps.db, target, range.months);
      return c.json({ range: rangeJson(range), months: range.months.map((m) => m.label), data }, 200);
    },
  );

  app.openapi(
    route(
      '/analytics/replies',
      'Reply rate and median reply time',
      repliesSchema,
      'Over reviews published in the range, and per month.',
    ),
    (c) => {
      const { target, range } = targetOf(c, c.req.valid('query'));
      const [whole] = replyFigures(deps.db, target, [
        { label: 'range', from: range.from, before: range.before },
      ]);
      const months = replyFigures(deps.db, target, range.months);
      return c.json(
        {
          range: rangeJson(range),
          ...whole,
          months: months.map((figures, i) => ({ month: range.months[i].label, ...figures })),
        },
        200,
      );
    },
  );

  app.openapi(
    route(
      '/analytics/requests',
      'Request funnel: sent → opened → rated → platform clicked / private feedback',
      requestsSchema,
      'Requests sent in the range, each counted once per step it reached (whenever it reached it).',
    ),
    (c) => {
      const { target, range } = targetOf(c, c.req.valid('query'));
      return c.json({ range: rangeJson(range), ...requestFunnel(deps.db, target, range) }, 200);
    },
  );

  app.openapi(
    route(
      '/analytics/cards',
      'Taps and conversions per card and per staff member',
      cardsSchema,
      'Every card of the scope (also those without activity), and the same summed per staff member (null: unassigned). Conversions (`completed`) are visits that clicked a platform or sent private feedback. Daily roll-ups count by their UTC day.',
    ),
    (c) => {
      const { target, range } = targetOf(c, c.req.valid('query'));
      return c.json({ range: rangeJson(range), ...cardAndStaffFigures(deps.db, target, range) }, 200);
    },
  );

  return app;
}
