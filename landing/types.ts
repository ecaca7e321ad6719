import type { Gating } from '../server/domain/gating';
import type { Strings } from './i18n/en';

/** A platform button: `href` is the `/go/…` tracking redirect, never the platform URL itself. */
export type PlatformButton = { key: string; name: string; href: string };

/** A form the server sent back with errors, so the customer keeps what they typed. */
export type FormState = {
  kind: 'feedback' | 'testimonial';
  errors: Record<string, string>;
  values: Record<string, string>;
};

/** Everything the rating flow needs; serialized as the island's props, so plain data only. */
export type FlowProps = {
  /** The visit token; empty for a link preview, which renders no forms. */
  token: string;
  business: string;
  greeting: string | null;
  gating: Gating;
  platforms: PlatformButton[];
  rating: number | null;
  form?: FormState;
  t: Strings;
};

export type BrandProps = { name: string; logoUrl: string | null };
