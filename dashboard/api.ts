import type { z } from 'zod';
import type {
  accountSchema,
  invitationSchema,
  membershipSchema,
  sessionSchema,
  teamMemberSchema,
  userSchema,
} from '../server/api/auth-schemas';
import type { businessSchema } from '../server/api/business-schemas';
import type { feedbackSchema, updateFeedbackBody } from '../server/api/feedback-schemas';
import type { inboxItemSchema, inboxPageSchema, unreadCountSchema } from '../server/api/inbox-schemas';
import type { reviewSchema, updateReviewBody } from '../server/api/reviews-schemas';

// Types come from the zod schemas the server validates with (type-only imports: zod stays out of the
// bundle, which keeps the first screen inside its 60 KB budget).
export type Review = z.infer<typeof reviewSchema>;
export type Feedback = z.infer<typeof feedbackSchema>;
export type Business = z.infer<typeof businessSchema>;
export type ReviewPatch = z.input<typeof updateReviewBody> & { showOnWidget?: boolean; hidden?: boolean };
export type FeedbackPatch = z.input<typeof updateFeedbackBody>;

export type User = z.infer<typeof userSchema>;
export type Membership = z.infer<typeof membershipSchema>;
export type Role = Membership['role'];
export type SignedIn = z.infer<typeof accountSchema>;
export type Me = {
  user: User | null;
  memberships: Membership[];
  role: Role | null;
  scopes: string[];
  organization: { id: string; name: string } | null;
};
export type TeamMember = z.infer<typeof teamMemberSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type InboxItem = z.infer<typeof inboxItemSchema>;
export type InboxPage = z.infer<typeof inboxPageSchema>;
export type Pagination = InboxPage['pagination'];
export type InboxFilter = Record<string, string>;
export type ItemRef = { type: 'review' | 'feedback'; id: string };
export type Session = z.infer<typeof sessionSchema>;
export type Organization = { id: string; name: string };

/** An answer other than 2xx, in the API's `{error, code, details}` shape. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}

let organizationHeader: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Called when a signed-in call answers 401: the session ended (expired, or signed out elsewhere). */
export function whenUnauthorized(callback: () => void): void {
  onUnauthorized = callback;
}

/** The organization every later call acts in (`Plaudit-Organization`); null lets the server choose. */
export function actInOrganization(id: string | null): void {
  organizationHeader = id;
}

/** The organization calls act in, for plain links that cannot send the header (`?organization=`). */
export const actingOrganization = (): string | null => organizationHeader;

/** One call to `/api/v1`: the session cookie, the CSRF header and the chosen organization go with it. */
export async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
  onStatus?: (status: number) => void,
): Promise<T> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    'X-Plaudit-Csrf': '1',
    Accept: 'application/json',
  };
  // A file (a logo) goes as the raw body with its own type; everything else as JSON.
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  if (body !== undefined)
    headers['Content-Type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  // An admin reading another organization (the agency screen's allowances) names it in extraHeaders.
  if (organizationHeader && !extraHeaders['Plaudit-Organization'])
    headers['Plaudit-Organization'] = organizationHeader;
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
  });
  onStatus?.(res.status);
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    // The sign-in routes answer 401 for a wrong password, which is no lost session.
    if (res.status === 401 && !path.startsWith('/auth/')) onUnauthorized?.();
    throw new ApiFailure(
      res.status,
      json?.code ?? 'HTTP_ERROR',
      json?.error ?? `Request failed (${res.status})`,
      json?.details ?? {},
    );
  }
  return json as T;
}

/** `?a=1&b=2` of the params that have a value ('' when none has). */
export const qs = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** Every call the dashboard makes; each one is an ordinary API call an API key could make too. */
export const api = {
  login: (email: string, password: string) => call<SignedIn>('POST', '/auth/login', { email, password }),
  logout: () => call<void>('POST', '/auth/logout'),
  setupValid: (token: string) => call<{ valid: boolean }>('GET', `/auth/setup${qs({ token })}`),
  setup: (body: { token: string; name: string; email: string; password: string }) =>
    call<SignedIn>('POST', '/auth/setup', body),
  forgot: (email: string) => call<{ ok: true }>('POST', '/auth/forgot', { email }),
  reset: (token: string, password: string) => call<SignedIn>('POST', '/auth/reset', { token, password }),
  lookupInvitation: (token: string) =>
    call<{ email: string; role: string; organizationName: string; existingUser: boolean }>(
      'GET',
      `/auth/invitations/lookup${qs({ token })}`,
    ),
  acceptInvitation: (body: { token: string; name?: string; password: string }) =>
    call<SignedIn>('POST', '/auth/invitations/accept', body),
  invite: (email: string, role: Role) =>
    call<Invitation & { acceptUrl: string }>('POST', '/auth/invitations', { email, role }),
  invitations: () => call<{ data: Invitation[] }>('GET', '/auth/invitations'),
  revokeInvitation: (id: string) => call<void>('DELETE', `/auth/invitations/${encodeURIComponent(id)}`),
  team: () => call<{ data: TeamMember[] }>('GET', '/team'),
  changeRole: (userId: string, role: Role) =>
    call<TeamMember>('PATCH', `/team/${encodeURIComponent(userId)}`, { role }),
  removeMember: (userId: string) => call<void>('DELETE', `/team/${encodeURIComponent(userId)}`),
  sessions: () => call<{ data: Session[] }>('GET', '/auth/sessions'),
  endSession: (id: string) => call<void>('DELETE', `/auth/sessions/${encodeURIComponent(id)}`),
  changePassword: (currentPassword: string, newPassword: string) =>
    call<void>('POST', '/auth/password', { currentPassword, newPassword }),
  me: () => call<Me>('GET', '/me'),
  organizations: () => call<{ data: Organization[] }>('GET', '/organizations?perPage=100'),
  businesses: () => call<{ data: Business[] }>('GET', '/businesses?perPage=100'),
  inbox: (filter: InboxFilter) => call<InboxPage>('GET', `/inbox${qs(filter)}`),
  unreadCount: () => call<z.infer<typeof unreadCountSchema>>('GET', '/inbox/unread-count'),
  mark: (read: boolean, target: { items: ItemRef[] } | { filter: InboxFilter }) =>
    call<{ updated: number }>('POST', '/inbox/mark', { read, ...target }),
  review: (id: string) => call<Review>('GET', `/reviews/${encodeURIComponent(id)}`),
  reviews: (filter: Record<string, string | undefined>) =>
    call<{ data: Review[]; pagination: Pagination }>('GET', `/reviews${qs(filter)}`),
  updateReview: (id: string, patch: ReviewPatch) =>
    call<Review>('PATCH', `/reviews/${encodeURIComponent(id)}`, patch),
  reply: (id: string, reply: string) =>
    call<Review>('POST', `/reviews/${encodeURIComponent(id)}/reply`, { reply }),
  deleteReply: (id: string) => call<Review | undefined>('DELETE', `/reviews/${encodeURIComponent(id)}/reply`),
  bulkReviews: (body: {
    ids?: string[];
    filter?: Record<string, string | number | boolean>;
    set: { showOnWidget?: boolean; hidden?: boolean };
  }) => call<{ updated: number }>('POST', '/reviews/bulk', body),
  feedback: (id: string) => call<Feedback>('GET', `/feedback/${encodeURIComponent(id)}`),
  updateFeedback: (id: string, patch: FeedbackPatch) =>
    call<Feedback>('PATCH', `/feedback/${encodeURIComponent(id)}`, patch),
};
