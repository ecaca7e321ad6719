import { CliError } from './cli/context';
import { serveUntilSignal } from './cli/serve';
import { ConfigError, loadConfig } from './config';

/** Process entry: config → store → HTTP; SIGTERM/SIGINT finish in-flight requests and close the database. */
async function main() {
  try {
    await serveUntilSignal(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError || error instanceof CliError) {
      process.stderr.write(`plaudit: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

await main();
