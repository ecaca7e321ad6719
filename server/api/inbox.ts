import { createRoute, type z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../http/context';
import { orgIdOf, readerIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { jsonText } from '../http/json-text';
import { pageWindow, paginated } from '../http/pagination';
import { newRouter } from '../http/router';
import { businessBelongsTo } from '../store/businesses';
import { listInboxJson } from '../store/inbox';
import { keptCounts, unreadCounts, unreadOf } from '../store/inbox-counts';
import { markItems, markMatching } from '../store/inbox-marks';
import type { InboxFilter, InboxItemType } from '../store/inbox-queries';
import { errorResponses, jsonBody, jsonResponse, security } from './common-schemas';
import { dateBounds } from './date-range-schemas';
import {
  type InboxFilterQuery,
  inboxPageSchema,
  inboxTags,
  listInboxQuery,
  markBody,
  markResultSchema,
  unreadCountQuery,
  unreadCountSchema,
} from './inbox-schemas';
import { FEEDBACK_PII, personal, withPiiNote } from './pii';

const SCOPE_OF: Record<InboxItemType, string> = { review: 'reviews:read', feedback: 'feedback:read' };

/** The item types the caller may read. */
function readableTypes(c: Context<AppEnv>): InboxItemType[] {
  const auth = c.get('auth');
  return (['review', 'feedback'] as const).filter(
    (type) => auth.isAdmin || auth.scopes.includes(SCOPE_OF[type]),
  );
}

/** Lets in a caller that can read reviews or feedback: the inbox shows it what it can read. */
function requireInboxScope(): MiddlewareHandler<AppEnv> {
  return async function requireInboxScope(c, next) {
    if (!readableTypes(c).length) {
      throw new ApiError('FORBIDDEN', 'This API key lacks the reviews:read and feedback:read scopes', {
        scope: 'requires reviews:read or feedback:read',
      });
    }
    await next();
  };
}

/** Query fields → store filter, for the types the caller may read. */
function inboxFilterOf(c: Context<AppEnv>, query: InboxFilterQuery): InboxFilter {
  const { from, before } = dateBounds(query);
  const readable = readableTypes(c);
  return {
    types: query.type ? readable.filter((type) => type === query.type) : readable,
    businessId: query.businessId,
    sources: query.source,
    rating: query.rating,
    minRating: query.minRating,
    maxRating: query.maxRating,
    sentiment: query.sentiment,
    responded: query.responded,
    showOnWidget: query.showOnWidget,
    from,
    before,
    q: query.q?.trim() || undefined,
    readerId: readerIdOf(c),
    read: query.unread === undefined ? undefined : !query.unread,
  };
}

const middleware = [requireInboxScope()];

const ITEM_RULES =
  'Filters that describe public reviews only (`source`, `sentiment`, `responded`, `showOnWidget`) leave ' +
  'feedback out when given. Rating filters compare a feedback’s score as stars (NPS 0–10 halved and ' +
  'rounded, at least 1; thumbs up 5, down 1). Dates are a review’s publishedAt and a feedback’s createdAt. ' +
  '`q` searches reviews with full-text search (title, text, author) and feedback comments and contact name ' +
  'by words. An item type the caller lacks the scope to read (reviews:read, feedback:read) is left out.';

/** `/inbox`: reviews and private feedback of every business in one list, with per-reader read state. */
export function inboxApi(deps: AppDeps) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/inbox',
      tags: inboxTags,
      security,
      summary: 'List reviews and feedback, newest first',
      description: withPiiNote(
        `Reviews read exactly as in GET /reviews, feedback as in GET /feedback. ${ITEM_RULES} \`read\` is the caller’s own read state: a signed-in user’s, else the API key’s.`,
      ),
      middleware,
      request: { query: listInboxQuery },
      responses: { 200: jsonResponse(inboxPageSchema, 'One page of the inbox'), ...errorResponses },
    }),
    (c) => {
      const query = c.req.valid('query');
      const orgId = orgIdOf(c);
      const filter = inboxFilterOf(c, query);
      // One read of the kept counts serves the page's total and the unread count.
      const kept = keptCounts(deps.db, orgId, filter.readerId, query.businessId);
      const page = listInboxJson(
        deps.db,
        orgId,
        filter,
        pageWindow(query),
        (feedback) => personal(c, feedback, FEEDBACK_PII),
        kept,
      );
      if (!page) throw notFound('Business');
      const unread = unreadOf(kept, readableTypes(c));
      const pagination = JSON.stringify(paginated([], page.total, query).pagination);
      return jsonText<z.infer<typeof inboxPageSchema>>(
        c,
        `{"data":${page.json},"pagination":${pagination},"unreadCount":${unread.total}}`,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/inbox/unread-count',
      tags: inboxTags,
      security,
      summary: 'Count the caller’s unread reviews and feedback',
      middleware,
      request: { query: unreadCountQuery },
      responses: { 200: jsonResponse(unreadCountSchema, 'Unread items'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const { businessId } = c.req.valid('query');
      if (businessId && !businessBelongsTo(deps.db, orgId, businessId)) throw notFound('Business');
      return c.json(unreadCounts(deps.db, orgId, readerIdOf(c), readableTypes(c), businessId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/inbox/mark',
      tags: inboxTags,
      security,
      summary: 'Mark items read or unread',
      description:
        'Marks the named `items`, or every item matching `filter` ("mark all read"), for the caller only. ' +
        `Named items of another organization are skipped. ${ITEM_RULES}`,
      middleware,
      request: { body: jsonBody(markBody) },
      responses: { 200: jsonResponse(markResultSchema, 'How many changed'), ...errorResponses },
    }),
    (c) => {
      const body = c.req.valid('json');
      const orgId = orgIdOf(c);
      if (body.items) {
        const readable = readableTypes(c);
        const refused = body.items.find((item) => !readable.includes(item.type));
        if (refused) {
          throw new ApiError('FORBIDDEN', `This API key lacks the ${SCOPE_OF[refused.type]} scope`, {
            scope: `requires ${SCOPE_OF[refused.type]}`,
          });
        }
        const updated = markItems(deps.db, deps.clock, orgId, readerIdOf(c), body.read, body.items);
        return c.json({ updated }, 200);
      }
      const filter = inboxFilterOf(c, body.filter ?? {});
      if (filter.businessId && !businessBelongsTo(deps.db, orgId, filter.businessId))
        throw notFound('Business');
      return c.json({ updated: markMatching(deps.db, deps.clock, orgId, filter, body.read) }, 200);
    },
  );

  return app;
}
