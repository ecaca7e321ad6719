import { z } from '@hono/zod-openapi';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const fields = {
  feedback: z.boolean().openapi({ description: 'Email me each new private feedback' }),
  lowRating: z
    .number()
    .int()
    .min(1)
    .max(5)
    .nullable()
    .openapi({ description: 'Email me each new review at or below this many stars; null: off', example: 2 }),
  digestHour: z
    .number()
    .int()
    .min(0)
    .max(23)
    .nullable()
    .openapi({ description: 'Send a daily digest at this local hour (0–23); null: off', example: 8 }),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris')
    .openapi({ description: 'The time zone of digestHour', example: 'Europe/Paris' }),
};

export const notificationPreferencesSchema = z
  .object({
    organizationId: z.string(),
    ...fields,
  })
  .openapi('NotificationPreferences');

export const notificationPreferencesBody = z
  .object({ ...fields, timeZone: fields.timeZone.optional() })
  .strict()
  .openapi('NotificationPreferencesInput');
