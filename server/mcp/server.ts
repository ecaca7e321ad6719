import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { auditRejectedCalls } from './audit';
import { registerBusinessTools } from './business-tools';
import type { McpContext } from './context';
import { registerFeedbackTools } from './feedback-tools';
import { registerMetricsTools } from './metrics-tools';
import { registerPrompts } from './prompts';
import { registerRequestTools } from './requests-tools';
import { registerResources } from './resources';
import { registerReviewTools } from './reviews-tools';

/** The MCP server for one caller: every tool, resource and prompt acts with that key's scopes and organization. */
export function buildMcpServer(ctx: McpContext): McpServer {
  const server = new McpServer(
    { name: 'plaudit', version: '1.0.0' },
    {
      instructions:
        'Plaudit holds the reviews, private feedback and review requests of this organization. Personal data ' +
        'is redacted unless the key holds pii:read. draft_reply and send_review_request create pending ' +
        'actions a person approves unless the key holds actions:direct. Every call is audited.',
    },
  );
  const audited = new WeakSet<object>();
  registerBusinessTools(server, ctx, audited);
  registerReviewTools(server, ctx, audited);
  registerFeedbackTools(server, ctx, audited);
  registerRequestTools(server, ctx, audited);
  registerMetricsTools(server, ctx, audited);
  registerResources(server, ctx);
  registerPrompts(server);
  auditRejectedCalls(server, ctx, audited);
  return server;
}
