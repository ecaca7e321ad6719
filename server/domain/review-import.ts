import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { SOURCE_IDS } from './sources';

const httpsUrl = z.url({ protocol: /^https$/, message: 'must be an https URL' }).max(2048);

/** A date or date-time (any offset) stored as ISO 8601 UTC. */
export const isoTimestamp = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be an ISO 8601 date or date-time' })
  .transform((value) => new Date(value).toISOString());

/** The fields a caller gives for a review, shared by create and import. */
export const reviewFieldShape = {
  source: z.enum(SOURCE_IDS),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  rating: z.number().int().min(1).max(5),
  title: z.string().trim().max(200).nullable().optional(),
  content: z.string().max(10_000).optional(),
  authorName: z.string().trim().min(1).max(200),
  authorAvatarUrl: httpsUrl.nullable().optional(),
  url: httpsUrl.nullable().optional(),
  publishedAt: isoTimestamp.optional(),
  reply: z
    .string()
    .trim()
    .max(4096)
    .nullable()
    .optional()
    .transform((reply) => (reply === '' ? null : reply)),
  showOnWidget: z.boolean().optional(),
  hidden: z.boolean().optional(),
  verified: z.boolean().optional(),
  tags: z
    .array(z.string().trim().min(1).max(50))
    .max(20)
    .transform((tags) => [...new Set(tags)])
    .optional(),
};

/** One import row: the review fields, externalId required (it is the idempotency key), businessId optional. */
export const importRowSchema = z.object({
  ...reviewFieldShape,
  businessId: z.string().min(1).max(64).optional(),
  externalId: z.string().trim().min(1).max(200),
});

export type ImportRowInput = z.infer<typeof importRowSchema>;

const FIELD_BY_HEADER = new Map(
  [...Object.keys(importRowSchema.shape), 'avatar', 'author', 'date', 'text', 'stars', 'id'].map((name) => [
    name.toLowerCase(),
    name,
  ]),
);
const ALIASES: Record<string, string> = {
  avatar: 'authorAvatarUrl',
  author: 'authorName',
  date: 'publishedAt',
  text: 'content',
  stars: 'rating',
  id: 'externalId',
};

/** Maps a CSV header (`author_name`, `Author Name`, `authorName`) to a field name; unknown ones stay as they are. */
function fieldOfHeader(header: string): string {
  const name = FIELD_BY_HEADER.get(header.toLowerCase().replace(/[^a-z0-9]/g, ''));
  return name ? (ALIASES[name] ?? name) : header;
}

const BOOLEANS: Record<string, boolean> = {
  true: true,
  yes: true,
  '1': true,
  false: false,
  no: false,
  '0': false,
};

/** A CSV record's strings as the typed values the row schema expects; empty cells are absent. */
function typedCsvRecord(record: Record<string, string>): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const [header, raw] of Object.entries(record)) {
    const field = fieldOfHeader(header);
    const value = raw.trim();
    if (value === '') continue;
    if (field === 'rating') typed[field] = /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    else if (field === 'showOnWidget' || field === 'hidden' || field === 'verified') {
      typed[field] = BOOLEANS[value.toLowerCase()] ?? value;
    } else if (field === 'tags')
      typed[field] = value
        .split(/[;|,]/)
        .map((tag) => tag.trim())
        .filter(Boolean);
    else typed[field] = value;
  }
  return typed;
}

/** Parses a CSV document with a header row into records; throws an Error with a readable message if malformed. */
export function parseReviewCsv(text: string): Record<string, unknown>[] {
  const records = parse(text, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Record<string, string>[];
  return records.map(typedCsvRecord);
}

const strictRowSchema = importRowSchema.strict();

/**
 * Validates rows one by one: the good ones typed, the bad ones as `{ row, errors }` (rows counted from 1).
 * `strict` rows (the API's JSON) name a field they do not know as an error; a spreadsheet's extra columns
 * are left out quietly, since exports of other tools carry columns of their own.
 */
export function validateImportRows(rows: unknown[], options: { strict?: boolean } = {}) {
  const schema = options.strict ? strictRowSchema : importRowSchema;
  const valid: Array<{ row: number; input: ImportRowInput }> = [];
  const errors: Array<{ row: number; errors: Record<string, string> }> = [];
  rows.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (result.success) valid.push({ row: index + 1, input: result.data });
    else errors.push({ row: index + 1, errors: issuesByField(result.error) });
  });
  return { valid, errors };
}

function issuesByField(error: z.ZodError): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) details[[...issue.path, key].join('.')] ??= 'unknown field';
    } else details[issue.path.length ? issue.path.join('.') : '_'] ??= issue.message;
  }
  return details;
}
