import { describe, expect, it } from 'vitest';
import { shapeMismatches } from './shape';

describe('documented shape check (used by the compat tests)', () => {
  const example = { total: 3, reviews: [{ id: 'r', rating: '5', response: { comment: 'x' }, photo: null }] };

  it('accepts the same names and types with other values', () => {
    const actual = {
      total: 9,
      reviews: [{ id: 'q', rating: '4', response: { comment: 'y' }, photo: 'https://p' }],
    };
    expect(shapeMismatches(actual, example)).toEqual([]);
  });

  it('names a missing field, an extra field and a wrong type, at their paths', () => {
    const actual = { total: '9', reviews: [{ id: 'q', rating: 4, response: {}, photo: null, extra: true }] };
    expect(shapeMismatches(actual, example).sort()).toEqual(
      [
        'total: expected number, got string',
        'reviews.0.extra: not in the documented example',
        'reviews.0.rating: expected string, got number',
        'reviews.0.response.comment: missing',
      ].sort(),
    );
  });

  it('lets a field documented with a value be null only where the test says it may', () => {
    const actual = { total: 1, reviews: [{ id: 'q', rating: '4', response: null, photo: null }] };
    expect(shapeMismatches(actual, example)).toEqual(['reviews.0.response: expected object, got null']);
    expect(shapeMismatches(actual, example, { nullable: ['reviews.*.response'] })).toEqual([]);
  });
});
