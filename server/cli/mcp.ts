import type { Command } from 'commander';
import { pino } from 'pino';
import { systemClock } from '../domain/clock';
import type { AuthContext } from '../http/context';
import { createLogger } from '../logger';
import { buildMcpServer } from '../mcp/server';
import { findApiKeyBySecret } from '../store/api-keys';
import { getOrganization } from '../store/organizations';
import { CliError, withDb } from './context';

/** The key's auth context, resolved as the `/api/v1` gate resolves a Bearer key. */
function authOfKey(
  db: Parameters<typeof findApiKeyBySecret>[0],
  secret: string,
  organization?: string,
): AuthContext {
  if (!/^sk_(live|test)_[A-Za-z0-9]+$/.test(secret))
    throw new CliError('Malformed API key (sk_live_… or sk_test_…)');
  const key = findApiKeyBySecret(db, secret);
  if (!key || key.revokedAt) throw new CliError('Invalid or revoked API key');
  let organizationId = key.organizationId;
  if (key.organizationId === null && organization) {
    if (!getOrganization(db, organization)) throw new CliError(`No organization ${organization}`);
    organizationId = organization;
  }
  return {
    keyId: key.id,
    userId: null,
    sessionId: null,
    isAdmin: key.organizationId === null,
    organizationId,
    scopes: key.scopes,
    mode: key.mode,
  };
}

/** `plaudit mcp`: the MCP tools over stdio for a local client, acting as one API key. */
export function registerMcp(program: Command): void {
  program
    .command('mcp')
    .description('Serve the MCP tools over stdio (for Claude Desktop and other local MCP clients)')
    .option('--key <secret>', 'the API key the tools act as (default: PLAUDIT_API_KEY)')
    .option('--organization <id>', 'with an admin key: the organization to act in')
    .addHelpText('after', '\nExample: PLAUDIT_API_KEY=sk_live_… plaudit mcp --data-dir /var/lib/plaudit\n')
    .action(async (options: { key?: string; organization?: string }, command: Command) => {
      const secret = options.key ?? process.env.PLAUDIT_API_KEY;
      if (!secret) throw new CliError('Give the API key with --key or PLAUDIT_API_KEY');
      // Dynamic: only this command needs the transport.
      const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
      await withDb(command, async (db, config) => {
        const auth = authOfKey(db, secret, options.organization);
        // stdout carries the protocol: logs go to stderr.
        const logger = createLogger(config.logLevel, pino.destination(2));
        const server = buildMcpServer({
          deps: { db, config, logger, clock: systemClock },
          auth,
          correlationId: null,
        });
        const transport = new StdioServerTransport();
        const closed = new Promise<void>((done) => {
          transport.onclose = () => done();
          process.stdin.once('end', () => done());
        });
        await server.connect(transport);
        await closed;
        await server.close();
      });
    });
}
