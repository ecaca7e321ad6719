import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { FEEDBACK_PII } from '../api/pii';
import { notFound } from '../http/errors';
import { listFeedback, updateFeedback } from '../store/feedback';
import { type McpContext, orgOf, personal } from './context';
import { datedList, datedListInput } from './dated-list';
import { addTool } from './tool';

const id = z.string().min(1).max(64);

/** Private feedback tools: list it, resolve it. */
export function registerFeedbackTools(server: McpServer, ctx: McpContext, audited: WeakSet<object>): void {
  addTool(server, ctx, audited, {
    name: 'list_feedback',
    description:
      'List private feedback customers left on the landing pages (not public), newest first: its score, ' +
      'comments and status (new or resolved). Filter by business, status, score range and dates.',
    scopes: ['feedback:read'],
    readOnly: true,
    input: {
      ...datedListInput,
      status: z.enum(['new', 'resolved']).optional(),
      type: z.enum(['star', 'nps', 'thumbs']).optional(),
      minScore: z.number().int().min(0).max(10).optional(),
      maxScore: z.number().int().min(0).max(10).optional(),
    },
    run: (args) => datedList(ctx, args, listFeedback, (items) => personal(ctx, items, FEEDBACK_PII)),
  });

  addTool(server, ctx, audited, {
    name: 'resolve_feedback',
    description: 'Mark a piece of private feedback resolved, optionally with a follow-up note for the team.',
    scopes: ['feedback:write'],
    input: { feedbackId: id, note: z.string().max(2000).optional().describe('What was done about it') },
    run: ({ feedbackId, note }) => {
      const feedback = updateFeedback(ctx.deps.db, ctx.deps.clock, orgOf(ctx), feedbackId, {
        status: 'resolved',
        ...(note === undefined ? {} : { note }),
      });
      if (!feedback) throw notFound('Feedback');
      return { data: personal(ctx, feedback, FEEDBACK_PII) };
    },
  });
}
