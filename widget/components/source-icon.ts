import { h } from '../dom';

// Brand colour, letter and name per source: a small mark instead of full logos keeps the bundle small.
const ICONS: Record<string, string[]> = {
  google: ['#4285f4', 'G', 'Google'],
  yelp: ['#d32323', 'Y', 'Yelp'],
  facebook: ['#1877f2', 'f', 'Facebook'],
  tripadvisor: ['#00af87', 'T', 'Tripadvisor'],
  trustpilot: ['#00b67a', '★', 'Trustpilot'],
};

/** An inline-SVG mark for the platform a review came from; direct reviews and testimonials get none. */
export function SourceIcon(source: string): HTMLElement | null {
  const icon = ICONS[source];
  if (!icon) return null;
  return h(
    'svg',
    { class: 'src', viewBox: '0 0 16 16', width: 16, height: 16, role: 'img', 'aria-label': icon[2] },
    h('circle', { cx: 8, cy: 8, r: 8, fill: icon[0] }),
    h(
      'text',
      { x: 8, y: 12, 'text-anchor': 'middle', 'font-size': 10, 'font-weight': 700, fill: '#fff' },
      icon[1],
    ),
  );
}
