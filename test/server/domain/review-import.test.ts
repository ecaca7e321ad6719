import { describe, expect, it } from 'vitest';
import { parseReviewCsv, validateImportRows } from '../../../server/domain/review-import';

describe('parseReviewCsv', () => {
  it('maps header spellings to fields and types the cells', () => {
    const rows = parseReviewCsv(
      '\uFEFFSource,External ID,stars,author,text,date,Tags,show_on_widget,verified,extra\n' +
        'google,g1,5,Ana,"Great, really",2026-01-02,a; b|c,yes,0,ignored\n' +
        'yelp,y1,,Bo,,,,,,\n',
    );
    expect(rows[0]).toEqual({
      source: 'google',
      externalId: 'g1',
      rating: 5,
      authorName: 'Ana',
      content: 'Great, really',
      publishedAt: '2026-01-02',
      tags: ['a', 'b', 'c'],
      showOnWidget: true,
      verified: false,
      extra: 'ignored',
    });
    expect(rows[1]).toEqual({ source: 'yelp', externalId: 'y1', authorName: 'Bo' });
  });

  it('throws on a malformed document', () => {
    expect(() => parseReviewCsv('a,b\n"unclosed,1\n')).toThrow();
  });
});

describe('validateImportRows', () => {
  it('splits good rows from bad ones, numbering rows from 1', () => {
    const { valid, errors } = validateImportRows([
      {
        source: 'google',
        externalId: 'g1',
        rating: 5,
        authorName: 'Ana',
        publishedAt: '2026-01-02T10:00:00+01:00',
      },
      { source: 'google', rating: 'five', authorName: 'Bo', showOnWidget: 'maybe' },
      'not an object',
    ]);
    expect(valid).toEqual([
      {
        row: 1,
        input: expect.objectContaining({ externalId: 'g1', publishedAt: '2026-01-02T09:00:00.000Z' }),
      },
    ]);
    expect(errors[0]).toEqual({
      row: 2,
      errors: {
        externalId: expect.any(String),
        rating: expect.any(String),
        showOnWidget: expect.any(String),
      },
    });
    expect(errors[1]).toEqual({ row: 3, errors: { _: expect.any(String) } });
  });
});
