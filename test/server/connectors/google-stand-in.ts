// A loopback stand-in for Google Business Profile: the OAuth token endpoint (authorization code with PKCE
// S256, refresh), Account Management v1 accounts, Business Information v1 locations and the My Business v4
// reviews list (newest first, pageToken paging) with reply PUT/DELETE. Tests change its state directly.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInReview = {
  reviewId: string;
  reviewer: { displayName: string; profilePhotoUrl?: string };
  starRating: 'ONE' | 'TWO' | 'THREE' | 'FOUR' | 'FIVE';
  comment?: string;
  createTime: string;
  updateTime: string;
  reviewReply?: { comment: string; updateTime: string };
};

type Failure = { path: RegExp; status: number; headers?: Record<string, string>; body?: unknown };

const STARS = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'] as const;

/** A review as Google lists it, `n` minutes after 2026-06-01. */
export function googleReview(n: number, over: Partial<StandInReview> = {}): StandInReview {
  const at = new Date(Date.UTC(2026, 5, 1) + n * 60_000).toISOString();
  return {
    reviewId: `g-review-${n}`,
    reviewer: { displayName: `Reviewer ${n}`, profilePhotoUrl: `https://lh3.example/${n}.png` },
    starRating: STARS[n % 5],
    comment: `Review number ${n}`,
    createTime: at,
    updateTime: at,
    ...over,
  };
}

/** Starts the stand-in on a loopback port. */
export async function startGoogleStandIn() {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const accessTokens = new Set<string>();
  const refreshTokens = new Set<string>();
  const reviews = new Map<string, StandInReview[]>([['accounts/1/locations/10', []]]);
  const locations: Array<Record<string, unknown>> = [
    {
      name: 'locations/10',
      title: 'Joe’s Coffee on Main',
      storefrontAddress: { addressLines: ['1 Main St'], locality: 'Springfield', postalCode: '12345' },
      metadata: { placeId: 'ChIJN1t_tDeuEmsRUsoyG83frY4', mapsUri: 'https://maps.google.com/?cid=10' },
    },
  ];
  const failures: Failure[] = [];
  const requests: Array<{ method: string; path: string; authorization?: string; body: string }> = [];
  let pageDelay: ((path: string) => Promise<void>) | null = null;
  let tokenCounter = 0;

  const issue = () => {
    tokenCounter += 1;
    const access = `ya29.access-${tokenCounter}-${randomBytes(6).toString('hex')}`;
    accessTokens.add(access);
    return access;
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = decodeURIComponent(url.pathname);
    requests.push({
      method: req.method ?? 'GET',
      path: `${path}${url.search}`,
      authorization: req.headers.authorization,
      body,
    });

    const failure = failures.findIndex((f) => f.path.test(path));
    if (failure >= 0) {
      const [f] = failures.splice(failure, 1);
      return send(
        res,
        f.status,
        f.body ?? { error: { code: f.status, message: 'injected', status: 'INJECTED' } },
        f.headers,
      );
    }

    if (path === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(body);
      if (form.get('grant_type') === 'authorization_code') {
        const code = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!code || code.challenge !== challenge || code.redirectUri !== form.get('redirect_uri')) {
          return send(res, 400, { error: 'invalid_grant', error_description: 'Bad code or verifier' });
        }
        const refresh = `1//refresh-${randomBytes(8).toString('hex')}`;
        refreshTokens.add(refresh);
        return send(res, 200, {
          access_token: issue(),
          refresh_token: refresh,
          expires_in: 3599,
          token_type: 'Bearer',
          scope: 'https://www.googleapis.com/auth/business.manage',
        });
      }
      if (form.get('grant_type') === 'refresh_token') {
        if (!refreshTokens.has(form.get('refresh_token') ?? '')) {
          return send(res, 400, {
            error: 'invalid_grant',
            error_description: 'Token has been expired or revoked.',
          });
        }
        return send(res, 200, { access_token: issue(), expires_in: 3599, token_type: 'Bearer' });
      }
      return send(res, 400, { error: 'unsupported_grant_type' });
    }

    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!accessTokens.has(bearer)) {
      return send(res, 401, {
        error: {
          code: 401,
          message: 'Request had invalid authentication credentials.',
          status: 'UNAUTHENTICATED',
        },
      });
    }

    if (path === '/v1/accounts' && req.method === 'GET') {
      return send(res, 200, { accounts: [{ name: 'accounts/1', accountName: 'Joe', type: 'PERSONAL' }] });
    }
    if (path === '/v1/accounts/1/locations' && req.method === 'GET') {
      if (!url.searchParams.get('readMask')?.includes('metadata'))
        return send(res, 400, { error: { code: 400, message: 'readMask' } });
      return send(res, 200, { locations });
    }
    const list = /^\/v4\/(accounts\/\d+\/locations\/\d+)\/reviews$/.exec(path);
    if (list && req.method === 'GET') {
      const all = [...(reviews.get(list[1]) ?? [])].sort((a, b) => b.updateTime.localeCompare(a.updateTime));
      if (url.searchParams.get('orderBy') !== 'updateTime desc')
        return send(res, 400, { error: { code: 400, message: 'orderBy' } });
      const size = Math.min(50, Number(url.searchParams.get('pageSize') ?? 50));
      const offset = Number(url.searchParams.get('pageToken') ?? 0);
      if (pageDelay) await pageDelay(path);
      const page = all.slice(offset, offset + size);
      const average = all.length
        ? all.reduce((s, r) => s + STARS.indexOf(r.starRating) + 1, 0) / all.length
        : 0;
      return send(res, 200, {
        reviews: page,
        averageRating: average,
        totalReviewCount: all.length,
        ...(offset + size < all.length ? { nextPageToken: String(offset + size) } : {}),
      });
    }
    const reply = /^\/v4\/(accounts\/\d+\/locations\/\d+)\/reviews\/([^/]+)\/reply$/.exec(path);
    if (reply) {
      const review = reviews.get(reply[1])?.find((r) => r.reviewId === reply[2]);
      if (!review)
        return send(res, 404, {
          error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' },
        });
      if (req.method === 'PUT') {
        review.reviewReply = { comment: JSON.parse(body).comment, updateTime: new Date().toISOString() };
        return send(res, 200, review.reviewReply);
      }
      if (req.method === 'DELETE') {
        delete review.reviewReply;
        return send(res, 200, {});
      }
    }
    return send(res, 404, { error: { code: 404, message: `no route ${req.method} ${path}` } });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => send(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    reviews: (location = 'accounts/1/locations/10') => reviews.get(location) as StandInReview[],
    /** Another location of account 1 (`locations/<id>`), with no reviews yet. */
    addLocation(id: number, title: string) {
      locations.push({ name: `locations/${id}`, title, metadata: { placeId: `ChIJplace${id}xxxxxxxx` } });
      reviews.set(`accounts/1/locations/${id}`, []);
      return `accounts/1/locations/${id}`;
    },
    /** The person approves the consent URL: answers the code the provider would put in the redirect. */
    approve(consent: string): { code: string; state: string } {
      const u = new URL(consent);
      const code = `4/code-${randomBytes(8).toString('hex')}`;
      codes.set(code, {
        challenge: u.searchParams.get('code_challenge') ?? '',
        redirectUri: u.searchParams.get('redirect_uri') ?? '',
      });
      return { code, state: u.searchParams.get('state') ?? '' };
    },
    /** Every access token stops working (they expired early); refresh tokens still work. */
    expireAccessTokens: () => accessTokens.clear(),
    /** The grant is revoked: access and refresh tokens all stop working. */
    revoke: () => {
      accessTokens.clear();
      refreshTokens.clear();
    },
    /** The next request whose path matches fails with this status (and headers). */
    failNext: (path: RegExp, status: number, headers?: Record<string, string>) =>
      failures.push({ path, status, headers }),
    /** Runs before each reviews page is answered (to hold a sync half-way). */
    onReviewsPage: (hook: ((path: string) => Promise<void>) | null) => {
      pageDelay = hook;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type GoogleStandIn = Awaited<ReturnType<typeof startGoogleStandIn>>;
