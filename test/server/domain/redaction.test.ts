import { describe, expect, it } from 'vitest';
import {
  initials,
  maskContact,
  maskContactsInText,
  maskEmail,
  maskPhone,
  redactDeep,
} from '../../../server/domain/redaction';

describe('maskEmail', () => {
  it.each([
    ['jessica@example.com', 'j•••@example.com'],
    ['a@b.co', 'a•••@b.co'],
    ['émile.zola@exemple.fr', 'é•••@exemple.fr'],
    ['😀fun@example.com', '😀•••@example.com'],
    ['not-an-email', '•••'],
    ['@example.com', '•••'],
  ])('%s → %s', (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });
});

describe('maskPhone', () => {
  it.each([
    ['+14155550123', '•••0123'],
    ['+1 (415) 555-0123', '•••0123'],
    ['+442079460958', '•••0958'],
    ['5550123', '•••123'],
    ['12345', '•••45'],
    ['12', '•••'],
  ])('%s → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('never keeps enough digits to dial', () => {
    const masked = maskPhone('+14155550123');
    expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(4);
  });
});

describe('maskContact', () => {
  it('masks an email as an email and anything else as a phone', () => {
    expect(maskContact('ana@example.com')).toBe('a•••@example.com');
    expect(maskContact('+14155550123')).toBe('•••0123');
  });
});

describe('initials', () => {
  it.each([
    ['Jessica Park', 'J. P.'],
    ['ana', 'A.'],
    ['  Jean-Luc  Picard ', 'J. L. P.'],
    ['María José de la Cruz', 'M. J. D.'],
    ['"Bob" O’Neil', 'B. O.'],
    ['李小龍', '李.'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(initials(input)).toBe(expected);
  });
});

describe('maskContactsInText', () => {
  it('masks emails and phone numbers inside free text', () => {
    const text = 'Call me on +1 (415) 555-0123 or 415.555.0199, or write to jessica.park@example.com!';
    const masked = maskContactsInText(text);
    expect(masked).toBe('Call me on •••0123 or •••0199, or write to j•••@example.com!');
  });

  it('leaves dates, times, short numbers and ids alone', () => {
    const text = 'Visited 2026-06-15T12:00:00.000Z, table 12, order 48213, ref cust_0Q3kTz8m12345678';
    expect(maskContactsInText(text)).toBe(text);
  });
});

describe('redactDeep', () => {
  it('redacts the named keys at any depth and leaves the rest, without changing the input', () => {
    const input = {
      id: 'rr_1',
      customer: { id: 'cust_1', name: 'Jessica Park', email: 'jessica@example.com', phone: null },
      list: [{ recipient: '+14155550123', text: 'Hi Jessica', comments: 'mail me: j@x.io' }],
      rating: 5,
    };
    const copy = structuredClone(input);
    const out = redactDeep(input, {
      name: 'name',
      email: 'email',
      phone: 'phone',
      recipient: 'contact',
      text: 'withheld',
      comments: 'text',
    });
    expect(out).toEqual({
      id: 'rr_1',
      customer: { id: 'cust_1', name: 'J. P.', email: 'j•••@example.com', phone: null },
      list: [{ recipient: '•••0123', text: null, comments: 'mail me: j•••@x.io' }],
      rating: 5,
    });
    expect(input).toEqual(copy);
  });

  it('withholds a non-string value too', () => {
    expect(redactDeep({ html: { a: 1 } }, { html: 'withheld' })).toEqual({ html: null });
  });
});
