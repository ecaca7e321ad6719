import { type Ctx, formatRating, safeUrl } from '../context';
import { h } from '../dom';
import { countLabel } from '../i18n';
import type { WidgetData } from '../types';
import { Stars } from './stars';

/** Business name, the average over ALL visible reviews with a line saying so, and "Leave a review". */
export function Summary(data: WidgetData, ctx: Ctx): HTMLElement {
  const { averageRating, totalReviews } = data.summary;
  const href = safeUrl(data.reviewLink);
  const average = averageRating === null ? null : formatRating(ctx.lang, averageRating);
  return h(
    'div',
    { class: 'sum' },
    h(
      'div',
      null,
      h('p', { class: 'nm' }, data.business.name),
      average &&
        h(
          'p',
          { class: 'row' },
          h('strong', { class: 'avg' }, average),
          Stars(averageRating ?? 0, ctx.t('rated', { r: average })),
          h('span', { class: 'mu' }, countLabel(ctx.t, ctx.lang, totalReviews)),
        ),
      h('p', { class: 'mu sm' }, ctx.t('basedOn', { n: totalReviews.toLocaleString(ctx.lang) })),
    ),
    href && h('a', { class: 'btn', href, target: '_blank', rel: 'noopener' }, ctx.t('leaveReview')),
  );
}
