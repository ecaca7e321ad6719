import { describe, expect, it } from 'vitest';
import { ratingInsights, termsOf } from '../../../server/mcp/insights';

describe('rating insights from review text', () => {
  it('keeps words and adjacent pairs, drops stopwords but keeps negations', () => {
    const terms = termsOf('The coffee was not hot, the coffee was cold');
    expect(terms.has('coffee')).toBe(true);
    expect(terms.has('not hot')).toBe(true);
    expect(terms.has('the')).toBe(false);
    expect(terms.has('the coffee')).toBe(false);
  });

  it('ranks what sets low ratings apart from high ones, each review counted once per term', () => {
    const reviews = [
      { rating: 1, text: 'Cold coffee, cold coffee, cold coffee!' },
      { rating: 2, text: 'Cold coffee and a long wait' },
      { rating: 1, text: 'Long wait, rude staff' },
      { rating: 5, text: 'Friendly staff, great pastries' },
      { rating: 4, text: 'Great pastries and friendly staff' },
      { rating: 3, text: 'Cold coffee but great pastries' },
    ];
    const insights = ratingInsights(reviews);
    expect(insights).toMatchObject({ lowReviews: 3, highReviews: 2 });
    expect(insights.low[0]).toMatchObject({ lowCount: 2, highCount: 0 });
    expect(insights.low.map((t) => t.term)).toEqual(expect.arrayContaining(['cold coffee', 'long wait']));
    expect(insights.high.map((t) => t.term)).toEqual(
      expect.arrayContaining(['great pastries', 'friendly staff']),
    );
    // "staff" is on both sides: it belongs to neither list's top.
    expect(insights.low.map((t) => t.term)).not.toContain('staff');
    expect(insights.low.every((t) => t.score > 0) && insights.high.every((t) => t.score < 0)).toBe(true);
  });

  it('answers empty lists when there is nothing to compare', () => {
    expect(ratingInsights([])).toEqual({ lowReviews: 0, highReviews: 0, low: [], high: [] });
  });
});
