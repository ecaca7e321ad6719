/** `businesses create` options: their flags and their mapping onto the API's create body. */

export type CreateOptions = {
  org: string;
  name: string;
  slug?: string;
  address?: string;
  phone?: string;
  website?: string;
  country?: string;
  timezone?: string;
  locale?: string;
  brandColor?: string;
  logoUrl?: string;
  gating?: string;
  threshold?: string;
  scale?: string;
  acknowledgePolicyRisk?: boolean;
  google?: string;
  yelp?: string;
  facebook?: string;
  tripadvisor?: string;
  trustpilot?: string;
};

/** The API's field paths as this command's flags, so a validation message names what the user typed. */
const FLAGS: Record<string, string> = {
  'gating.mode': '--gating',
  'gating.threshold': '--threshold',
  'gating.scale': '--scale',
  'gating.acknowledgePolicyRisk': '--acknowledge-policy-risk',
  brandColor: '--brand-color',
  logoUrl: '--logo-url',
};
export const flagOf = (path: string) =>
  FLAGS[path] ?? `--${path.split('.')[path.startsWith('platforms.') ? 1 : 0]}`;

/** The command-line options as the API's create body, so the same zod schema validates both. */
export function bodyOf(o: CreateOptions): Record<string, unknown> {
  const gating = {
    mode: o.gating,
    threshold: o.threshold !== undefined && /^-?\d+$/.test(o.threshold) ? Number(o.threshold) : o.threshold,
    scale: o.scale,
    acknowledgePolicyRisk: o.acknowledgePolicyRisk,
  };
  const platforms = {
    google: o.google && (/^https?:/i.test(o.google) ? { reviewUrl: o.google } : { placeId: o.google }),
    yelp: o.yelp && { url: o.yelp },
    facebook: o.facebook && { url: o.facebook },
    tripadvisor: o.tripadvisor && { url: o.tripadvisor },
    trustpilot: o.trustpilot && { domain: o.trustpilot },
  };
  const defined = (object: Record<string, unknown>) => {
    const kept = Object.fromEntries(
      Object.entries(object).filter(([, value]) => value !== undefined && value !== ''),
    );
    return Object.keys(kept).length ? kept : undefined;
  };
  return defined({
    name: o.name,
    slug: o.slug,
    address: o.address,
    phone: o.phone,
    website: o.website,
    country: o.country,
    timezone: o.timezone,
    locale: o.locale,
    brandColor: o.brandColor,
    logoUrl: o.logoUrl,
    gating: defined(gating),
    platforms: defined(platforms),
  })!;
}
