import type { Ctx } from '../context';
import { h } from '../dom';
import type { WidgetReview } from '../types';
import { Avatar } from './avatar';
import { SourceIcon } from './source-icon';
import { Stars } from './stars';

// Longer texts fold to a few lines (CSS line-clamp) behind "Read more"; the full text stays in the DOM for screen readers.
const FOLD_AT = 240;

/** One review card: author, date, source, stars, text (always as text), and the owner's reply. */
export function ReviewCard(review: WidgetReview, ctx: Ctx): HTMLElement {
  const long = review.content.length > FOLD_AT;
  const text = h('p', { class: long ? 'tx fold' : 'tx' }, review.content);
  const more =
    long &&
    h(
      'button',
      {
        type: 'button',
        class: 'lnk',
        'aria-expanded': 'false',
        onClick: (event: Event) => {
          const button = event.currentTarget as HTMLElement;
          const folded = text.classList.toggle('fold');
          button.setAttribute('aria-expanded', String(!folded));
          button.textContent = ctx.t(folded ? 'readMore' : 'showLess');
        },
      },
      ctx.t('readMore'),
    );
  return h(
    'article',
    { class: 'card' },
    h(
      'div',
      { class: 'hd' },
      Avatar(review.authorName, review.authorAvatarUrl),
      h(
        'div',
        { class: 'who' },
        h('span', { class: 'nm' }, review.authorName),
        h('time', { class: 'mu', datetime: review.publishedAt }, ctx.date(review.publishedAt)),
      ),
      SourceIcon(review.source),
    ),
    Stars(review.rating, ctx.t('rated', { r: review.rating })),
    review.title && h('p', { class: 'nm' }, review.title),
    text,
    more,
    ctx.replies &&
      review.reply &&
      h(
        'div',
        { class: 'rp' },
        h('p', { class: 'nm' }, ctx.t('reply')),
        h('p', { class: 'tx' }, review.reply),
      ),
  );
}
