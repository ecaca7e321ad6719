import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { REQUEST_PII } from '../api/pii';
import { createReviewRequestFor } from '../api/review-request-create';
import { createReviewRequestBody } from '../api/review-request-schemas';
import { notFound, validationError } from '../http/errors';
import { getBusiness } from '../store/businesses';
import { createPendingAction } from '../store/pending-actions';
import { listReviewRequests } from '../store/review-request-queries';
import { getReviewRequest, type ReviewRequest } from '../store/review-requests';
import { holds, type McpContext, orgOf, personal } from './context';
import { datedList, datedListInput } from './dated-list';
import { addTool } from './tool';

/** Review request tools: list them, send one (with approval unless the key holds actions:direct). */
export function registerRequestTools(server: McpServer, ctx: McpContext, audited: WeakSet<object>): void {
  const present = (r: ReviewRequest) =>
    personal(ctx, { ...r, reviewLink: `${ctx.deps.config.publicUrl}/r/${r.code}` }, REQUEST_PII);

  addTool(server, ctx, audited, {
    name: 'list_review_requests',
    description:
      'List review requests (invitations sent to customers by email, SMS or WhatsApp), newest first, with ' +
      'their status: pending, scheduled, sent, opened, completed, failed or suppressed.',
    scopes: ['requests:read'],
    readOnly: true,
    input: {
      ...datedListInput,
      status: z
        .enum(['pending', 'scheduled', 'sent', 'opened', 'completed', 'failed', 'suppressed'])
        .optional(),
      method: z.enum(['sms', 'email', 'whatsapp']).optional(),
    },
    run: (args) => datedList(ctx, args, listReviewRequests, (items) => items.map(present)),
  });

  addTool(server, ctx, audited, {
    name: 'send_review_request',
    description:
      'Invite a customer to review a business (email needs customerEmail; sms and whatsapp need ' +
      'customerPhone). This messages a person, so unless the key holds actions:direct nothing is sent: the ' +
      'request becomes a pending action a person approves in Plaudit. The result says which happened.',
    scopes: ['requests:write'],
    input: createReviewRequestBody.shape,
    run: (args) => {
      // The shape carries the fields; the cross-field rules (email needs customerEmail …) live on the object.
      const parsed = createReviewRequestBody.safeParse(args);
      if (!parsed.success) throw validationError(parsed.error);
      const body = parsed.data;
      const orgId = orgOf(ctx);
      const sandbox = ctx.auth.mode === 'test';
      if (holds(ctx, 'actions:direct')) {
        const { requestId, deduplicated } = createReviewRequestFor(ctx.deps, orgId, body, sandbox);
        const request = getReviewRequest(ctx.deps.db, orgId, requestId)!;
        return { data: { status: 'sent', deduplicated, request: present(request) } };
      }
      if (!getBusiness(ctx.deps.db, orgId, body.businessId)) throw notFound('Business');
      const action = createPendingAction(ctx.deps.db, ctx.deps.clock, orgId, {
        kind: 'review_request',
        targetId: body.businessId,
        payload: body,
        sandbox,
        requestedByKeyId: ctx.auth.keyId,
      });
      return {
        pending: true,
        data: {
          status: 'pending',
          pendingActionId: action.id,
          message: 'A person must approve this request before any message is sent.',
        },
      };
    },
  });
}
