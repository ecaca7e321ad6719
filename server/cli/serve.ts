import type { Command } from 'commander';
import type { Config } from '../config';
import { createLogger } from '../logger';
import { SchemaTooNewError } from '../store/migrate';
import { CliError, cliConfig } from './context';

/** How long in-flight requests get to finish after SIGTERM/SIGINT before the process gives up (exit 1). */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Serves until SIGTERM or SIGINT, then stops accepting connections, lets in-flight requests finish,
 * closes the database (checkpointing the WAL) and exits 0. Used by `plaudit serve` and `server/main.ts`.
 */
export async function serveUntilSignal(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  // Loaded here, not at the top: the HTTP app is only needed by this command.
  const { startServer } = await import('../server');
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(config, logger);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof SchemaTooNewError) throw new CliError(error.message);
    if (code === 'EADDRINUSE')
      throw new CliError(`Port ${config.port} on ${config.host} is already in use (set PORT)`);
    if (code === 'EACCES')
      throw new CliError(`Not allowed to listen on ${config.host}:${config.port} (set PORT)`);
    throw error;
  }
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    running.close().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/** `plaudit serve`: the HTTP server, as `npm start` runs it. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP server (creates and migrates the database on first run)')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('--host <host>', 'interface to bind (overrides HOST)')
    .addHelpText('after', '\nExample:\n  plaudit serve --port 8080\n')
    .action(async (options: { port?: string; host?: string }, command: Command) => {
      const overrides = { PORT: options.port ?? process.env.PORT, HOST: options.host ?? process.env.HOST };
      await serveUntilSignal(cliConfig(command, overrides));
    });
}
