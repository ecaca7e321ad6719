import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireScope } from '../http/auth';
import { type AppDeps, type AppEnv, orgIdOf } from '../http/context';
import { notFound } from '../http/errors';
import { newRouter } from '../http/router';
import { analyticsOverview, monthlyRatings } from '../store/analytics';
import { businessBelongsTo } from '../store/businesses';
import { errorResponses, jsonResponse, security } from './common-schemas';

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

  return app;
}
