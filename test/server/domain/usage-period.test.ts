import { describe, expect, it } from 'vitest';
import { addMonths, periodAt } from '../../../server/domain/usage-period';

describe('usage periods', () => {
  it('runs a calendar month from the anchor, keeping its time of day', () => {
    expect(periodAt('2026-06-15T12:00:00.000Z', new Date('2026-06-15T12:00:00.000Z'))).toEqual({
      start: '2026-06-15T12:00:00.000Z',
      renews: '2026-07-15T12:00:00.000Z',
    });
    expect(periodAt('2026-06-15T12:00:00.000Z', new Date('2026-07-15T11:59:59.999Z')).renews).toBe(
      '2026-07-15T12:00:00.000Z',
    );
    expect(periodAt('2026-06-15T12:00:00.000Z', new Date('2027-01-20T00:00:00.000Z'))).toEqual({
      start: '2027-01-15T12:00:00.000Z',
      renews: '2027-02-15T12:00:00.000Z',
    });
  });

  it('clamps the day to short months without drifting', () => {
    expect(addMonths(new Date('2026-01-31T00:00:00.000Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(addMonths(new Date('2026-01-31T00:00:00.000Z'), 2).toISOString()).toBe('2026-03-31T00:00:00.000Z');
    expect(periodAt('2026-01-31T00:00:00.000Z', new Date('2026-03-01T00:00:00.000Z'))).toEqual({
      start: '2026-02-28T00:00:00.000Z',
      renews: '2026-03-31T00:00:00.000Z',
    });
  });

  it('counts backwards from an anchor in the future', () => {
    expect(periodAt('2026-09-10T00:00:00.000Z', new Date('2026-06-15T00:00:00.000Z'))).toEqual({
      start: '2026-06-10T00:00:00.000Z',
      renews: '2026-07-10T00:00:00.000Z',
    });
  });
});
