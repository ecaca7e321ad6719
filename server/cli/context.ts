import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { type Config, ConfigError, databasePath, loadConfig } from '../config';
import { type Db, openDb } from '../store/db';

/** A failure the user can act on: printed as one line on stderr, with exit code 1 unless told otherwise. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The configuration from the environment, with command-line options (`--data-dir` …) taking precedence. */
export function cliConfig(command: Command, overrides: Record<string, string | undefined> = {}): Config {
  const { dataDir } = command.optsWithGlobals<{ dataDir?: string }>();
  try {
    return loadConfig({
      ...process.env,
      PLAUDIT_DATA_DIR: dataDir ?? process.env.PLAUDIT_DATA_DIR,
      ...overrides,
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * Opens (and migrates) an existing database. Commands other than `init` and `serve` refuse to create one,
 * so a mistyped `--data-dir` is an error instead of a fresh empty database.
 */
export function openExistingDb(config: Config): Db {
  const path = databasePath(config);
  if (!existsSync(path))
    throw new CliError(`No database at ${path}; run \`plaudit init\` first (or pass --data-dir)`);
  return openDb(path);
}

/** Runs `work` with an open database and always closes it (which also checkpoints the WAL). */
export async function withDb<T>(
  command: Command,
  work: (db: Db, config: Config) => T | Promise<T>,
): Promise<T> {
  const config = cliConfig(command);
  const db = openExistingDb(config);
  try {
    return await work(db, config);
  } finally {
    db.close();
  }
}
