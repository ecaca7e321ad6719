import { describe, expect, it } from 'vitest';
import { markRequestBounced } from '../../../server/store/delivery-requests';
import { markRequestOpened } from '../../../server/store/request-progress';
import { setup } from '../helpers';

describe('GET /review-requests filtered on clicked and bounced', () => {
  it('keeps only those whose link was opened, or whose message bounced, and validates the flags', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const send = async (email: string) =>
      (
        await t.call('POST', '/api/v1/review-requests', {
          body: { businessId: biz.id, customerEmail: email, method: 'email' },
        })
      ).json.id as string;
    const clicked = await send('clicked@example.com');
    const bounced = await send('bounced@example.com');
    const quiet = await send('quiet@example.com');
    markRequestOpened(t.db, t.clock, clicked);
    markRequestBounced(t.db, t.clock, bounced, 'mailbox full');
    const ids = async (query: string) =>
      (await t.call('GET', `/api/v1/review-requests?${query}`)).json.data
        .map((r: { id: string }) => r.id)
        .sort();
    expect(await ids('clicked=true')).toEqual([clicked]);
    expect(await ids('clicked=false')).toEqual([bounced, quiet].sort());
    expect(await ids('bounced=true')).toEqual([bounced]);
    expect(await ids('bounced=false&clicked=false')).toEqual([quiet]);
    const bad = await t.call('GET', '/api/v1/review-requests?clicked=yes');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ code: 'VALIDATION_ERROR', details: { clicked: expect.any(String) } });
    const other = t.otherOrg();
    expect(
      (await t.call('GET', '/api/v1/review-requests?clicked=true', { key: other.key })).json.data,
    ).toEqual([]);
  });
});
