import { type Ctx, formatRating } from '../context';
import { h } from '../dom';
import { countLabel } from '../i18n';
import type { WidgetData, WidgetReview } from '../types';
import { List } from './list';
import { Summary } from './summary';

/**
 * "4.8 ★ · 142 reviews": a button that opens the reviews in a modal dialog. Esc, × and the backdrop close it and
 * focus returns to the button. `floating` pins it to a corner of the viewport.
 */
export function Badge(data: WidgetData, reviews: WidgetReview[], ctx: Ctx, floating: boolean): HTMLElement {
  const { averageRating, totalReviews } = data.summary;
  const average = averageRating === null ? '–' : formatRating(ctx.lang, averageRating);
  const count = countLabel(ctx.t, ctx.lang, totalReviews);

  const open = () => {
    const closed = () => {
      if (!dialog.isConnected) return;
      dialog.remove();
      button.focus();
    };
    const close = () => (dialog.open && dialog.close ? dialog.close() : closed());
    const dialog = h(
      'dialog',
      {
        class: 'dlg',
        'aria-labelledby': 'pw-dt',
        onClose: closed,
        onClick: (event: Event) => event.target === dialog && close(),
        onKeydown: (event: KeyboardEvent) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          close();
        },
      },
      h(
        'div',
        { class: 'dh' },
        h('h2', { id: 'pw-dt' }, data.business.name),
        h('button', { type: 'button', class: 'x', 'aria-label': ctx.t('close'), onClick: close }, '×'),
      ),
      Summary(data, ctx),
      List(reviews, ctx),
    ) as HTMLDialogElement;
    button.after(dialog);
    if (dialog.showModal) dialog.showModal();
    else dialog.setAttribute('open', '');
  };

  const button = h(
    'button',
    {
      type: 'button',
      class: floating ? 'badge fl' : 'badge',
      'aria-haspopup': 'dialog',
      'aria-label': `${ctx.t('rated', { r: average })} · ${count}`,
      onClick: open,
    },
    h('strong', null, average),
    h('span', { class: 'star', 'aria-hidden': 'true' }, '★'),
    h('span', null, `· ${count}`),
  );
  return button;
}
