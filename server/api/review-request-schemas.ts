import { z } from '@hono/zod-openapi';
import { paginationQuery } from '../http/pagination';
import { booleanQuery, idOf } from './common-schemas';
import { customerNameField, emailField, phoneField } from './customer-schemas';
import { dateRangeQuery, rangeInOrder, rangeInOrderMessage } from './date-range-schemas';

const METHODS = ['sms', 'email', 'whatsapp'] as const;
const STATUSES = ['pending', 'scheduled', 'sent', 'opened', 'completed', 'failed', 'suppressed'] as const;

export const createReviewRequestBody = z
  .object({
    businessId: idOf('biz'),
    customerName: customerNameField.optional().openapi({ example: 'Ana Silva' }),
    customerEmail: emailField.optional(),
    customerPhone: phoneField.optional(),
    customerSource: z.string().trim().min(1).max(100).optional().openapi({
      description: 'Stored on the customer as `source`: where the contact came from (e.g. `api`, `shopify`)',
    }),
    customerSourceContactId: z.string().trim().min(1).max(200).optional().openapi({
      description: 'Stored on the customer as `sourceContactId`: the contact’s id in that source',
    }),
    method: z
      .enum(METHODS)
      .openapi({ description: '`email` needs customerEmail; `sms` and `whatsapp` need customerPhone' }),
    sendAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional().openapi({
      description: 'Send later (must be in the future, within a year): the request is `scheduled`',
    }),
    suppressMessage: z
      .boolean()
      .default(false)
      .openapi({ description: 'Create the link but send nothing: the business shares `reviewLink` itself' }),
    delayHours: z
      .number()
      .min(0)
      .max(24 * 90)
      .optional()
      .openapi({
        description: 'Wait this many hours before the first message (then the send window applies)',
      }),
    campaignId: idOf('camp').optional().openapi({
      description: 'Send the campaign’s first message and reminders instead of the default message',
    }),
    templateId: idOf('tpl').optional().openapi({
      description: 'The template of the message (of the same channel); a campaign’s own steps win',
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.method === 'email' && !body.customerEmail) {
      ctx.addIssue({ code: 'custom', path: ['customerEmail'], message: 'required when method is email' });
    }
    if (body.method !== 'email' && !body.customerPhone) {
      ctx.addIssue({
        code: 'custom',
        path: ['customerPhone'],
        message: `required when method is ${body.method}`,
      });
    }
  })
  .openapi('CreateReviewRequest');

export const listReviewRequestsQuery = paginationQuery
  .extend({
    status: z.enum(STATUSES).optional(),
    method: z.enum(METHODS).optional(),
    businessId: idOf('biz').optional(),
    customerId: idOf('cust').optional(),
    clicked: booleanQuery
      .optional()
      .openapi({ description: 'Only those whose link was opened (true) or not yet (false)' }),
    bounced: booleanQuery
      .optional()
      .openapi({ description: 'Only those whose message bounced (true) or did not (false)' }),
    ...dateRangeQuery('createdAt'),
  })
  .refine(rangeInOrder, rangeInOrderMessage);

const customerSummary = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    optOut: z.boolean(),
  })
  .nullable()
  .openapi({ description: 'null once the customer has been deleted' });

export const reviewRequestSchema = z
  .object({
    id: z.string().openapi({ example: 'rr_3kTz9QwErTyUiOpA' }),
    organizationId: z.string(),
    businessId: z.string(),
    customerId: z.string(),
    customer: customerSummary,
    method: z.enum(METHODS),
    code: z.string().openapi({ example: 'h4Kp2LmQ9xZa' }),
    reviewLink: z.string().openapi({ example: 'http://localhost:8787/r/h4Kp2LmQ9xZa' }),
    status: z.enum(STATUSES),
    sandbox: z.boolean().openapi({ description: 'Made with a sk_test_ key: no message is ever transmitted' }),
    suppressMessage: z.boolean(),
    sendAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    openedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    failureReason: z.string().nullable(),
    suppressedReason: z.string().nullable().openapi({ example: 'opted_out' }),
    clicked: z.boolean().openapi({
      description:
        'A person followed the link in the message (link-preview robots excluded); when is `openedAt`. ' +
        'Plaudit sets no open-tracking pixel, so a read message whose link was not followed stays false.',
    }),
    bounced: z.boolean().openapi({
      description: 'The email was refused for good by the receiving server (an SMTP 5xx when it was sent)',
    }),
    bouncedAt: z.string().nullable(),
    bounceReason: z.string().nullable().openapi({ example: 'SMTP: 550 5.1.1 No such user' }),
    rating: z.number().int().nullable().openapi({ description: 'The rating given on the landing page' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ReviewRequest');
