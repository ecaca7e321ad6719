import type { z } from '@hono/zod-openapi';
import { queueReviewAlerts } from '../delivery/owner-alerts';
import { withWebhookEvent } from '../delivery/webhook-events';
import { isoNow } from '../domain/clock';
import { isFirstPartySource } from '../domain/sources';
import type { AppDeps } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { businessBelongsTo } from '../store/businesses';
import { deleteReview, findReviewByExternalId, updateReview } from '../store/review-writes';
import { createReview, type Review } from '../store/reviews';
import { type createReviewBody, presentReview, type updateReviewBody } from './reviews-schemas';

/** What the business may change on a review it imported from a platform: the text is the platform's. */
const CURATION_FIELDS = new Set(['showOnWidget', 'hidden', 'tags']);

/**
 * Creates a review and raises `review.created` (owner alerts too, unless `sandbox`): `POST /reviews` and the
 * compat routers share it. 404 for another organization's business, 409 for a taken externalId.
 */
export function createReviewFor(
  deps: AppDeps,
  orgId: string,
  input: z.infer<typeof createReviewBody>,
  sandbox: boolean,
): Review {
  if (!businessBelongsTo(deps.db, orgId, input.businessId)) throw notFound('Business');
  if (
    input.externalId &&
    findReviewByExternalId(deps.db, orgId, { ...input, externalId: input.externalId })
  ) {
    throw new ApiError(
      'CONFLICT',
      'A review with this source and externalId already exists for the business',
      {
        externalId: 'already imported',
      },
    );
  }
  const alertDeps = { db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl };
  return withWebhookEvent(
    deps.db,
    deps.clock,
    orgId,
    'review.created',
    () => {
      const created = createReview(deps.db, deps.clock, orgId, input);
      // A sk_test_ key never transmits a message: its reviews alert nobody either.
      if (!sandbox) queueReviewAlerts(alertDeps, orgId, [created]);
      return created;
    },
    presentReview,
  );
}

/**
 * Updates a review and raises `review.updated`. First-party reviews accept every field; imported ones only
 * the curation fields (any other is a 400 naming it).
 */
export function updateReviewFor(
  deps: AppDeps,
  orgId: string,
  current: Review,
  patch: z.infer<typeof updateReviewBody>,
): Review {
  if (!isFirstPartySource(current.source)) {
    const refused = Object.keys(patch).filter((field) => !CURATION_FIELDS.has(field));
    if (refused.length) {
      const why = `cannot be changed on a ${current.source} review: it is the platform's text; only showOnWidget, hidden and tags can`;
      throw new ApiError(
        'VALIDATION_ERROR',
        'Imported platform reviews only accept showOnWidget, hidden and tags',
        Object.fromEntries(refused.map((field) => [field, why])),
      );
    }
  }
  if (patch.externalId && patch.externalId !== current.externalId) {
    const key = { businessId: current.businessId, source: current.source, externalId: patch.externalId };
    if (findReviewByExternalId(deps.db, orgId, key)) {
      throw new ApiError('CONFLICT', 'Another review of the business has this externalId', {
        externalId: 'taken',
      });
    }
  }
  const { reply, ...rest } = patch;
  const replyPatch =
    reply === undefined || reply === current.reply ? {} : { reply, repliedAt: isoNow(deps.clock) };
  const updated = withWebhookEvent(
    deps.db,
    deps.clock,
    orgId,
    'review.updated',
    () => updateReview(deps.db, deps.clock, orgId, current.id, { ...rest, ...replyPatch }),
    (review) => review && presentReview(review),
  );
  return updated!;
}

/** Deletes a first-party review and raises `review.deleted`; an imported one is a 409 (hide it instead). */
export function deleteReviewFor(deps: AppDeps, orgId: string, current: Review): void {
  if (!isFirstPartySource(current.source)) {
    throw new ApiError('CONFLICT', `A ${current.source} review cannot be deleted; set hidden: true instead`, {
      source: 'imported from a platform',
    });
  }
  withWebhookEvent(
    deps.db,
    deps.clock,
    orgId,
    'review.deleted',
    () => deleteReview(deps.db, orgId, current.id),
    (deleted) => (deleted ? { id: current.id, businessId: current.businessId } : undefined),
  );
}
