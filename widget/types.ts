/** The JSON document `GET /widget/v1/:businessId.json` returns: the contract between server and widget. */
export type WidgetReview = {
  id: string;
  rating: number;
  title: string | null;
  content: string;
  authorName: string;
  authorAvatarUrl: string | null;
  source: string;
  url: string | null;
  publishedAt: string;
  reply: string | null;
  repliedAt: string | null;
  verified: boolean;
};

export type WidgetData = {
  business: { id: string; name: string; logoUrl: string | null; brandColor: string | null; locale: string };
  /** Computed over every visible review of the business, not only those picked for the widget. */
  summary: { averageRating: number | null; totalReviews: number; basis: 'all_visible_reviews' };
  reviewLink: string;
  reviews: WidgetReview[];
};

export const SOURCES = [
  'google',
  'yelp',
  'facebook',
  'tripadvisor',
  'trustpilot',
  'direct',
  'testimonial',
  'custom',
] as const;
