import { z } from '@hono/zod-openapi';
import { reviewFieldShape } from '../domain/review-import';
import { SOURCE_IDS } from '../domain/sources';
import { paginationQuery } from '../http/pagination';
import type { Review } from '../store/reviews';
import { booleanQuery, commaListQuery, idParam } from './common-schemas';

export const reviewTags = ['Reviews'];
export const reviewParams = idParam('Review', 'rev_8fKx2LmQpZ4vNw7Y');

/** A review as the API shows it: `responded` is derived from the reply. */
export const presentReview = (review: Review) => ({ ...review, responded: review.reply !== null });

const isoDateOrTime = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be an ISO 8601 date or date-time' })
  .openapi({ example: '2026-05-01' });

export const listReviewsQuery = paginationQuery.extend({
  businessId: z.string().min(1).max(64).optional(),
  source: z
    .string()
    .transform((value, ctx) => {
      const sources = value.split(',').map((s) => s.trim());
      const unknown = sources.filter((s) => !(SOURCE_IDS as readonly string[]).includes(s));
      if (unknown.length) ctx.addIssue({ code: 'custom', message: `unknown source ${unknown.join(', ')}` });
      return sources;
    })
    .optional()
    .openapi({ description: 'One source or several, comma-separated', example: 'google,yelp' }),
  rating: z.coerce.number().int().min(1).max(5).optional(),
  minRating: z.coerce.number().int().min(1).max(5).optional(),
  maxRating: z.coerce.number().int().min(1).max(5).optional(),
  sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
  dateFrom: isoDateOrTime
    .optional()
    .openapi({ description: 'publishedAt at or after (a date means its start, UTC)' }),
  dateTo: isoDateOrTime
    .optional()
    .openapi({ description: 'publishedAt at or before (a date includes the whole day, UTC)' }),
  showOnWidget: booleanQuery.optional(),
  hidden: booleanQuery.optional(),
  responded: booleanQuery.optional().openapi({ description: 'Whether the owner has replied' }),
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Full-text search over title, content and author' }),
  tags: commaListQuery(10)
    .optional()
    .openapi({ description: 'Comma-separated; reviews carrying all of them' }),
  unread: booleanQuery
    .optional()
    .openapi({ description: 'Only reviews the caller (user, else API key) has not read, or has' }),
  sort: z.enum(['newest', 'oldest', 'highest', 'lowest']).default('newest'),
});

export type ListReviewsQuery = z.infer<typeof listReviewsQuery>;

export const createReviewBody = z
  .object({ businessId: z.string().min(1).max(64), ...reviewFieldShape })
  .strict()
  .openapi('CreateReview');

/** Every editable field; which ones a given review accepts depends on its source (see the PATCH route). */
export const updateReviewBody = z
  .object({
    ...reviewFieldShape,
    rating: reviewFieldShape.rating.optional(),
    authorName: reviewFieldShape.authorName.optional(),
  })
  .omit({ source: true })
  .strict()
  .openapi('UpdateReview');

export const replyBody = z
  .object({
    reply: z
      .string()
      .trim()
      .max(4096)
      .nullable()
      .openapi({ description: 'The owner’s public reply; null or an empty string removes it' }),
  })
  .strict()
  .openapi('ReviewReply');

export const reviewSchema = z
  .object({
    id: z.string().openapi({ example: 'rev_8fKx2LmQpZ4vNw7Y' }),
    organizationId: z.string(),
    businessId: z.string(),
    source: z.string().openapi({ description: `One of ${SOURCE_IDS.join(', ')}`, example: 'google' }),
    externalId: z.string().nullable(),
    rating: z.number().int().min(1).max(5),
    title: z.string().nullable(),
    content: z.string(),
    authorName: z.string(),
    authorAvatarUrl: z.string().nullable(),
    url: z.string().nullable(),
    publishedAt: z.string(),
    reply: z.string().nullable(),
    repliedAt: z.string().nullable(),
    responded: z.boolean(),
    replyStatus: z
      .enum(['local', 'pending', 'posted', 'failed'])
      .nullable()
      .optional()
      .openapi({
        description:
          'Reviews a platform connection brought: how the reply fares there (`pending`, `posted`, `failed`; ' +
          '`local` where the platform has no reply API: answer at `replyUrl`). Absent for other reviews.',
      }),
    replyError: z.string().nullable().optional().openapi({ description: 'Why posting the reply failed' }),
    replyUrl: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'Where to answer on the platform by hand' }),
    showOnWidget: z.boolean(),
    hidden: z.boolean(),
    verified: z.boolean(),
    sentiment: z.enum(['positive', 'neutral', 'negative']),
    sentimentScore: z.number().openapi({ description: 'AFINN comparative score, per word (about −5…5)' }),
    keywords: z.array(z.string()),
    tags: z.array(z.string()),
    customerId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Review');

export const importQuery = z.object({
  businessId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'The business every row belongs to, unless a row names its own businessId' }),
  backfill: booleanQuery
    .optional()
    .openapi({ description: 'true: old reviews brought in as history; no alert emails are sent for them' }),
});

export const importJsonBody = z
  .array(z.record(z.string(), z.unknown()))
  .max(5000, 'at most 5000 rows per import')
  .openapi('ReviewImportRows', {
    description: 'Rows with the fields of CreateReview; externalId is required',
  });

export const importResultSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    errors: z.array(z.object({ row: z.number().int(), errors: z.record(z.string(), z.string()) })),
  })
  .openapi('ReviewImportResult');
