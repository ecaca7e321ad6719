import type { Ctx } from '../context';
import { h } from '../dom';
import type { WidgetReview } from '../types';
import { ReviewCard } from './review-card';

/** Reviews stacked one under another. */
export function List(reviews: WidgetReview[], ctx: Ctx): HTMLElement {
  return h(
    'div',
    { class: 'list' },
    reviews.map((review) => ReviewCard(review, ctx)),
  );
}
