import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { sha256 } from '../domain/ids';
import { type AuditOutcome, recordAudit } from '../store/audit-log';
import type { McpContext } from './context';

/** Arguments as a stable digest: keys sorted, so the same call always digests the same. */
export function argsDigest(args: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  };
  return sha256(JSON.stringify(canonical(args ?? {})));
}

/** Writes one tool call to the audit log. */
export function audit(
  ctx: McpContext,
  tool: string,
  args: unknown,
  outcome: AuditOutcome,
  error: string | null = null,
): void {
  recordAudit(ctx.deps.db, ctx.deps.clock, {
    organizationId: ctx.auth.organizationId,
    keyId: ctx.auth.keyId,
    tool,
    argsDigest: argsDigest(args),
    outcome,
    error: error?.slice(0, 500) ?? null,
    correlationId: ctx.correlationId,
  });
}

type CallHandler = (
  request: { params: { name: string; arguments?: unknown } },
  extra: unknown,
) => Promise<{
  isError?: boolean;
  content?: Array<{ text?: string }>;
}>;

/**
 * Audits the calls that never reach a tool: the SDK answers an unknown tool or arguments that fail the
 * schema itself, before any handler of ours runs. It keeps its handlers in a private map, so we wrap
 * the one for `tools/call` there; `audited` holds the calls the tools already logged.
 */
export function auditRejectedCalls(server: McpServer, ctx: McpContext, audited: WeakSet<object>): void {
  const handlers = (server.server as unknown as { _requestHandlers?: Map<string, CallHandler> })
    ._requestHandlers;
  const original = handlers?.get('tools/call');
  if (!handlers || !original) return;
  handlers.set('tools/call', async function auditedCall(request, extra) {
    const result = await original(request, extra);
    if (result.isError && !audited.has(extra as object)) {
      audit(ctx, request.params.name, request.params.arguments, 'error', result.content?.[0]?.text ?? null);
    }
    return result;
  });
}
