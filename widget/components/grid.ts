import type { Ctx } from '../context';
import { h } from '../dom';
import type { WidgetReview } from '../types';
import { ReviewCard } from './review-card';

/** Reviews in columns that follow the width the host gives the widget (container queries), not the window's. */
export function Grid(reviews: WidgetReview[], ctx: Ctx): HTMLElement {
  return h(
    'div',
    { class: 'gw' },
    h(
      'div',
      { class: 'grid' },
      reviews.map((review) => ReviewCard(review, ctx)),
    ),
  );
}
