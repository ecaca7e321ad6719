import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { SOURCES } from '../../domain/sources';
import type { Business } from '../../store/businesses';
import type { MessageTimes } from '../../store/customer-message-times';
import type { Customer } from '../../store/customers';
import type { Feedback } from '../../store/feedback';
import type { ReviewRequest } from '../../store/review-requests';
import type { Review } from '../../store/reviews';
import { unix } from './input';

/** "Ana Maria Silva" → fname "Ana", sname "Maria Silva": Plaudit keeps one name field. */
export function splitName(name: string | null): { fname: string | null; sname: string | null } {
  const trimmed = name?.trim();
  if (!trimmed) return { fname: null, sname: null };
  const space = trimmed.indexOf(' ');
  return space < 0
    ? { fname: trimmed, sname: null }
    : { fname: trimmed.slice(0, space), sname: trimmed.slice(space + 1).trim() || null };
}

/** Plaudit stores no country per customer: the one of their mobile number stands for it. */
const phoneCountry = (phone: string | null) => (phone && parsePhoneNumberFromString(phone)?.country) || null;

/** A Plaudit customer as FeedbackAPI's Customer object. */
export function presentCustomer(customer: Customer, locations: string[], times: MessageTimes) {
  return {
    id: customer.id,
    created: unix(customer.createdAt),
    email: customer.email,
    mobile_number: customer.phone,
    ...splitName(customer.name),
    last_sms: unix(times.sms),
    last_email: unix(times.email),
    country_code: phoneCountry(customer.phone),
    invalid: customer.invalid,
    opt_out: customer.optOut,
    locations,
  };
}

/**
 * A business's address as FeedbackAPI's lines. The compat router stores them one per line (line 1, 2, 3,
 * postal code); an address typed in Plaudit in another layout is answered whole as line 1.
 */
export function addressLines(address: string | null) {
  const lines = address?.split('\n') ?? [];
  const at = (i: number) => lines[i]?.trim() || null;
  if (lines.length === 4) {
    return { address_line_1: at(0), address_line_2: at(1), address_line_3: at(2), postal_code: at(3) };
  }
  return {
    address_line_1: address?.trim() || null,
    address_line_2: null,
    address_line_3: null,
    postal_code: null,
  };
}

/** A Plaudit business as FeedbackAPI's Location object. */
export function presentLocation(business: Business) {
  return {
    id: business.id,
    created: unix(business.createdAt),
    name: business.name,
    ...addressLines(business.address),
    country_code: business.country,
  };
}

const sourceName = (source: string) => SOURCES.find((s) => s.id === source)?.name ?? source;

/** A Plaudit review as FeedbackAPI's Review object (`platform` is Plaudit's source id). */
export function presentReview(review: Review) {
  return {
    id: review.id,
    created: unix(review.publishedAt),
    title: review.title,
    description: review.content,
    location: review.businessId,
    platform: review.source,
    platform_name: sourceName(review.source),
    rating: review.rating,
    url: review.url,
    reviewer_name: review.authorName || null,
    reviewer_image: review.authorAvatarUrl,
    reviewer_url: null,
  };
}

/** Plaudit's feedback types by FeedbackAPI's name (it has no `csat`). */
export const FEEDBACK_TYPES = { 'star-rating': 'star', nps: 'nps', happy: 'thumbs' } as const;
const FAPI_TYPE = { star: 'star-rating', nps: 'nps', thumbs: 'happy' } as const;

export type FeedbackContext = {
  customer?: { name: string | null; email: string | null };
  campaignId?: string;
};

/** Plaudit private feedback as FeedbackAPI's Feedback object (its examples spell `nps-score`, `star-rating`). */
export function presentFeedback(feedback: Feedback, context: FeedbackContext) {
  return {
    id: feedback.id,
    created: unix(feedback.createdAt),
    type: FAPI_TYPE[feedback.type],
    'nps-score': feedback.type === 'nps' ? feedback.score : null,
    'star-rating': feedback.type === 'star' ? feedback.score : null,
    happy: feedback.type === 'thumbs' ? feedback.score === 1 : null,
    comments: feedback.comments || null,
    // Private feedback is what a customer leaves instead of a public review: no platform link was followed.
    platform_name: null,
    subscriber: feedback.customerId,
    subscriber_name: context.customer?.name ?? feedback.contactName,
    subscriber_email: context.customer?.email ?? feedback.contactEmail,
    location: feedback.businessId,
    campaign: context.campaignId ?? null,
    campaign_step: null,
  };
}

/** A Plaudit review request as FeedbackAPI's Feedback Request object. */
export function presentRequest(
  request: ReviewRequest,
  link: string,
  feedback: ReturnType<typeof presentFeedback> | null,
) {
  return {
    id: request.id,
    created: unix(request.createdAt),
    due: unix(request.sendAt ?? request.createdAt),
    updated: unix(request.updatedAt),
    subscriber: request.customerId,
    // Plaudit does not record which template rendered a message: the channel stands for it.
    template: request.method,
    location: request.businessId,
    type: request.suppressMessage ? 'suppressed' : request.method,
    // No open pixel: a followed link is the only proof the message was read.
    message_opened: request.clicked,
    message_clicked: request.clicked,
    message_bounced: request.bounced,
    bounce_reason: request.bounceReason,
    spam_complaint: false,
    full_url: link,
    branded_url: link,
    feedback,
  };
}
