import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

async function widgetJson(t: ReturnType<typeof setup>, businessId: string) {
  const res = await t.app.request(`/widget/v1/${businessId}.json`);
  return { status: res.status, json: await res.json() };
}

describe('widget data after a business changes', () => {
  it('shows a rename at once, and answers 404 once the business is archived', async () => {
    const t = setup();
    const biz = await t.createBusiness({ name: 'Old Name' });
    expect((await widgetJson(t, biz.id)).json.business.name).toBe('Old Name');
    await t.call('PATCH', `/api/v1/businesses/${biz.id}`, { body: { name: 'New Name' } });
    expect((await widgetJson(t, biz.id)).json.business.name).toBe('New Name');
    await t.call('DELETE', `/api/v1/businesses/${biz.id}`);
    expect((await widgetJson(t, biz.id)).status).toBe(404);
  });

  it('answers 404 once the organization is deleted', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    expect((await widgetJson(t, biz.id)).status).toBe(200);
    await t.call('DELETE', `/api/v1/organizations/${t.org.id}`, { key: t.admin });
    expect((await widgetJson(t, biz.id)).status).toBe(404);
  });
});
