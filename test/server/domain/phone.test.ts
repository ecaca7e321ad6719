import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../server/domain/phone';

describe('normalizePhone', () => {
  it.each([
    ['+14155550123', '+14155550123'],
    ['+1 (415) 555-0123', '+14155550123'],
    ['+1.415.555.0123', '+14155550123'],
    ['(415) 555-0123', '+14155550123'],
    ['415-555-0123', '+14155550123'],
    ['1 415 555 0123', '+14155550123'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+44 (0)20 7946 0958', '+442079460958'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+351 912 345 678', '+351912345678'],
    ['+7 912 345-67-89', '+79123456789'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['hello', 'letters'],
    ['555-0123', 'too short for anything'],
    ['020 7946 0958', 'a national number outside North America'],
    ['+0 123 456 789', 'no country code starts with 0'],
    ['+1 015 555 0123', 'a North American area code cannot start with 0'],
    ['+1 415 155 0123', 'a North American exchange cannot start with 1'],
    ['+1 415 555 012', 'too short for North America'],
    ['+1234567890123456', 'longer than 15 digits'],
    ['+280 1234 5678', 'a spare country code zone'],
    ['+14155550123 x12', 'an extension'],
  ])('refuses %s (%s)', (input) => {
    expect(normalizePhone(input)).toBeUndefined();
  });
});
