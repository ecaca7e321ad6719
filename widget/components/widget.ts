import type { WidgetOptions } from '../config';
import { makeCtx } from '../context';
import { h } from '../dom';
import type { Lang } from '../i18n';
import type { WidgetData, WidgetReview } from '../types';
import { Badge } from './badge';
import { Carousel } from './carousel';
import { Grid } from './grid';
import { List } from './list';
import { Summary } from './summary';

/** The reviews this widget shows: one request serves every widget of a business, so each filters its own share. */
export function pickReviews(reviews: WidgetReview[], options: WidgetOptions): WidgetReview[] {
  return reviews
    .filter((r) => r.rating >= options.minRating && (!options.sources || options.sources.includes(r.source)))
    .slice(0, options.limit);
}

/** One widget: theme, direction and accent on its root, then the chosen layout. `destroy` stops its timers. */
export function Widget(
  options: WidgetOptions,
  data: WidgetData,
  lang: Lang,
): { node: HTMLElement; destroy: () => void } {
  const ctx = makeCtx(lang, options.showReplies);
  const reviews = pickReviews(data.reviews, options);
  const { layout } = options;
  const body =
    layout === 'badge' || layout === 'floating'
      ? Badge(data, reviews, ctx, layout === 'floating')
      : [
          options.showSummary && Summary(data, ctx),
          layout === 'carousel'
            ? Carousel(reviews, ctx, data.business.name, options.autoplay)
            : (layout === 'grid' ? Grid : List)(reviews, ctx),
        ];
  const node = h(
    'div',
    {
      class: 'pw',
      'data-theme': options.theme,
      dir: ctx.rtl ? 'rtl' : 'ltr',
      lang,
      style: options.accent ? { '--pw-ac': options.accent } : null,
    },
    body,
  );
  return {
    node,
    destroy: () => {
      for (const fn of ctx.cleanups) fn();
    },
  };
}
