import { describe, expect, it } from 'vitest';
import { inSendWindow, localTimeToInstant, nextSendTime } from '../../../server/delivery/send-window';

const window = { start: '09:00', end: '20:00' };
const next = (iso: string, zone: string, w = window) => nextSendTime(new Date(iso), zone, w).toISOString();

describe('send window', () => {
  it('keeps a time inside the window and moves a night-time one to the next opening, in local time', () => {
    expect(next('2026-06-15T14:00:00.000Z', 'America/New_York')).toBe('2026-06-15T14:00:00.000Z'); // 10:00 EDT
    expect(next('2026-06-15T03:00:00.000Z', 'America/New_York')).toBe('2026-06-15T13:00:00.000Z'); // 23:00 EDT → 09:00
    expect(next('2026-06-16T01:30:00.000Z', 'America/New_York')).toBe('2026-06-16T13:00:00.000Z'); // 21:30 EDT
    expect(next('2026-06-15T22:00:00.000Z', 'Asia/Tokyo')).toBe('2026-06-16T00:00:00.000Z'); // 07:00 JST → 09:00
    expect(next('2026-06-15T19:59:00.000Z', 'UTC')).toBe('2026-06-15T19:59:00.000Z');
    expect(next('2026-06-15T20:00:00.000Z', 'UTC')).toBe('2026-06-16T09:00:00.000Z');
    expect(next('2026-06-15T08:00:00.000Z', 'Asia/Kolkata')).toBe('2026-06-15T08:00:00.000Z'); // 13:30 IST
  });

  it('follows DST changes: the opening is 09:00 local on both sides of the switch', () => {
    // US spring forward on 2026-03-08: 09:00 EST the day before is 14:00Z, 09:00 EDT that day is 13:00Z.
    expect(next('2026-03-07T03:00:00.000Z', 'America/New_York')).toBe('2026-03-07T14:00:00.000Z');
    expect(next('2026-03-08T03:00:00.000Z', 'America/New_York')).toBe('2026-03-08T13:00:00.000Z');
    // Europe falls back on 2026-10-25: 09:00 CET is 08:00Z, 09:00 CEST the day before is 07:00Z.
    expect(next('2026-10-24T20:00:00.000Z', 'Europe/Paris')).toBe('2026-10-25T08:00:00.000Z');
    expect(next('2026-10-23T20:00:00.000Z', 'Europe/Paris')).toBe('2026-10-24T07:00:00.000Z');
    // A window opening inside the skipped hour (02:30 on spring-forward night) opens just after the jump.
    expect(
      localTimeToInstant({ year: 2026, month: 3, day: 8 }, 2 * 60 + 30, 'America/New_York').toISOString(),
    ).toBe('2026-03-08T07:30:00.000Z');
  });

  it('handles a window that wraps past midnight', () => {
    const night = { start: '22:00', end: '06:00' };
    expect(inSendWindow(new Date('2026-06-15T23:00:00Z'), 'UTC', night)).toBe(true);
    expect(inSendWindow(new Date('2026-06-15T05:59:00Z'), 'UTC', night)).toBe(true);
    expect(next('2026-06-15T12:00:00.000Z', 'UTC', night)).toBe('2026-06-15T22:00:00.000Z');
  });
});
