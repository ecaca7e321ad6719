import type { z } from 'zod';
import type { createReviewBody, importResultSchema } from '../../server/api/reviews-schemas';
import { call, qs, type Review } from '../api';

export type ReviewInput = z.input<typeof createReviewBody>;
export type ImportResult = z.infer<typeof importResultSchema>;

/** The review-writing calls of the add and import screens; each an ordinary API call. */
export const reviewsApi = {
  create: (body: ReviewInput) => call<Review>('POST', '/reviews', body),
  /** A CSV document goes as `text/csv`; a JSON array as JSON (the server reads either). */
  import: (businessId: string, content: string, format: 'csv' | 'json') =>
    call<ImportResult>(
      'POST',
      `/reviews/import${qs({ businessId })}`,
      format === 'csv' ? new Blob([content], { type: 'text/csv' }) : JSON.parse(content),
    ),
};
