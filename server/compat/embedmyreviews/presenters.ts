import { isFirstPartySource, SOURCES, type SourceId } from '../../domain/sources';
import type { Business } from '../../store/businesses';
import type { Db } from '../../store/db';
import type { Review } from '../../store/reviews';
import { rowNumbersOf } from '../../store/row-numbers';

/**
 * A source's integer id (the product's `integration_id` and `source`): its position in Plaudit's source list,
 * from 1. The list only grows at the end, so the numbers stay put.
 */
export const sourceNumber = (source: string): number => SOURCES.findIndex((s) => s.id === source) + 1;

/** The source behind an integer, or undefined. */
export const sourceOfNumber = (n: number): SourceId | undefined => SOURCES[n - 1]?.id;

/** The product's name of a source ("Google", "Testimonials"). */
export function sourceName(source: string): string {
  if (source === 'testimonial') return 'Testimonials';
  return SOURCES.find((s) => s.id === source)?.name ?? source;
}

/** The Plaudit sources that match the product's `source_names[]` ("Google", "google", "Testimonials"). */
export function sourcesNamed(names: string[]): SourceId[] {
  const wanted = new Set(names.map((name) => name.trim().toLowerCase()));
  return SOURCES.filter((s) => wanted.has(s.id) || wanted.has(sourceName(s.id).toLowerCase())).map(
    (s) => s.id,
  );
}

/** The product's writable source type: testimonials, or custom for Plaudit's other first-party sources. */
export const writableType = (source: string) => (source === 'testimonial' ? 'testimonials' : 'custom');

/** Whether the product may create, edit or delete reviews of `source` (Plaudit's first-party rule). */
export const isWritableSource = isFirstPartySource;

/** ISO time as the product prints it: microseconds and `Z` ("2025-12-15T10:30:00.000000Z"). */
export const productTime = (iso: string | null): string | null =>
  iso === null ? null : new Date(iso).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

/** ISO time with an offset, as the product's webhooks print it ("2025-12-15T10:30:00+00:00"). */
export const offsetTime = (iso: string | null): string | null =>
  iso === null ? null : new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** The integers of the reviews and their businesses, read in one query each. */
export function numbersFor(db: Db, reviews: Review[]) {
  const reviewNumbers = rowNumbersOf(
    db,
    'reviews',
    reviews.map((r) => r.id),
  );
  const businessNumbers = rowNumbersOf(db, 'businesses', [...new Set(reviews.map((r) => r.businessId))]);
  return (review: Review) => ({
    id: reviewNumbers.get(review.id) ?? 0,
    business: businessNumbers.get(review.businessId) ?? 0,
  });
}

/**
 * A review in the product's shape. A Plaudit business is both the product's organisation and its location
 * (Plaudit has no level between them), so `organization_id` and `location_id` are the same integer.
 */
export function presentEmrReview(review: Review, numbers: { id: number; business: number }) {
  return {
    id: numbers.id,
    organization_id: numbers.business,
    location_id: numbers.business,
    integration_id: sourceNumber(review.source),
    author: review.authorName,
    date: productTime(review.publishedAt),
    rating: review.rating,
    title: review.title,
    message: review.content,
    source: sourceName(review.source),
    source_logo: null,
    avatar: review.authorAvatarUrl,
    reply: review.reply,
    reply_date: productTime(review.repliedAt),
    hidden: review.hidden,
    verified: review.verified,
  };
}

/** An organisation (a Plaudit business) in the product's shape. */
export function presentOrganisation(business: Business, n: number) {
  return {
    id: n,
    name: business.name,
    created_at: productTime(business.createdAt),
    updated_at: productTime(business.updatedAt),
  };
}
