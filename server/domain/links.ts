/** The public review platforms Plaudit links to, and how each one's "write a review" link is built. */
export const PLATFORMS = [
  { id: 'google', name: 'Google', deepLink: true },
  { id: 'yelp', name: 'Yelp', deepLink: true },
  { id: 'facebook', name: 'Facebook', deepLink: true },
  { id: 'tripadvisor', name: 'Tripadvisor', deepLink: true },
  { id: 'trustpilot', name: 'Trustpilot', deepLink: true },
] as const;

export type PlatformId = (typeof PLATFORMS)[number]['id'];

/** Platform settings as stored: only the identifiers each deep link needs. */
export type PlatformSettings = {
  google?: { placeId?: string; reviewUrl?: string };
  yelp?: { bizId: string };
  facebook?: { page: string };
  tripadvisor?: { geoId: string; locationId: string };
  trustpilot?: { domain: string };
  custom?: Array<{ name: string; url: string }>;
};

export type ReviewLink = { platform: PlatformId | 'custom'; name: string; url: string };

/** The "write a review" link of every configured platform, in display order (DESIGN §3). */
export function reviewLinks(settings: PlatformSettings): ReviewLink[] {
  const links: ReviewLink[] = [];
  const { google, yelp, facebook, tripadvisor, trustpilot, custom } = settings;
  if (google?.reviewUrl) links.push({ platform: 'google', name: 'Google', url: google.reviewUrl });
  else if (google?.placeId) {
    links.push({
      platform: 'google',
      name: 'Google',
      url: `https://search.google.com/local/writereview?placeid=${encodeURIComponent(google.placeId)}`,
    });
  }
  if (yelp) {
    links.push({
      platform: 'yelp',
      name: 'Yelp',
      url: `https://www.yelp.com/writeareview/biz/${encodeURIComponent(yelp.bizId)}`,
    });
  }
  if (facebook) {
    links.push({
      platform: 'facebook',
      name: 'Facebook',
      url: `https://www.facebook.com/${encodeURIComponent(facebook.page)}/reviews`,
    });
  }
  if (tripadvisor) {
    links.push({
      platform: 'tripadvisor',
      name: 'Tripadvisor',
      url: `https://www.tripadvisor.com/UserReviewEdit-g${tripadvisor.geoId}-d${tripadvisor.locationId}`,
    });
  }
  if (trustpilot) {
    links.push({
      platform: 'trustpilot',
      name: 'Trustpilot',
      url: `https://www.trustpilot.com/evaluate/${trustpilot.domain}`,
    });
  }
  for (const link of custom ?? []) links.push({ platform: 'custom', name: link.name, url: link.url });
  return links;
}

/** Yelp business id from `https://www.yelp.com/biz/{id}` or a bare id. */
export function yelpBizId(value: string): string | undefined {
  const fromUrl = value.match(/^https:\/\/(?:[a-z]+\.)?yelp\.[a-z.]+\/(?:biz|writeareview\/biz)\/([^/?#]+)/i);
  if (fromUrl) return decodeURIComponent(fromUrl[1]);
  return /^[A-Za-z0-9_-]{2,200}$/.test(value) ? value : undefined;
}

/** Facebook page name or id from `https://www.facebook.com/{page}` or a bare name. */
export function facebookPage(value: string): string | undefined {
  const fromUrl = value.match(/^https:\/\/(?:www\.|m\.)?facebook\.com\/([^/?#]+)/i);
  if (fromUrl) return decodeURIComponent(fromUrl[1]);
  return /^[A-Za-z0-9.\-_]{2,100}$/.test(value) ? value : undefined;
}

/** Tripadvisor geo and location ids from any Tripadvisor URL containing `-g{geo}-d{location}`. */
export function tripadvisorIds(value: string): { geoId: string; locationId: string } | undefined {
  const match = value.match(/^https:\/\/(?:www\.)?tripadvisor\.[a-z.]+\/.*-g(\d+)-d(\d+)/i);
  return match ? { geoId: match[1], locationId: match[2] } : undefined;
}

/** A domain name as Trustpilot knows it (`example.com`), from a bare domain or a URL. */
export function trustpilotDomain(value: string): string | undefined {
  const fromUrl = value.match(/^https:\/\/(?:www\.)?trustpilot\.com\/(?:review|evaluate)\/([^/?#]+)/i);
  const domain = (fromUrl ? fromUrl[1] : value).toLowerCase();
  return /^(?=.{4,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/.test(domain) ? domain : undefined;
}

/** Google's own review short links and write-review URLs; anything else is not a Google link. */
export function isGoogleReviewUrl(value: string): boolean {
  return /^https:\/\/(g\.page\/r\/[^/]+\/review|search\.google\.com\/local\/writereview\?|(www\.)?google\.[a-z.]+\/maps\/|maps\.app\.goo\.gl\/|g\.co\/kgs\/)/i.test(
    value,
  );
}
