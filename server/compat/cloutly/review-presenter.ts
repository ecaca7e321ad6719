import { type RedactionSpec, redactDeep } from '../../domain/redaction';
import type { AppDeps } from '../../http/context';
import { getBusiness } from '../../store/businesses';
import { type Customer, getCustomer } from '../../store/customers';
import type { Review } from '../../store/reviews';

/** A review as Plaudit's API presents it (the stored `api_json`): the fields this presenter reads. */
export type NativeReview = Pick<
  Review,
  | 'id'
  | 'businessId'
  | 'source'
  | 'externalId'
  | 'rating'
  | 'title'
  | 'content'
  | 'authorName'
  | 'authorAvatarUrl'
  | 'url'
  | 'publishedAt'
  | 'reply'
  | 'repliedAt'
  | 'showOnWidget'
  | 'hidden'
  | 'customerId'
  | 'updatedAt'
>;

/** The contact fields of a Cloutly review, masked for keys without `pii:read` as the native API masks customers. */
const CONTACT_PII: RedactionSpec = { email: 'email', phoneNumber: 'phone' };

/**
 * Maps Plaudit reviews to Cloutly's field names. Businesses and customers are read once per page. `shield`
 * is false: what Cloutly's shield catches (unhappy customers kept off the public sites) is private feedback in
 * Plaudit, never a review. `type`, `videoRef` and `gifRef` are null: Plaudit reviews carry no video or GIF.
 */
export function reviewPresenter(deps: AppDeps, organizationId: string, seesPii: boolean) {
  const businessNames = new Map<string, string>();
  const customers = new Map<string, Customer | undefined>();
  const businessName = (id: string) => {
    if (!businessNames.has(id)) businessNames.set(id, getBusiness(deps.db, organizationId, id)?.name ?? '');
    return businessNames.get(id) ?? '';
  };
  const customer = (id: string | null) => {
    if (!id) return undefined;
    if (!customers.has(id)) customers.set(id, getCustomer(deps.db, organizationId, id));
    return customers.get(id);
  };
  return function presentReview(review: NativeReview) {
    const contact = customer(review.customerId);
    const personal = { email: contact?.email ?? null, phoneNumber: contact?.phone ?? null };
    const shown = seesPii ? personal : redactDeep(personal, CONTACT_PII);
    return {
      authorName: review.authorName,
      businessId: review.businessId,
      createdAt: review.publishedAt,
      email: shown.email,
      id: review.id,
      isArchived: review.hidden,
      name: review.authorName,
      phoneNumber: shown.phoneNumber,
      photo: review.authorAvatarUrl,
      rating: String(review.rating),
      showOnWidget: review.showOnWidget,
      response:
        review.reply === null
          ? null
          : {
              name: businessName(review.businessId),
              date: (review.repliedAt ?? review.updatedAt).slice(0, 10),
              comment: review.reply,
            },
      shield: false,
      source: review.source,
      sourceFeedbackId: review.externalId,
      status: review.reply === null ? 'Pending' : 'Responded',
      reviewUrl: review.url,
      text: review.content,
      title: review.title,
      type: null,
      videoRef: null,
      gifRef: null,
      updatedAt: review.updatedAt,
      customerId: review.customerId,
    };
  };
}
