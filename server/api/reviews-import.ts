import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { queueReviewAlerts, SUMMARY_OVER } from '../delivery/owner-alerts';
import { parseReviewCsv, validateImportRows } from '../domain/review-import';
import { requireScope } from '../http/auth';
import { type AppDeps, type AppEnv, isSandbox, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { requestHeader } from '../http/request-header';
import { businessBelongsTo } from '../store/businesses';
import { type ImportRow, importReviews } from '../store/review-writes';
import { errorResponses, jsonResponse, security } from './common-schemas';
import { importJsonBody, importQuery, importResultSchema, reviewTags } from './reviews-schemas';

const MAX_ROWS = 5000;

/** `POST /reviews/import`: JSON rows or CSV, upserted on business + source + externalId. */
export function registerReviewImport(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/reviews/import',
      tags: reviewTags,
      security,
      summary: 'Import reviews (JSON or CSV)',
      description:
        `Up to ${MAX_ROWS} rows per call, as a JSON array or a CSV document with a header row ` +
        '(camelCase or snake_case column names; tags separated by `;`). Each row needs source, externalId, ' +
        'rating and authorName, and a businessId unless the query gives one. A row whose business, source and ' +
        'externalId exist updates that review if a given field differs and is skipped otherwise; fields a row ' +
        'leaves out keep their value. Bad rows are reported by number (from 1, the CSV header not counted), ' +
        'a JSON row with a field it does not know among them (CSV columns it does not know are ignored), ' +
        'and the good ones are all imported, in one transaction. New reviews at or below a member’s alert ' +
        `rating email them (one summary instead when more than ${SUMMARY_OVER} match); \`backfill=true\` marks ` +
        'the rows as history and alerts nobody.',
      middleware: [requireScope('reviews:write')],
      request: {
        query: importQuery,
        body: {
          required: false,
          content: {
            'application/json': { schema: importJsonBody },
            'text/csv': {
              schema: z.string().openapi({ example: 'source,externalId,rating,authorName,content\n…' }),
            },
          },
        },
      },
      responses: { 200: jsonResponse(importResultSchema, 'What the import did'), ...errorResponses },
    }),
    async (c) => {
      const orgId = orgIdOf(c);
      const { businessId, backfill } = c.req.valid('query');
      if (businessId && !businessBelongsTo(deps.db, orgId, businessId)) throw notFound('Business');
      const contentType = requestHeader(c, 'content-type') ?? '';
      const rows = await readRows(contentType, c.req.valid('json'), () => c.req.text());

      const { valid, errors } = validateImportRows(rows, { strict: !isCsv(contentType) });
      const owned = new Map<string, boolean>();
      const isOwned = (id: string) => {
        if (!owned.has(id)) owned.set(id, businessBelongsTo(deps.db, orgId, id));
        return owned.get(id);
      };
      const good: ImportRow[] = [];
      for (const { row, input } of valid) {
        const rowBusiness = input.businessId ?? businessId;
        if (!rowBusiness) errors.push({ row, errors: { businessId: 'required (in the row or the query)' } });
        else if (!isOwned(rowBusiness)) errors.push({ row, errors: { businessId: 'no such business' } });
        else good.push({ ...input, businessId: rowBusiness });
      }
      errors.sort((a, b) => a.row - b.row);
      const alertDeps = { db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl };
      const outcome = importReviews(deps.db, deps.clock, orgId, good, (created) =>
        queueReviewAlerts(alertDeps, orgId, created, { backfill: backfill || isSandbox(c) }),
      );
      return c.json({ ...outcome, errors }, 200);
    },
  );
}

const isCsv = (contentType: string) => /^text\/csv/i.test(contentType);

/** The rows of the body: the validated JSON array, or the parsed CSV document. */
async function readRows(contentType: string, json: unknown, text: () => Promise<string>): Promise<unknown[]> {
  if (isCsv(contentType)) {
    let rows: unknown[];
    try {
      rows = parseReviewCsv(await text());
    } catch (error) {
      throw new ApiError('VALIDATION_ERROR', 'The CSV document could not be parsed', {
        body: error instanceof Error ? error.message : 'malformed CSV',
      });
    }
    if (rows.length > MAX_ROWS) {
      throw new ApiError('VALIDATION_ERROR', 'Too many rows', {
        body: `at most ${MAX_ROWS} rows per import`,
      });
    }
    return rows;
  }
  if (!Array.isArray(json)) {
    throw new ApiError('VALIDATION_ERROR', 'Send a JSON array of reviews or a text/csv document', {
      body: 'required: application/json array or text/csv',
    });
  }
  return json;
}
