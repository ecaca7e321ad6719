import type { Db } from './db';
import { boundedStatement, type ReviewFilter, reviewWhere } from './review-queries';
import type { Review } from './reviews';

/** What a bulk edit may set on each review: the curation fields every review accepts. */
export type BulkSet = { showOnWidget?: boolean; hidden?: boolean; addTags?: string[]; removeTags?: string[] };

/**
 * The ids of the organization's reviews matching `filter`, newest first, at most `limit` + 1 so the caller
 * can tell "too many" from "exactly the limit".
 */
export function reviewIdsMatching(
  db: Db,
  organizationId: string,
  filter: ReviewFilter,
  limit: number,
): string[] {
  const clause = reviewWhere(organizationId, filter);
  if (!clause) return [];
  return boundedStatement(
    db,
    `SELECT id FROM reviews WHERE ${clause.where} ORDER BY published_at DESC, id DESC LIMIT ${limit + 1}`,
  )
    .pluck(true)
    .all(...clause.args) as string[];
}

/** The patch `set` makes on one review, or undefined when the review already is that way. */
export function bulkPatchOf(
  review: Review,
  set: BulkSet,
): Partial<Pick<Review, 'showOnWidget' | 'hidden' | 'tags'>> | undefined {
  const patch: Partial<Pick<Review, 'showOnWidget' | 'hidden' | 'tags'>> = {};
  if (set.showOnWidget !== undefined && set.showOnWidget !== review.showOnWidget)
    patch.showOnWidget = set.showOnWidget;
  if (set.hidden !== undefined && set.hidden !== review.hidden) patch.hidden = set.hidden;
  if (set.addTags || set.removeTags) {
    const removed = new Set(set.removeTags);
    const tags = [...new Set([...review.tags, ...(set.addTags ?? [])])].filter((tag) => !removed.has(tag));
    if (tags.length !== review.tags.length || tags.some((tag, i) => tag !== review.tags[i]))
      patch.tags = tags;
  }
  return Object.keys(patch).length ? patch : undefined;
}
