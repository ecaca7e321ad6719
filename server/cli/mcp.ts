import type { Command } from 'commander';
import { pino } from 'pino';
import { systemClock } from '../domain/clock';
import { resolveApiKey } from '../http/auth';
import type { AuthContext } from '../http/context';
import { createLogger } from '../logger';
import { buildMcpServer } from '../mcp/server';
import type { Db } from '../store/db';
import { CliError, withDb } from './context';

/** The key's auth context, resolved by the `/api/v1` gate's own `resolveApiKey`, as a CLI error when refused. */
function authOfKey(db: Db, secret: string, organization?: string): AuthContext {
  const resolved = resolveApiKey({ db, clock: systemClock }, secret, organization);
  if (resolved === 'malformed') throw new CliError('Malformed API key (sk_live_… or sk_test_…)');
  if (resolved === 'invalid') throw new CliError('Invalid or revoked API key');
  if (resolved === 'unknown_organization') throw new CliError(`No organization ${organization}`);
  return resolved;
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
