import { en } from '../../landing/i18n/en';
import type { FlowProps } from '../../landing/types';
import type { Gating } from '../../server/domain/gating';

/** Island props as the server would serialize them. */
export function flow(gating: Partial<Gating> = {}, overrides: Partial<FlowProps> = {}): FlowProps {
  return {
    token: 'visit_test',
    business: 'Joe’s Coffee',
    greeting: null,
    gating: { mode: 'soft', threshold: 4, scale: 'stars', ...gating },
    platforms: [
      { key: 'google', name: 'Google', href: '/go/visit_test/google' },
      { key: 'yelp', name: 'Yelp', href: '/go/visit_test/yelp' },
    ],
    rating: null,
    t: en,
    ...overrides,
  };
}
