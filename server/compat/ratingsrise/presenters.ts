import type { Business, BusinessStats } from '../../store/businesses';
import type { CustomerActivity } from '../../store/customer-activity';
import type { Customer } from '../../store/customers';
import type { RequestStatus, ReviewRequest } from '../../store/review-requests';
import type { Review } from '../../store/reviews';

/** A review as Plaudit's native API presents it (the fields these presenters read). */
export type NativeReview = Pick<
  Review,
  | 'id'
  | 'businessId'
  | 'source'
  | 'rating'
  | 'content'
  | 'authorName'
  | 'authorAvatarUrl'
  | 'sentiment'
  | 'sentimentScore'
  | 'keywords'
  | 'reply'
  | 'repliedAt'
  | 'publishedAt'
  | 'createdAt'
>;

/** A review in a RatingsRise list: `platform` is Plaudit's source, `importedAt` when Plaudit stored it. */
export const presentReview = (r: NativeReview) => ({
  id: r.id,
  businessId: r.businessId,
  platform: r.source,
  rating: r.rating,
  content: r.content,
  authorName: r.authorName,
  authorAvatar: r.authorAvatarUrl,
  sentiment: r.sentiment,
  sentimentScore: r.sentimentScore,
  reply: r.reply,
  repliedAt: r.repliedAt,
  publishedAt: r.publishedAt,
  importedAt: r.createdAt,
});

/** `GET /reviews/:id`: the list fields plus `keywords`. */
export const presentReviewDetail = (r: NativeReview) => {
  const { reply, repliedAt, publishedAt, importedAt, ...head } = presentReview(r);
  return { ...head, keywords: r.keywords, reply, repliedAt, publishedAt, importedAt };
};

/** The answer of `POST /reviews/:id/reply`, with exactly the documented fields. */
export const presentReplied = (r: NativeReview) => ({
  id: r.id,
  businessId: r.businessId,
  platform: r.source,
  rating: r.rating,
  content: r.content,
  authorName: r.authorName,
  reply: r.reply,
  repliedAt: r.repliedAt,
  publishedAt: r.publishedAt,
});

/** The public platforms a business links customers to (Plaudit's configured review links; custom ones left out). */
const platformsOf = (b: Business) =>
  b.reviewLinks.map((link) => link.platform).filter((platform) => platform !== 'custom');

/** A business in the list: its figures count the reviews that are not hidden, as Plaudit's own do. */
export const presentBusiness = (b: Business, stats: BusinessStats) => ({
  id: b.id,
  name: b.name,
  address: b.address,
  phone: b.phone,
  googlePlaceId: b.platforms.google?.placeId ?? null,
  averageRating: stats.averageRating,
  totalReviews: stats.totalReviews,
  platforms: platformsOf(b),
  createdAt: b.createdAt,
  updatedAt: b.updatedAt,
});

/** `GET /businesses/:id`: with the website and the rating and sentiment breakdowns. */
export const presentBusinessDetail = (b: Business, stats: BusinessStats) => ({
  ...presentBusiness(b, stats),
  website: b.website,
  reviewBreakdown: { ...stats.reviewBreakdown },
  sentimentBreakdown: { ...stats.sentimentBreakdown },
});

/**
 * The one business RatingsRise shows a customer under. Plaudit links a customer to any number of businesses:
 * the linked one they were last invited to, else their oldest link; without links, where they were last invited.
 */
export function customerBusinessId(activity: CustomerActivity | undefined, links: string[]): string | null {
  if (links.length === 0) return activity?.businessId ?? null;
  return activity && links.includes(activity.businessId) ? activity.businessId : links[0];
}

/** A customer with the activity RatingsRise shows beside the contact (see customer-activity.ts). */
export const presentCustomer = (c: Customer, activity: CustomerActivity | undefined, links: string[]) => ({
  id: c.id,
  businessId: customerBusinessId(activity, links),
  name: c.name,
  email: c.email,
  phone: c.phone,
  tags: c.tags,
  notes: c.notes,
  reviewRequestsSent: activity?.requestsSent ?? 0,
  reviewsLeft: activity?.completed ?? 0,
  lastVisit: activity?.lastOpenedAt ?? null,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

/** RatingsRise has five statuses: a scheduled request is still pending, a suppressed one (opted out) failed. */
export const STATUS_OUT: Record<RequestStatus, string> = {
  pending: 'pending',
  scheduled: 'pending',
  sent: 'sent',
  opened: 'opened',
  completed: 'completed',
  failed: 'failed',
  suppressed: 'failed',
};

/** Plaudit's statuses behind each RatingsRise one, for the list filter. */
export const STATUS_IN: Record<string, RequestStatus[]> = {
  pending: ['pending', 'scheduled'],
  sent: ['sent'],
  opened: ['opened'],
  completed: ['completed'],
  failed: ['failed', 'suppressed'],
};

/** A review request; `reviewLink` is its Plaudit `/r/:code` link. */
export const presentRequest = (r: ReviewRequest, publicUrl: string | undefined) => ({
  id: r.id,
  businessId: r.businessId,
  customerId: r.customerId,
  customerName: r.customer?.name ?? null,
  method: r.method,
  status: STATUS_OUT[r.status],
  ...(publicUrl === undefined ? {} : { reviewLink: `${publicUrl}/r/${r.code}` }),
  sentAt: r.sentAt,
  openedAt: r.openedAt,
  completedAt: r.completedAt,
  createdAt: r.createdAt,
});
