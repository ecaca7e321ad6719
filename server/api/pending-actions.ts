import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../http/context';
import { orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema, paginationQuery } from '../http/pagination';
import { requireAnyScope } from '../http/require-any-scope';
import { newRouter } from '../http/router';
import { carryOut } from '../mcp/actions';
import {
  decidePendingAction,
  getPendingAction,
  listPendingActions,
  type PendingAction,
} from '../store/pending-actions';
import { errorResponses, idParam, jsonResponse, security } from './common-schemas';
import { personal, withPiiNote } from './pii';

const tags = ['Pending actions'];
const params = idParam('Pending action', 'pa_0Q3kTz8mAbCdEfGhIjKlMnOp');

/** A pending review request's payload names the customer. */
const ACTION_PII = { customerName: 'name', customerEmail: 'email', customerPhone: 'phone' } as const;

const actionSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    kind: z.enum(['review_reply', 'review_request']),
    targetId: z.string().openapi({ description: 'The review replied to, or the business of the request' }),
    payload: z
      .record(z.string(), z.unknown())
      .openapi({ description: '`{reply}`, or the fields of CreateReviewRequest' }),
    sandbox: z.boolean(),
    status: z.enum(['pending', 'approved', 'rejected']),
    requestedByKeyId: z.string().nullable(),
    decidedBy: z.string().nullable().openapi({ description: 'The user or API key that decided' }),
    resultId: z
      .string()
      .nullable()
      .openapi({ description: 'The review, or the review request, approval made' }),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi('PendingAction');

const KIND_SCOPES: Record<PendingAction['kind'], string[]> = {
  review_reply: ['reviews:write', 'reviews:reply'],
  review_request: ['requests:write'],
};

/** A caller holding none of these can decide no action at all. */
const DECIDER_SCOPES = ['reviews:write', 'reviews:reply', 'requests:write'];

const DECIDER_NOTE =
  'Only a person signed in to Plaudit, the admin key, or a key holding `actions:direct` may decide, and the ' +
  'caller needs the scope the action itself needs (reviews:write or reviews:reply; requests:write).';

/** `/pending-actions`: what an assistant asked to publish or send, waiting for a person's decision. */
export function pendingActionsApi(deps: AppDeps) {
  const app = newRouter();
  const present = (c: Context<AppEnv>, action: PendingAction) => personal(c, action, ACTION_PII);

  /** The action, if the caller may decide it; an MCP key without actions:direct cannot approve itself. */
  const decidable = (c: Context<AppEnv>) => {
    const auth = c.get('auth');
    const action = getPendingAction(deps.db, orgIdOf(c), c.req.param('id') ?? '');
    if (!action) throw notFound('Pending action');
    if (!auth.isAdmin && auth.userId === null && !auth.scopes.includes('actions:direct')) {
      throw new ApiError('FORBIDDEN', 'A person, or a key holding actions:direct, must decide', {
        scope: 'requires a signed-in person or actions:direct',
      });
    }
    const needed = KIND_SCOPES[action.kind];
    if (!auth.isAdmin && !needed.some((scope) => auth.scopes.includes(scope))) {
      throw new ApiError('FORBIDDEN', `This caller lacks the ${needed.join(' or ')} scope`, {
        scope: `requires ${needed.join(' or ')}`,
      });
    }
    if (action.status !== 'pending') {
      throw new ApiError('CONFLICT', `This action was already ${action.status}`, { status: action.status });
    }
    return action;
  };
  const deciderOf = (c: Context<AppEnv>) => c.get('auth').userId ?? c.get('auth').keyId ?? 'unknown';

  app.openapi(
    createRoute({
      method: 'get',
      path: '/pending-actions',
      tags,
      security,
      summary: 'List pending actions',
      description: withPiiNote('Replies and review requests MCP clients proposed, newest first.'),
      middleware: [requireAnyScope(['reviews:read', 'requests:read'])],
      request: {
        query: paginationQuery.extend({ status: z.enum(['pending', 'approved', 'rejected']).optional() }),
      },
      responses: { 200: jsonResponse(paginatedSchema(actionSchema), 'Pending actions'), ...errorResponses },
    }),
    (c) => {
      const { page, perPage, status } = c.req.valid('query');
      const { items, total } = listPendingActions(
        deps.db,
        orgIdOf(c),
        { status },
        pageWindow({ page, perPage }),
      );
      return c.json(
        paginated(
          items.map((a) => present(c, a)),
          total,
          { page, perPage },
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/pending-actions/{id}/approve',
      tags,
      security,
      summary: 'Approve a pending action',
      description: withPiiNote(
        `Carries the action out exactly as the API would (a reply fires review.updated; a request queues its message). ${DECIDER_NOTE} A decided action answers 409.`,
      ),
      middleware: [requireAnyScope(DECIDER_SCOPES)],
      request: { params },
      responses: { 200: jsonResponse(actionSchema, 'Approved and carried out'), ...errorResponses },
    }),
    (c) => {
      const action = decidable(c);
      deps.db.transaction(() => {
        const resultId = carryOut(deps, action);
        if (
          !decidePendingAction(deps.db, deps.clock, action.organizationId, action.id, {
            status: 'approved',
            decidedBy: deciderOf(c),
            resultId,
          })
        ) {
          throw new ApiError('CONFLICT', 'This action was decided meanwhile');
        }
      })();
      return c.json(present(c, getPendingAction(deps.db, action.organizationId, action.id)!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/pending-actions/{id}/reject',
      tags,
      security,
      summary: 'Reject a pending action',
      description: withPiiNote(`Nothing is published or sent. ${DECIDER_NOTE} A decided action answers 409.`),
      middleware: [requireAnyScope(DECIDER_SCOPES)],
      request: { params },
      responses: { 200: jsonResponse(actionSchema, 'Rejected'), ...errorResponses },
    }),
    (c) => {
      const action = decidable(c);
      if (
        !decidePendingAction(deps.db, deps.clock, action.organizationId, action.id, {
          status: 'rejected',
          decidedBy: deciderOf(c),
        })
      ) {
        throw new ApiError('CONFLICT', 'This action was decided meanwhile');
      }
      return c.json(present(c, getPendingAction(deps.db, action.organizationId, action.id)!), 200);
    },
  );

  return app;
}
