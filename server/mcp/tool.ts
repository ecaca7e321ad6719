import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { ApiError } from '../http/errors';
import { audit } from './audit';
import { holds, type McpContext } from './context';

/** What a tool answers: its data, and `pending` when a person must approve what it asked for. */
export type ToolOutcome = { data: unknown; pending?: boolean };

export type ToolDefinition<Shape extends z.ZodRawShape> = {
  name: string;
  description: string;
  /** The key must hold one of these (the admin key holds all). */
  scopes: string[];
  input: Shape;
  /** Reads are marked read-only so clients may call them without asking the user. */
  readOnly?: boolean;
  run: (args: z.infer<z.ZodObject<Shape>>) => ToolOutcome;
};

const text = (value: unknown) => JSON.stringify(value, null, 2);

/** An error result naming the fields at fault, as the API's `{error, code, details}` does. */
function errorResult(error: ApiError) {
  return {
    content: [
      {
        type: 'text' as const,
        text: text({ error: error.message, code: error.code, details: error.details ?? {} }),
      },
    ],
    isError: true,
  };
}

/**
 * Registers a tool that checks the key's scope, runs, answers JSON, and audits the call whatever happens.
 * `audited` collects the calls logged here, so the SDK-level wrapper does not log them twice.
 */
export function addTool<Shape extends z.ZodRawShape>(
  server: McpServer,
  ctx: McpContext,
  audited: WeakSet<object>,
  tool: ToolDefinition<Shape>,
): void {
  const annotations: ToolAnnotations = tool.readOnly
    ? { readOnlyHint: true, openWorldHint: false }
    : { readOnlyHint: false, destructiveHint: false, openWorldHint: false };
  server.registerTool(
    tool.name,
    { description: tool.description, inputSchema: tool.input, annotations },
    // The SDK's generics over zod 3 and 4 shapes do not narrow here; the shape it validated is ours.
    (async (args: z.infer<z.ZodObject<Shape>>, extra: object) => {
      audited.add(extra);
      if (!tool.scopes.some((scope) => holds(ctx, scope))) {
        const denied = new ApiError('FORBIDDEN', `This API key lacks the ${tool.scopes.join(' or ')} scope`, {
          scope: `requires ${tool.scopes.join(' or ')}`,
        });
        audit(ctx, tool.name, args, 'denied', denied.message);
        return errorResult(denied);
      }
      try {
        const outcome = tool.run(args);
        audit(ctx, tool.name, args, outcome.pending ? 'pending' : 'ok');
        return { content: [{ type: 'text' as const, text: text(outcome.data) }] };
      } catch (error) {
        if (error instanceof ApiError) {
          audit(ctx, tool.name, args, 'error', error.message);
          return errorResult(error);
        }
        ctx.deps.logger.error({ err: error, tool: tool.name }, 'MCP tool failed');
        audit(ctx, tool.name, args, 'error', 'internal error');
        return errorResult(new ApiError('INTERNAL_ERROR', 'The tool failed; the error was logged'));
      }
    }) as any,
  );
}
