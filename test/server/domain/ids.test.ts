import { afterEach, describe, expect, it, vi } from 'vitest';
import { newApiKeySecret, newId, newPublicCode, randomBase62 } from '../../../server/domain/ids';

describe('ids and codes', () => {
  afterEach(() => vi.useRealTimers());

  it('are prefixed, the documented length, base62 and unique', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => newId('rev')));
    expect(ids.size).toBe(20_000);
    for (const id of [...ids].slice(0, 100)) expect(id).toMatch(/^rev_[0-9A-Za-z]{24}$/);
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

  it('sort in creation order across milliseconds, with 16 random characters after the time', () => {
    vi.useFakeTimers();
    const made: string[] = [];
    for (const time of [
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.001Z',
      '2031-06-30T12:00:00Z',
      '2107-01-01T00:00:00Z',
    ]) {
      vi.setSystemTime(new Date(time));
      made.push(newId('visit'), newId('visit'));
    }
    const byTime = made.filter((_, i) => i % 2 === 0);
    expect([...byTime].sort()).toEqual(byTime);
    // Two ids of the same millisecond share the time part and differ in the random part.
    expect(made[0].slice(0, 14)).toBe(made[1].slice(0, 14));
    expect(made[0]).not.toBe(made[1]);
  });
});
