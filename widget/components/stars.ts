import { h } from '../dom';

/** Five stars filled to `rating` (fractions allowed), announced as one image named `label`. */
export function Stars(rating: number, label: string): HTMLElement {
  const width = `${Math.max(0, Math.min(5, rating)) * 20}%`;
  return h(
    'span',
    { class: 'st', role: 'img', 'aria-label': label },
    h('span', { class: 'on', style: { width } }, '★★★★★'),
    '★★★★★',
  );
}
