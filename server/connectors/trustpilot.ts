/**
 * Trustpilot connector (DESIGN §11), on the Business ("Customer") API. Sources used:
 * - developers.trustpilot.com/grant-type-auth-code: consent at https://authenticate.trustpilot.com
 *   (client_id = API key, redirect_uri, response_type=code); code exchange POST
 *   api.trustpilot.com/v1/oauth/oauth-business-users-for-applications/accesstoken with HTTP Basic
 *   (API key:secret), grant_type=authorization_code, code, redirect_uri.
 * - …/get-started/authentication: access tokens last 100 hours, refresh tokens 30 days; refresh is POST
 *   …/oauth-business-users-for-applications/refresh grant_type=refresh_token; `expires_in` is a string.
 * - developers.trustpilot.com/business-units-api-(public): GET /v1/business-units/find?name={domain} and
 *   GET /v1/business-units/{id} (apikey header; score.stars, numberOfReviews.total, name.identifying).
 * - developers.trustpilot.com/business-units-api: GET /v1/private/business-units/{id}/reviews (business user
 *   token; page, perPage ≤ 100, orderBy createdat.desc; reviews[] with id, stars, title, text,
 *   consumer.displayName, createdAt, updatedAt, companyReply{text, createdAt}, links).
 * - developers.trustpilot.com/service-reviews-api: POST /v1/private/reviews/{reviewId}/reply
 *   {message, authorBusinessUserId}; DELETE /v1/private/reviews/{reviewId}/reply.
 * Trustpilot documents no call that lists the business units a user may manage, so the owner names the
 * domain(s) when connecting (`tokens.extra.domains`, comma-separated) and each is looked up with `find`.
 */
import { OAuth2Client } from 'arctic';
import {
  type ConnectorCall,
  type ConnectorFactory,
  PlatformError,
  type PlatformReview,
  type ReviewPage,
  type TokenSet,
} from './connector';
import { tokenRequest } from './oauth-tokens';
import { platformJson } from './platform-http';

const PER_PAGE = 100;
const TOKEN_PATH = '/v1/oauth/oauth-business-users-for-applications/accesstoken';
const REFRESH_PATH = '/v1/oauth/oauth-business-users-for-applications/refresh';

type Link = { href: string; rel: string; method?: string };
type TpBusinessUnit = {
  id: string;
  displayName: string;
  name?: { identifying?: string };
  score?: { stars?: number };
  numberOfReviews?: { total?: number };
};
type TpReview = {
  id: string;
  stars: number;
  title?: string | null;
  text?: string | null;
  consumer?: { displayName?: string };
  createdAt: string;
  updatedAt?: string | null;
  companyReply?: { text: string; createdAt: string; updatedAt?: string | null } | null;
};

/** Trustpilot writes times without a zone ("2013-09-07T13:37:00"); they are UTC. */
export function trustpilotTime(value: string): string {
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  return new Date(zoned).toISOString();
}

function toReview(review: TpReview): PlatformReview {
  const reply = review.companyReply;
  return {
    externalId: review.id,
    rating: review.stars,
    title: review.title || null,
    content: review.text ?? null,
    authorName: review.consumer?.displayName ?? 'Trustpilot user',
    url: `https://www.trustpilot.com/reviews/${review.id}`,
    publishedAt: trustpilotTime(review.createdAt),
    updatedAt: trustpilotTime(review.updatedAt ?? review.createdAt),
    reply: reply ? { text: reply.text, updatedAt: trustpilotTime(reply.updatedAt ?? reply.createdAt) } : null,
  };
}

/** `expires_in` as an ISO expiry; Trustpilot sends it as a string ("359999"), which arctic does not read. */
function expiryFrom(data: object): string | null {
  const raw = (data as { expires_in?: unknown }).expires_in;
  const seconds = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null;
  return new Date(Date.now() + seconds * 1000).toISOString();
}

function tokenSet(data: object, previous?: TokenSet): TokenSet {
  const fields = data as { access_token?: unknown; refresh_token?: unknown };
  if (typeof fields.access_token !== 'string') {
    throw new PlatformError('rejected', 'Trustpilot token answer carries no access_token');
  }
  return {
    accessToken: fields.access_token,
    refreshToken: typeof fields.refresh_token === 'string' ? fields.refresh_token : previous?.refreshToken,
    expiresAt: expiryFrom(data),
    extra: previous?.extra,
  };
}

/** The Trustpilot connector: business-user OAuth, private reviews of each business unit, company replies. */
export const createTrustpilotConnector: ConnectorFactory = (settings) => {
  const api = settings.baseUrl ?? 'https://api.trustpilot.com';
  const consent = settings.baseUrl ?? 'https://authenticate.trustpilot.com';
  const apiKey = settings.clientId ?? '';
  const client = (redirectUri: string | null) => new OAuth2Client(apiKey, settings.clientSecret, redirectUri);

  const headers = (call?: ConnectorCall) => ({
    apikey: apiKey,
    ...(call ? { authorization: `Bearer ${call.tokens.accessToken}` } : {}),
  });

  return {
    platform: 'trustpilot',
    auth: 'oauth',
    oauth: {
      usesPkce: false,
      authorizeUrl({ state, redirectUri }) {
        return client(redirectUri).createAuthorizationURL(`${consent}/`, state, []);
      },
      async exchange({ code, redirectUri }) {
        const tokens = await tokenRequest(() =>
          client(redirectUri).validateAuthorizationCode(`${api}${TOKEN_PATH}`, code, null),
        );
        return tokenSet(tokens.data);
      },
      async refresh(previous) {
        if (!previous.refreshToken) throw new PlatformError('unauthorized', 'no Trustpilot refresh token');
        const refreshToken = previous.refreshToken;
        const tokens = await tokenRequest(() =>
          client(null).refreshAccessToken(`${api}${REFRESH_PATH}`, refreshToken, []),
        );
        return tokenSet(tokens.data, previous);
      },
    },

    async listLocations(call) {
      const domains = (call.tokens.extra?.domains ?? '')
        .split(',')
        .map((domain) => domain.trim())
        .filter(Boolean);
      if (domains.length === 0) {
        throw new PlatformError(
          'rejected',
          'Trustpilot lists no business units: name the domain(s) to connect',
        );
      }
      const units = await Promise.all(
        domains.map((name) =>
          platformJson<TpBusinessUnit>(`${api}/v1/business-units/find?${new URLSearchParams({ name })}`, {
            headers: headers(),
          }),
        ),
      );
      return units.map((unit) => ({
        externalId: unit.id,
        name: unit.displayName,
        url: unit.name?.identifying ? `https://www.trustpilot.com/review/${unit.name.identifying}` : null,
      }));
    },

    async fetchReviews(call, location, pageToken): Promise<ReviewPage> {
      const page = Math.max(1, Number(pageToken ?? 1) || 1);
      const query = new URLSearchParams({
        page: String(page),
        perPage: String(PER_PAGE),
        orderBy: 'createdat.desc',
      });
      const body = await platformJson<{ reviews?: TpReview[]; links?: Link[] }>(
        `${api}/v1/private/business-units/${encodeURIComponent(location.externalId)}/reviews?${query}`,
        { headers: headers(call) },
      );
      const reviews = body.reviews ?? [];
      // Trustpilot links the next page while there is one; without links a full page means "maybe more".
      const more = body.links
        ? body.links.some((link) => link.rel === 'next-page')
        : reviews.length >= PER_PAGE;
      const result: ReviewPage = {
        reviews: reviews.map(toReview),
        nextPageToken: more && reviews.length > 0 ? String(page + 1) : null,
      };
      if (page === 1) {
        const unit = await platformJson<TpBusinessUnit>(
          `${api}/v1/business-units/${encodeURIComponent(location.externalId)}`,
          { headers: headers() },
        );
        result.averageRating = unit.score?.stars ?? null;
        result.totalReviewCount = unit.numberOfReviews?.total ?? null;
      }
      return result;
    },

    async postReply(call, _location, externalReviewId, text) {
      const authorBusinessUserId = call.tokens.extra?.businessUserId;
      await platformJson(`${api}/v1/private/reviews/${encodeURIComponent(externalReviewId)}/reply`, {
        method: 'POST',
        headers: { ...headers(call), 'content-type': 'application/json' },
        body: JSON.stringify({ message: text, ...(authorBusinessUserId ? { authorBusinessUserId } : {}) }),
      });
    },

    async deleteReply(call, _location, externalReviewId) {
      await platformJson(`${api}/v1/private/reviews/${encodeURIComponent(externalReviewId)}/reply`, {
        method: 'DELETE',
        headers: headers(call),
      });
    },
  };
};
