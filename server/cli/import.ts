import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { type Command, Option } from 'commander';
import { systemClock } from '../domain/clock';
import { parseReviewCsv, validateImportRows } from '../domain/review-import';
import { getPublicBusiness } from '../store/businesses';
import type { Db } from '../store/db';
import { type ImportOutcome, type ImportRow, importReviews } from '../store/review-writes';
import { CliError, withDb } from './context';
import { printable, say } from './output';
import { progressBar } from './progress';

/** Rows per transaction: small enough to show progress and let the server write in between. */
const CHUNK = 200;

type ImportOptions = { business: string; format?: 'csv' | 'json' };
type RowError = { row: number; errors: Record<string, string> };

/** The file's rows: a CSV document with a header row, or a JSON array of review objects. */
function readRows(file: string, format: 'csv' | 'json' | undefined): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${printable(file)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const kind = format ?? (extname(file).toLowerCase() === '.json' ? 'json' : 'csv');
  if (kind === 'csv') {
    try {
      return parseReviewCsv(text);
    } catch (error) {
      throw new CliError(`${printable(file)} is not valid CSV: ${printable((error as Error).message)}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${printable(file)} is not valid JSON: ${printable((error as Error).message)}`);
  }
  if (!Array.isArray(json)) throw new CliError(`${printable(file)} must hold a JSON array of reviews`);
  return json;
}

/** Validates every row, then imports the good ones chunk by chunk under a progress bar. */
function importFile(
  db: Db,
  file: string,
  options: ImportOptions,
): { outcome: ImportOutcome; errors: RowError[] } {
  const business = getPublicBusiness(db, options.business);
  if (!business)
    throw new CliError(`No active business ${printable(options.business)} (see \`plaudit businesses list\`)`);
  const { valid, errors } = validateImportRows(readRows(file, options.format));
  const good: ImportRow[] = [];
  for (const { row, input } of valid) {
    if (input.businessId && input.businessId !== business.id) {
      errors.push({ row, errors: { businessId: `differs from --business ${business.id}` } });
    } else {
      good.push({ ...input, businessId: business.id });
    }
  }
  errors.sort((a, b) => a.row - b.row);

  const outcome: ImportOutcome = { created: 0, updated: 0, skipped: 0 };
  const bar = progressBar(good.length, 'rows');
  bar.update(0);
  for (let start = 0; start < good.length; start += CHUNK) {
    const done = importReviews(db, systemClock, business.organizationId, good.slice(start, start + CHUNK));
    outcome.created += done.created;
    outcome.updated += done.updated;
    outcome.skipped += done.skipped;
    bar.update(Math.min(start + CHUNK, good.length));
  }
  bar.finish();
  return { outcome, errors };
}

/** `plaudit import <file> --business <id>`: reviews from CSV or JSON, idempotent on source + externalId. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import reviews from a CSV or JSON file into a business (re-running it is safe)')
    .argument('<file>', 'a .csv file with a header row, or a .json array')
    .requiredOption('-b, --business <id>', 'the business the reviews belong to')
    .addOption(new Option('--format <format>', 'default: from the file extension').choices(['csv', 'json']))
    .addHelpText(
      'after',
      '\nEach row needs source, externalId, rating (1-5) and authorName; optional: title, content, publishedAt,\n' +
        'url, authorAvatarUrl, reply, showOnWidget, hidden, verified, tags (separated by ;). A row with the same\n' +
        'source and externalId as a stored review updates it. Bad rows are listed and the good ones imported;\n' +
        'the exit code is then 2.\n\n' +
        'Example:\n  plaudit import google-reviews.csv --business biz_3kTz9QwErTyUiOpA\n',
    )
    .action((file: string, options: ImportOptions, command: Command) =>
      withDb(command, (db) => {
        const { outcome, errors } = importFile(db, file, options);
        for (const { row, errors: fields } of errors) {
          const reasons = Object.entries(fields).map(([field, message]) => `${field}: ${message}`);
          process.stderr.write(`row ${row}: ${printable(reasons.join('; '))}\n`);
        }
        say(
          `Imported ${printable(file)}: ${outcome.created} created, ${outcome.updated} updated, ` +
            `${outcome.skipped} unchanged, ${errors.length} rejected.`,
        );
        if (errors.length) {
          throw new CliError(
            `${errors.length} row${errors.length === 1 ? '' : 's'} rejected (listed above)`,
            2,
          );
        }
      }),
    );
}
