import { markRequestCompleted, markRequestOpened } from '../../../../server/store/request-progress';
import { deliverySetup, recordingTransports } from '../../delivery/fixtures';

export const RR = '/compat/ratingsrise/api/v1';

type Setup = ReturnType<typeof deliverySetup>;

/** `t.call` against the RatingsRise router, with Acme's key unless told otherwise. */
export const rr = (t: Setup, method: string, path: string, request: Parameters<Setup['call']>[2] = {}) =>
  t.call(method, `${RR}${path}`, request);

async function native(t: Setup, method: string, path: string, body?: unknown) {
  const res = await t.call(method, `/api/v1${path}`, { body });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.json;
}

const monthsAgo = (t: Setup, months: number, day = 10) => {
  const now = t.clock();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, day, 9, 30)).toISOString();
};

/**
 * Joe's Coffee as a RatingsRise customer would have it after the switch: two businesses with platform links,
 * reviews in each of the last six months (Google and Yelp, one replied to), two VIP customers whose SMS
 * requests were sent, opened and completed. Returns the ids the documented examples name.
 */
export async function seedCoffeeShop(t: Setup) {
  const shop = await t.business({
    name: "Joe's Coffee Shop",
    address: '123 Main St, Austin, TX 78701',
    phone: '+15125551234',
    website: 'https://joescoffee.com',
    platforms: {
      google: { placeId: 'ChIJrTLr-GyuEmsRBfy61i59si0' },
      yelp: { bizId: 'joes-coffee-austin' },
    },
  });
  const downtown = await t.business({
    name: 'Joe’s Coffee — Downtown',
    address: '456 Congress Ave, Austin, TX 78701',
    phone: '+15125555678',
    platforms: { google: { placeId: 'ChIJN1t_tDeuEmsRUsoyG83frY4' } },
  });
  const review = (businessId: string, months: number, extra: Record<string, unknown> = {}) =>
    native(t, 'POST', '/reviews', {
      businessId,
      source: 'google',
      rating: 5,
      content: 'Best coffee in Austin! The pour-over is incredible and the staff is super friendly.',
      authorName: 'Sarah M.',
      authorAvatarUrl: 'https://lh3.googleusercontent.com/a/example',
      publishedAt: monthsAgo(t, months),
      ...extra,
    });
  for (let month = 5; month >= 1; month--) {
    await review(shop.id, month, { rating: month % 2 ? 4 : 5, authorName: `Guest ${month}` });
  }
  await review(shop.id, 0, { source: 'yelp', rating: 3, content: 'Decent latte, slow service.' });
  const replied = await review(shop.id, 0, {
    content: 'Amazing latte art and the pastries are always fresh.',
    authorName: 'Michael R.',
  });
  await native(t, 'POST', `/reviews/${replied.id}/reply`, { reply: 'Thank you, Michael!' });
  const latest = await review(shop.id, 0, { publishedAt: t.clock().toISOString() });
  await review(downtown.id, 1, { rating: 4 });

  const david = await native(t, 'POST', '/customers', {
    name: 'David Chen',
    email: 'david.chen@example.com',
    phone: '+15125554321',
    tags: ['vip'],
    notes: 'Prefers oat milk.',
  });
  const emily = await native(t, 'POST', '/customers', {
    name: 'Emily Johnson',
    email: 'emily@example.com',
    phone: '+15125559876',
    tags: ['vip', 'loyal'],
    notes: 'Regular customer — comes in every weekday morning.',
  });
  const requests = [];
  for (const customer of [david, emily]) {
    requests.push(
      await native(t, 'POST', '/review-requests', {
        businessId: shop.id,
        customerName: customer.name,
        customerPhone: customer.phone,
        method: 'sms',
      }),
    );
  }
  const { transports } = recordingTransports();
  const worker = t.worker({ transports });
  await worker.runOnce();
  await worker.stop();
  for (const request of requests) {
    markRequestOpened(t.db, t.clock, request.id);
    markRequestCompleted(t.db, t.clock, request.id);
  }
  return { shop, downtown, latest, emily, david, requests };
}

/** A fresh Plaudit with the coffee shop seeded. */
export async function seededSetup(overrides: Parameters<typeof deliverySetup>[0] = {}) {
  const t = deliverySetup(overrides);
  const seed = await seedCoffeeShop(t);
  return { t, seed };
}
