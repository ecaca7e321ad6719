import type { AppDeps } from '../../http/context';
import { type Business, getBusiness } from '../../store/businesses';
import { getReview, type Review } from '../../store/reviews';
import { idOfRowNumber } from '../../store/row-numbers';

/** A positive integer from a path or query value, or undefined (a non-number names nothing). */
export function integerOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

/** The organization's business behind the product's organisation (or location) integer. */
export function businessOfNumber(deps: AppDeps, orgId: string, n: number | undefined): Business | undefined {
  if (n === undefined) return undefined;
  const id = idOfRowNumber(deps.db, 'businesses', orgId, n);
  return id ? getBusiness(deps.db, orgId, id) : undefined;
}

/** The organization's review behind the product's review integer. */
export function reviewOfNumber(deps: AppDeps, orgId: string, n: number | undefined): Review | undefined {
  if (n === undefined) return undefined;
  const id = idOfRowNumber(deps.db, 'reviews', orgId, n);
  return id ? getReview(deps.db, orgId, id) : undefined;
}
