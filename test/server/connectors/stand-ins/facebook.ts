import { createHmac } from 'node:crypto';
import { approve, type RecordedRequest, type StandInReply, startHttpStandIn } from './http-stand-in';

/**
 * A Facebook Graph API stand-in on loopback, shaped after the documented endpoints the connector uses: the
 * Login dialog (approves at once), /oauth/access_token (code and fb_exchange_token grants), /me/accounts,
 * /{page-id}, /{page-id}/ratings with cursor paging, /{story-id}/comments, POST and DELETE /{comment-id}.
 * Errors come in Graph's shape ({error: {message, type, code, error_subcode}}).
 */

export type FbPageData = { id: string; name: string; overall_star_rating?: number; rating_count?: number };
export type FbRecommendationData = {
  created_time: string;
  has_rating: boolean;
  has_review: boolean;
  rating?: number;
  recommendation_type: 'positive' | 'negative';
  review_text?: string;
  reviewer?: { id: string; name: string };
  open_graph_story: { id: string };
};
export type FbCommentData = {
  id: string;
  message: string;
  created_time: string;
  from: { id: string; name: string };
};

let storySeq = 0;

/** A recommendation as Graph returns it; by default a positive one with text from "Ann Lee". */
export function fbRecommendation(input: Partial<FbRecommendationData> & { storyId?: string } = {}) {
  const { storyId, ...rest } = input;
  const item: FbRecommendationData = {
    created_time: '2026-06-01T10:00:00+0000',
    has_rating: input.rating !== undefined,
    has_review: input.review_text !== undefined,
    recommendation_type: 'positive',
    reviewer: { id: '5550001', name: 'Ann Lee' },
    open_graph_story: { id: storyId ?? `77${String(++storySeq).padStart(6, '0')}` },
    ...rest,
  };
  return item;
}

const graphError = (code: number, message: string, status = 400, subcode?: number): StandInReply => ({
  status,
  body: { error: { message, type: 'OAuthException', code, error_subcode: subcode, fbtrace_id: 'StandIn' } },
});

/** Starts the stand-in. `pageSize` caps `limit` so paging shows with few items. */
export async function startFacebookStandIn(
  options: { appId?: string; appSecret?: string; pageSize?: number; pages?: FbPageData[] } = {},
) {
  const appId = options.appId ?? 'fb-app-id';
  const appSecret = options.appSecret ?? 'fb-app-secret';
  const pages: FbPageData[] = options.pages ?? [
    { id: '1001', name: 'Acme Bakery', overall_star_rating: 4.5, rating_count: 12 },
  ];
  const ratings = new Map<string, FbRecommendationData[]>();
  const comments = new Map<string, FbCommentData[]>();
  const tokens = new Map<string, { kind: 'short' | 'long' | 'page'; pageId?: string }>();
  const codes = new Map<string, string>();
  let seq = 0;
  let generation = 1;

  const pageToken = (pageId: string) => {
    const token = `fb-page-token-${pageId}-g${generation}`;
    if (!tokens.has(token)) tokens.set(token, { kind: 'page', pageId });
    return token;
  };
  const storyPage = (storyId: string) =>
    [...ratings].find(([, items]) => items.some((r) => r.open_graph_story.id === storyId))?.[0];
  const commentStory = (commentId: string) =>
    [...comments].find(([, list]) => list.some((c) => c.id === commentId))?.[0];

  function auth(params: Record<string, string>) {
    const token = params.access_token;
    const grant = token ? tokens.get(token) : undefined;
    if (!grant)
      return { error: graphError(190, 'Error validating access token: Session has expired', 400, 463) };
    const proof = params.appsecret_proof;
    if (proof && proof !== createHmac('sha256', appSecret).update(token).digest('hex')) {
      return { error: graphError(100, 'Invalid appsecret_proof provided in the API argument') };
    }
    return { grant };
  }

  function route(request: RecordedRequest): StandInReply {
    const match = /^\/v\d+\.\d+\/(.+)$/.exec(request.path);
    if (!match) return graphError(2500, 'Unknown path components', 404);
    const path = match[1];
    const params = { ...request.query, ...request.form };

    if (path === 'dialog/oauth') {
      if (params.client_id !== appId) return graphError(101, 'Invalid App ID');
      const code = `fb-code-${++seq}`;
      codes.set(code, params.redirect_uri);
      return approve(params.redirect_uri, code, params.state);
    }
    if (path === 'oauth/access_token') {
      if (params.client_id !== appId || params.client_secret !== appSecret) {
        return graphError(1, 'Error validating client secret.');
      }
      if (params.grant_type === 'fb_exchange_token') {
        if (!tokens.has(params.fb_exchange_token)) return graphError(190, 'Invalid OAuth access token.');
        const token = `fb-long-${++seq}`;
        tokens.set(token, { kind: 'long' });
        return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: 5183944 } };
      }
      const redirect = codes.get(params.code);
      if (redirect === undefined || redirect !== params.redirect_uri) {
        return graphError(100, 'Invalid verification code format.', 400, 36007);
      }
      codes.delete(params.code);
      const token = `fb-short-${++seq}`;
      tokens.set(token, { kind: 'short' });
      return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: 3600 } };
    }

    const { grant, error } = auth(params);
    if (error) return error;
    const [id, edge] = path.split('/');

    if (id === 'me' && edge === 'accounts') {
      if (grant.kind === 'page') return graphError(100, 'Tried accessing nonexisting field (accounts)');
      const data = pages.map((p) => ({
        id: p.id,
        name: p.name,
        access_token: pageToken(p.id),
        tasks: ['MODERATE'],
      }));
      return { status: 200, body: { data, paging: { cursors: { before: 'QVFIb', after: 'QVFIa' } } } };
    }
    const page = pages.find((p) => p.id === id);
    if (page && !edge && request.method === 'GET') {
      if (grant.kind === 'page' && grant.pageId !== id) return graphError(190, 'Invalid token for this Page');
      const body: Record<string, unknown> = { id, name: page.name };
      const fields = (params.fields ?? '').split(',');
      if (fields.includes('overall_star_rating')) body.overall_star_rating = page.overall_star_rating;
      if (fields.includes('rating_count')) body.rating_count = page.rating_count;
      if (fields.includes('access_token') && grant.kind !== 'page') body.access_token = pageToken(id);
      return { status: 200, body };
    }
    if (page && edge === 'ratings') {
      if (grant.kind !== 'page' || grant.pageId !== id)
        return graphError(210, 'A page access token is required');
      const all = ratings.get(id) ?? [];
      const limit = Math.min(Number(params.limit ?? 25), options.pageSize ?? 100);
      const start = params.after ? Number(Buffer.from(params.after, 'base64url').toString()) : 0;
      const slice = all.slice(start, start + limit);
      const withComments = (params.fields ?? '').includes('comments');
      const data = slice.map((r) =>
        withComments
          ? {
              ...r,
              open_graph_story: {
                ...r.open_graph_story,
                comments: { data: comments.get(r.open_graph_story.id) ?? [] },
              },
            }
          : r,
      );
      const cursor = (n: number) => Buffer.from(String(n)).toString('base64url');
      const paging: Record<string, unknown> = {
        cursors: { before: cursor(start), after: cursor(start + slice.length) },
      };
      if (start + slice.length < all.length) {
        const next = new URL(`http://graph.stand-in${request.path}`);
        next.search = new URLSearchParams({
          ...request.query,
          after: cursor(start + slice.length),
        }).toString();
        paging.next = next.toString();
      }
      return { status: 200, body: { data, paging } };
    }
    if (edge === 'comments') {
      const pageId = storyPage(id);
      if (!pageId) return graphError(100, 'Object does not exist', 400, 33);
      if (grant.kind !== 'page' || grant.pageId !== pageId)
        return graphError(210, 'A page access token is required');
      const list = comments.get(id) ?? [];
      if (request.method === 'GET') return { status: 200, body: { data: list } };
      if (!params.message) return graphError(100, '(#100) Missing message or attachment');
      const owner = pages.find((p) => p.id === pageId)!;
      const comment = {
        id: `${id}_${++seq}`,
        message: params.message,
        created_time: new Date().toISOString().replace(/\.\d+Z$/, '+0000'),
        from: { id: owner.id, name: owner.name },
      };
      comments.set(id, [...list, comment]);
      return { status: 200, body: { id: comment.id } };
    }
    const story = !edge ? commentStory(id) : undefined;
    if (story) {
      const list = comments.get(story)!;
      const comment = list.find((c) => c.id === id)!;
      if (grant.kind !== 'page' || grant.pageId !== comment.from.id)
        return graphError(200, 'Permissions error');
      if (request.method === 'DELETE')
        comments.set(
          story,
          list.filter((c) => c.id !== id),
        );
      else if (request.method === 'POST') comment.message = params.message;
      return { status: 200, body: { success: true } };
    }
    return graphError(100, 'Object does not exist, cannot be loaded due to missing permissions', 400, 33);
  }

  const base = await startHttpStandIn(route, (status) => {
    if (status === 401)
      return graphError(190, 'Error validating access token: Session has expired', 401, 463).body;
    if (status === 429) return graphError(4, 'Application request limit reached', 429).body;
    if (status >= 500) return graphError(2, 'Service temporarily unavailable', status).body;
    return graphError(1, 'An unknown error has occurred.', status).body;
  });

  return {
    ...base,
    appId,
    appSecret,
    pages,
    /** Replaces a Page's recommendations (newest first, as Graph lists them). */
    setRatings(pageId: string, items: FbRecommendationData[]) {
      ratings.set(
        pageId,
        [...items].sort((a, b) => b.created_time.localeCompare(a.created_time)),
      );
    },
    ratingsOf: (pageId: string) => ratings.get(pageId) ?? [],
    /** The comments on a review story (the Page's replies and anyone else's). */
    commentsOn: (storyId: string) => comments.get(storyId) ?? [],
    setComments(storyId: string, list: FbCommentData[]) {
      comments.set(storyId, list);
    },
    /** A valid long-lived user token, for tests that skip the Login dialog. */
    issueUserToken() {
      const token = `fb-long-${++seq}`;
      tokens.set(token, { kind: 'long' });
      return token;
    },
    pageToken,
    /** Plays the person on the Login dialog without HTTP: a code for the URL's redirect, and its state. */
    approve(consentUrl: string) {
      const url = new URL(consentUrl);
      const code = `fb-code-${++seq}`;
      codes.set(code, url.searchParams.get('redirect_uri') ?? '');
      return { code, state: url.searchParams.get('state') ?? '' };
    },
    /** Every token stops working (the user changed password or removed the app): Graph answers code 190. */
    revokeTokens() {
      tokens.clear();
      generation += 1;
    },
  };
}

export type FacebookStandIn = Awaited<ReturnType<typeof startFacebookStandIn>>;
