import { z } from '@hono/zod-openapi';
import type { Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/context';
import { orgIdOf } from '../../http/context';
import { analyticsOverview, monthlyRatings } from '../../store/analytics';
import { businessBelongsTo } from '../../store/businesses';
import { requireScopes } from './auth';
import { notFound, parseInput } from './errors';
import { idString } from './inputs';

const overviewQuery = z.object({ businessId: idString.optional() }).strict();
const ratingsQuery = z
  .object({
    businessId: idString.optional(),
    months: z.coerce
      .number({ error: 'Must be an integer from 1 to 24' })
      .int('Must be an integer from 1 to 24')
      .min(1, 'Must be an integer from 1 to 24')
      .max(24, 'Must be an integer from 1 to 24')
      .default(6),
  })
  .strict();

/** Hours as RatingsRise writes a duration: `2h 15m` (`45m` under an hour, `3d 4h` past a day). */
export function formatDuration(hours: number | null): string | null {
  if (hours === null) return null;
  const minutes = Math.round(hours * 60);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d}d ${h}h`;
  return h > 0 ? `${h}h ${m}m` : `${m}m`;
}

/** `GET /analytics/overview` and `GET /analytics/ratings`: Plaudit's own figures under RatingsRise's names. */
export function registerAnalytics(app: Hono<AppEnv>, deps: AppDeps) {
  const targetOf = (c: Context<AppEnv>, businessId: string | undefined) => {
    const organizationId = orgIdOf(c);
    if (businessId && !businessBelongsTo(deps.db, organizationId, businessId)) throw notFound('business');
    return { organizationId, businessId };
  };

  app.get('/analytics/overview', requireScopes('analytics:read'), (c) => {
    const { businessId } = parseInput(overviewQuery, c.req.query());
    const o = analyticsOverview(deps.db, targetOf(c, businessId), deps.clock());
    return c.json(
      {
        businessId: businessId ?? null,
        period: 'all_time',
        metrics: {
          totalReviews: o.totalReviews,
          averageRating: o.averageRating,
          responseRate: o.responseRate,
          averageResponseTime: formatDuration(o.averageResponseTimeHours),
          totalRequestsSent: o.requestsSent,
          requestConversionRate: o.requestConversionRate,
          sentimentBreakdown: o.sentimentBreakdown,
          platformBreakdown: o.platformBreakdown,
          reviewsThisMonth: o.reviewsThisMonth,
          ratingChangeThisMonth: o.ratingChangeThisMonth,
        },
      },
      200,
    );
  });

  app.get('/analytics/ratings', requireScopes('analytics:read'), (c) => {
    const { businessId, months } = parseInput(ratingsQuery, c.req.query());
    const series = monthlyRatings(deps.db, targetOf(c, businessId), deps.clock(), months);
    return c.json(
      {
        businessId: businessId ?? null,
        months,
        data: series.map((m) => ({ month: m.month, averageRating: m.averageRating, reviewCount: m.count })),
      },
      200,
    );
  });
}
