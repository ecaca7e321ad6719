import { createRoute, z } from '@hono/zod-openapi';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema, paginationQuery } from '../http/pagination';
import { newRouter } from '../http/router';
import { type Business, businessStats, getBusiness, listBusinesses } from '../store/businesses';
import {
  businessSchema,
  businessWithStatsSchema,
  createBusinessBody,
  updateBusinessBody,
} from './business-schemas';
import { archiveBusinessFor, createBusinessFor, presentBusiness, updateBusinessFor } from './business-writes';
import { booleanQuery, errorResponses, idParam, jsonBody, jsonResponse, security } from './common-schemas';

const tags = ['Businesses'];
const params = idParam('Business', 'biz_3kTz9QwErTyUiOpA');

/** `/businesses`: a business is one location with its landing settings, gating and platform links. */
export function businessesApi(deps: AppDeps) {
  const app = newRouter();
  const present = (b: Business) => presentBusiness(deps.config.publicUrl, b);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/businesses',
      tags,
      security,
      summary: 'List businesses',
      middleware: [requireScope('businesses:read')],
      request: {
        query: paginationQuery.extend({
          archived: booleanQuery.optional().openapi({ description: 'List archived businesses instead' }),
          q: z.string().max(200).optional(),
        }),
      },
      responses: { 200: jsonResponse(paginatedSchema(businessSchema), 'Businesses'), ...errorResponses },
    }),
    (c) => {
      const query = c.req.valid('query');
      const { items, total } = listBusinesses(
        deps.db,
        orgIdOf(c),
        { archived: query.archived ?? false, q: query.q },
        pageWindow(query),
      );
      return c.json(paginated(items.map(present), total, query), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/businesses',
      tags,
      security,
      summary: 'Create a business',
      description:
        'Gating defaults to `soft`; `strict` requires `gating.acknowledgePolicyRisk: true` (DESIGN §5).',
      middleware: [requireScope('businesses:write')],
      request: { body: jsonBody(createBusinessBody) },
      responses: {
        201: jsonResponse(businessSchema, 'Created'),
        409: errorResponses[404],
        ...errorResponses,
      },
    }),
    (c) => {
      const business = createBusinessFor(deps, orgIdOf(c), c.req.valid('json'));
      return c.json(present(business), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/businesses/{id}',
      tags,
      security,
      summary: 'Get a business with its review statistics',
      middleware: [requireScope('businesses:read')],
      request: { params },
      responses: { 200: jsonResponse(businessWithStatsSchema, 'The business'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const business = getBusiness(deps.db, orgId, c.req.valid('param').id);
      if (!business) throw notFound('Business');
      return c.json({ ...present(business), ...businessStats(deps.db, orgId, business.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/businesses/{id}',
      tags,
      security,
      summary: 'Update a business',
      middleware: [requireScope('businesses:write')],
      request: { params, body: jsonBody(updateBusinessBody) },
      responses: {
        200: jsonResponse(businessSchema, 'Updated'),
        409: errorResponses[404],
        ...errorResponses,
      },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const current = getBusiness(deps.db, orgId, c.req.valid('param').id);
      if (!current) throw notFound('Business');
      return c.json(present(updateBusinessFor(deps, orgId, current, c.req.valid('json'))), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/businesses/{id}',
      tags,
      security,
      summary: 'Archive a business',
      description: 'Archiving keeps its reviews and history; its public pages and widget stop answering.',
      middleware: [requireScope('businesses:write')],
      request: { params },
      responses: { 200: jsonResponse(businessSchema, 'Archived'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const current = getBusiness(deps.db, orgId, c.req.valid('param').id);
      if (!current) throw notFound('Business');
      return c.json(present(archiveBusinessFor(deps, orgId, current)), 200);
    },
  );

  return app;
}
