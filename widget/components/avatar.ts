import { safeUrl } from '../context';
import { h } from '../dom';

/** Up to two initials, counting characters rather than UTF-16 units so accents and emoji survive. */
export function initials(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => Array.from(word)[0] || '')
    .join('')
    .toUpperCase();
}

/** The author's picture, replaced by their initials when missing or broken. Decorative: the name is shown beside it. */
export function Avatar(name: string, url: string | null): HTMLElement {
  const fallback = h('span', { class: 'av', 'aria-hidden': 'true' }, initials(name));
  const src = safeUrl(url);
  if (!src) return fallback;
  const img = h('img', {
    class: 'av',
    src,
    alt: '',
    width: 40,
    height: 40,
    loading: 'lazy',
    referrerpolicy: 'no-referrer',
  });
  img.addEventListener('error', () => img.replaceWith(fallback));
  return img;
}
