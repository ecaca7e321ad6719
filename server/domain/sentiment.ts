import Sentiment from 'sentiment';

const analyzer = new Sentiment();

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

/**
 * Lexicon-based sentiment (AFINN via the `sentiment` package) of a review's text. `score` is the
 * comparative score (per word, roughly -5…5). With no words to go on, the star rating decides the label.
 */
export function analyzeSentiment(text: string, rating: number): { sentiment: SentimentLabel; score: number } {
  const result = analyzer.analyze(text);
  if (result.tokens.length === 0 || (result.positive.length === 0 && result.negative.length === 0)) {
    const sentiment: SentimentLabel = rating >= 4 ? 'positive' : rating <= 2 ? 'negative' : 'neutral';
    return { sentiment, score: 0 };
  }
  const score = Math.round(result.comparative * 1000) / 1000;
  const sentiment: SentimentLabel = score > 0.05 ? 'positive' : score < -0.05 ? 'negative' : 'neutral';
  return { sentiment, score };
}
