import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireScope } from '../http/auth';
import { type AppDeps, type AppEnv, isSandbox, orgIdOf } from '../http/context';
import { notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema } from '../http/pagination';
import { newRouter } from '../http/router';
import { businessBelongsTo } from '../store/businesses';
import { getCustomer } from '../store/customers';
import { listReviewRequests } from '../store/review-request-queries';
import { getReviewRequest, type ReviewRequest } from '../store/review-requests';
import { errorResponses, idParam, jsonBody, jsonResponse, security } from './common-schemas';
import { conflictResponse } from './customers';
import { dateBounds } from './date-range-schemas';
import { personal, REQUEST_PII, withPiiNote } from './pii';
import { createReviewRequestFor } from './review-request-create';
import {
  createReviewRequestBody,
  listReviewRequestsQuery,
  reviewRequestSchema,
} from './review-request-schemas';

const tags = ['Review requests'];
const params = idParam('Review request', 'rr_3kTz9QwErTyUiOpA');

const createdRequestSchema = reviewRequestSchema.extend({
  deduplicated: z
    .boolean()
    .openapi({ description: 'true when an invitation inside the dedup window was answered instead' }),
});

/** `/review-requests`: one invitation to review a business, with its `/r/:code` link and progress. */
export function reviewRequestsApi(deps: AppDeps) {
  const app = newRouter();
  const present = (c: Context<AppEnv>, r: ReviewRequest) =>
    personal(c, { ...r, reviewLink: `${deps.config.publicUrl}/r/${r.code}` }, REQUEST_PII);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/review-requests',
      tags,
      security,
      summary: 'Create a review request',
      description: withPiiNote(
        'Finds or creates the customer (matched by email or phone, as `POST /customers`), draws the code and ' +
          '`reviewLink`, and stores the request `pending` (`scheduled` with `sendAt`; `suppressed` when the ' +
          'customer has opted out). With a `sk_test_` key the request is `sandbox`: no message is ever transmitted. ' +
          'When its messages (the first and the campaign’s reminders) would exceed the organization’s monthly ' +
          'allowance of the channel (`GET /usage`), it is refused with 429 `USAGE_LIMIT_REACHED` and nothing is stored.',
      ),
      middleware: [requireScope('requests:write')],
      request: { body: jsonBody(createReviewRequestBody) },
      responses: {
        201: jsonResponse(createdRequestSchema, 'Created (and its first message queued)'),
        200: jsonResponse(
          createdRequestSchema,
          'The same customer was invited inside the dedup window: that request',
        ),
        409: conflictResponse,
        ...errorResponses,
      },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const { requestId, deduplicated } = createReviewRequestFor(
        deps,
        orgId,
        c.req.valid('json'),
        isSandbox(c),
      );
      const request = getReviewRequest(deps.db, orgId, requestId)!;
      return c.json({ ...present(c, request), deduplicated }, deduplicated ? 200 : 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/review-requests',
      tags,
      security,
      summary: 'List review requests',
      description: withPiiNote(),
      middleware: [requireScope('requests:read')],
      request: { query: listReviewRequestsQuery },
      responses: {
        200: jsonResponse(paginatedSchema(reviewRequestSchema), 'Review requests, newest first'),
        ...errorResponses,
      },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const { page, perPage, dateFrom, dateTo, ...filter } = c.req.valid('query');
      if (filter.businessId && !businessBelongsTo(deps.db, orgId, filter.businessId))
        throw notFound('Business');
      if (filter.customerId && !getCustomer(deps.db, orgId, filter.customerId)) throw notFound('Customer');
      const { from, before } = dateBounds({ dateFrom, dateTo });
      const { items, total } = listReviewRequests(
        deps.db,
        orgId,
        { ...filter, createdFrom: from, createdBefore: before },
        pageWindow({ page, perPage }),
      );
      return c.json(
        paginated(
          items.map((r) => present(c, r)),
          total,
          { page, perPage },
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/review-requests/{id}',
      tags,
      security,
      summary: 'Get a review request',
      description: withPiiNote(
        'With the customer summary and the time of each step (sent, opened, completed, failed).',
      ),
      middleware: [requireScope('requests:read')],
      request: { params },
      responses: { 200: jsonResponse(reviewRequestSchema, 'The review request'), ...errorResponses },
    }),
    (c) => {
      const request = getReviewRequest(deps.db, orgIdOf(c), c.req.valid('param').id);
      if (!request) throw notFound('Review request');
      return c.json(present(c, request), 200);
    },
  );

  return app;
}
