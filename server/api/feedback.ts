import { createRoute } from '@hono/zod-openapi';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf, readerIdOf } from '../http/context';
import { notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema } from '../http/pagination';
import { newRouter } from '../http/router';
import { businessBelongsTo } from '../store/businesses';
import { getFeedback, listFeedback, updateFeedback } from '../store/feedback';
import { errorResponses, idParam, jsonBody, jsonResponse, security } from './common-schemas';
import { dateBounds } from './date-range-schemas';
import { feedbackSchema, listFeedbackQuery, updateFeedbackBody } from './feedback-schemas';

const tags = ['Feedback'];
const params = idParam('Feedback', 'fb_3kTz9QwErTyUiOpA');

/** `/feedback`: private feedback left on the landing pages, for the business to follow up. */
export function feedbackApi(deps: AppDeps) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/feedback',
      tags,
      security,
      summary: 'List private feedback',
      middleware: [requireScope('feedback:read')],
      request: { query: listFeedbackQuery },
      responses: {
        200: jsonResponse(paginatedSchema(feedbackSchema), 'Feedback, newest first'),
        ...errorResponses,
      },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const { page, perPage, dateFrom, dateTo, unread, ...filter } = c.req.valid('query');
      const readBy = unread === undefined ? undefined : { readerId: readerIdOf(c), read: !unread };
      if (filter.businessId && !businessBelongsTo(deps.db, orgId, filter.businessId))
        throw notFound('Business');
      const { from, before } = dateBounds({ dateFrom, dateTo });
      const { items, total } = listFeedback(
        deps.db,
        orgId,
        { ...filter, createdFrom: from, createdBefore: before, readBy },
        pageWindow({ page, perPage }),
      );
      return c.json(paginated(items, total, { page, perPage }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/feedback/{id}',
      tags,
      security,
      summary: 'Get one piece of feedback',
      middleware: [requireScope('feedback:read')],
      request: { params },
      responses: { 200: jsonResponse(feedbackSchema, 'The feedback'), ...errorResponses },
    }),
    (c) => {
      const feedback = getFeedback(deps.db, orgIdOf(c), c.req.valid('param').id);
      if (!feedback) throw notFound('Feedback');
      return c.json(feedback, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/feedback/{id}',
      tags,
      security,
      summary: 'Mark feedback resolved or add a note',
      middleware: [requireScope('feedback:write')],
      request: { params, body: jsonBody(updateFeedbackBody) },
      responses: { 200: jsonResponse(feedbackSchema, 'Updated'), ...errorResponses },
    }),
    (c) => {
      const feedback = updateFeedback(
        deps.db,
        deps.clock,
        orgIdOf(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      if (!feedback) throw notFound('Feedback');
      return c.json(feedback, 200);
    },
  );

  return app;
}
