import type { Command } from 'commander';
import { systemClock } from '../domain/clock';
import type { Db } from '../store/db';
import {
  createOrganization,
  getOrganization,
  listOrganizations,
  type Organization,
} from '../store/organizations';
import { CliError, withDb } from './context';
import { printable, say, sayJson, table } from './output';

/** Every organization, oldest first. */
export function allOrganizations(db: Db): Organization[] {
  return listOrganizations(db, { limit: -1, offset: 0 }).items;
}

/** The organization with this id, or a one-line error naming it. */
export function requireOrganization(db: Db, id: string): Organization {
  const organization = getOrganization(db, id);
  if (!organization)
    throw new CliError(`No organization ${printable(id)} (list them with \`plaudit orgs list\`)`);
  return organization;
}

/** `plaudit orgs create|list`: the tenants that own businesses and keys. */
export function registerOrganizations(program: Command): void {
  const orgs = program.command('orgs').alias('organizations').description('create and list organizations');
  orgs
    .command('create')
    .description('create an organization')
    .requiredOption('--name <name>', 'its name')
    .addHelpText('after', '\nExample:\n  plaudit orgs create --name "Joe\'s Coffee Group"\n')
    .action((options: { name: string }, command: Command) =>
      withDb(command, (db) => {
        const name = options.name.trim();
        if (!name || name.length > 200) throw new CliError('--name: must be 1 to 200 characters');
        const organization = createOrganization(db, systemClock, { name });
        say(`Created ${organization.id} "${printable(organization.name)}".`);
      }),
    );
  orgs
    .command('list')
    .description('list organizations')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  plaudit orgs list --json\n')
    .action((options: { json?: boolean }, command: Command) =>
      withDb(command, (db) => {
        const items = allOrganizations(db);
        if (options.json) return sayJson(items);
        if (!items.length) return say('No organizations.');
        say(
          table(
            ['ID', 'CREATED', 'NAME'],
            items.map((o) => [o.id, o.createdAt, o.name]),
          ),
        );
      }),
    );
}
