import { createRoute, z } from '@hono/zod-openapi';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { pageWindow, paginated, paginatedSchema, paginationQuery } from '../http/pagination';
import { newRouter } from '../http/router';
import { listAudit } from '../store/audit-log';
import { errorResponses, jsonResponse, security } from './common-schemas';
import { dateBounds, dateRangeQuery, rangeInOrder, rangeInOrderMessage } from './date-range-schemas';

const OUTCOMES = ['ok', 'pending', 'error', 'denied'] as const;

const entrySchema = z
  .object({
    id: z.string(),
    organizationId: z.string().nullable(),
    keyId: z.string().nullable(),
    tool: z.string().openapi({ example: 'draft_reply' }),
    argsDigest: z
      .string()
      .openapi({ description: 'SHA-256 (hex) of the arguments as JSON with sorted keys' }),
    outcome: z.enum(OUTCOMES).openapi({
      description: 'ok; pending (a pending action was created); error (bad input or refused); denied (scope)',
    }),
    error: z.string().nullable(),
    correlationId: z.string().nullable().openapi({ description: 'The caller’s X-Correlation-Id' }),
    createdAt: z.string(),
  })
  .openapi('AuditEntry');

/** `GET /audit-log`: every MCP tool call of the organization, newest first. */
export function auditLogApi(deps: AppDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/audit-log',
      tags: ['Audit log'],
      security,
      summary: 'List MCP tool calls',
      description:
        'One entry per tool call: time, key, tool, a digest of the arguments, outcome, correlation id.',
      middleware: [requireScope('keys:admin')],
      request: {
        query: paginationQuery
          .extend({
            tool: z.string().max(64).optional(),
            keyId: z.string().max(64).optional(),
            outcome: z.enum(OUTCOMES).optional(),
            ...dateRangeQuery('createdAt'),
          })
          .refine(rangeInOrder, rangeInOrderMessage),
      },
      responses: { 200: jsonResponse(paginatedSchema(entrySchema), 'Audit entries'), ...errorResponses },
    }),
    (c) => {
      const { page, perPage, dateFrom, dateTo, ...filter } = c.req.valid('query');
      const { from, before } = dateBounds({ dateFrom, dateTo });
      const { items, total } = listAudit(
        deps.db,
        orgIdOf(c),
        { ...filter, from, before },
        pageWindow({ page, perPage }),
      );
      return c.json(paginated(items, total, { page, perPage }), 200);
    },
  );
  return app;
}
