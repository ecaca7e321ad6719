import { describe, expect, it } from 'vitest';
import { insertFeedback } from '../../../server/store/feedback-writes';
import { setup } from '../helpers';

describe('feedback origin', () => {
  it('names the card it came from, with the card’s label, and the contact details', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const cards = await t.call('POST', '/api/v1/cards', {
      body: { businessId: biz.id, label: 'Front desk' },
    });
    expect(cards.status).toBe(201);
    const card = cards.json.data[0];
    const fromCard = insertFeedback(t.db, t.clock, {
      organizationId: t.org.id,
      businessId: biz.id,
      origin: 'card',
      requestId: null,
      cardId: card.id,
      type: 'star',
      score: 2,
      comments: 'Slow',
      contactName: 'Jo',
      contactEmail: 'jo@example.com',
      contactPhone: '+15551234567',
      consentToContact: true,
    });
    const one = await t.call('GET', `/api/v1/feedback/${fromCard}`);
    expect(one.json).toMatchObject({
      origin: 'card',
      requestId: null,
      cardId: card.id,
      cardLabel: 'Front desk',
      contactName: 'Jo',
      contactEmail: 'jo@example.com',
      contactPhone: '+15551234567',
    });
    expect((await t.call('GET', '/api/v1/feedback')).json.data[0]).toEqual(one.json);
    const inbox = await t.call('GET', '/api/v1/inbox');
    expect(inbox.json.data[0].feedback).toEqual(one.json);

    await t.call('PATCH', `/api/v1/cards/${card.id}`, { body: { label: null } });
    expect((await t.call('GET', `/api/v1/feedback/${fromCard}`)).json.cardLabel).toBeNull();
  });
});
