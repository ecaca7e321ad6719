import { describe, expect, it } from 'vitest';
import { cloutlySetup } from './cloutly-setup';

describe('Cloutly 500', () => {
  it('answers an unexpected failure in Cloutly’s error shape and nothing of the cause', async () => {
    const t = await cloutlySetup();
    // A store failure Plaudit does not expect: the review sources are gone from under the router.
    t.db.exec('ALTER TABLE reviews RENAME TO reviews_gone');
    const res = await t.cloutly('GET', '/businesses');
    expect(res.status).toBe(500);
    expect(res.json).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
    });
    expect(res.text).not.toContain('reviews');
  });
});
