import { randomBytes } from 'node:crypto';
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { systemClock } from '../domain/clock';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from '../domain/passwords';
import { ROLES } from '../domain/roles';
import { createAuthToken, expireResetTokens } from '../store/auth-tokens';
import type { Db } from '../store/db';
import { accountBucket, clearLoginFailures } from '../store/login-attempts';
import { membershipsOf, upsertMembership } from '../store/memberships';
import { deleteOtherSessions } from '../store/sessions';
import { createUser, findUserByEmail, listUsers, setUserPassword } from '../store/users';
import { CliError, withDb } from './context';
import { requireOrganization } from './organizations';
import { printable, say, sayJson, table } from './output';
import { oneLine } from './validation';

// A link an operator hands over by hand may take a while to reach the person: a day, not the hour of an
// emailed reset.
const HANDED_LINK_TTL_MS = 24 * 3_600_000;

const passwordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
const createOptions = z
  .object({
    email: z.email().max(254),
    name: z.string().trim().min(1).max(100),
    org: z.string().optional(),
    role: z.enum(ROLES).optional(),
    instanceAdmin: z.boolean().optional(),
    password: passwordSchema.optional(),
    passwordStdin: z.boolean().optional(),
  })
  .refine((o) => !o.role || o.org, { message: 'give --org with --role', path: ['role'] });

/** The password from `--password`, or the first line of stdin with `--password-stdin`. */
async function passwordFrom(options: {
  password?: string;
  passwordStdin?: boolean;
}): Promise<string | undefined> {
  if (options.password !== undefined) return options.password;
  if (!options.passwordStdin) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new CliError(`The password must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters`);
  return checked.data;
}

/** A single-use link to choose a password, for the operator to hand over. */
function setPasswordLink(db: Db, publicUrl: string, userId: string): string {
  const { token } = createAuthToken(db, systemClock, { purpose: 'reset', ttlMs: HANDED_LINK_TTL_MS, userId });
  return `${publicUrl}/dashboard/reset?token=${token}`;
}

const memberships = (db: Db, userId: string) =>
  membershipsOf(db, userId)
    .map((m) => `${m.organizationId}:${m.role}`)
    .join(',') || '-';

/** `plaudit users create|list|reset-password`: people who sign in to the dashboard. */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('manage the people who sign in (dashboard accounts)');

  users
    .command('create')
    .description('create a person; without a password, print a link for them to choose one')
    .requiredOption('--email <email>', 'their email (unique, any case)')
    .requiredOption('--name <name>', 'their name')
    .option('--org <id>', 'an organization to make them a member of')
    .addOption(new Option('--role <role>', 'their role in --org (default owner)').choices([...ROLES]))
    .option('--instance-admin', 'let them manage every organization (like the admin key)')
    .option('--password <password>', 'their password (visible to other users of this machine: prefer stdin)')
    .option('--password-stdin', 'read the password from the first line of stdin')
    .addHelpText(
      'after',
      '\nExamples:\n  plaudit users create --email ana@example.com --name Ana --org org_… --role manager\n' +
        '  echo "$PASSWORD" | plaudit users create --email me@example.com --name Me --instance-admin --password-stdin\n',
    )
    .action((raw: Record<string, unknown>, command: Command) =>
      withDb(command, async (db, config) => {
        const parsed = createOptions.safeParse(raw);
        if (!parsed.success) throw new CliError(oneLine(parsed.error));
        const options = parsed.data;
        if (options.org) requireOrganization(db, options.org);
        if (findUserByEmail(db, options.email))
          throw new CliError(`A user with email ${options.email} already exists`);
        const password = await passwordFrom(options);
        // Without a password the account gets a random one nobody knows, and the link below replaces it.
        const passwordHash = await hashPassword(password ?? randomBytes(32).toString('base64url'));
        const { user, link } = db.transaction(() => {
          const created = createUser(db, systemClock, {
            email: options.email,
            name: options.name,
            passwordHash,
            instanceAdmin: options.instanceAdmin,
          });
          if (options.org)
            upsertMembership(db, systemClock, created.id, options.org, options.role ?? 'owner');
          return {
            user: created,
            link: password ? undefined : setPasswordLink(db, config.publicUrl, created.id),
          };
        })();
        say(`Created ${user.id} (${printable(user.email)}${user.instanceAdmin ? ', instance admin' : ''}).`);
        if (link) say(`Choose a password (single use, 24 h): ${link}`);
      }),
    );

  users
    .command('list')
    .description('list people and their organizations')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  plaudit users list --json\n')
    .action((options: { json?: boolean }, command: Command) =>
      withDb(command, (db) => {
        const items = listUsers(db).map((user) => ({ ...user, memberships: membershipsOf(db, user.id) }));
        if (options.json) return sayJson(items);
        if (!items.length) return say('No users.');
        say(
          table(
            ['ID', 'EMAIL', 'NAME', 'ADMIN', 'MEMBERSHIPS', 'CREATED'],
            items.map((u) => [
              u.id,
              u.email,
              u.name,
              u.instanceAdmin ? 'yes' : '-',
              memberships(db, u.id),
              u.createdAt,
            ]),
          ),
        );
      }),
    );

  users
    .command('reset-password')
    .description('print a link to choose a new password, or set one read from stdin (ends their sessions)')
    .requiredOption('--email <email>', 'the person’s email')
    .option('--password-stdin', 'set the password from the first line of stdin instead of printing a link')
    .addHelpText('after', '\nExample:\n  plaudit users reset-password --email ana@example.com\n')
    .action((options: { email: string; passwordStdin?: boolean }, command: Command) =>
      withDb(command, async (db, config) => {
        const user = findUserByEmail(db, options.email);
        if (!user) throw new CliError(`No user with email ${options.email}`);
        const password = await passwordFrom(options);
        if (!password) {
          say(`Choose a new password (single use, 24 h): ${setPasswordLink(db, config.publicUrl, user.id)}`);
          return;
        }
        const passwordHash = await hashPassword(password);
        db.transaction(() => {
          setUserPassword(db, systemClock, user.id, passwordHash);
          expireResetTokens(db, systemClock, user.id);
          deleteOtherSessions(db, user.id, null);
          clearLoginFailures(db, accountBucket(user.email));
        })();
        say(`Password of ${printable(user.email)} changed; their sessions have ended.`);
      }),
    );
}
