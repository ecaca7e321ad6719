import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { Hono, type MiddlewareHandler } from 'hono';
import { apiKeyAuth, presentedSecret } from '../http/auth';
import type { AppDeps, AppEnv } from '../http/context';
import { ApiError } from '../http/errors';
import { requestHeader } from '../http/request-header';
import { buildMcpServer } from './server';

/**
 * `/mcp`: MCP over Streamable HTTP, stateless. Each POST builds a server for the calling key and a transport
 * without sessions that answers in JSON: every call carries its own key, so there is no session to keep,
 * nothing to share between processes, and a revoked key stops working on its next call. GET (a server
 * stream) and DELETE (ending a session) have nothing to serve here and answer 405, as the spec allows.
 */
export function mcpRoutes(deps: AppDeps, keyRateLimit: MiddlewareHandler) {
  const app = new Hono<AppEnv>();
  const gate = apiKeyAuth(deps);
  app.use('/mcp', async function mcpKeyOnly(c, next) {
    // API keys only: a browser session must not drive an assistant, and cookies would invite CSRF.
    if (!presentedSecret(c)) {
      throw new ApiError('UNAUTHORIZED', 'Missing API key: send Authorization: Bearer sk_…', undefined, {
        'WWW-Authenticate': 'Bearer realm="plaudit"',
      });
    }
    return gate(c, async () => {
      await keyRateLimit(c, next);
    });
  });
  app.on(['GET', 'DELETE'], '/mcp', (c) =>
    c.json(
      {
        jsonrpc: '2.0',
        error: { code: -32000, message: 'Method not allowed: this server is stateless; POST JSON-RPC' },
        id: null,
      },
      405,
      {
        Allow: 'POST',
      },
    ),
  );
  app.post('/mcp', async (c) => {
    const server = buildMcpServer({
      deps,
      auth: c.get('auth'),
      correlationId: requestHeader(c, 'x-correlation-id')?.slice(0, 200) ?? null,
    });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  });
  return app;
}
