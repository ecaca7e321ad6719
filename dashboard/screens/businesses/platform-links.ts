import {
  facebookPage,
  type PlatformSettings,
  type ReviewLink,
  reviewLinks,
  tripadvisorIds,
  trustpilotDomain,
  yelpBizId,
} from '../../../server/domain/links';

/** What the owner types in the platforms editor: one text per platform, and named custom links. */
export type PlatformDraft = {
  google: string;
  yelp: string;
  facebook: string;
  tripadvisor: string;
  trustpilot: string;
  custom: Array<{ name: string; url: string }>;
};

const isUrl = (value: string) => /^https:\/\//i.test(value);

/** The editor's texts from stored settings: the form the owner would have typed. */
export function draftOf(p: PlatformSettings): PlatformDraft {
  return {
    google: p.google?.reviewUrl ?? p.google?.placeId ?? '',
    yelp: p.yelp?.bizId ?? '',
    facebook: p.facebook?.page ?? '',
    tripadvisor: p.tripadvisor
      ? `https://www.tripadvisor.com/Restaurant_Review-g${p.tripadvisor.geoId}-d${p.tripadvisor.locationId}`
      : '',
    trustpilot: p.trustpilot?.domain ?? '',
    custom: p.custom ?? [],
  };
}

/** A Google text as the API takes it: a review short link (https://g.page/r/…/review) or a place id. */
const googleOf = (text: string) => (isUrl(text) ? { reviewUrl: text } : { placeId: text });

/**
 * The body the API receives for a draft (empty texts leave a platform out), and the deep link each row will
 * produce — worked out by the same pure functions the server uses, so the preview is what customers get.
 */
export function platformsOf(draft: PlatformDraft): {
  body: Record<string, unknown>;
  links: Partial<Record<keyof PlatformDraft, ReviewLink | null>>;
  customLinks: Array<ReviewLink | null>;
} {
  const body: Record<string, unknown> = {};
  const settings: PlatformSettings = {};
  const google = draft.google.trim();
  if (google) settings.google = body.google = googleOf(google);
  const yelp = draft.yelp.trim();
  if (yelp) {
    body.yelp = isUrl(yelp) ? { url: yelp } : { bizId: yelp };
    const bizId = yelpBizId(yelp);
    if (bizId) settings.yelp = { bizId };
  }
  const facebook = draft.facebook.trim();
  if (facebook) {
    body.facebook = isUrl(facebook) ? { url: facebook } : { page: facebook };
    const page = facebookPage(facebook);
    if (page) settings.facebook = { page };
  }
  const tripadvisor = draft.tripadvisor.trim();
  if (tripadvisor) {
    body.tripadvisor = { url: tripadvisor };
    settings.tripadvisor = tripadvisorIds(tripadvisor);
  }
  const trustpilot = draft.trustpilot.trim();
  if (trustpilot) {
    body.trustpilot = isUrl(trustpilot) ? { url: trustpilot } : { domain: trustpilot };
    const domain = trustpilotDomain(trustpilot);
    if (domain) settings.trustpilot = { domain };
  }
  const custom = draft.custom.filter((c) => c.name.trim() || c.url.trim());
  if (custom.length) body.custom = custom.map((c) => ({ name: c.name.trim(), url: c.url.trim() }));
  const built = reviewLinks(settings);
  const linkOf = (id: string) => built.find((l) => l.platform === id) ?? null;
  return {
    body,
    links: {
      google: google ? linkOf('google') : null,
      yelp: yelp ? linkOf('yelp') : null,
      facebook: facebook ? linkOf('facebook') : null,
      tripadvisor: tripadvisor ? linkOf('tripadvisor') : null,
      trustpilot: trustpilot ? linkOf('trustpilot') : null,
    },
    customLinks: custom.map((c) =>
      isUrl(c.url.trim()) && c.name.trim()
        ? { platform: 'custom', name: c.name.trim(), url: c.url.trim() }
        : null,
    ),
  };
}
