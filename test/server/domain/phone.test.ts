import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneRegion } from '../../../server/domain/phone';

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

describe('normalizePhone in a region', () => {
  it.each([
    ['020 7946 0958', 'GB', '+442079460958'],
    ['07911 123456', 'GB', '+447911123456'],
    ['0044 20 7946 0958', 'GB', '+442079460958'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['(415) 555-0123', 'GB', undefined],
    ['+1 415 555 0123', 'GB', '+14155550123'],
    ['020 7946 095', 'GB', undefined],
    ['garbage', 'GB', undefined],
    ['020 7946 0958', 'ZZ', undefined],
  ])('reads %s in %s as %s', (input, region, expected) => {
    expect(normalizePhone(input, region)).toBe(expected);
  });
});

describe('phoneRegion', () => {
  it.each([
    [{ country: 'GB', locale: 'fr', timezone: 'America/New_York' }, 'GB'],
    [{ country: null, locale: 'en-GB', timezone: 'UTC' }, 'GB'],
    [{ country: null, locale: 'en', timezone: 'Europe/London' }, 'GB'],
    [{ country: null, locale: 'en', timezone: 'Asia/Calcutta' }, 'IN'],
    [{ country: null, locale: 'fr', timezone: 'UTC' }, 'FR'],
    [{ country: null, locale: 'en', timezone: 'UTC' }, 'US'],
    [{}, 'US'],
  ])('finds the region of %j: %s', (business, region) => {
    expect(phoneRegion(business)).toBe(region);
  });
});
