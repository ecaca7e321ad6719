import { z } from '@hono/zod-openapi';
import { SOURCE_IDS } from '../domain/sources';
import { paginationQuery } from '../http/pagination';
import { booleanQuery } from './common-schemas';
import { dateRangeQuery, rangeInOrder, rangeInOrderMessage } from './date-range-schemas';
import { feedbackSchema } from './feedback-schemas';
import { reviewSchema } from './reviews-schemas';

export const inboxTags = ['Inbox'];

const rating = z.coerce.number().int().min(1).max(5);
const sources = z
  .string()
  .transform((value, ctx) => {
    const list = value.split(',').map((s) => s.trim());
    const unknown = list.filter((s) => !(SOURCE_IDS as readonly string[]).includes(s));
    if (unknown.length) ctx.addIssue({ code: 'custom', message: `unknown source ${unknown.join(', ')}` });
    return list;
  })
  .openapi({ description: 'One source or several, comma-separated (reviews only)', example: 'google,yelp' });

/** The inbox's filter fields, shared by the list's query and the body of "mark every match". */
const filterShape = {
  businessId: z.string().min(1).max(64).optional(),
  type: z.enum(['review', 'feedback']).optional().openapi({ description: 'Only reviews, or only feedback' }),
  source: sources.optional(),
  rating: rating
    .optional()
    .openapi({ description: 'Exactly this many stars (feedback: its score as stars)' }),
  minRating: rating.optional(),
  maxRating: rating.optional(),
  sentiment: z.enum(['positive', 'neutral', 'negative']).optional().openapi({ description: 'Reviews only' }),
  responded: booleanQuery.optional().openapi({ description: 'Whether the owner replied (reviews only)' }),
  showOnWidget: booleanQuery.optional().openapi({ description: 'Reviews only' }),
  ...dateRangeQuery('The item’s date (a review’s publishedAt, a feedback’s createdAt)'),
  q: z.string().max(200).optional().openapi({
    description: 'Words that must all appear (reviews: title, text, author; feedback: comments, name)',
  }),
  unread: booleanQuery.optional().openapi({ description: 'Only items the caller has not read (or has)' }),
};

const ratingInOrder = (q: { minRating?: number; maxRating?: number }) =>
  q.minRating === undefined || q.maxRating === undefined || q.minRating <= q.maxRating;
const ratingInOrderMessage = { message: 'must not be above maxRating', path: ['minRating'] };

export const inboxFilterQuery = z
  .object(filterShape)
  .refine(rangeInOrder, rangeInOrderMessage)
  .refine(ratingInOrder, ratingInOrderMessage);
export type InboxFilterQuery = z.infer<typeof inboxFilterQuery>;

export const listInboxQuery = paginationQuery
  .extend(filterShape)
  .refine(rangeInOrder, rangeInOrderMessage)
  .refine(ratingInOrder, ratingInOrderMessage);

export const unreadCountQuery = z.object({ businessId: z.string().min(1).max(64).optional() });

const itemHead = {
  read: z.boolean().openapi({ description: 'Whether the caller (user, else API key) has read it' }),
  createdAt: z.string().openapi({ description: 'The date the inbox sorts on: publishedAt / createdAt' }),
};

export const inboxItemSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('review'), ...itemHead, review: reviewSchema }),
    z.object({ type: z.literal('feedback'), ...itemHead, feedback: feedbackSchema }),
  ])
  .openapi('InboxItem');

export const inboxPageSchema = z
  .object({
    data: z.array(inboxItemSchema),
    pagination: z.object({
      page: z.number().int(),
      perPage: z.number().int(),
      total: z.number().int(),
      totalPages: z.number().int(),
    }),
    unreadCount: z.number().int().openapi({
      description: 'Unread items the caller can read, in the organization or the `businessId` given',
    }),
  })
  .openapi('InboxPage');

export const unreadCountSchema = z
  .object({ total: z.number().int(), reviews: z.number().int(), feedback: z.number().int() })
  .openapi('InboxUnreadCount');

/**
 * Query strings carry booleans as text, a JSON body as booleans: the body's filter takes either so the
 * dashboard can send back the filter it keeps in the URL.
 */
const bodyFilter = z.preprocess(
  (value) =>
    value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value).map(([k, v]) => [
            k,
            typeof v === 'boolean' || typeof v === 'number' ? String(v) : v,
          ]),
        )
      : value,
  inboxFilterQuery,
);

export const markBody = z
  .object({
    read: z.boolean(),
    items: z
      .array(z.object({ type: z.enum(['review', 'feedback']), id: z.string().min(1).max(64) }).strict())
      .min(1)
      .max(500)
      .optional(),
    filter: bodyFilter.optional().openapi({ description: 'The fields of GET /inbox’s query' }),
  })
  .strict()
  .refine((b) => (b.items === undefined) !== (b.filter === undefined), {
    message: 'give items or filter (not both)',
    path: ['items'],
  })
  .openapi('InboxMark');

export const markResultSchema = z
  .object({ updated: z.number().int().openapi({ description: 'Items whose read state changed' }) })
  .openapi('InboxMarkResult');
