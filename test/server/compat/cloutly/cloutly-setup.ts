import { setup, type TestRequest } from '../../helpers';

export const BASE = '/compat/cloutly/api/v1';

/**
 * A fresh Plaudit as a Cloutly customer finds it after switching: a business with Google and Facebook
 * links, a campaign, and reviews from three sources (one replied to, one hidden). `cloutly()` calls the
 * compat API with `x-api-key`, the way Cloutly's clients authenticate.
 */
export async function cloutlySetup(options: Parameters<typeof setup>[0] = {}) {
  const t = setup(options);
  const business = await t.createBusiness({
    name: 'My Business',
    platforms: { google: { placeId: 'ChIJN1t_tDeuEmsRUsoyG83frY4' }, facebook: { page: 'mybusiness' } },
  });
  const campaign = await t.call('POST', '/api/v1/campaigns', {
    body: { name: 'After visit', businessId: business.id, steps: [{ delayHours: 0 }] },
  });
  if (campaign.status !== 201) throw new Error(campaign.text);

  async function cloutly(method: string, path: string, request: TestRequest = {}) {
    const key = request.key === undefined ? t.orgKey : request.key;
    const headers: Record<string, string> = { ...request.headers };
    if (key) headers['x-api-key'] = key;
    return t.call(method, `${BASE}${path}`, { ...request, key: null, headers });
  }

  /** Adds a review through the native API and answers it. */
  async function addReview(body: Record<string, unknown>) {
    const res = await t.call('POST', '/api/v1/reviews', {
      body: { businessId: business.id, rating: 5, authorName: 'Tim Crowel', content: 'Great', ...body },
    });
    if (res.status !== 201) throw new Error(res.text);
    return res.json;
  }

  return { ...t, business, campaign: campaign.json, cloutly, addReview };
}
