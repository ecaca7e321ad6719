import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../../server/compat/ratingsrise/analytics';

describe('averageResponseTime as RatingsRise writes it', () => {
  it('turns hours into "2h 15m", "45m" or "3d 4h", and nothing into null', () => {
    expect(formatDuration(2.25)).toBe('2h 15m');
    expect(formatDuration(0.75)).toBe('45m');
    expect(formatDuration(0)).toBe('0m');
    expect(formatDuration(76)).toBe('3d 4h');
    expect(formatDuration(23.999)).toBe('1d 0h');
    expect(formatDuration(null)).toBeNull();
  });
});
