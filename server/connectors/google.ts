import { CodeChallengeMethod, OAuth2Client } from 'arctic';
import {
  type Connector,
  type ConnectorSettings,
  PlatformError,
  type PlatformLocation,
  type PlatformReview,
  type TokenSet,
} from './connector';
import { tokenRequest, tokenSetOf } from './oauth-tokens';
import { platformJson } from './platform-http';

const SCOPE = 'https://www.googleapis.com/auth/business.manage';
/** The largest page the v4 reviews list serves. */
const REVIEWS_PAGE_SIZE = 50;
const STARS: Record<string, number> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };

type GoogleReview = {
  name?: string;
  reviewId: string;
  reviewer?: { displayName?: string; profilePhotoUrl?: string; isAnonymous?: boolean };
  starRating?: string;
  comment?: string;
  createTime: string;
  updateTime: string;
  reviewReply?: { comment: string; updateTime: string };
};
type GoogleLocation = {
  name: string;
  title?: string;
  storefrontAddress?: { addressLines?: string[]; locality?: string; postalCode?: string };
  metadata?: { placeId?: string; mapsUri?: string; newReviewUri?: string };
};

/** Google's hosts, or one stand-in origin for all of them (tests, proxies). */
function hosts(baseUrl: string | null) {
  const at = (host: string) => baseUrl ?? `https://${host}`;
  return {
    authorize: `${baseUrl ?? 'https://accounts.google.com'}/o/oauth2/v2/auth`,
    token: `${baseUrl ?? 'https://oauth2.googleapis.com'}/token`,
    accounts: `${at('mybusinessaccountmanagement.googleapis.com')}/v1/accounts`,
    locations: (account: string) =>
      `${at('mybusinessbusinessinformation.googleapis.com')}/v1/${account}/locations`,
    reviews: (location: string) => `${at('mybusiness.googleapis.com')}/v4/${location}/reviews`,
  };
}

const bearer = (tokens: TokenSet) => ({ authorization: `Bearer ${tokens.accessToken}` });

function toReview(review: GoogleReview, location: PlatformLocation): PlatformReview {
  const rating = STARS[review.starRating ?? ''];
  if (!rating) throw new PlatformError('rejected', `review ${review.reviewId} has no star rating`);
  return {
    externalId: review.reviewId,
    rating,
    content: review.comment ?? null,
    authorName: review.reviewer?.displayName || 'A Google user',
    authorAvatarUrl: review.reviewer?.profilePhotoUrl ?? null,
    url: location.url ?? null,
    publishedAt: review.createTime,
    updatedAt: review.updateTime,
    reply: review.reviewReply
      ? { text: review.reviewReply.comment, updatedAt: review.reviewReply.updateTime }
      : null,
  };
}

function address(location: GoogleLocation): string | null {
  const a = location.storefrontAddress;
  if (!a) return null;
  return [...(a.addressLines ?? []), [a.postalCode, a.locality].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
}

/** Google Business Profile: OAuth with PKCE, locations of every account, reviews newest first, replies. */
export const googleConnector = (settings: ConnectorSettings): Connector => {
  const url = hosts(settings.baseUrl);
  const client = (redirectUri: string | null) =>
    new OAuth2Client(settings.clientId ?? '', settings.clientSecret, redirectUri);

  async function* pages<T>(first: string, key: string, tokens: TokenSet): AsyncGenerator<T[]> {
    let pageToken: string | undefined;
    do {
      const target = new URL(first);
      if (pageToken) target.searchParams.set('pageToken', pageToken);
      const page = await platformJson<Record<string, unknown>>(target, { headers: bearer(tokens) });
      yield (page[key] as T[] | undefined) ?? [];
      pageToken = page.nextPageToken as string | undefined;
    } while (pageToken);
  }

  return {
    platform: 'google',
    auth: 'oauth',
    oauth: {
      usesPkce: true,
      authorizeUrl({ state, codeVerifier, redirectUri }) {
        const consent = client(redirectUri).createAuthorizationURLWithPKCE(
          url.authorize,
          state,
          CodeChallengeMethod.S256,
          codeVerifier ?? '',
          [SCOPE],
        );
        // A refresh token comes only with offline access, and only on a consent screen the person saw.
        consent.searchParams.set('access_type', 'offline');
        consent.searchParams.set('prompt', 'consent');
        return consent;
      },
      async exchange({ code, codeVerifier, redirectUri }) {
        const tokens = await tokenRequest(() =>
          client(redirectUri).validateAuthorizationCode(url.token, code, codeVerifier),
        );
        return tokenSetOf(tokens);
      },
      async refresh(tokens) {
        if (!tokens.refreshToken) throw new PlatformError('unauthorized', 'no refresh token: connect again');
        const refreshed = await tokenRequest(() =>
          client(null).refreshAccessToken(url.token, tokens.refreshToken as string, []),
        );
        return tokenSetOf(refreshed, tokens);
      },
    },
    async listLocations({ tokens }) {
      const found: PlatformLocation[] = [];
      for await (const accounts of pages<{ name: string }>(url.accounts, 'accounts', tokens)) {
        for (const account of accounts) {
          const list = new URL(url.locations(account.name));
          list.searchParams.set('readMask', 'name,title,storefrontAddress,metadata');
          list.searchParams.set('pageSize', '100');
          for await (const locations of pages<GoogleLocation>(list.toString(), 'locations', tokens)) {
            for (const location of locations) {
              found.push({
                // The v4 reviews API names a location under its account: accounts/1/locations/2.
                externalId: `${account.name}/${location.name}`,
                name: location.title ?? location.name,
                address: address(location),
                placeId: location.metadata?.placeId ?? null,
                url: location.metadata?.mapsUri ?? null,
              });
            }
          }
        }
      }
      return found;
    },
    async fetchReviews({ tokens }, location, pageToken) {
      const list = new URL(url.reviews(location.externalId));
      list.searchParams.set('pageSize', String(REVIEWS_PAGE_SIZE));
      list.searchParams.set('orderBy', 'updateTime desc');
      if (pageToken) list.searchParams.set('pageToken', pageToken);
      const page = await platformJson<{
        reviews?: GoogleReview[];
        averageRating?: number;
        totalReviewCount?: number;
        nextPageToken?: string;
      }>(list, { headers: bearer(tokens) });
      return {
        reviews: (page.reviews ?? []).map((review) => toReview(review, location)),
        nextPageToken: page.nextPageToken ?? null,
        averageRating: page.averageRating ?? null,
        totalReviewCount: page.totalReviewCount ?? null,
      };
    },
    async postReply({ tokens }, location, reviewId, text) {
      await platformJson(`${url.reviews(location.externalId)}/${encodeURIComponent(reviewId)}/reply`, {
        method: 'PUT',
        headers: { ...bearer(tokens), 'content-type': 'application/json' },
        body: JSON.stringify({ comment: text }),
      });
    },
    async deleteReply({ tokens }, location, reviewId) {
      await platformJson(`${url.reviews(location.externalId)}/${encodeURIComponent(reviewId)}/reply`, {
        method: 'DELETE',
        headers: bearer(tokens),
      });
    },
  };
};
