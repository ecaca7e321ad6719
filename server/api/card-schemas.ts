import { z } from '@hono/zod-openapi';

const text = (max: number) => z.string().trim().min(1).max(max);

export const cardSchema = z
  .object({
    id: z.string().openapi({ example: 'card_3kTz9QwErTyUiOpA' }),
    businessId: z.string(),
    code: z.string().openapi({ example: 'aB3dE5gH7jK9' }),
    url: z.string().openapi({
      example: 'https://reviews.example.com/t/aB3dE5gH7jK9',
      description: 'Write this onto the NFC tag',
    }),
    label: z.string().nullable(),
    staffMember: z.string().nullable(),
    active: z.boolean(),
    taps: z.number().int(),
    lastTapAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Card');

export const cardWithStatsSchema = cardSchema
  .extend({
    stats: z.object({
      ratings: z.number().int(),
      averageRating: z.number().nullable().openapi({ description: 'Average score on the business’s scale' }),
      completions: z
        .number()
        .int()
        .openapi({ description: 'Visits that ended in a platform click or private feedback' }),
    }),
  })
  .openapi('CardWithStats');

export const createCardsBody = z
  .object({
    businessId: z.string().min(1).max(64),
    count: z
      .number()
      .int()
      .min(1)
      .max(500)
      .default(1)
      .openapi({ description: 'How many cards (batch ≤ 500)' }),
    label: text(100).optional(),
    labelPrefix: text(90).optional().openapi({ description: 'Batch labels become "Prefix 1" … "Prefix n"' }),
    staffMember: text(100).optional(),
  })
  .strict()
  .openapi('CreateCards');

export const updateCardBody = z
  .object({
    label: text(100).nullable().optional(),
    staffMember: text(100).nullable().optional(),
    businessId: z.string().min(1).max(64).optional().openapi({ description: 'Reassign to another business' }),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('UpdateCard');

export const listCardsQuery = z.object({
  businessId: z.string().max(64).optional(),
  staffMember: z.string().max(100).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export const sheetQuery = z.object({
  ids: z
    .string()
    .max(20_000)
    .optional()
    .transform((value) =>
      value
        ?.split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .openapi({
      description: 'Comma-separated card ids; default: every active card (of the business, if given)',
    }),
  businessId: z.string().max(64).optional(),
  columns: z.coerce.number().int().min(1).max(6).default(3),
});

export const cardStatsQuery = z.object({
  groupBy: z
    .enum(['card', 'staff'])
    .default('card')
    .openapi({ description: 'One row per card or per staff member' }),
  businessId: z.string().max(64).optional(),
});

const figures = {
  taps: z.number().int(),
  ratings: z.number().int(),
  completions: z
    .number()
    .int()
    .openapi({ description: 'Visits that ended in a platform click or private feedback' }),
};

export const cardStatsSchema = z
  .object({
    groupBy: z.enum(['card', 'staff']),
    data: z.array(
      z.object({
        cardId: z.string().nullable().openapi({ description: 'Per card only' }),
        label: z.string().nullable(),
        staffMember: z
          .string()
          .nullable()
          .openapi({ description: 'Per staff member: null groups unassigned cards' }),
        active: z.boolean().nullable().openapi({ description: 'Per card only' }),
        cards: z.number().int(),
        ...figures,
      }),
    ),
  })
  .openapi('CardStats');
