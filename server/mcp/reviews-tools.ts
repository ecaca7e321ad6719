import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { filterOf } from '../api/reviews';
import { presentReview } from '../api/reviews-schemas';
import { withWebhookEvent } from '../delivery/webhook-events';
import { SOURCE_IDS } from '../domain/sources';
import { ApiError, notFound } from '../http/errors';
import { createPendingAction } from '../store/pending-actions';
import { bulkPatchOf } from '../store/review-bulk';
import { listReviewsJson } from '../store/review-queries';
import { updateReview } from '../store/review-writes';
import { getReview } from '../store/reviews';
import { publishReply } from './actions';
import { holds, type McpContext, orgOf, personal, REVIEW_PII } from './context';
import { addTool } from './tool';

const id = z.string().min(1).max(64);
const isoDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .describe('An ISO 8601 date (whole day, UTC) or date-time');
const rating = z.number().int().min(1).max(5);
const page = {
  page: z.number().int().min(1).default(1).describe('Page number, from 1'),
  perPage: z.number().int().min(1).max(100).default(25).describe('Items per page, at most 100'),
};
const tag = z.string().trim().min(1).max(50);

const listInput = {
  businessId: id.optional().describe('Only this business (biz_…)'),
  source: z.array(z.enum(SOURCE_IDS)).min(1).optional().describe('Only these platforms'),
  rating: rating.optional().describe('Exactly this many stars'),
  minRating: rating.optional(),
  maxRating: rating.optional(),
  sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
  dateFrom: isoDate.optional().describe('Published at or after'),
  dateTo: isoDate.optional().describe('Published at or before'),
  showOnWidget: z.boolean().optional(),
  hidden: z.boolean().optional(),
  responded: z.boolean().optional().describe('false: only reviews still waiting for a reply'),
  q: z.string().max(200).optional().describe('Full-text search over title, content and author'),
  tags: z.array(tag).max(10).optional().describe('Reviews carrying all of these tags'),
  sort: z.enum(['newest', 'oldest', 'highest', 'lowest']).default('newest'),
  ...page,
};

type ListInput = z.infer<z.ZodObject<typeof listInput>>;

/** The API's review listing (`GET /reviews`), redacted for the key. */
function listReviews(ctx: McpContext, input: ListInput) {
  const orgId = orgOf(ctx);
  if (input.minRating && input.maxRating && input.minRating > input.maxRating) {
    throw new ApiError('VALIDATION_ERROR', 'minRating is above maxRating', {
      minRating: 'must be ≤ maxRating',
    });
  }
  const { sort, page, perPage, ...query } = input;
  const found = listReviewsJson(ctx.deps.db, orgId, filterOf(query), sort, {
    limit: perPage,
    offset: (page - 1) * perPage,
  });
  if (!found) throw notFound('Business');
  const reviews = JSON.parse(found.json) as unknown[];
  return { data: personal(ctx, reviews, REVIEW_PII), pagination: { page, perPage, total: found.total } };
}

/** Applies a bulk curation to the named reviews as `POST /reviews/bulk` does, one review.updated each. */
function curate(
  ctx: McpContext,
  ids: string[],
  set: { showOnWidget?: boolean; addTags?: string[]; removeTags?: string[] },
) {
  const orgId = orgOf(ctx);
  const { db, clock } = ctx.deps;
  const missing = ids.filter((reviewId) => !getReview(db, orgId, reviewId));
  if (missing.length) {
    throw new ApiError('NOT_FOUND', 'Some reviews were not found', {
      reviewIds: `not found: ${missing.join(', ')}`,
    });
  }
  return db.transaction(() => {
    let updated = 0;
    for (const reviewId of new Set(ids)) {
      const patch = bulkPatchOf(getReview(db, orgId, reviewId)!, set);
      if (!patch) continue;
      if (patch.tags && patch.tags.length > 20) {
        throw new ApiError('VALIDATION_ERROR', `Review ${reviewId} would carry more than 20 tags`, {
          addTags: 'a review holds at most 20 tags',
        });
      }
      withWebhookEvent(
        db,
        clock,
        orgId,
        'review.updated',
        () => updateReview(db, clock, orgId, reviewId, patch),
        (review) => review && presentReview(review),
      );
      updated++;
    }
    return { updated };
  })();
}

/** Review tools: read, search, reply (with approval), curate. */
export function registerReviewTools(server: McpServer, ctx: McpContext, audited: WeakSet<object>): void {
  addTool(server, ctx, audited, {
    name: 'list_reviews',
    description:
      'List reviews of the organization, newest first unless sorted otherwise. Filters combine with AND: ' +
      'business, platform, rating range, sentiment, publication dates, widget/hidden state, whether the ' +
      'owner replied (responded=false finds unanswered reviews), tags, and full-text q. Paginated.',
    scopes: ['reviews:read'],
    readOnly: true,
    input: listInput,
    run: (args) => ({ data: listReviews(ctx, args) }),
  });

  addTool(server, ctx, audited, {
    name: 'get_review',
    description: 'One review by id (rev_…), with its rating, text, reply, sentiment, keywords and tags.',
    scopes: ['reviews:read'],
    readOnly: true,
    input: { reviewId: id },
    run: ({ reviewId }) => {
      const review = getReview(ctx.deps.db, orgOf(ctx), reviewId);
      if (!review) throw notFound('Review');
      return { data: personal(ctx, presentReview(review), REVIEW_PII) };
    },
  });

  addTool(server, ctx, audited, {
    name: 'search_reviews',
    description:
      'Full-text search over review titles, content and authors: every word must appear; `word*` matches ' +
      'a prefix. Best match first is not guaranteed: results are newest first.',
    scopes: ['reviews:read'],
    readOnly: true,
    input: {
      query: z.string().trim().min(1).max(200).describe('Words to find, e.g. "cold coffee"'),
      businessId: id.optional(),
      ...page,
    },
    run: ({ query, businessId, page, perPage }) => ({
      data: listReviews(ctx, { q: query, businessId, sort: 'newest', page, perPage }),
    }),
  });

  addTool(server, ctx, audited, {
    name: 'draft_reply',
    description:
      'Propose the owner’s public reply to a review. Unless the key holds actions:direct, nothing is ' +
      'published: the reply becomes a pending action that a person approves or rejects in Plaudit; the ' +
      'result says which happened (status "pending" with its id, or "published").',
    scopes: ['reviews:write', 'reviews:reply'],
    input: {
      reviewId: id,
      reply: z.string().trim().min(1).max(4096).describe('The reply text, as it will appear publicly'),
    },
    run: ({ reviewId, reply }) => {
      const orgId = orgOf(ctx);
      if (holds(ctx, 'actions:direct')) {
        return {
          data: {
            status: 'published',
            review: personal(ctx, publishReply(ctx.deps, orgId, reviewId, reply), REVIEW_PII),
          },
        };
      }
      if (!getReview(ctx.deps.db, orgId, reviewId)) throw notFound('Review');
      const action = createPendingAction(ctx.deps.db, ctx.deps.clock, orgId, {
        kind: 'review_reply',
        targetId: reviewId,
        payload: { reply },
        sandbox: ctx.auth.mode === 'test',
        requestedByKeyId: ctx.auth.keyId,
      });
      return {
        pending: true,
        data: {
          status: 'pending',
          pendingActionId: action.id,
          message: 'A person must approve this reply before it is published.',
        },
      };
    },
  });

  addTool(server, ctx, audited, {
    name: 'set_show_on_widget',
    description: 'Show or hide reviews on the business’s website widget (up to 100 reviews at once).',
    scopes: ['reviews:write'],
    input: { reviewIds: z.array(id).min(1).max(100), show: z.boolean() },
    run: ({ reviewIds, show }) => ({ data: curate(ctx, reviewIds, { showOnWidget: show }) }),
  });

  addTool(server, ctx, audited, {
    name: 'tag_reviews',
    description:
      'Add and/or remove tags on many reviews at once (up to 500), e.g. tag every review about parking.',
    scopes: ['reviews:write'],
    input: {
      reviewIds: z.array(id).min(1).max(500),
      addTags: z.array(tag).min(1).max(20).optional(),
      removeTags: z.array(tag).min(1).max(20).optional(),
    },
    run: ({ reviewIds, addTags, removeTags }) => {
      if (!addTags && !removeTags) {
        throw new ApiError('VALIDATION_ERROR', 'Give addTags or removeTags', {
          addTags: 'give addTags or removeTags',
        });
      }
      return { data: curate(ctx, reviewIds, { addTags, removeTags }) };
    },
  });
}
