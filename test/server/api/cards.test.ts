import { describe, expect, it } from 'vitest';
import { landingSetup } from '../pages/landing-fixtures';

describe('cards API', () => {
  it('creates a labelled batch and answers each card’s URL; lists and filters them', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const res = await t.call('POST', '/api/v1/cards', {
      body: { businessId: biz.id, count: 3, labelPrefix: 'Table', staffMember: 'Ana' },
    });
    expect(res.status).toBe(201);
    expect(res.json.data.map((c: { label: string }) => c.label)).toEqual(['Table 1', 'Table 2', 'Table 3']);
    const [card] = res.json.data;
    expect(card.url).toBe(`http://plaudit.test/t/${card.code}`);
    expect(card.code).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(card).toMatchObject({ staffMember: 'Ana', active: true, taps: 0, lastTapAt: null });
    expect(card.organizationId).toBeUndefined();

    const list = await t.call('GET', '/api/v1/cards?perPage=2');
    expect(list.json.pagination).toEqual({ page: 1, perPage: 2, total: 3, totalPages: 2 });
    await t.call('DELETE', `/api/v1/cards/${card.id}`);
    expect((await t.call('GET', '/api/v1/cards?active=true')).json.pagination.total).toBe(2);
  });

  it('caps a batch at 500 and validates the body', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const tooMany = await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id, count: 501 } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.details.count).toBeDefined();
    const unknownField = await t.call('POST', '/api/v1/cards', {
      body: { businessId: biz.id, colour: 'red' },
    });
    expect(unknownField.status).toBe(400);
    const ok = await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id, count: 500 } });
    expect(ok.json.data).toHaveLength(500);
  });

  it('relabels, reassigns to another business and staff member, and reactivates', async () => {
    const t = landingSetup();
    const a = await t.createBusiness({ name: 'A' });
    const b = await t.createBusiness({ name: 'B' });
    const card = (await t.call('POST', '/api/v1/cards', { body: { businessId: a.id, label: 'Door' } })).json
      .data[0];
    const moved = await t.call('PATCH', `/api/v1/cards/${card.id}`, {
      body: { businessId: b.id, label: 'Till', staffMember: 'Bo' },
    });
    expect(moved.json).toMatchObject({ businessId: b.id, label: 'Till', staffMember: 'Bo', code: card.code });
    const off = await t.call('DELETE', `/api/v1/cards/${card.id}`);
    expect(off.json.active).toBe(false);
    const on = await t.call('PATCH', `/api/v1/cards/${card.id}`, {
      body: { active: true, staffMember: null },
    });
    expect(on.json).toMatchObject({ active: true, staffMember: null });
  });

  it('answers 401 without a key, 403 without the scope, and 404 for another organization’s card or business', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const card = (await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id } })).json.data[0];
    expect((await t.call('GET', '/api/v1/cards', { key: null })).status).toBe(401);
    const readOnly = t.keyWithScopes(['cards:read']);
    expect(
      (await t.call('POST', '/api/v1/cards', { key: readOnly, body: { businessId: biz.id } })).status,
    ).toBe(403);
    expect((await t.call('GET', `/api/v1/cards/${card.id}`, { key: readOnly })).status).toBe(200);

    const other = t.otherOrg();
    for (const [method, path] of [
      ['GET', `/api/v1/cards/${card.id}`],
      ['PATCH', `/api/v1/cards/${card.id}`],
      ['DELETE', `/api/v1/cards/${card.id}`],
      ['GET', `/api/v1/cards/${card.id}/qr.svg`],
      ['GET', `/api/v1/businesses/${biz.id}/qr.png`],
    ]) {
      const res = await t.call(method, path, {
        key: other.key,
        body: method === 'PATCH' ? { label: 'x' } : undefined,
      });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const intoOther = await t.call('POST', '/api/v1/cards', { key: other.key, body: { businessId: biz.id } });
    expect(intoOther.status).toBe(404);
    expect((await t.call('GET', '/api/v1/cards', { key: other.key })).json.data).toEqual([]);
    const sheet = await t.call('GET', `/api/v1/cards/sheet?ids=${card.id}`, { key: other.key });
    expect(sheet.text).not.toContain(card.code);
  });

  it('draws QR codes as SVG and PNG with size, margin and colours, refusing unreadable colours', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const card = (await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id } })).json.data[0];
    const svg = await t.call(
      'GET',
      `/api/v1/cards/${card.id}/qr.svg?size=300&margin=4&dark=1d4ed8&light=ffffff`,
    );
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.text).toContain('<svg');
    expect(svg.text).toContain('width="300"');
    expect(svg.text).toContain('#1d4ed8');
    const png = await t.app.request(`/api/v1/businesses/${biz.id}/qr.png?size=128`, {
      headers: { authorization: `Bearer ${t.orgKey}` },
    });
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(new DataView(bytes.buffer).getUint32(16)).toBe(128);
    const faint = await t.call('GET', `/api/v1/cards/${card.id}/qr.svg?dark=eeeeee&light=ffffff`);
    expect(faint.status).toBe(400);
    expect((await t.call('GET', `/api/v1/cards/${card.id}/qr.svg?size=10`)).status).toBe(400);
  });

  it('renders a printable sheet with @page rules and each card’s label and URL as text', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id, count: 2, labelPrefix: '<Bar>' } });
    const sheet = await t.call('GET', `/api/v1/cards/sheet?businessId=${biz.id}`);
    expect(sheet.status).toBe(200);
    expect(sheet.text).toContain('@page');
    expect(sheet.text).toContain('&lt;Bar> 2');
    expect(sheet.text.match(/<img src="data:image\/svg\+xml;base64,/g)).toHaveLength(2);
  });
});
