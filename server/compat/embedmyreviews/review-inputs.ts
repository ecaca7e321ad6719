import { z } from 'zod';
import { createReviewBody, updateReviewBody } from '../../api/reviews-schemas';
import { fromNative, invalidField } from './errors';
import { dateField, intField, parse, requireFields, textField } from './input';

/** The product's field for each Plaudit review field, to name it in a 422. */
const PRODUCT_FIELD: Record<string, string> = {
  authorName: 'author',
  content: 'message',
  publishedAt: 'published_on',
  authorAvatarUrl: 'avatar',
  businessId: 'organization_id',
};

const reviewFields = {
  author: textField(255).min(1, { message: 'is required' }),
  rating: intField(1, 5),
  published_on: dateField,
  message: z
    .string({ message: 'must be a string' })
    .max(10_000, { message: 'must not be greater than 10000 characters' }),
  title: textField(255).nullable(),
  avatar: z.string({ message: 'must be an https URL' }),
};

const createFields = z.object({
  ...reviewFields,
  message: reviewFields.message.optional(),
  title: reviewFields.title.optional(),
  avatar: reviewFields.avatar.optional(),
  organization_id: intField(1),
  location_id: intField(1),
  source: intField(1),
});

const updateFields = z
  .object(reviewFields)
  .partial()
  .extend({ source: intField(1).optional() });

/** Plaudit has nowhere to keep an uploaded avatar file: it stores the avatar's https URL. */
function refuseFile(body: Record<string, unknown>): void {
  if (body.avatar instanceof File) {
    throw invalidField(
      'avatar',
      'The avatar must be an https URL: Plaudit stores a link to the avatar, not a file.',
    );
  }
}

/** A native validation of the translated fields, its issues named by the product's fields. */
function native<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw fromNative(result.error, PRODUCT_FIELD);
}

const startOfDay = (date: string) => `${date}T00:00:00.000Z`;

/** `POST /reviews`: the product's fields, checked, and the numbers still to resolve. */
export function createInput(body: Record<string, unknown>) {
  requireFields(body, ['author', 'rating', 'published_on', 'organization_id', 'location_id', 'source']);
  refuseFile(body);
  const input = parse(createFields, body);
  return {
    numbers: { organization: input.organization_id, location: input.location_id, source: input.source },
    review: (businessId: string, source: string) =>
      native(createReviewBody, {
        businessId,
        source,
        rating: input.rating,
        authorName: input.author,
        content: input.message ?? '',
        title: input.title ?? null,
        authorAvatarUrl: input.avatar ?? null,
        publishedAt: startOfDay(input.published_on),
      }),
  };
}

/** `PUT /reviews/{id}`: the Plaudit patch of the fields sent, and the source number if one was sent. */
export function updateInput(body: Record<string, unknown>) {
  refuseFile(body);
  const input = parse(updateFields, body);
  const patch: Record<string, unknown> = {};
  if (input.author !== undefined) patch.authorName = input.author;
  if (input.rating !== undefined) patch.rating = input.rating;
  if (input.message !== undefined) patch.content = input.message;
  if (input.title !== undefined) patch.title = input.title;
  if (input.published_on !== undefined) patch.publishedAt = startOfDay(input.published_on);
  if (input.avatar !== undefined) patch.authorAvatarUrl = input.avatar;
  return { source: input.source, patch: native(updateReviewBody, patch) };
}
