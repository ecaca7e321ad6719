/**
 * The contract every review-platform connector implements (DESIGN §11). A connector only speaks HTTP to its
 * platform and translates payloads; it never touches the database. The sync engine, the token vault and the
 * reply queue (server/connectors/*.ts outside the platform files) drive connectors through this interface.
 */

export type ConnectorPlatform = 'google' | 'facebook' | 'trustpilot' | 'yelp' | 'tripadvisor';

/** What the platform granted. `accessToken` is also where an API-key platform keeps its key. */
export type TokenSet = {
  accessToken: string;
  refreshToken?: string | null;
  /** ISO 8601; absent when the token does not expire (API keys, Facebook page tokens). */
  expiresAt?: string | null;
  scopes?: string[];
  /** Platform-specific values the connector needs later (e.g. Facebook page tokens keyed by page id). */
  extra?: Record<string, string>;
};

/** One place the grant can see (a Google location, a Facebook page, a Trustpilot business unit …). */
export type PlatformLocation = {
  externalId: string;
  name: string;
  address?: string | null;
  /** Google's place id, which fills in the business's "write a review" link. */
  placeId?: string | null;
  /** The platform page where the public reads and answers reviews. */
  url?: string | null;
};

/** A review as the platform reports it, already in Plaudit's terms. */
export type PlatformReview = {
  externalId: string;
  rating: number; // 1..5
  title?: string | null;
  content: string | null;
  authorName: string;
  authorAvatarUrl?: string | null;
  url?: string | null;
  publishedAt: string; // ISO 8601
  /** When the platform last changed the review; incremental sync stops at the last one seen. */
  updatedAt: string; // ISO 8601
  /** The owner's reply as the platform shows it. */
  reply?: { text: string; updatedAt: string } | null;
};

/** One page of reviews, newest first; `nextPageToken` is absent on the last page. */
export type ReviewPage = {
  reviews: PlatformReview[];
  nextPageToken?: string | null;
  averageRating?: number | null;
  totalReviewCount?: number | null;
};

/** Everything a call needs: the tokens of the connection (refreshed by the caller when needed). */
export type ConnectorCall = { tokens: TokenSet };

/**
 * A platform failure in the terms the sync engine acts on:
 * - `unauthorized` (401, revoked grant): refresh once, then mark the connection broken;
 * - `rate_limited` (429) and `unavailable` (5xx, network): back off, honouring `retryAfterMs`;
 * - `not_found`, `rejected` (other 4xx): this item fails, the others go on.
 */
export class PlatformError extends Error {
  constructor(
    readonly kind: 'unauthorized' | 'rate_limited' | 'unavailable' | 'not_found' | 'rejected',
    message: string,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

/** The OAuth part, for platforms that grant through a consent screen. */
export type OAuthConnector = {
  /** The consent URL; PKCE `codeVerifier` is passed when the platform supports it. */
  authorizeUrl(input: { state: string; codeVerifier: string | null; redirectUri: string }): URL;
  /** Whether the consent flow uses PKCE. */
  usesPkce: boolean;
  exchange(input: { code: string; codeVerifier: string | null; redirectUri: string }): Promise<TokenSet>;
  refresh?(tokens: TokenSet): Promise<TokenSet>;
};

export type Connector = {
  platform: ConnectorPlatform;
  /** `oauth`: consent screen; `api_key`: the owner pastes a key. */
  auth: 'oauth' | 'api_key';
  oauth?: OAuthConnector;
  /** Said to the owner when the platform's API shows only part of the reviews (Yelp: 3, Tripadvisor: 5). */
  limitation?: string;
  /**
   * Set when the API shows only the newest N reviews (Yelp 3, Tripadvisor 5): a review that leaves them was
   * pushed out by newer ones, not deleted, so the engine looks for deletions only among the reviews shown.
   */
  reviewWindow?: number;
  listLocations(call: ConnectorCall): Promise<PlatformLocation[]>;
  /** API-key platforms: one cheap documented call that fails `unauthorized` when the platform refuses the key. */
  checkKey?(call: ConnectorCall): Promise<void>;
  fetchReviews(
    call: ConnectorCall,
    location: PlatformLocation,
    pageToken?: string | null,
  ): Promise<ReviewPage>;
  /** Present only where the platform has a reply API (Google, Facebook, Trustpilot). */
  postReply?(
    call: ConnectorCall,
    location: PlatformLocation,
    externalReviewId: string,
    text: string,
  ): Promise<void>;
  deleteReply?(call: ConnectorCall, location: PlatformLocation, externalReviewId: string): Promise<void>;
  /** Where the owner answers a location's reviews by hand, on platforms without a reply API. */
  replyUrl?(location: PlatformLocation): string | null;
};

/**
 * What configuration gives a connector. `baseUrl`, when set, is one origin that stands in for every host of
 * the platform (a loopback stand-in in tests, or a proxy); null means the platform's own hosts.
 */
export type ConnectorSettings = {
  clientId: string | null;
  clientSecret: string | null;
  baseUrl: string | null;
};

export type ConnectorFactory = (settings: ConnectorSettings) => Connector;
