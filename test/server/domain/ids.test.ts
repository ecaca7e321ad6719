import { describe, expect, it } from 'vitest';
import { newApiKeySecret, newId, newPublicCode, randomBase62 } from '../../../server/domain/ids';

describe('ids and codes', () => {
  it('are prefixed, the documented length, base62 and unique', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => newId('rev')));
    expect(ids.size).toBe(20_000);
    for (const id of [...ids].slice(0, 100)) expect(id).toMatch(/^rev_[0-9A-Za-z]{16}$/);
    expect(newPublicCode()).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(newApiKeySecret('test')).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
  });

  it('use every base62 character about equally (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (const char of randomBase62(62 * 2000)) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(62);
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(1600);
      expect(count).toBeLessThan(2400);
    }
  });
});
