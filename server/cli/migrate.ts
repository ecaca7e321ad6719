import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { databasePath } from '../config';
import { migrate, SchemaTooNewError } from '../store/migrate';
import { CliError, cliConfig } from './context';
import { printable, say } from './output';

/** `plaudit migrate`: applies pending migrations and prints the schema version before and after. */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (the server also does this at start)')
    .addHelpText(
      'after',
      '\nExample:\n  plaudit migrate        # → "Schema version 1 → 2 (1 migration applied)"\n',
    )
    .action((_options: unknown, command: Command) => {
      const path = databasePath(cliConfig(command));
      if (!existsSync(path))
        throw new CliError(`No database at ${printable(path)}; run \`plaudit init\` first`);
      // Opened directly, not through openDb, which would migrate before we could read the version.
      const db = new Database(path, { fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
        const { from, to } = migrate(db);
        const applied = to - from;
        say(
          applied
            ? `Schema version ${from} → ${to} (${applied} migration${applied === 1 ? '' : 's'} applied)`
            : `Schema version ${to}: up to date`,
        );
      } catch (error) {
        if (error instanceof SchemaTooNewError) throw new CliError(error.message);
        throw error;
      } finally {
        db.close();
      }
    });
}
