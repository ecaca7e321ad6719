import { describe, expect, it } from 'vitest';
import { rr, seededSetup } from './seed';

describe('RatingsRise 500', () => {
  it('answers an unexpected failure with its INTERNAL_ERROR body and nothing of the cause', async () => {
    const { t } = await seededSetup();
    // A store failure Plaudit does not expect: the customer links are gone from under the router.
    t.db.exec('DROP TABLE customer_businesses');
    const res = await rr(t, 'GET', '/customers');
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ error: 'An unexpected server error occurred', code: 'INTERNAL_ERROR' });
    expect(res.text).not.toContain('customer_businesses');
  });
});
