import { z } from '@hono/zod-openapi';
import { paginationQuery } from '../http/pagination';
import { booleanQuery } from './common-schemas';
import { dateRangeQuery, rangeInOrder, rangeInOrderMessage } from './date-range-schemas';

const TYPES = ['star', 'nps', 'thumbs'] as const;
const STATUSES = ['new', 'resolved'] as const;
const score = z.coerce.number().int().min(0).max(10);

export const listFeedbackQuery = paginationQuery
  .extend({
    businessId: z.string().min(1).max(64).optional(),
    type: z.enum(TYPES).optional().openapi({ description: 'The scale it was given on' }),
    minScore: score.optional().openapi({ description: 'Stars 1–5, NPS 0–10, thumbs 0 (down) or 1 (up)' }),
    maxScore: score.optional(),
    status: z.enum(STATUSES).optional(),
    unread: booleanQuery
      .optional()
      .openapi({ description: 'Only feedback the caller (user, else API key) has not read, or has' }),
    ...dateRangeQuery('createdAt'),
  })
  .refine(rangeInOrder, rangeInOrderMessage)
  .refine((q) => q.minScore === undefined || q.maxScore === undefined || q.minScore <= q.maxScore, {
    message: 'must not be above maxScore',
    path: ['minScore'],
  });

export const updateFeedbackBody = z
  .object({
    status: z.enum(STATUSES).optional(),
    note: z
      .string()
      .max(2000)
      .nullable()
      .optional()
      .openapi({ description: 'The owner’s follow-up note; null clears it' }),
  })
  .strict()
  .refine((b) => b.status !== undefined || b.note !== undefined, { message: 'give status or note' })
  .openapi('UpdateFeedback');

export const feedbackSchema = z
  .object({
    id: z.string().openapi({ example: 'fb_3kTz9QwErTyUiOpA' }),
    organizationId: z.string(),
    businessId: z.string(),
    requestId: z.string().nullable(),
    cardId: z.string().nullable(),
    cardLabel: z.string().nullable().openapi({ description: 'The label of the card it came from, if any' }),
    customerId: z.string().nullable(),
    origin: z.enum(['request', 'card', 'business_link']),
    type: z.enum(TYPES),
    score: z.number().int(),
    comments: z.string(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    consentToContact: z.boolean(),
    status: z.enum(STATUSES),
    note: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Feedback');
