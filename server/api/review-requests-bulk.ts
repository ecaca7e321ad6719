import { createRoute, z } from '@hono/zod-openapi';
import { requireScope } from '../http/auth';
import { type AppDeps, isSandbox, orgIdOf } from '../http/context';
import { newRouter } from '../http/router';
import { type RowResult, sendRows, totalsOf } from './bulk-request-rows';
import { errorResponses, idOf, jsonBody, jsonResponse, security } from './common-schemas';
import { activeBusiness, checkMessageChoice, sendAtIn } from './request-inputs';

/** The most rows one call takes: each is a request, a customer and a message, all in one transaction. */
export const BULK_MAX_ROWS = 5000;

const rowSchema = z
  .object({
    name: z.string().max(200).optional(),
    email: z.string().max(254).optional(),
    phone: z.string().max(40).optional(),
  })
  .strict();

export const bulkBody = z
  .object({
    businessId: idOf('biz'),
    method: z.enum(['sms', 'email', 'whatsapp']),
    templateId: idOf('tpl').optional(),
    campaignId: idOf('camp').optional(),
    sendAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
    dryRun: z.boolean().openapi({ description: 'true: say what would happen and write nothing' }),
    rows: z
      .array(rowSchema)
      .min(1)
      .max(BULK_MAX_ROWS)
      .openapi({ description: `The customers, in order (at most ${BULK_MAX_ROWS})` }),
  })
  .strict()
  .openapi('BulkReviewRequests');

const totalsSchema = z.object({
  rows: z.number().int(),
  send: z.number().int(),
  scheduled: z.number().int(),
  suppressed: z.number().int(),
  deduplicated: z.number().int(),
  invalid: z.number().int(),
});

export const resultSchema = z
  .object({
    dryRun: z.boolean(),
    totals: totalsSchema,
    rows: z.array(
      z.object({
        row: z.number().int().openapi({ description: '1-based position in `rows`' }),
        outcome: z.enum(['send', 'scheduled', 'suppressed', 'deduplicated', 'invalid']),
        reason: z
          .string()
          .nullable()
          .openapi({
            description:
              'suppressed: opted_out, invalid…, suppression_list; deduplicated: recent_request, duplicate_in_file; ' +
              'invalid: invalid_email, invalid_phone, no_email, no_phone, contact_conflict, usage_limit_reached ' +
              '(the monthly allowance of the channel is used up, see GET /usage)',
          }),
        requestId: z.string().nullable().openapi({ description: 'null in a dry run' }),
        sendAt: z.string().nullable().openapi({ description: 'scheduled: when the first message goes' }),
      }),
    ),
  })
  .openapi('BulkReviewRequestsResult');

/** Thrown at the end of a dry run so its transaction rolls back, carrying what would have happened. */
class DryRunDone extends Error {
  constructor(readonly results: RowResult[]) {
    super('dry run');
  }
}

/** `POST /review-requests/bulk`: many requests from an upload, with a dry run that follows the same rules. */
export function reviewRequestsBulkApi(deps: AppDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/review-requests/bulk',
      tags: ['Review requests'],
      security,
      summary: 'Send (or dry-run) many review requests',
      description:
        'Each row goes through the path of `POST /review-requests`: opted-out and invalid customers are ' +
        'suppressed, a customer invited inside the dedup window or earlier in the same rows is deduplicated, ' +
        'a time outside the send window schedules. `dryRun: true` runs exactly that and rolls it back. ' +
        'Send an `Idempotency-Key` so a retried upload sends nothing twice.',
      middleware: [requireScope('requests:write')],
      request: { body: jsonBody(bulkBody) },
      responses: { 200: jsonResponse(resultSchema, 'What happened to each row'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const body = c.req.valid('json');
      const business = activeBusiness(deps, orgId, body.businessId);
      const sendAt = sendAtIn(body.sendAt, deps.clock);
      checkMessageChoice(deps, orgId, body);
      const options = {
        business,
        method: body.method,
        sandbox: isSandbox(c),
        sendAt,
        campaignId: body.campaignId,
        templateId: body.templateId,
      };
      let results: RowResult[];
      try {
        results = deps.db.transaction(() => {
          const done = sendRows(deps, orgId, body.rows, options);
          if (body.dryRun) throw new DryRunDone(done);
          return done;
        })();
      } catch (error) {
        if (!(error instanceof DryRunDone)) throw error;
        results = error.results.map((r) => ({ ...r, requestId: null }));
      }
      return c.json({ dryRun: body.dryRun, totals: totalsOf(results), rows: results }, 200);
    },
  );
  return app;
}
