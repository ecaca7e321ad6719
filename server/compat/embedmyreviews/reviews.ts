import { type Context, Hono } from 'hono';
import { createReviewFor, deleteReviewFor, updateReviewFor } from '../../api/review-changes';
import type { AppDeps } from '../../http/context';
import { listReviewsJson, type ReviewFilter } from '../../store/review-queries';
import { getReview, type Review } from '../../store/reviews';
import { type EmrEnv, orgOf, requirePermissions, sandboxOf } from './auth';
import { EmrError, invalidField } from './errors';
import { bodyOf, pageOf } from './input';
import { businessOfNumber, integerOf, reviewOfNumber } from './lookups';
import { paginatedEnvelope, windowOf } from './pagination';
import { isWritableSource, numbersFor, presentEmrReview, sourceOfNumber, sourcesNamed } from './presenters';
import { createInput, updateInput } from './review-inputs';
import { writableSourcesRoute } from './writable-sources';

const onlyFirstParty = (verb: string) =>
  new EmrError(
    403,
    `Only reviews from custom integrations and testimonial sources can be ${verb}: Plaudit keeps imported platform reviews as the platform published them (hide them instead).`,
  );

/** `/reviews`: list, read, and the first-party writes (create, update, delete) of the product's API. */
export function reviewsRoutes(deps: AppDeps) {
  const app = new Hono<EmrEnv>();
  const present = (reviews: Review[]) => {
    const numbers = numbersFor(deps.db, reviews);
    return reviews.map((review) => presentEmrReview(review, numbers(review)));
  };
  const notFound = () => new EmrError(404, 'Review not found.');

  app.get('/reviews/sources', requirePermissions('reviews:read'), writableSourcesRoute(deps));

  app.get('/reviews', requirePermissions('reviews:read'), (c) => {
    const orgId = orgOf(c);
    const page = pageOf(c);
    const filter: ReviewFilter = {};
    const rating = c.req.query('rating');
    if (rating !== undefined) {
      if (!/^[1-5]$/.test(rating)) throw invalidField('rating', 'The rating field must be between 1 and 5.');
      filter.rating = Number(rating);
    }
    const empty = () => c.json(paginatedEnvelope(c, deps.config.publicUrl, [], 0, page), 200);
    // Organisation and location are the same Plaudit business: one that is not the caller's matches nothing.
    const scopes = ['organization_id', 'location_id']
      .map((name) => c.req.query(name))
      .filter((v) => v !== undefined);
    for (const value of scopes) {
      const business = businessOfNumber(deps, orgId, integerOf(value));
      if (!business || (filter.businessId && filter.businessId !== business.id)) return empty();
      filter.businessId = business.id;
    }
    const names = [...(c.req.queries('source_names[]') ?? []), ...(c.req.queries('source_names') ?? [])];
    if (names.length) {
      filter.sources = sourcesNamed(names);
      if (!filter.sources.length) return empty();
    }
    const found = listReviewsJson(deps.db, orgId, filter, 'newest', windowOf(page));
    if (!found) return empty();
    const reviews = (JSON.parse(found.json) as Array<{ id: string }>)
      .map((row) => getReview(deps.db, orgId, row.id))
      .filter((review): review is Review => review !== undefined);
    return c.json(paginatedEnvelope(c, deps.config.publicUrl, present(reviews), found.total, page), 200);
  });

  app.get('/reviews/:id', requirePermissions('reviews:read'), (c) => {
    const review = reviewOfNumber(deps, orgOf(c), integerOf(c.req.param('id')));
    if (!review) throw notFound();
    return c.json({ data: present([review])[0] }, 200);
  });

  app.post('/reviews', requirePermissions('reviews:read', 'reviews:create'), async (c) => {
    const orgId = orgOf(c);
    const input = createInput(await bodyOf(c));
    const business = businessOfNumber(deps, orgId, input.numbers.organization);
    if (!business) throw invalidField('organization_id', 'The selected organization id is invalid.');
    if (input.numbers.location !== input.numbers.organization) {
      throw invalidField(
        'location_id',
        'The selected location id is invalid: in Plaudit a location is its organisation (one business), so location_id equals organization_id.',
      );
    }
    const source = sourceOfNumber(input.numbers.source);
    if (!source || !isWritableSource(source)) {
      throw invalidField(
        'source',
        'The selected source is invalid. Only custom and testimonial sources can be written (GET /api/v1/reviews/sources lists them); platform reviews come in through Plaudit’s import and sync.',
      );
    }
    const review = createReviewFor(deps, orgId, input.review(business.id, source), sandboxOf(c));
    return c.json({ data: present([review])[0] }, 201);
  });

  const update = async (c: Context<EmrEnv>) => {
    const orgId = orgOf(c);
    const current = reviewOfNumber(deps, orgId, integerOf(c.req.param('id') as string));
    if (!current) throw notFound();
    if (!isWritableSource(current.source)) throw onlyFirstParty('updated');
    const { source, patch } = updateInput(await bodyOf(c));
    if (source !== undefined && sourceOfNumber(source) !== current.source) {
      throw invalidField('source', 'The source cannot be changed: delete the review and create it again.');
    }
    const updated = updateReviewFor(deps, orgId, current, patch);
    return c.json({ data: present([updated])[0] }, 200);
  };
  app.put('/reviews/:id', requirePermissions('reviews:read', 'reviews:update'), update);
  app.patch('/reviews/:id', requirePermissions('reviews:read', 'reviews:update'), update);

  app.delete('/reviews/:id', requirePermissions('reviews:read', 'reviews:delete'), (c) => {
    const orgId = orgOf(c);
    const current = reviewOfNumber(deps, orgId, integerOf(c.req.param('id')));
    if (!current) throw notFound();
    if (!isWritableSource(current.source)) throw onlyFirstParty('deleted');
    deleteReviewFor(deps, orgId, current);
    return c.json({ message: 'Review deleted successfully.' }, 200);
  });

  return app;
}
