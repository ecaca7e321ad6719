import { serveUntilSignal } from './cli/serve';
import { ConfigError, loadConfig } from './config';

/**
 * Process entry (`npm start`): config → store → HTTP; SIGTERM/SIGINT finish in-flight requests and close
 * the database. A start-up failure (bad variable, port in use, newer schema …) is one line and exit 1.
 */
async function main() {
  try {
    await serveUntilSignal(loadConfig());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`plaudit: ${error instanceof ConfigError ? '' : 'cannot start: '}${message}\n`);
    process.exit(1);
  }
}

await main();
