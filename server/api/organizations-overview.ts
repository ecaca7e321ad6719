import { createRoute, z } from '@hono/zod-openapi';
import { requireAdmin } from '../http/auth';
import type { AppDeps } from '../http/context';
import { newRouter } from '../http/router';
import { monthStart } from '../store/analytics';
import { organizationsOverview } from '../store/organizations-overview';
import { errorResponses, jsonResponse, security } from './common-schemas';

export const overviewSchema = z
  .object({
    data: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        businesses: z.array(z.object({ id: z.string(), name: z.string() })),
        reviewsThisMonth: z
          .number()
          .int()
          .openapi({ description: 'Visible reviews published this UTC month' }),
        averageRating: z.number().nullable().openapi({ description: 'Over all visible reviews' }),
        openFeedback: z.number().int().openapi({ description: 'Private feedback not yet resolved' }),
      }),
    ),
  })
  .openapi('OrganizationsOverview');

/** `GET /organizations/overview`: every organization at a glance, for the instance admin (an agency). */
export function organizationsOverviewApi(deps: AppDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/organizations/overview',
      tags: ['Organizations'],
      security,
      summary: 'All organizations with their businesses and key figures (admin key or instance admin)',
      middleware: [requireAdmin()],
      responses: { 200: jsonResponse(overviewSchema, 'Every organization, by name'), ...errorResponses },
    }),
    (c) => {
      const now = deps.clock();
      const data = organizationsOverview(deps.db, { from: monthStart(now), before: monthStart(now, 1) });
      return c.json({ data }, 200);
    },
  );
  return app;
}
