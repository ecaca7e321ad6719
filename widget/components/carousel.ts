import type { Ctx } from '../context';
import { h } from '../dom';
import type { WidgetReview } from '../types';
import { ReviewCard } from './review-card';

const SWIPE_PX = 40;

const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * One review at a time with previous/next buttons, arrow keys and swipe. It only moves by itself when the owner
 * asked (`autoplay` seconds), never under prefers-reduced-motion, and pauses on hover and focus.
 */
export function Carousel(
  reviews: WidgetReview[],
  ctx: Ctx,
  label: string,
  autoplay: number,
): HTMLElement | null {
  const count = reviews.length;
  if (!count) return null;
  let index = 0;
  let paused = false;
  let swipeFrom: number | null = null;
  const slide = h('div', { class: 'slide', 'aria-live': 'polite' });
  const position = h('span', { class: 'mu', 'aria-hidden': 'true' });
  const go = (step: number) => {
    index = (index + step + count) % count;
    const of = `${index + 1} / ${count}`;
    slide.replaceChildren(
      h(
        'div',
        { role: 'group', 'aria-roledescription': 'slide', 'aria-label': of },
        ReviewCard(reviews[index], ctx),
      ),
    );
    position.textContent = of;
  };
  go(0);
  // Arrow keys and swipes follow what the eye sees, which flips in right-to-left languages.
  const forward = ctx.rtl ? -1 : 1;
  const pause = (value: boolean) => () => {
    paused = value;
  };
  const root = h(
    'section',
    {
      class: 'car',
      'aria-roledescription': 'carousel',
      'aria-label': label,
      // The region takes focus so arrow keys work without hunting for a button.
      tabindex: 0,
      onKeydown: (event: KeyboardEvent) => {
        if (event.key === 'ArrowRight') go(forward);
        else if (event.key === 'ArrowLeft') go(-forward);
        else return;
        event.preventDefault();
      },
      onPointerdown: (event: PointerEvent) => {
        swipeFrom = event.clientX;
      },
      onPointerup: (event: PointerEvent) => {
        const dx = swipeFrom === null ? 0 : event.clientX - swipeFrom;
        swipeFrom = null;
        if (Math.abs(dx) > SWIPE_PX) go(dx < 0 ? forward : -forward);
      },
      onMouseenter: pause(true),
      onMouseleave: pause(false),
      onFocusin: pause(true),
      onFocusout: pause(false),
    },
    slide,
    count > 1 &&
      h(
        'div',
        { class: 'nav' },
        h(
          'button',
          { type: 'button', class: 'arw', 'aria-label': ctx.t('previous'), onClick: () => go(-1) },
          '‹',
        ),
        position,
        h('button', { type: 'button', class: 'arw', 'aria-label': ctx.t('next'), onClick: () => go(1) }, '›'),
      ),
  );
  if (autoplay > 0 && count > 1 && !prefersReducedMotion()) {
    // Announcing every automatic change would talk over the page.
    slide.setAttribute('aria-live', 'off');
    const timer = setInterval(() => paused || go(1), autoplay * 1000);
    ctx.cleanups.push(() => clearInterval(timer));
  }
  return root;
}
