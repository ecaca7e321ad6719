import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';
import { SchemaTooNewError } from './store/migrate';

/** Process entry: config → store → HTTP; SIGTERM/SIGINT finish in-flight requests and close the database. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`plaudit: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  try {
    const running = await startServer(config, logger);
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      running.close().then(() => process.exit(0));
      setTimeout(() => process.exit(1), 10_000).unref();
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  } catch (error) {
    if (error instanceof SchemaTooNewError || (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`plaudit: ${(error as Error).message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

await main();
