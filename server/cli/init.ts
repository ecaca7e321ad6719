import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { bootstrap, firstAccountLines, firstAccountSetup } from '../bootstrap';
import { databasePath } from '../config';
import { systemClock } from '../domain/clock';
import { openDb } from '../store/db';
import { cliConfig } from './context';
import { printable, say } from './output';

/** `plaudit init`: creates the data directory and database, migrates, and makes the admin key once. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'create the data directory and database, migrate, and create the admin API key if none exists',
    )
    .option('--demo', 'seed the demo organization and business if the database has no organization')
    .option('--no-demo', 'do not seed demo data (default: PLAUDIT_DEMO, on)')
    .addHelpText(
      'after',
      '\nThe admin key is printed once, on the first run only; running init again changes nothing.\n' +
        'Set PLAUDIT_BOOTSTRAP_KEY=sk_live_… to choose the admin key instead (it is not printed).\n\n' +
        'Examples:\n  plaudit init\n  plaudit --data-dir /var/lib/plaudit init --no-demo\n',
    )
    .action((options: { demo?: boolean }, command: Command) => {
      const config = cliConfig(command);
      const path = databasePath(config);
      const existed = existsSync(path);
      const db = openDb(path);
      try {
        const from = existed ? 'existing' : 'new';
        const result = bootstrap(db, systemClock, { ...config, demo: options.demo ?? config.demo });
        const version = db.pragma('user_version', { simple: true });
        say(`Database: ${printable(path)} (${from}, schema version ${version})`);
        if (result.generatedAdminKey) {
          say('\n  Admin API key (shown once, store it now):\n');
          say(`    ${result.generatedAdminKey}\n`);
        } else if (result.adminKeyFromEnvironment) {
          say('Admin key: PLAUDIT_BOOTSTRAP_KEY (only its hash is stored)');
        } else {
          say('Admin key: already exists (not shown again; `plaudit keys create --admin` makes another)');
        }
        for (const line of firstAccountLines(firstAccountSetup(db, systemClock, config))) say(line);
        if (result.demo)
          say(
            `Demo business: ${result.demo.businessId} (${config.publicUrl}/b/${printable(result.demo.slug)})`,
          );
      } finally {
        db.close();
      }
    });
}
