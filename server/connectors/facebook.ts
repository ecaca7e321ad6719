/**
 * Facebook Pages connector (DESIGN §11). Sources used for endpoints and field names:
 * - Login dialog and code exchange: developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow
 *   (GET graph.facebook.com/vX/oauth/access_token with client_id, redirect_uri, client_secret, code).
 * - Long-lived user token: …/facebook-login/guides/access-tokens/get-long-lived (grant_type=fb_exchange_token);
 *   Page tokens read with a long-lived user token do not expire.
 * - Pages and their tokens: developers.facebook.com/docs/pages-api/manage-pages (GET /{user-id}/accounts).
 * - Reviews: developers.facebook.com/docs/graph-api/reference/page/ratings and …/reference/recommendation
 *   (created_time, has_rating, has_review, rating, recommendation_type, review_text, reviewer,
 *   open_graph_story); the 2018 change log (recommendation_type positive/negative replaces the 1–5 rating).
 * - Replies: …/graph-api/reference/object/comments (POST /{object-id}/comments {message}; DELETE /{comment-id}).
 * - appsecret_proof: …/graph-api/securing-requests.
 */
import { OAuth2Client } from 'arctic';
import type { ConnectorCall, ConnectorFactory, PlatformReview, ReviewPage, TokenSet } from './connector';
import { GRAPH_VERSION, graphJson } from './facebook-graph';

export const FACEBOOK_SCOPES = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_read_user_content',
  'pages_manage_engagement',
];
const PAGE_SIZE = 25;

type GraphList<T> = { data: T[]; paging?: { cursors?: { after?: string }; next?: string } };
type FbPage = { id: string; name: string; access_token?: string; link?: string };
type FbComment = { id: string; message?: string; created_time: string; from?: { id: string } };
type FbRecommendation = {
  created_time: string;
  has_rating?: boolean;
  rating?: number;
  recommendation_type?: 'positive' | 'negative' | 'none';
  review_text?: string;
  reviewer?: { id: string; name: string };
  open_graph_story?: { id: string; comments?: GraphList<FbComment> };
};

const pageKey = (pageId: string) => `page:${pageId}`;

/**
 * A recommendation's stars. Pages reviewed before 2018 carry a 1–5 `rating`; newer ones only say
 * recommend / don't recommend, which Plaudit reads as 5 and 1 (the ends of the scale the owner filters on).
 */
export function recommendationRating(item: Pick<FbRecommendation, 'rating' | 'recommendation_type'>) {
  if (typeof item.rating === 'number' && item.rating >= 1 && item.rating <= 5) return Math.round(item.rating);
  return item.recommendation_type === 'negative' ? 1 : 5;
}

function toReview(item: FbRecommendation, pageId: string): PlatformReview {
  const storyId = item.open_graph_story?.id ?? `${item.reviewer?.id ?? 'anon'}_${item.created_time}`;
  const published = new Date(item.created_time).toISOString();
  const ownReplies = (item.open_graph_story?.comments?.data ?? []).filter((c) => c.from?.id === pageId);
  const reply = ownReplies.at(-1);
  return {
    externalId: storyId,
    rating: recommendationRating(item),
    content: item.review_text ?? null,
    // Without pages_read_user_content approval Graph leaves the reviewer out.
    authorName: item.reviewer?.name ?? 'Facebook user',
    url: null,
    publishedAt: published,
    // Recommendations have no edit time in Graph; the text can change, the daily re-read catches it.
    updatedAt: published,
    reply: reply?.message
      ? { text: reply.message, updatedAt: new Date(reply.created_time).toISOString() }
      : null,
  };
}

/** The Facebook Pages connector: Login dialog, long-lived tokens, Page ratings, comments as replies. */
export const createFacebookConnector: ConnectorFactory = (settings) => {
  const graph = settings.baseUrl ?? 'https://graph.facebook.com';
  const dialog = settings.baseUrl ?? 'https://www.facebook.com';
  const appId = settings.clientId ?? '';
  const appSecret = settings.clientSecret;

  const pages = (userToken: string) =>
    graphJson<GraphList<FbPage>>(graph, 'me/accounts', {
      token: userToken,
      appSecret,
      params: { fields: 'id,name,access_token,link', limit: '100' },
    });

  /** The Page token for a location: kept at connect time, or read again when the Page came later. */
  async function pageToken(call: ConnectorCall, pageId: string): Promise<string> {
    const kept = call.tokens.extra?.[pageKey(pageId)];
    if (kept) return kept;
    const page = await graphJson<FbPage>(graph, pageId, {
      token: call.tokens.accessToken,
      appSecret,
      params: { fields: 'access_token' },
    });
    if (!page.access_token) return call.tokens.accessToken;
    call.tokens.extra = { ...call.tokens.extra, [pageKey(pageId)]: page.access_token };
    return page.access_token;
  }

  /** The Page's own comments on a review story, oldest first. */
  async function ownComments(token: string, pageId: string, storyId: string) {
    const comments = await graphJson<GraphList<FbComment>>(graph, `${storyId}/comments`, {
      token,
      appSecret,
      params: { fields: 'id,from,created_time', limit: '100', order: 'chronological' },
    });
    return comments.data.filter((comment) => comment.from?.id === pageId);
  }

  return {
    platform: 'facebook',
    auth: 'oauth',
    oauth: {
      // Facebook's PKCE support belongs to its OIDC login flow (still marked "in testing"), not the Pages
      // permissions flow; the code is exchanged with the app secret on the server instead.
      usesPkce: false,
      authorizeUrl({ state, redirectUri }) {
        const client = new OAuth2Client(appId, appSecret, redirectUri);
        return client.createAuthorizationURL(
          `${dialog}/${GRAPH_VERSION}/dialog/oauth`,
          state,
          FACEBOOK_SCOPES,
        );
      },
      async exchange({ code, redirectUri }): Promise<TokenSet> {
        // Graph documents the exchange as a GET with the secret in the query, not the HTTP Basic POST that
        // arctic's generic client sends, so this one call goes through graphJson.
        const credentials = { client_id: appId, client_secret: appSecret ?? '' };
        const short = await graphJson<{ access_token: string }>(graph, 'oauth/access_token', {
          params: { ...credentials, redirect_uri: redirectUri, code },
        });
        const long = await graphJson<{ access_token: string; expires_in?: number }>(
          graph,
          'oauth/access_token',
          {
            params: {
              ...credentials,
              grant_type: 'fb_exchange_token',
              fb_exchange_token: short.access_token,
            },
          },
        );
        const extra: Record<string, string> = {};
        if (long.expires_in) {
          extra.userTokenExpiresAt = new Date(Date.now() + long.expires_in * 1000).toISOString();
        }
        for (const page of (await pages(long.access_token)).data) {
          if (page.access_token) extra[pageKey(page.id)] = page.access_token;
        }
        // Every sync and reply uses the Page tokens, which never expire: no expiresAt, nothing to refresh.
        return { accessToken: long.access_token, expiresAt: null, scopes: FACEBOOK_SCOPES, extra };
      },
    },

    async listLocations(call) {
      const list = await pages(call.tokens.accessToken);
      const extra = { ...call.tokens.extra };
      for (const page of list.data) if (page.access_token) extra[pageKey(page.id)] = page.access_token;
      call.tokens.extra = extra;
      return list.data.map((page) => ({
        externalId: page.id,
        name: page.name,
        url: `https://www.facebook.com/${page.id}/reviews`,
      }));
    },

    async fetchReviews(call, location, cursor): Promise<ReviewPage> {
      const token = await pageToken(call, location.externalId);
      const params: Record<string, string> = {
        fields:
          'created_time,has_rating,has_review,rating,recommendation_type,review_text,reviewer,' +
          'open_graph_story{id,comments{id,message,created_time,from}}',
        limit: String(PAGE_SIZE),
      };
      if (cursor) params.after = cursor;
      const list = await graphJson<GraphList<FbRecommendation>>(graph, `${location.externalId}/ratings`, {
        token,
        appSecret,
        params,
      });
      const page: ReviewPage = {
        reviews: list.data.map((item) => toReview(item, location.externalId)),
        // Graph sends `next` only while more results exist; the cursor alone is present on the last page too.
        nextPageToken: list.paging?.next ? (list.paging.cursors?.after ?? null) : null,
      };
      if (!cursor) {
        const summary = await graphJson<{ overall_star_rating?: number; rating_count?: number }>(
          graph,
          location.externalId,
          { token, appSecret, params: { fields: 'overall_star_rating,rating_count' } },
        );
        page.averageRating = summary.overall_star_rating ?? null;
        page.totalReviewCount = summary.rating_count ?? null;
      }
      return page;
    },

    /**
     * Posts the reply as the Page's comment on the review story, or edits the Page's comment when one is
     * there already: an edit in Plaudit, or a retry after a post whose answer was lost, never adds a second.
     */
    async postReply(call, location, externalReviewId, text) {
      const token = await pageToken(call, location.externalId);
      const [existing, ...extra] = await ownComments(token, location.externalId, externalReviewId);
      const target = existing ? existing.id : `${externalReviewId}/comments`;
      await graphJson(graph, target, { token, appSecret, method: 'POST', params: { message: text } });
      for (const comment of extra) await graphJson(graph, comment.id, { token, appSecret, method: 'DELETE' });
    },

    /** Deletes the Page's comments on the review story (Plaudit keeps no comment id; Graph finds them). */
    async deleteReply(call, location, externalReviewId) {
      const token = await pageToken(call, location.externalId);
      for (const comment of await ownComments(token, location.externalId, externalReviewId)) {
        await graphJson(graph, comment.id, { token, appSecret, method: 'DELETE' });
      }
    },
  };
};
