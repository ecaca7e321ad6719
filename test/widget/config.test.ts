import { describe, expect, it } from 'vitest';
import { DEFAULTS, readOptions } from '../../widget/config';

describe('readOptions', () => {
  it('gives the defaults for a bare host', () => {
    expect(readOptions({ plauditWidget: 'biz_1' })).toEqual({
      options: { businessId: 'biz_1', ...DEFAULTS },
      invalid: [],
    });
  });

  it('reads every option', () => {
    const { options, invalid } = readOptions({
      plauditWidget: 'biz_1',
      layout: 'floating-badge',
      theme: 'dark',
      accent: '#abc',
      limit: '5',
      minRating: '4',
      sources: 'google, yelp',
      lang: 'fr-CA',
      showReplies: 'false',
      showSummary: 'false',
      jsonld: 'true',
      autoplay: '6',
    });
    expect(invalid).toEqual([]);
    expect(options).toMatchObject({
      layout: 'floating',
      theme: 'dark',
      accent: '#abc',
      limit: 5,
      minRating: 4,
    });
    expect(options).toMatchObject({
      sources: ['google', 'yelp'],
      lang: 'fr',
      showReplies: false,
      jsonld: true,
      autoplay: 6,
    });
  });

  it('lists bad values and keeps their defaults', () => {
    const { options, invalid } = readOptions({
      plauditWidget: 'biz_1',
      limit: '0',
      minRating: '6',
      accent: 'red;x:url(y)',
      sources: 'google,myspace',
      lang: 'xx',
      theme: 'neon',
    });
    expect(invalid.sort()).toEqual(['accent', 'lang', 'limit', 'min-rating', 'sources', 'theme']);
    expect(options).toMatchObject({
      limit: 20,
      minRating: 1,
      accent: null,
      sources: null,
      lang: null,
      theme: 'auto',
    });
  });

  it('refuses a missing or odd business id', () => {
    expect(readOptions({}).options).toBeNull();
    expect(readOptions({ plauditWidget: '../x"' }).options).toBeNull();
  });
});
