import { describe, expect, it } from 'vitest';
import { expectDocumentedShape } from '../shape';
import * as doc from './fixtures';
import { emrSetup } from './harness';

const TESTIMONIAL = 7;

/** A fresh Plaudit with one business, a first-party and an imported review, and a campaign. */
async function seeded() {
  const t = emrSetup();
  const biz = await t.business();
  const imported = await t.call('POST', '/api/v1/reviews', {
    body: {
      businessId: biz.id,
      source: 'google',
      rating: 5,
      authorName: 'Sarah Johnson',
      content: 'Outstanding service!',
      reply: 'Thank you Sarah!',
    },
  });
  const campaign = await t.call('POST', '/api/v1/campaigns', {
    body: { businessId: biz.id, name: 'Post-Visit Follow Up', steps: [{ delayHours: 0 }] },
  });
  expect(campaign.status, campaign.text).toBe(201);
  return { ...t, biz, imported: imported.json, campaign: campaign.json };
}

const withNumbers = (path: string, numbers: Record<string, number | string>) =>
  path.replace(/\{(\w+)\}/g, (_, name) => String(numbers[name]));

describe('EmbedMyReviews documented examples, replayed against Plaudit', () => {
  it('reviews: list (links/meta), get, create from a testimonial source, update, delete', async () => {
    const t = await seeded();
    const list = await t.emr('GET', doc.listReviews.request.path);
    expect(list.status).toBe(doc.listReviews.status);
    expect(list.headers.get('x-ratelimit-limit')).toBe('60');
    expect(list.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    expectDocumentedShape(list.json, doc.listReviews.response, {
      nullable: [...doc.reviewNullable, 'links.next', 'links.prev'],
    });
    expect(list.json.data[0]).toMatchObject({
      source: 'Google',
      rating: 5,
      reply: 'Thank you Sarah!',
      organization_id: t.biz.n,
    });

    const sources = await t.emr('GET', `/api/v1/reviews/sources?location_id=${t.biz.n}`);
    expect(sources.status).toBe(doc.writableSources.status);
    expectDocumentedShape(sources.json, doc.writableSources.response, {
      nullable: ['data.*.logo', 'links.next'],
    });
    const testimonial = sources.json.data.find((s: { type: string }) => s.type === 'testimonials');
    expect(testimonial.id).toBe(TESTIMONIAL);

    const form = {
      ...doc.createReview.request.form,
      organization_id: String(t.biz.n),
      location_id: String(t.biz.n),
      source: String(testimonial.id),
    };
    const created = await t.emr('POST', doc.createReview.request.path, { multipart: form });
    expect(created.status, created.text).toBe(doc.createReview.status);
    expectDocumentedShape(created.json, doc.createReview.response, { nullable: doc.reviewNullable });
    expect(created.json.data).toMatchObject({
      author: 'Jane Smith',
      date: '2026-01-15T00:00:00.000000Z',
      source: 'Testimonials',
      integration_id: TESTIMONIAL,
    });

    const got = await t.emr('GET', `/api/v1/reviews/${created.json.data.id}`);
    expect(got.status).toBe(doc.getReview.status);
    expectDocumentedShape(got.json, doc.getReview.response, { nullable: doc.reviewNullable });

    const updated = await t.emr('PUT', `/api/v1/reviews/${created.json.data.id}`, {
      form: doc.updateReview.request.form,
    });
    expect(updated.status, updated.text).toBe(doc.updateReview.status);
    expectDocumentedShape(updated.json, doc.getReview.response, { nullable: doc.reviewNullable });
    expect(updated.json.data).toMatchObject({ rating: 4, message: 'Updated review content.' });

    const deleted = await t.emr('DELETE', `/api/v1/reviews/${created.json.data.id}`);
    expect(deleted.status).toBe(doc.deleteReview.status);
    expect(deleted.json).toEqual(doc.deleteReview.response);
    expect((await t.emr('GET', `/api/v1/reviews/${created.json.data.id}`)).status).toBe(404);
  });

  it('imported reviews cannot be created, updated or deleted (403), as documented', async () => {
    const t = await seeded();
    const list = await t.emr('GET', '/api/v1/reviews');
    const google = list.json.data[0];
    const put = await t.emr('PUT', `/api/v1/reviews/${google.id}`, { form: { rating: '1' } });
    expect(put.status).toBe(403);
    expect(put.json.message).toMatch(/custom integrations and testimonial/);
    expect((await t.emr('DELETE', `/api/v1/reviews/${google.id}`)).status).toBe(403);
    const created = await t.emr('POST', '/api/v1/reviews', {
      form: {
        author: 'X',
        rating: '5',
        published_on: '2026-01-15',
        organization_id: String(t.biz.n),
        location_id: String(t.biz.n),
        source: '1',
      },
    });
    expect(created.status).toBe(422);
    expect(Object.keys(created.json.errors)).toEqual(['source']);
    const after = await t.call('GET', `/api/v1/reviews/${t.imported.id}`);
    expect(after.json.rating).toBe(5);
  });

  it('organisations: list, create, get, update, delete (a Plaudit business, archived)', async () => {
    const t = await seeded();
    const list = await t.emr('GET', doc.listOrganizations.request.path);
    expect(list.status).toBe(200);
    expectDocumentedShape(list.json, doc.listOrganizations.response, { nullable: ['links.next'] });
    const created = await t.emr('POST', doc.createOrganization.request.path, {
      json: doc.createOrganization.request.json,
    });
    expect(created.status, created.text).toBe(doc.createOrganization.status);
    expectDocumentedShape(created.json, doc.createOrganization.response);
    const got = await t.emr('GET', `/api/v1/organizations/${created.json.id}`);
    expect(got.status).toBe(200);
    expectDocumentedShape(got.json, doc.getOrganization.response);
    const updated = await t.emr('PUT', `/api/v1/organizations/${created.json.id}`, {
      json: doc.updateOrganization.request.json,
    });
    expect(updated.status).toBe(doc.updateOrganization.status);
    expectDocumentedShape(updated.json, doc.getOrganization.response);
    expect(updated.json.name).toBe('Updated Name');
    const deleted = await t.emr('DELETE', `/api/v1/organizations/${created.json.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual(doc.deleteOrganization.response);
    expect((await t.emr('GET', `/api/v1/organizations/${created.json.id}`)).status).toBe(404);
    const last = await t.emr('DELETE', `/api/v1/organizations/${t.biz.n}`);
    expect(last.status).toBe(422);
    expect(last.json.message).toBe('You must have at least one remaining organisation.');
  });

  it('campaigns and a review invite (202) through Plaudit’s request creation', async () => {
    const t = await seeded();
    const list = await t.emr('GET', doc.listCampaigns.request.path);
    expect(list.status).toBe(200);
    expectDocumentedShape(list.json, doc.listCampaigns.response, { nullable: ['links.next'] });
    expect(list.json.data).toEqual([{ id: t.campaign.id, name: 'Post-Visit Follow Up' }]);
    const path = withNumbers(doc.sendInvite.request.path, { campaign_uuid: t.campaign.id });
    const sent = await t.emr('POST', path, { json: doc.sendInvite.request.json });
    expect(sent.status, sent.text).toBe(doc.sendInvite.status);
    expectDocumentedShape(sent.json, doc.sendInvite.response);
    const request = await t.call('GET', `/api/v1/review-requests/${sent.json.id}`);
    expect(request.status).toBe(200);
    expect(request.json).toMatchObject({ businessId: t.biz.id, method: 'email' });
    // The same contact again inside the dedup window: 202, nothing new.
    const again = await t.emr('POST', path, { json: doc.sendInvite.request.json });
    expect(again.status).toBe(202);
    expect(again.json.id).toBe(sent.json.id);
  });

  it('sources, countries and me answer any valid token', async () => {
    const t = emrSetup();
    const key = t.keyWithScopes([]);
    const sources = await t.emr('GET', doc.listSources.request.path, { key });
    expect(sources.status).toBe(200);
    expectDocumentedShape(sources.json, doc.listSources.response, { nullable: ['data.*.logo'] });
    expect(sources.json.data[0]).toMatchObject({ id: 1, name: 'Google', url: 'https://google.com' });
    const countries = await t.emr('GET', doc.listCountries.request.path, { key });
    expectDocumentedShape(countries.json, doc.listCountries.response);
    expect(countries.json).toContainEqual({ id: 'GB', name: 'United Kingdom' });
    const me = await t.emr('GET', doc.me.request.path, { key });
    expect(me.status).toBe(200);
    expectDocumentedShape(me.json, doc.me.response, { nullable: ['email'] });
  });

  it('the documented 422 shape, and 401/403 in the product’s shape', async () => {
    const t = await seeded();
    const bad = await t.emr('POST', `/api/v1/request-reviews/campaigns/${t.campaign.id}/invite`, {
      json: { first_name: 'Sarah' },
    });
    expect(bad.status).toBe(doc.validationError.status);
    expectDocumentedShape(bad.json, doc.validationError.response, { allowExtraKeys: true });
    expect(bad.json.errors.email).toEqual(doc.validationError.response.errors.email);
    const anonymous = await t.emr('GET', '/api/v1/reviews', { key: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toEqual({ message: 'Unauthenticated.' });
    const readOnly = await t.emr('POST', '/api/v1/organizations', {
      key: t.keyWithScopes(['businesses:read']),
      json: { name: 'X' },
    });
    expect(readOnly.status).toBe(403);
    expect(readOnly.json.message).toMatch(/organizations:create/);
    for (const path of ['/api/v1/nothing-here', '/api/agency/v1/nothing-here', '/elsewhere']) {
      const unknown = await t.emr('GET', path, { key: path.includes('agency') ? t.admin : undefined });
      expect(unknown.status, path).toBe(404);
      expect(unknown.json, path).toEqual({ message: 'Not found.' });
    }
  });
});
