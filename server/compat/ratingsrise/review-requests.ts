import { z } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { customerNameField, emailField, phoneField } from '../../api/customer-schemas';
import { personal } from '../../api/pii';
import { createReviewRequestFor } from '../../api/review-request-create';
import { createReviewRequestBody } from '../../api/review-request-schemas';
import type { RedactionSpec } from '../../domain/redaction';
import type { AppDeps, AppEnv } from '../../http/context';
import { isSandbox, orgIdOf } from '../../http/context';
import { pageWindow, paginated } from '../../http/pagination';
import { businessBelongsTo, firstActiveBusinessOf } from '../../store/businesses';
import { listReviewRequests } from '../../store/review-request-queries';
import { getReviewRequest } from '../../store/review-requests';
import { requireScopes } from './auth';
import { jsonBodyOf, notFound, parseInput, RatingsRiseError } from './errors';
import { idString, noQuery, pageQuery } from './inputs';
import { presentRequest, STATUS_IN } from './presenters';

const METHODS = ['sms', 'email', 'whatsapp'] as const;
const methodField = z.enum(METHODS, { error: 'Must be one of: sms, email, whatsapp' });
const REQUEST_PII: RedactionSpec = { customerName: 'name' };

const createBody = z
  .object({
    customerName: customerNameField,
    customerEmail: emailField.optional(),
    customerPhone: phoneField.optional(),
    method: methodField,
    businessId: idString.optional(),
    templateId: idString.optional(),
  })
  .strict();

const listQuery = pageQuery
  .extend({
    status: z
      .enum(['pending', 'sent', 'opened', 'completed', 'failed'], {
        error: 'Must be one of: pending, sent, opened, completed, failed',
      })
      .optional(),
    method: methodField.optional(),
    businessId: idString.optional(),
  })
  .strict();

/** `POST /review-requests` through Plaudit's one creation path, and `GET /review-requests`. */
export function registerReviewRequests(app: Hono<AppEnv>, deps: AppDeps) {
  app.post('/review-requests', requireScopes('requests:write'), async (c) => {
    parseInput(noQuery, c.req.query());
    const input = parseInput(createBody, await jsonBodyOf(c));
    const orgId = orgIdOf(c);
    // RatingsRise sends to the primary business when none is named: Plaudit's is the oldest active one.
    const businessId = input.businessId ?? firstActiveBusinessOf(deps.db, orgId)?.id;
    if (!businessId) {
      throw new RatingsRiseError(
        'VALIDATION_ERROR',
        'This organization has no business yet: create one first',
        {
          businessId: 'Required: the organization has no business',
        },
      );
    }
    // The native body, validated by the native schema: the rules (email needs customerEmail …) are Plaudit's.
    const body = parseInput(createReviewRequestBody, { ...input, businessId });
    const { requestId, deduplicated } = createReviewRequestFor(deps, orgId, body, isSandbox(c));
    const request = getReviewRequest(deps.db, orgId, requestId)!;
    // Invited inside the business's dedup window: the earlier request answers (200) and nothing is sent.
    return c.json(
      personal(c, presentRequest(request, deps.config.publicUrl), REQUEST_PII),
      deduplicated ? 200 : 201,
    );
  });

  app.get('/review-requests', requireScopes('requests:read'), (c) => {
    const { page, perPage, status, ...filter } = parseInput(listQuery, c.req.query());
    const orgId = orgIdOf(c);
    if (filter.businessId && !businessBelongsTo(deps.db, orgId, filter.businessId))
      throw notFound('business');
    const { items, total } = listReviewRequests(
      deps.db,
      orgId,
      { ...filter, statuses: status && STATUS_IN[status] },
      pageWindow({ page, perPage }),
    );
    const data = items.map((r) => personal(c, presentRequest(r, deps.config.publicUrl), REQUEST_PII));
    return c.json(paginated(data, total, { page, perPage }), 200);
  });
}
