import { describe, expect, it } from 'vitest';
import { visitTokens } from '../../../server/pages/visit-token';
import { visitorWindow } from '../../../server/pages/visitor-window';
import { openMemoryDb } from '../../../server/store/db';
import { testClock } from '../helpers';

describe('visit tokens', () => {
  it('round-trips what was opened, in letters and digits only, and honours only this install’s signature', () => {
    const clock = testClock();
    const db = openMemoryDb();
    const tokens = visitTokens(db, clock);
    const cases = [
      ['business_link', 'biz_0Q3kTz8mAbCdEfGhIjKlMnOp'],
      ['card', 'AbCdEf123456'],
      ['request', 'ZyXwVu987654'],
      ['card', 'an odd-code/é'],
    ] as const;
    for (const [origin, ref] of cases) {
      const token = tokens.issue(origin, ref, 'de');
      expect(token).toMatch(/^visit_[A-Za-z0-9]+$/);
      expect(tokens.read(token)).toEqual({
        id: token,
        origin,
        ref,
        lang: 'de',
        issuedAt: clock().getTime(),
      });
      // Another install (another database, another secret) does not accept it.
      expect(visitTokens(openMemoryDb(), clock).read(token)).toBeUndefined();
    }
    // The same install reopened keeps its secret: it lives in the database.
    const token = tokens.issue('card', 'AbCdEf123456', 'en');
    expect(visitTokens(db, clock).read(token)?.ref).toBe('AbCdEf123456');
  });

  it('refuses a token that was changed anywhere, or that is older than a week', () => {
    const clock = testClock();
    const tokens = visitTokens(openMemoryDb(), clock);
    const token = tokens.issue('card', 'AbCdEf123456', 'en');
    for (let i = 6; i < token.length; i++) {
      const changed = token.slice(0, i) + (token[i] === 'x' ? 'y' : 'x') + token.slice(i + 1);
      expect(tokens.read(changed)).toBeUndefined();
    }
    expect(tokens.read(`${token}0`)).toBeUndefined();
    expect(tokens.read('visit_0Q3kTz8mAbCdEfGhIjKlMnOp')).toBeUndefined();
    clock.advance(7 * 86_400_000 - 1);
    expect(tokens.read(token)).toBeDefined();
    clock.advance(2);
    expect(tokens.read(token)).toBeUndefined();
  });
});

describe('visitorWindow', () => {
  it('says "first" once per key per window and never holds more than its capacity', () => {
    const clock = testClock();
    const seen = visitorWindow({ capacity: 3, windowMs: 1000, clock });
    expect(seen.first('ip', 'ua', 'card')).toBe(true);
    expect(seen.first('ip', 'ua', 'card')).toBe(false);
    expect(seen.first('ip', 'ua', 'other')).toBe(true);
    clock.advance(1000);
    expect(seen.first('ip', 'ua', 'card')).toBe(true);
    for (let i = 0; i < 100; i++) seen.first(`flood-${i}`);
    expect(seen.size()).toBe(3);
    // The least recently seen were forgotten; the most recent are still remembered.
    expect(seen.first('flood-99')).toBe(false);
    expect(seen.first('ip', 'ua', 'card')).toBe(true);
  });
});
