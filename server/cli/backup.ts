import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError, withDb } from './context';
import { printable, say } from './output';

/**
 * `plaudit backup <file>`: a consistent copy through SQLite's online backup API while the server keeps
 * running (a file copy of a WAL database can miss or tear committed pages). It is written beside the
 * target and renamed into place, so `<file>` is never a half-written database.
 */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'write a consistent copy of the database with SQLite’s online backup API (safe while serving)',
    )
    .argument('<file>', 'where to write the backup')
    .option('-f, --force', 'overwrite the file if it exists')
    .addHelpText(
      'after',
      '\nExamples:\n  plaudit backup backups/plaudit-$(date +%F).db\n  plaudit backup /tmp/plaudit.db --force\n',
    )
    .action((file: string, options: { force?: boolean }, command: Command) =>
      withDb(command, async (db) => {
        const target = resolve(file);
        if (existsSync(target) && !options.force) {
          throw new CliError(`${printable(file)} already exists (use --force to overwrite)`);
        }
        if (!existsSync(dirname(target)))
          throw new CliError(`Directory ${printable(dirname(target))} does not exist`);
        if (resolve(db.name) === target) throw new CliError('The backup cannot overwrite the live database');
        const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
        try {
          const { totalPages } = await db.backup(partial);
          renameSync(partial, target);
          // The copy's stale sidecar files from an earlier database at this path would be applied to it.
          for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
          say(`Backed up ${totalPages} pages to ${printable(target)}`);
        } finally {
          rmSync(partial, { force: true });
        }
      }),
    );
}
