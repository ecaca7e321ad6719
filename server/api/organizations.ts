import { createRoute, z } from '@hono/zod-openapi';
import { requireAdmin } from '../http/auth';
import type { AppDeps } from '../http/context';
import { notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema, paginationQuery } from '../http/pagination';
import { newRouter } from '../http/router';
import { getOrganizationLimits } from '../store/organization-limits';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  setOrganizationPaused,
  updateOrganization,
} from '../store/organizations';
import { errorResponses, idParam, jsonBody, jsonResponse, security } from './common-schemas';
import { updateBodyOf } from './update-schema';
import { businessLimitSchema, limitsSchema } from './usage-schemas';

const tags = ['Organizations'];
const params = idParam('Organization', 'org_3kTz9QwErTyUiOpA');
const organizationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    pausedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When the organization was paused (its messages wait), or null' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Organization');
const organizationDetailSchema = organizationSchema
  .extend({
    limits: limitsSchema.openapi({ description: 'Monthly message allowances (PUT …/limits)' }),
    businessLimit: businessLimitSchema,
  })
  .openapi('OrganizationDetail');
const organizationBody = z.object({ name: z.string().trim().min(1).max(200) }).strict();

/** `/organizations`: tenants, managed with the admin key only. */
export function organizationsApi(deps: AppDeps) {
  const app = newRouter();
  const adminOnly = [requireAdmin()];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organizations',
      tags,
      security,
      summary: 'List organizations (admin key)',
      middleware: adminOnly,
      request: { query: paginationQuery },
      responses: {
        200: jsonResponse(paginatedSchema(organizationSchema), 'Organizations'),
        ...errorResponses,
      },
    }),
    (c) => {
      const query = c.req.valid('query');
      const { items, total } = listOrganizations(deps.db, pageWindow(query));
      return c.json(paginated(items, total, query), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/organizations',
      tags,
      security,
      summary: 'Create an organization (admin key)',
      middleware: adminOnly,
      request: { body: jsonBody(organizationBody) },
      responses: { 201: jsonResponse(organizationSchema, 'Created'), ...errorResponses },
    }),
    (c) => c.json(createOrganization(deps.db, deps.clock, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organizations/{id}',
      tags,
      security,
      summary: 'Get an organization (admin key)',
      middleware: adminOnly,
      request: { params },
      responses: { 200: jsonResponse(organizationDetailSchema, 'The organization'), ...errorResponses },
    }),
    (c) => {
      const organization = getOrganization(deps.db, c.req.valid('param').id);
      const limits = getOrganizationLimits(deps.db, c.req.valid('param').id);
      if (!organization || !limits) throw notFound('Organization');
      const { businesses, ...monthly } = limits;
      return c.json({ ...organization, limits: monthly, businessLimit: businesses }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/organizations/{id}',
      tags,
      security,
      summary: 'Rename an organization (admin key)',
      middleware: adminOnly,
      request: { params, body: jsonBody(updateBodyOf(organizationBody)) },
      responses: { 200: jsonResponse(organizationSchema, 'Updated'), ...errorResponses },
    }),
    (c) => {
      const organization = updateOrganization(
        deps.db,
        deps.clock,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      if (!organization) throw notFound('Organization');
      return c.json(organization, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/organizations/{id}',
      tags,
      security,
      summary: 'Delete an organization and all its data (admin key)',
      middleware: adminOnly,
      request: { params },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    (c) => {
      if (!deleteOrganization(deps.db, c.req.valid('param').id)) throw notFound('Organization');
      return c.body(null, 204);
    },
  );

  for (const action of ['pause', 'resume'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/organizations/{id}/${action}`,
        tags,
        security,
        summary:
          action === 'pause' ? 'Pause an organization (admin key)' : 'Resume an organization (admin key)',
        description:
          action === 'pause'
            ? 'A paused organization sends no messages: review requests and reminders stay queued (held, not ' +
              'lost) and go out after it resumes. Everything else keeps working: its API, dashboard, landing ' +
              'pages, cards, widget and webhooks. Pausing a paused organization keeps the first pausedAt.'
            : 'Clears pausedAt; held messages are due at once (still inside the send window); later ones keep their time.',
        middleware: adminOnly,
        request: { params },
        responses: { 200: jsonResponse(organizationSchema, 'The organization'), ...errorResponses },
      }),
      (c) => {
        const id = c.req.valid('param').id;
        const organization = setOrganizationPaused(deps.db, deps.clock, id, action === 'pause');
        if (!organization) throw notFound('Organization');
        return c.json(organization, 200);
      },
    );
  }

  return app;
}
