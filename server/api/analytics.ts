import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireScope } from '../http/auth';
import { type AppDeps, type AppEnv, orgIdOf } from '../http/context';
import { notFound } from '../http/errors';
import { newRouter } from '../http/router';
import { analyticsFunnel, analyticsOverview, monthlyRatings } from '../store/analytics';
import { businessBelongsTo } from '../store/businesses';
import { errorResponses, jsonResponse, security } from './common-schemas';
import { dateBounds, dateRangeQuery, rangeInOrder, rangeInOrderMessage } from './date-range-schemas';

const tags = ['Analytics'];
const HIDDEN_NOTE = 'Hidden reviews are left out of every review figure. Months are UTC calendar months.';

const businessIdQuery = z
  .string()
  .min(1)
  .max(64)
  .optional()
  .openapi({ description: 'One business of the organization; without it, the whole organization' });

const rate = z
  .number()
  .nullable()
  .openapi({ description: 'A fraction from 0 to 1; null when there is nothing to divide by' });

const overviewSchema = z
  .object({
    totalReviews: z.number().int(),
    averageRating: z.number().nullable(),
    responseRate: rate.openapi({ description: 'Share of reviews with a reply (0–1)' }),
    averageResponseTimeHours: z
      .number()
      .nullable()
      .openapi({ description: 'Mean hours from publishedAt to repliedAt' }),
    requestsSent: z.number().int().openapi({ description: 'Review requests that were sent' }),
    requestConversionRate: rate.openapi({ description: 'Share of sent requests that were completed (0–1)' }),
    sentimentBreakdown: z.object({
      positive: z.number().int(),
      neutral: z.number().int(),
      negative: z.number().int(),
    }),
    platformBreakdown: z.record(z.string(), z.number().int()).openapi({ example: { google: 12, direct: 3 } }),
    reviewsThisMonth: z.number().int().openapi({ description: 'Published in the current UTC month' }),
    ratingChangeThisMonth: z.number().nullable().openapi({
      description: 'This month’s average minus the average before it; null when either is empty',
    }),
  })
  .openapi('AnalyticsOverview');

const monthlySchema = z
  .array(
    z.object({
      month: z.string().openapi({ example: '2026-05' }),
      averageRating: z.number().nullable(),
      count: z.number().int(),
    }),
  )
  .openapi('MonthlyRatings');

const count = (description: string) => z.number().int().openapi({ description });

const funnelSchema = z
  .object({
    opens: count(
      'Landing pages opened: a request link once, a card or business link once per visitor per 30 minutes',
    ),
    taps: count('Card taps (once per visitor per 30 minutes)'),
    rated: count('Visits that gave a rating'),
    platformClicked: count('Visits that followed at least one public platform button'),
    privateFeedback: count('Private feedback sent'),
    testimonials: count('Testimonials sent'),
    completed: count('Visits that clicked a platform or sent private feedback'),
    cards: z
      .array(
        z.object({
          cardId: z.string(),
          taps: z.number().int(),
          rated: z.number().int(),
          completed: z.number().int(),
        }),
      )
      .openapi({ description: 'Each card with activity in the range' }),
  })
  .openapi('AnalyticsFunnel');

/** `/analytics`: review and request figures for an organization or one business. */
export function analyticsApi(deps: AppDeps) {
  const app = newRouter();

  /** The scope of a query: the caller's organization, narrowed to one of its businesses (404 otherwise). */
  const targetOf = (c: Context<AppEnv>, businessId: string | undefined) => {
    const organizationId = orgIdOf(c);
    if (businessId && !businessBelongsTo(deps.db, organizationId, businessId)) throw notFound('Business');
    return { organizationId, businessId };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/analytics/overview',
      tags,
      security,
      summary: 'Review and request figures',
      description: `Totals, average rating, reply rate and time, request conversion, breakdowns, and this month against before. ${HIDDEN_NOTE}`,
      middleware: [requireScope('analytics:read')],
      request: { query: z.object({ businessId: businessIdQuery }) },
      responses: { 200: jsonResponse(overviewSchema, 'The figures'), ...errorResponses },
    }),
    (c) => {
      const target = targetOf(c, c.req.valid('query').businessId);
      return c.json(analyticsOverview(deps.db, target, deps.clock()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/analytics/ratings',
      tags,
      security,
      summary: 'Average rating and count per month',
      description: `The last \`months\` months, current one included, oldest first; a month without reviews has count 0 and averageRating null. ${HIDDEN_NOTE}`,
      middleware: [requireScope('analytics:read')],
      request: {
        query: z.object({
          businessId: businessIdQuery,
          months: z.coerce.number().int().min(1).max(24).default(6),
        }),
      },
      responses: { 200: jsonResponse(monthlySchema, 'One entry per month'), ...errorResponses },
    }),
    (c) => {
      const { businessId, months } = c.req.valid('query');
      return c.json(monthlyRatings(deps.db, targetOf(c, businessId), deps.clock(), months), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/analytics/funnel',
      tags,
      security,
      summary: 'Landing funnel: opens, ratings, platform clicks, private feedback',
      description:
        'What customers did on the landing pages (request links, cards, business links), and per card. Views are counted per UTC day, so a date-time bound counts a day when its start is in the range; steps of recent visits count at their exact time.',
      middleware: [requireScope('analytics:read')],
      request: {
        query: z
          .object({ businessId: businessIdQuery, ...dateRangeQuery('Activity') })
          .refine(rangeInOrder, rangeInOrderMessage),
      },
      responses: { 200: jsonResponse(funnelSchema, 'The funnel'), ...errorResponses },
    }),
    (c) => {
      const { businessId, dateFrom, dateTo } = c.req.valid('query');
      const target = targetOf(c, businessId);
      return c.json(analyticsFunnel(deps.db, target, dateBounds({ dateFrom, dateTo })), 200);
    },
  );

  return app;
}
