import { z } from '@hono/zod-openapi';
import { PHONE_FORMAT_HINT } from '../domain/phone';
import { paginationQuery } from '../http/pagination';
import { booleanQuery, commaListQuery, idOf } from './common-schemas';

/** An email, trimmed and lowercased: how customers are matched. */
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }).max(254))
  .openapi({ example: 'ana@example.com' });

/**
 * A phone number as typed. Only its characters are judged here: the route reads it in the business's
 * region and stores E.164 (see api/phone-input.ts and domain/phone.ts).
 */
export const phoneField = z
  .string()
  .trim()
  .max(40)
  // Shape only (digits and separators, a plausible count of digits) so a hopeless value is refused with
  // the rest of the body; whether it is a number in the region is for the route, which knows the region.
  .regex(/^\+?[0-9\s().\-/]+$/, PHONE_FORMAT_HINT)
  .regex(/^(\D*\d){6,17}\D*$/, PHONE_FORMAT_HINT)
  .openapi({
    type: 'string',
    example: '+14155550123',
    description:
      'International (`+44 20 7946 0958`) or national in the business’s country (`020 7946 0958` for a GB ' +
      'business; the organization’s first business for a customer created alone; US when unknown). Spaces, ' +
      'dashes, dots and parentheses are ignored. Stored as E.164.',
  });

export const customerNameField = z.string().trim().min(1).max(200);

/** A customer's tags as every API takes them: up to 20 of up to 50 characters, repeats dropped. */
export const customerTagsField = z
  .array(z.string().trim().min(1).max(50))
  .max(20)
  .transform((tags) => [...new Set(tags)]);

const customerFields = {
  name: customerNameField.nullable().optional(),
  email: emailField.nullable().optional(),
  phone: phoneField.nullable().optional(),
  tags: customerTagsField
    .optional()
    .openapi({ description: 'Up to 20 tags of up to 50 characters; replace the current ones' }),
  notes: z.string().max(2000).nullable().optional(),
  optOut: z.boolean().optional().openapi({ description: '`true` stops every message to this customer' }),
  source: z.string().trim().min(1).max(100).nullable().optional().openapi({
    description: 'Where the contact came from (e.g. `api`, `shopify`); free text',
    example: 'shopify',
  }),
  sourceContactId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullable()
    .optional()
    .openapi({ description: 'The contact’s id in that source', example: 'number123' }),
  businessIds: z
    .array(idOf('biz'))
    .max(100)
    .transform((ids) => [...new Set(ids)])
    .optional()
    .openapi({
      description: 'The businesses (locations) the customer belongs to; replace the current links',
      example: ['biz_3kTz9QwErTyUiOpA'],
    }),
};

export const createCustomerBody = z
  .object(customerFields)
  .strict()
  .refine((c) => c.email || c.phone, { message: 'give an email or a phone', path: ['email'] })
  .openapi('CreateCustomer');

export const updateCustomerBody = z
  .object(customerFields)
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: 'give at least one field to change' })
  .openapi('UpdateCustomer');

export const listCustomersQuery = paginationQuery.extend({
  businessId: idOf('biz')
    .optional()
    .openapi({ description: 'Customers with a request, review or feedback at this business' }),
  search: z.string().max(200).optional().openapi({ description: 'Part of the name, email or phone' }),
  tags: commaListQuery(20)
    .optional()
    .openapi({ description: 'Comma-separated; customers carrying any of them', example: 'vip,regular' }),
  optOut: booleanQuery.optional(),
  linkedBusinessId: idOf('biz')
    .optional()
    .openapi({ description: 'Customers linked to this business (see `businessIds`)' }),
});

export const customerSchema = z
  .object({
    id: z.string().openapi({ example: 'cust_3kTz9QwErTyUiOpA' }),
    organizationId: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable().openapi({ description: 'E.164' }),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    optOut: z.boolean(),
    optedOutAt: z.string().nullable(),
    invalid: z.boolean().openapi({ description: 'A message bounced or the number cannot receive' }),
    invalidReason: z.string().nullable(),
    source: z.string().nullable().openapi({ description: 'Where the contact came from (free text)' }),
    sourceContactId: z.string().nullable().openapi({ description: 'The contact’s id in that source' }),
    businessIds: z
      .array(z.string())
      .openapi({ description: 'The businesses (locations) the customer belongs to, oldest link first' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Customer');
