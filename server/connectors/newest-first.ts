import type { PlatformReview } from './connector';

/** Reviews sorted newest first (the order the sync engine expects), whatever order the platform used. */
export function newestFirst(reviews: PlatformReview[]): PlatformReview[] {
  return [...reviews].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}
