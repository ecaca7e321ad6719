import { z } from '@hono/zod-openapi';

export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).openapi({ example: 1 }),
  perPage: z.coerce.number().int().min(1).max(100).default(25).openapi({ example: 25 }),
});

export type PageRequest = { page: number; perPage: number };

/** SQL LIMIT/OFFSET for a page request. */
export function pageWindow({ page, perPage }: PageRequest): { limit: number; offset: number } {
  return { limit: perPage, offset: (page - 1) * perPage };
}

/** The list envelope of DESIGN §4. */
export function paginated<T>(items: T[], total: number, { page, perPage }: PageRequest) {
  return { data: items, pagination: { page, perPage, total, totalPages: Math.ceil(total / perPage) } };
}

/** The same envelope around items that are already JSON text (a JSON array). */
export function paginatedJson(itemsJson: string, total: number, request: PageRequest): string {
  return `{"data":${itemsJson},"pagination":${JSON.stringify(paginated([], total, request).pagination)}}`;
}

/** OpenAPI schema of a paginated list of `item`. */
export function paginatedSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    data: z.array(item),
    pagination: z.object({
      page: z.number().int(),
      perPage: z.number().int(),
      total: z.number().int(),
      totalPages: z.number().int(),
    }),
  });
}
