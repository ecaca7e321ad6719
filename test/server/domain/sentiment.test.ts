import { describe, expect, it } from 'vitest';
import { extractKeywords } from '../../../server/domain/keywords';
import { analyzeSentiment } from '../../../server/domain/sentiment';

describe('analyzeSentiment', () => {
  it('labels clearly positive and negative text and scores per word', () => {
    const good = analyzeSentiment('Amazing coffee, wonderful and friendly staff', 5);
    expect(good.sentiment).toBe('positive');
    expect(good.score).toBeGreaterThan(0.05);
    const bad = analyzeSentiment('Terrible, rude and awful service', 1);
    expect(bad.sentiment).toBe('negative');
    expect(bad.score).toBeLessThan(-0.05);
  });

  it('falls back on the star rating when the text carries no sentiment words', () => {
    expect(analyzeSentiment('', 5)).toEqual({ sentiment: 'positive', score: 0 });
    expect(analyzeSentiment('We ordered a sandwich', 3)).toEqual({ sentiment: 'neutral', score: 0 });
    expect(analyzeSentiment('', 1)).toEqual({ sentiment: 'negative', score: 0 });
  });

  it('lets the text, not the stars, decide when it has sentiment words', () => {
    expect(analyzeSentiment('Awful, horrible experience', 5).sentiment).toBe('negative');
  });
});

describe('extractKeywords', () => {
  it('returns the most frequent meaningful words, lowercase, without stopwords or numbers', () => {
    expect(extractKeywords('The Coffee was great; coffee and croissants, 2024 croissants, coffee!')).toEqual([
      'coffee',
      'croissants',
      'great',
    ]);
  });

  it('caps the list and folds apostrophes', () => {
    expect(extractKeywords('alpha beta gamma delta epsilon zeta eta', 3)).toHaveLength(3);
    expect(extractKeywords("barista's latte")).toEqual(['baristas', 'latte']);
    expect(extractKeywords('')).toEqual([]);
  });
});
