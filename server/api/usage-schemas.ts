import { z } from '@hono/zod-openapi';

const allowanceSchema = z.object({
  limit: z.number().int().nullable().openapi({ description: 'Messages a month; null = unlimited' }),
  used: z
    .number()
    .int()
    .openapi({ description: 'Messages queued or sent this period (sandbox ones never count)' }),
  left: z.number().int().nullable().openapi({ description: 'null = unlimited' }),
});

export const usageSchema = z
  .object({
    organizationId: z.string(),
    periodStart: z.string().openapi({ description: 'Start of the current monthly period (ISO 8601 UTC)' }),
    renews: z.string().openapi({ description: 'When the allowances renew: the end of the current period' }),
    renewalAnchor: z.string().openapi({ description: 'Periods run a calendar month from this instant' }),
    sms: allowanceSchema.openapi({ description: 'Text messages: SMS and WhatsApp' }),
    email: allowanceSchema,
  })
  .openapi('Usage');

export const limitsSchema = z
  .object({
    smsPerMonth: z.number().int().nullable(),
    emailPerMonth: z.number().int().nullable(),
    renewalAnchor: z.string(),
  })
  .openapi('OrganizationLimits');

export const businessLimitSchema = z
  .number()
  .int()
  .nullable()
  .openapi({ description: 'Active (not archived) businesses it may keep; null = unlimited (PUT …/limits)' });

const allowanceField = z
  .number()
  .int()
  .min(0)
  .max(100_000_000)
  .nullable()
  .openapi({ description: 'Messages a month; null = unlimited, 0 = none' });

export const limitsBody = z
  .object({
    smsPerMonth: allowanceField,
    emailPerMonth: allowanceField,
    renewalAnchor: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 date-time' })
      .optional()
      .openapi({
        description: 'Periods run a calendar month from here; omitted: unchanged (first: creation)',
      }),
    businessLimit: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .nullable()
      .optional()
      .openapi({
        description:
          'Active (not archived) businesses it may keep; null = unlimited; omitted: unchanged. Creating one ' +
          'more is refused with 409 CONFLICT; businesses it has already stay.',
      }),
  })
  .strict()
  .openapi('OrganizationLimitsInput');
