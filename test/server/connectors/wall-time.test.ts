import { describe, expect, it } from 'vitest';
import { wallTimeToIso } from '../../../server/connectors/wall-time';

const LA = 'America/Los_Angeles';

describe('wallTimeToIso', () => {
  it('reads a zone-less time as the wall clock of the zone, daylight saving included', () => {
    expect(wallTimeToIso('2026-07-01 09:30:00', LA)).toBe('2026-07-01T16:30:00.000Z');
    expect(wallTimeToIso('2026-12-31 23:59:59', LA)).toBe('2027-01-01T07:59:59.000Z');
    expect(wallTimeToIso('2026-07-01 09:30:00', 'Europe/Paris')).toBe('2026-07-01T07:30:00.000Z');
  });

  it('gives a time that the clocks skip (spring forward) one instant, never an error', () => {
    expect(wallTimeToIso('2026-03-08 02:30:00', LA)).toBe('2026-03-08T09:30:00.000Z');
  });

  it('takes a value that carries its own offset as written, and refuses garbage', () => {
    expect(wallTimeToIso('2026-07-01T09:30:00Z', LA)).toBe('2026-07-01T09:30:00.000Z');
    expect(wallTimeToIso('2026-07-01T09:30:00+02:00', LA)).toBe('2026-07-01T07:30:00.000Z');
    expect(wallTimeToIso('last Tuesday', LA)).toBeNull();
    expect(wallTimeToIso('2026-07-01', LA)).toBeNull();
  });
});
