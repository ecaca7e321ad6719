import { type Command, Option } from 'commander';
import { createBusinessBody } from '../api/business-schemas';
import { presentBusiness } from '../api/business-writes';
import { enqueueWebhookEvent } from '../delivery/webhook-events';
import { freeSlug, resolveBusinessFields } from '../domain/business-settings';
import { isoNow, systemClock } from '../domain/clock';
import { DomainError } from '../domain/errors';
import {
  type Business,
  businessStats,
  insertBusiness,
  isSlugTaken,
  listBusinesses,
} from '../store/businesses';
import type { Db } from '../store/db';
import { bodyOf, type CreateOptions, flagOf } from './business-options';
import { CliError, withDb } from './context';
import { allOrganizations, requireOrganization } from './organizations';
import { printable, say, sayJson, table } from './output';
import { apiErrorLine, oneLine } from './validation';

/** The slug asked for (an error if taken), or one derived from the name — the API's rule. */
function chooseSlug(db: Db, asked: string | undefined, name: string): string {
  if (asked) {
    if (isSlugTaken(db, asked)) throw new CliError(`--slug: ${asked} is already used by another business`);
    return asked;
  }
  return freeSlug(name, (slug) => isSlugTaken(db, slug));
}

function createBusiness(db: Db, publicUrl: string, options: CreateOptions): void {
  requireOrganization(db, options.org);
  const parsed = createBusinessBody.safeParse(bodyOf(options));
  if (!parsed.success) throw new CliError(oneLine(parsed.error, flagOf));
  let business: Business;
  try {
    const fields = resolveBusinessFields(parsed.data, undefined, isoNow(systemClock));
    // One transaction, so a server creating a business meanwhile cannot take the slug in between.
    business = db
      .transaction(() => {
        const slug = chooseSlug(db, parsed.data.slug, parsed.data.name);
        const created = insertBusiness(db, systemClock, options.org, { ...fields, slug });
        enqueueWebhookEvent(
          db,
          systemClock,
          options.org,
          'business.created',
          presentBusiness(publicUrl, created),
        );
        return created;
      })
      .immediate();
  } catch (error) {
    if (error instanceof DomainError) throw new CliError(apiErrorLine(error, flagOf));
    throw error;
  }
  say(`Created ${business.id} "${printable(business.name)}" in ${business.organizationId}.`);
  say(`Landing link: ${publicUrl}/b/${printable(business.slug)}`);
  for (const link of business.reviewLinks)
    say(`Review link (${printable(link.name)}): ${printable(link.url)}`);
}

/** `plaudit businesses create|list`. */
export function registerBusinesses(program: Command): void {
  const businesses = program.command('businesses').description('create and list businesses (locations)');

  businesses
    .command('create')
    .description('create a business, validated exactly as POST /api/v1/businesses')
    .requiredOption('--org <id>', 'the organization it belongs to')
    .requiredOption('--name <name>', 'display name')
    .option('--slug <slug>', 'the /b/:slug link (default: from the name)')
    .option('--address <text>')
    .option('--phone <text>')
    .option('--website <url>')
    .option('--country <code>', 'ISO 3166-1 alpha-2, e.g. GB: national phone numbers are read in it')
    .option('--timezone <tz>', 'IANA time zone, e.g. Europe/Paris (default UTC)')
    .option('--locale <tag>', 'language tag, e.g. en or pt-BR (default en)')
    .option('--brand-color <#rrggbb>')
    .option('--logo-url <https url>')
    .addOption(new Option('--gating <mode>', 'gating mode (default soft)').choices(['soft', 'off', 'strict']))
    .option('--threshold <n>', 'rating at which a customer is offered the public sites')
    .addOption(
      new Option('--scale <scale>', 'rating scale (default stars)').choices(['stars', 'nps', 'thumbs']),
    )
    .option('--acknowledge-policy-risk', 'required with --gating strict (Google, Trustpilot and FTC rules)')
    .option('--google <placeId|url>', 'Google place id or g.page/r/…/review link')
    .option('--yelp <url>', 'Yelp business page URL')
    .option('--facebook <url|page>', 'Facebook page URL or name')
    .option('--tripadvisor <url>', 'Tripadvisor page URL')
    .option('--trustpilot <domain>', 'the domain Trustpilot lists')
    .addHelpText(
      'after',
      '\nExample:\n  plaudit businesses create --org org_… --name "Joe\'s Coffee" --timezone America/New_York \\\n' +
        '    --google ChIJN1t_tDeuEmsRUsoyG83frY4 --yelp https://www.yelp.com/biz/joes-coffee-nyc\n',
    )
    .action((options: CreateOptions, command: Command) =>
      withDb(command, (db, config) => createBusiness(db, config.publicUrl, options)),
    );

  businesses
    .command('list')
    .description('list businesses with their review counts')
    .option('--org <id>', 'only this organization’s businesses')
    .option('--archived', 'list archived businesses instead')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  plaudit businesses list --org org_…\n')
    .action((options: { org?: string; archived?: boolean; json?: boolean }, command: Command) =>
      withDb(command, (db) => {
        const orgs = options.org ? [requireOrganization(db, options.org)] : allOrganizations(db);
        const items = orgs.flatMap(
          (org) =>
            listBusinesses(db, org.id, { archived: !!options.archived }, { limit: -1, offset: 0 }).items,
        );
        const rows = items.map((b) => ({ business: b, stats: businessStats(db, b.organizationId, b.id) }));
        if (options.json) return sayJson(rows.map(({ business, stats }) => ({ ...business, ...stats })));
        if (!rows.length) return say('No businesses.');
        say(
          table(
            ['ID', 'ORGANIZATION', 'SLUG', 'REVIEWS', 'AVERAGE', 'NAME'],
            rows.map(({ business: b, stats }) => [
              b.id,
              b.organizationId,
              b.slug,
              stats.totalReviews,
              stats.averageRating ?? '-',
              b.name,
            ]),
          ),
        );
      }),
    );
}
