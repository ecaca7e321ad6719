import { approve, type RecordedRequest, type StandInReply, startHttpStandIn } from './http-stand-in';

/**
 * A Trustpilot Business API stand-in on loopback, shaped after developers.trustpilot.com: the consent page
 * at "/" (approves at once), the business-user token and refresh endpoints (HTTP Basic API key:secret,
 * `expires_in` as a string), the public business-unit `find` and lookup (apikey header), the private
 * reviews of a business unit (page/perPage, `links` rel next-page) and the reply POST/DELETE.
 */

export type TpBusinessUnitData = {
  id: string;
  displayName: string;
  identifyingName: string;
  stars?: number;
  total?: number;
};
export type TpReviewData = {
  id: string;
  stars: number;
  title: string;
  text: string;
  language: string;
  createdAt: string;
  updatedAt: string | null;
  consumer: { id: string; displayName: string; numberOfReviews: number };
  companyReply: {
    text: string;
    authorBusinessUserId?: string;
    createdAt: string;
    updatedAt: string | null;
  } | null;
  status: 'active';
  isVerified: boolean;
};

let reviewSeq = 0;

/** A private review as Trustpilot returns it; by default 5 stars by "Bo Jensen" with no company reply. */
export function tpReview(input: Partial<TpReviewData> = {}): TpReviewData {
  return {
    id: `5e3de1b45fb06f00017${String(++reviewSeq).padStart(5, '0')}`,
    stars: 5,
    title: 'Great service',
    text: 'Quick delivery and friendly staff.',
    language: 'en',
    createdAt: '2026-06-01T10:00:00Z',
    updatedAt: null,
    consumer: { id: '507f191e810c19729de860ea', displayName: 'Bo Jensen', numberOfReviews: 3 },
    companyReply: null,
    status: 'active',
    isVerified: true,
    ...input,
  };
}

const TOKEN_PATH = '/v1/oauth/oauth-business-users-for-applications/accesstoken';
const REFRESH_PATH = '/v1/oauth/oauth-business-users-for-applications/refresh';
const expired = {
  fault: {
    faultstring: 'Access Token expired',
    detail: { errorcode: 'keymanagement.service.access_token_expired' },
  },
};

/** Starts the stand-in. `pageSize` caps `perPage` so paging shows with few reviews. */
export async function startTrustpilotStandIn(
  options: {
    apiKey?: string;
    apiSecret?: string;
    pageSize?: number;
    businessUnits?: TpBusinessUnitData[];
  } = {},
) {
  const apiKey = options.apiKey ?? 'tp-api-key';
  const apiSecret = options.apiSecret ?? 'tp-api-secret';
  const units: TpBusinessUnitData[] = options.businessUnits ?? [
    {
      id: '46d6a890ffa235a75b00021d',
      displayName: 'Acme Shop',
      identifyingName: 'acme.example',
      stars: 4.5,
      total: 42,
    },
  ];
  const reviews = new Map<string, TpReviewData[]>();
  const codes = new Map<string, string>();
  const access = new Set<string>();
  const refresh = new Set<string>();
  let seq = 0;

  function issue(): { access_token: string; refresh_token: string; expires_in: string } {
    const n = ++seq;
    access.add(`tp-access-${n}`);
    refresh.add(`tp-refresh-${n}`);
    return { access_token: `tp-access-${n}`, refresh_token: `tp-refresh-${n}`, expires_in: '359999' };
  }

  const clientOk = (request: RecordedRequest) => {
    const basic = `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`;
    return (
      request.headers.authorization === basic ||
      (request.form.client_id === apiKey && request.form.client_secret === apiSecret)
    );
  };
  const unitJson = (u: TpBusinessUnitData) => ({
    links: [{ href: `https://api.trustpilot.com/v1/business-units/${u.id}`, method: 'GET', rel: 'self' }],
    id: u.id,
    displayName: u.displayName,
    name: { identifying: u.identifyingName, referring: [u.identifyingName, `www.${u.identifyingName}`] },
    websiteUrl: `https://${u.identifyingName}`,
    country: 'DK',
    numberOfReviews: { total: u.total ?? 0, usedForTrustScoreCalculation: u.total ?? 0 },
    status: 'active',
    score: { trustScore: u.stars ?? 0, stars: u.stars ?? 0 },
  });
  const findReview = (id: string) => [...reviews.values()].flat().find((r) => r.id === id);

  function tokenEndpoint(request: RecordedRequest, path: string): StandInReply {
    if (!clientOk(request)) return { status: 401, body: { error: 'invalid_client' } };
    const form = request.form;
    if (form.grant_type === 'refresh_token') {
      if (!refresh.delete(form.refresh_token)) return { status: 400, body: { error: 'invalid_grant' } };
      return { status: 200, body: issue() };
    }
    if (path === TOKEN_PATH && form.grant_type === 'authorization_code') {
      const redirect = codes.get(form.code);
      if (redirect === undefined || redirect !== form.redirect_uri) {
        return { status: 400, body: { error: 'invalid_grant' } };
      }
      codes.delete(form.code);
      return { status: 200, body: issue() };
    }
    return { status: 400, body: { error: 'unsupported_grant_type' } };
  }

  function route(request: RecordedRequest): StandInReply {
    const { path, query } = request;
    if (path === '/' && request.method === 'GET') {
      if (query.client_id !== apiKey || query.response_type !== 'code' || !query.redirect_uri) {
        return { status: 400, body: { message: 'Invalid client_id or redirect_uri' } };
      }
      const code = `tp-code-${++seq}`;
      codes.set(code, query.redirect_uri);
      return approve(query.redirect_uri, code, query.state);
    }
    if ((path === TOKEN_PATH || path === REFRESH_PATH) && request.method === 'POST') {
      return tokenEndpoint(request, path);
    }
    if (request.headers.apikey !== apiKey && !path.startsWith('/v1/private/')) {
      return { status: 401, body: { fault: { faultstring: 'Invalid ApiKey' } } };
    }
    if (path === '/v1/business-units/find') {
      const unit = units.find(
        (u) => u.identifyingName === query.name || `www.${u.identifyingName}` === query.name,
      );
      return unit ? { status: 200, body: unitJson(unit) } : { status: 404, body: { message: 'Not found' } };
    }
    const publicUnit = /^\/v1\/business-units\/([^/]+)$/.exec(path);
    if (publicUnit) {
      const unit = units.find((u) => u.id === publicUnit[1]);
      return unit ? { status: 200, body: unitJson(unit) } : { status: 404, body: { message: 'Not found' } };
    }
    const bearer = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!access.has(bearer)) return { status: 401, body: expired };

    const unitReviews = /^\/v1\/private\/business-units\/([^/]+)\/reviews$/.exec(path);
    if (unitReviews && request.method === 'GET') {
      if (!units.some((u) => u.id === unitReviews[1])) return { status: 404, body: { message: 'Not found' } };
      const all = [...(reviews.get(unitReviews[1]) ?? [])];
      if (query.orderBy === 'createdat.asc') all.reverse();
      const perPage = Math.min(Number(query.perPage ?? 20), options.pageSize ?? 100);
      const page = Number(query.page ?? 1);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const links = [];
      if (page * perPage < all.length) {
        const next = new URLSearchParams({ ...query, page: String(page + 1) });
        links.push({ href: `https://api.trustpilot.com${path}?${next}`, method: 'GET', rel: 'next-page' });
      }
      return { status: 200, body: { links, reviews: slice } };
    }
    const reply = /^\/v1\/private\/reviews\/([^/]+)\/reply$/.exec(path);
    if (reply) {
      const review = findReview(reply[1]);
      if (!review) return { status: 404, body: { message: 'Review not found' } };
      if (request.method === 'DELETE') {
        review.companyReply = null;
        return { status: 204 };
      }
      const body = request.json as { message?: unknown; authorBusinessUserId?: string } | undefined;
      if (request.method !== 'POST' || typeof body?.message !== 'string' || !body.message) {
        return { status: 400, body: { message: 'message is required' } };
      }
      const now = new Date().toISOString().replace(/\.\d+Z$/, '');
      review.companyReply = {
        text: body.message,
        authorBusinessUserId: body.authorBusinessUserId,
        createdAt: review.companyReply?.createdAt ?? now,
        updatedAt: review.companyReply ? now : null,
      };
      return { status: 201 };
    }
    return { status: 404, body: { message: 'Not found' } };
  }

  const base = await startHttpStandIn(route, (status) => {
    if (status === 401) return expired;
    if (status === 429) return { message: 'Too many requests' };
    return { message: `Stand-in failure ${status}` };
  });

  return {
    ...base,
    apiKey,
    apiSecret,
    businessUnits: units,
    /** Replaces a business unit's reviews (newest first, as createdat.desc lists them). */
    setReviews(unitId: string, list: TpReviewData[]) {
      reviews.set(
        unitId,
        [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      );
    },
    reviewsOf: (unitId: string) => reviews.get(unitId) ?? [],
    review: findReview,
    /** Plays the person on the consent page without HTTP: a code for the URL's redirect, and its state. */
    approve(consentUrl: string) {
      const url = new URL(consentUrl);
      const code = `tp-code-${++seq}`;
      codes.set(code, url.searchParams.get('redirect_uri') ?? '');
      return { code, state: url.searchParams.get('state') ?? '' };
    },
    /** A valid access + refresh token pair, for tests that skip the consent page. */
    issueTokens: () => issue(),
    /** Every access token expires (private calls answer 401); refresh tokens keep working. */
    expireAccessTokens() {
      access.clear();
    },
    /** The grant is revoked: access and refresh tokens both stop working. */
    revokeGrant() {
      access.clear();
      refresh.clear();
    },
  };
}

export type TrustpilotStandIn = Awaited<ReturnType<typeof startTrustpilotStandIn>>;
