import { createRoute } from '@hono/zod-openapi';
import { requireAdmin, requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { notFound } from '../http/errors';
import { newRouter } from '../http/router';
import { setOrganizationLimits } from '../store/organization-limits';
import { errorResponses, idParam, jsonBody, jsonResponse, security } from './common-schemas';
import { usageOf } from './usage-allowance';
import { limitsBody, usageSchema } from './usage-schemas';

const tags = ['Usage'];
const limitReached = {
  description:
    'A review request whose messages would exceed the monthly allowance of its channel answers 429 ' +
    '`USAGE_LIMIT_REACHED` with `Retry-After` (seconds until the renewal); nothing is queued.',
};

/** `GET /usage` (the caller's organization) and `PUT /organizations/{id}/limits` (admin key): monthly allowances. */
export function usageApi(deps: AppDeps) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/usage',
      tags,
      security,
      summary: 'Monthly message allowances of the organization and what is used of them',
      description: limitReached.description,
      middleware: [requireScope('requests:read')],
      responses: { 200: jsonResponse(usageSchema, 'Allowances and usage this period'), ...errorResponses },
    }),
    (c) => {
      const usage = usageOf(deps, orgIdOf(c));
      if (!usage) throw notFound('Organization');
      return c.json(usage, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/organizations/{id}/limits',
      tags,
      security,
      summary: 'Set an organization’s monthly message allowances (admin key)',
      description: limitReached.description,
      middleware: [requireAdmin()],
      request: { params: idParam('Organization', 'org_3kTz9QwErTyUiOpA'), body: jsonBody(limitsBody) },
      responses: { 200: jsonResponse(usageSchema, 'The new allowances and usage'), ...errorResponses },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const renewalAnchor = body.renewalAnchor && new Date(body.renewalAnchor).toISOString();
      const { businessLimit, ...monthly } = body;
      if (
        !setOrganizationLimits(deps.db, deps.clock, id, {
          ...monthly,
          renewalAnchor,
          businesses: businessLimit,
        })
      ) {
        throw notFound('Organization');
      }
      const usage = usageOf(deps, id);
      if (!usage) throw notFound('Organization');
      return c.json(usage, 200);
    },
  );

  return app;
}
