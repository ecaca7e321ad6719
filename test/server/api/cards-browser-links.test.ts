import { describe, expect, it } from 'vitest';
import { upsertMembership } from '../../../server/store/memberships';
import { accountsSetup } from './accounts-fixtures';

// The dashboard opens the print sheet and QR downloads with plain links: a cookie, no header of any kind.
describe('card sheet and QR codes through a plain browser link', () => {
  async function agencyOwner() {
    const t = accountsSetup();
    const first = await t.createBusiness({ name: 'First' });
    await t.call('POST', '/api/v1/cards', { body: { businessId: first.id, count: 2, labelPrefix: 'Acme' } });
    const other = t.otherOrg();
    const theirs = (
      await t.call('POST', '/api/v1/businesses', { key: other.key, body: { name: 'Theirs', slug: 'theirs' } })
    ).json;
    const card = (
      await t.call('POST', '/api/v1/cards', {
        key: other.key,
        body: { businessId: theirs.id, label: 'Other' },
      })
    ).json.data[0];
    await t.addUser('ana@example.com', 'owner');
    const user = t.db.prepare('SELECT id FROM users WHERE email = ?').get('ana@example.com') as {
      id: string;
    };
    upsertMembership(t.db, t.clock, user.id, other.id, 'manager');
    const { cookie } = await t.login('ana@example.com');
    // A link followed from the dashboard: cookie only (no CSRF header, no organization header).
    const follow = (path: string) => t.app.request(path, { headers: { cookie } });
    return { t, other, card, follow, cookie };
  }

  it('renders the sheet of the organization named in ?organization= for a member of it', async () => {
    const { t, other, follow } = await agencyOwner();
    const own = await follow('/api/v1/cards/sheet');
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('Acme 2');
    const named = await follow(`/api/v1/cards/sheet?organization=${other.id}`);
    expect(named.status).toBe(200);
    const html = await named.text();
    expect(html).toContain('Other');
    expect(html).not.toContain('Acme 1');
    expect(named.headers.get('content-security-policy')).toMatch(/img-src data:/);
    const stranger = t.otherOrg();
    expect((await follow(`/api/v1/cards/sheet?organization=${stranger.id}`)).status).toBe(404);
  });

  it('downloads a QR code as a named attachment with ?download=true, inline otherwise', async () => {
    const { other, card, follow } = await agencyOwner();
    const png = await follow(`/api/v1/cards/${card.id}/qr.png?organization=${other.id}&download=true`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toBe(`attachment; filename="qr-${card.id}.png"`);
    const svg = await follow(`/api/v1/cards/${card.id}/qr.svg?organization=${other.id}`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-disposition')).toBeNull();
  });

  it('never lets the query name an organization for a write', async () => {
    const { t, other, card, cookie } = await agencyOwner();
    const res = await t.app.request(`/api/v1/cards/${card.id}?organization=${other.id}`, {
      method: 'PATCH',
      headers: {
        cookie,
        origin: 'http://plaudit.test',
        'x-plaudit-csrf': '1',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ label: 'Moved' }),
    });
    // A write declares no ?organization= (only reads take it, for plain links): refused, nothing moved.
    expect(res.status).toBe(400);
    expect((await res.json()).details).toEqual({ organization: 'unknown query parameter' });
    const after = await t.call('GET', `/api/v1/cards/${card.id}`, { key: other.key });
    expect(after.json.label).toBe('Other');
  });
});
