import { describe, expect, it } from 'vitest';
import { expectDocumentedShape } from '../shape';
import { cloutlySetup } from './cloutly-setup';
import { documented } from './fixtures';

const expectJsonWithRateHeaders = (res: { headers: Headers }) => {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('x-ratelimit-limit')).toBe('200');
  expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeLessThan(200);
};

describe('Cloutly documented examples, replayed against a fresh Plaudit', () => {
  it('GET /businesses: a bare array of businesses with their sources', async () => {
    const t = await cloutlySetup();
    await t.addReview({ source: 'trustpilot', externalId: 'tp-1' });
    const { method, path } = documented.businesses.request;
    const res = await t.cloutly(method, path);
    expect(res.status).toBe(200);
    expectJsonWithRateHeaders(res);
    expectDocumentedShape(res.json, documented.businesses.response, { allowExtraKeys: true });
    expect(res.json).toHaveLength(1);
    expect(res.json[0]).toMatchObject({
      id: t.business.id,
      name: 'My Business',
      sources: ['google', 'facebook', 'trustpilot'],
    });
  });

  it('GET /reviews: {total, reviews} with Cloutly’s field names and types', async () => {
    const t = await cloutlySetup();
    const review = await t.addReview({
      source: 'trustpilot',
      externalId: '601a81b4679d9705c86295eb',
      url: 'https://example.com/url/to/review/source',
      authorAvatarUrl: 'https://cdn.example.com/tim.png',
      publishedAt: '2021-02-03T00:00:00.000Z',
      content: 'Fantastic. Couldn’t be more satisfied.',
    });
    await t.call('POST', `/api/v1/reviews/${review.id}/reply`, {
      body: { reply: 'Thank you for the wonderful feedback Tim.' },
    });
    await t.addReview({
      source: 'google',
      externalId: 'g-1',
      rating: 3,
      publishedAt: '2021-01-01T00:00:00.000Z',
    });
    const { method, path } = documented.reviews.request;
    const res = await t.cloutly(method, path);
    expect(res.status).toBe(200);
    expectJsonWithRateHeaders(res);
    expectDocumentedShape(res.json, documented.reviews.response, {
      allowExtraKeys: true,
      nullable: [...documented.reviews.nullable],
    });
    expect(res.json.total).toBe(2);
    expect(res.json.reviews[0]).toMatchObject({
      id: review.id,
      businessId: t.business.id,
      authorName: 'Tim Crowel',
      name: 'Tim Crowel',
      createdAt: '2021-02-03T00:00:00.000Z',
      rating: '5',
      isArchived: false,
      shield: false,
      source: 'trustpilot',
      sourceFeedbackId: '601a81b4679d9705c86295eb',
      status: 'Responded',
      reviewUrl: 'https://example.com/url/to/review/source',
      photo: 'https://cdn.example.com/tim.png',
      text: 'Fantastic. Couldn’t be more satisfied.',
      response: {
        name: 'My Business',
        date: '2026-06-15',
        comment: 'Thank you for the wonderful feedback Tim.',
      },
      videoRef: null,
      gifRef: null,
      type: null,
    });
    expect(res.json.reviews[1]).toMatchObject({
      source: 'google',
      rating: '3',
      status: 'Pending',
      response: null,
    });
  });

  it('POST /send-review-invite: the contact and the SMS allowance left', async () => {
    const t = await cloutlySetup();
    await t.call('PUT', `/api/v1/organizations/${t.org.id}/limits`, {
      key: t.admin,
      body: { smsPerMonth: 20, emailPerMonth: null },
    });
    const { method, path, body } = documented.sendReviewInvite.request;
    const ids = { businessId: t.business.id, campaignId: t.campaign.id };

    // As published: Plaudit checks phone numbers, and +44 1232 1321321 is not a dialable UK number.
    const asPublished = await t.cloutly(method, path, { body: { ...body, ...ids } });
    expect(asPublished.status).toBe(400);
    expect(asPublished.json).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(Object.keys(asPublished.json.details)).toEqual(['channel.phoneNumber']);

    const res = await t.cloutly(method, path, {
      body: { ...body, ...ids, channel: { ...body.channel, phoneNumber: '+44 20 7946 0958' } },
    });
    expect(res.status).toBe(200);
    expectJsonWithRateHeaders(res);
    expectDocumentedShape(res.json, documented.sendReviewInvite.response, {
      allowExtraKeys: true,
      nullable: ['contact.lastName', 'contact.email', 'contact.source', 'contact.sourceContactId'],
    });
    expect(res.json.contact).toEqual({
      id: expect.stringMatching(/^cust_/),
      firstName: 'John',
      lastName: 'Smith',
      email: 'useremail@gmail.com',
      phoneNumber: '+442079460958',
      source: 'api',
      sourceContactId: 'number123',
    });
    expect(res.json.usage).toEqual({ smsLimitsLeft: 19, renews: '2026-07-15T12:00:00.000Z' });
    expect(res.json.invite).toMatchObject({ method: 'sms', status: 'scheduled' });
    const customer = await t.call('GET', `/api/v1/customers/${res.json.contact.id}`);
    expect(customer.json).toMatchObject({ name: 'John Smith', source: 'api', sourceContactId: 'number123' });
  });

  it('GET /reviews?showOnWidget=true keeps the reviews shown on the widget; false filters nothing', async () => {
    const t = await cloutlySetup();
    const shown = await t.addReview({ source: 'google', externalId: 'g-1' });
    const kept = await t.addReview({ source: 'google', externalId: 'g-2' });
    // Plaudit reviews start off the widget; the owner picks the ones to show.
    const on = await t.call('PATCH', `/api/v1/reviews/${shown.id}`, { body: { showOnWidget: true } });
    expect(on.status).toBe(200);
    const ids = async (query: string) =>
      (await t.cloutly('GET', `/reviews${query}`)).json.reviews.map((r: { id: string }) => r.id).sort();
    expect(await ids('?showOnWidget=true')).toEqual([shown.id]);
    expect(await ids('?showOnWidget=false')).toEqual([shown.id, kept.id].sort());
    const hidden = (await t.cloutly('GET', '/reviews')).json.reviews.find(
      (r: { id: string }) => r.id === kept.id,
    );
    expect(hidden.showOnWidget).toBe(false);
  });
});
