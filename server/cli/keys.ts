import { type Command, Option } from 'commander';
import { z } from 'zod';
import { systemClock } from '../domain/clock';
import { DEFAULT_SCOPES, SCOPES, type Scope } from '../domain/scopes';
import { type ApiKey, createApiKey, listApiKeys, revokeApiKey } from '../store/api-keys';
import type { Db } from '../store/db';
import { CliError, withDb } from './context';
import { allOrganizations, requireOrganization } from './organizations';
import { say, sayJson, table } from './output';
import { oneLine } from './validation';

const createOptions = z
  .object({
    org: z.string().optional(),
    admin: z.boolean().optional(),
    name: z.string().trim().min(1).max(100),
    mode: z.enum(['live', 'test']),
    scopes: z
      .string()
      .transform((text, ctx): Scope[] => {
        const list = text
          .split(',')
          .map((scope) => scope.trim())
          .filter(Boolean);
        const unknown = list.filter((scope) => !(SCOPES as readonly string[]).includes(scope));
        if (!list.length) ctx.addIssue({ code: 'custom', message: 'give at least one scope' });
        if (unknown.length) {
          ctx.addIssue({
            code: 'custom',
            message: `unknown scope ${unknown.join(', ')} (scopes: ${SCOPES.join(', ')})`,
          });
        }
        return list as Scope[];
      })
      .optional(),
  })
  .refine((o) => !!o.org !== !!o.admin, {
    message: 'give exactly one of --org <id> or --admin',
    path: ['org'],
  });

/** Every key: the admin keys, then each organization's. */
function allKeys(db: Db): ApiKey[] {
  const owners = [null, ...allOrganizations(db).map((org) => org.id)];
  return owners.flatMap((owner) => listApiKeys(db, owner, { limit: -1, offset: 0 }).items);
}

const keyRow = (key: ApiKey) => [
  key.id,
  key.organizationId ?? '(admin)',
  key.name,
  `${key.prefix}…`,
  key.mode,
  key.organizationId ? key.scopes.join(',') : '(all)',
  key.lastUsedAt ?? '-',
  key.revokedAt ? `revoked ${key.revokedAt}` : 'active',
];

/** `plaudit keys create|list|revoke`. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage API keys (secrets are shown once, at creation)');

  keys
    .command('create')
    .description('create an API key and print its secret once')
    .option('--org <id>', 'the organization the key belongs to')
    .option('--admin', 'create an admin key (manages every organization)')
    .requiredOption('--name <name>', 'a label to recognise the key by')
    .addOption(
      new Option('--mode <mode>', 'live, or test (sandbox: never sends a real message)')
        .choices(['live', 'test'])
        .default('live'),
    )
    .option(
      '--scopes <list>',
      `comma-separated scopes (default: all but keys:admin); one of ${SCOPES.join(', ')}`,
    )
    .addHelpText(
      'after',
      '\nExamples:\n  plaudit keys create --org org_… --name "Website" --scopes reviews:read,businesses:read\n  plaudit keys create --admin --name "ops"\n',
    )
    .action((raw: Record<string, unknown>, command: Command) =>
      withDb(command, (db) => {
        const parsed = createOptions.safeParse(raw);
        if (!parsed.success) throw new CliError(oneLine(parsed.error));
        const options = parsed.data;
        if (options.org) requireOrganization(db, options.org);
        const organizationId = options.org ?? null;
        const scopes = organizationId ? (options.scopes ?? DEFAULT_SCOPES) : [...SCOPES];
        const { key, secret } = createApiKey(db, systemClock, {
          organizationId,
          name: options.name,
          mode: options.mode,
          scopes,
        });
        say(`Created ${key.id} (${key.mode}${organizationId ? ` for ${organizationId}` : ', admin'}).`);
        say('\n  Secret (shown once, store it now):\n');
        say(`    ${secret}\n`);
      }),
    );

  keys
    .command('list')
    .description('list API keys (never their secrets)')
    .option('--org <id>', 'only this organization’s keys')
    .option('--admin', 'only the admin keys')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  plaudit keys list --org org_…\n')
    .action((options: { org?: string; admin?: boolean; json?: boolean }, command: Command) =>
      withDb(command, (db) => {
        if (options.org) requireOrganization(db, options.org);
        const items =
          options.org || options.admin
            ? listApiKeys(db, options.org ?? null, { limit: -1, offset: 0 }).items
            : allKeys(db);
        if (options.json) return sayJson(items);
        if (!items.length) return say('No keys.');
        say(
          table(
            ['ID', 'ORGANIZATION', 'NAME', 'PREFIX', 'MODE', 'SCOPES', 'LAST USED', 'STATUS'],
            items.map(keyRow),
          ),
        );
      }),
    );

  keys
    .command('revoke')
    .description('revoke an API key: it answers 401 from then on')
    .argument('<id>', 'the key id (key_…)')
    .addHelpText('after', '\nExample:\n  plaudit keys revoke key_3kTz9QwErTyUiOpA\n')
    .action((id: string, _options: unknown, command: Command) =>
      withDb(command, (db) => {
        const key = allKeys(db).find((k) => k.id === id);
        if (!key) throw new CliError(`No API key ${id}`);
        if (key.revokedAt) return say(`${id} was already revoked at ${key.revokedAt}.`);
        const revoked = revokeApiKey(db, systemClock, key.organizationId, id)!;
        say(`Revoked ${revoked.id} at ${revoked.revokedAt}.`);
        if (!key.organizationId && !hasOtherAdmin(db, id)) {
          process.stderr.write(
            'Note: no active admin key is left; the next `plaudit init` or server start creates one.\n',
          );
        }
      }),
    );
}

const hasOtherAdmin = (db: Db, except: string) =>
  listApiKeys(db, null, { limit: -1, offset: 0 }).items.some((k) => k.id !== except && !k.revokedAt);
