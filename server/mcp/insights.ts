/**
 * Which words and two-word phrases set low-rated reviews apart from high-rated ones: the log-odds ratio
 * of each term between the two groups, smoothed and divided by its standard error (a z-score), as in
 * Monroe, Colaresi & Quinn, "Fightin' Words" (2008). Computed here from the review text: no model, no
 * network, the same answer every time.
 */

const STOPWORDS = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each even ever every few for from further get got ' +
    'had has have having he her here hers him his how i if in into is it its itself just me more most my ' +
    'myself no nor not now of off on once only or other our ours out over own place really same she should ' +
    'so some such than that the their theirs them then there these they this those through to too under ' +
    'until up us very was we were what when where which while who whom why will with would you your yours ' +
    "also back one two still went go going come came us i'm it's don't didn't wasn't we're they're"
  ).split(' '),
);

// Negations stay: "not good" must not read as "good".
for (const keep of ['not', 'no', 'nor']) STOPWORDS.delete(keep);

/** Lower-case words of a text, letters and apostrophes only, stopwords kept so phrases stay adjacent. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}][\p{L}']*/gu) ?? [];
}

/** The distinct terms of one review: words and adjacent pairs that are not stopwords at either end. */
export function termsOf(text: string): Set<string> {
  const all = words(text);
  const terms = new Set<string>();
  all.forEach((word, i) => {
    if (word.length > 2 && !STOPWORDS.has(word)) terms.add(word);
    const next = all[i + 1];
    if (next && !STOPWORDS.has(word) && !STOPWORDS.has(next)) terms.add(`${word} ${next}`);
  });
  return terms;
}

export type Term = { term: string; score: number; lowCount: number; highCount: number };

export type Insights = {
  lowReviews: number;
  highReviews: number;
  /** Most associated with 1–2★ reviews first. */
  low: Term[];
  /** Most associated with 4–5★ reviews first. */
  high: Term[];
};

/** Low (1–2★) against high (4–5★) reviews; 3★ reviews are in neither group. */
export function ratingInsights(
  reviews: Array<{ rating: number; text: string }>,
  options: { top?: number; minCount?: number } = {},
): Insights {
  const top = options.top ?? 10;
  const minCount = options.minCount ?? 2;
  const low = new Map<string, number>();
  const high = new Map<string, number>();
  let lowReviews = 0;
  let highReviews = 0;
  for (const review of reviews) {
    const side = review.rating <= 2 ? low : review.rating >= 4 ? high : undefined;
    if (!side) continue;
    if (side === low) lowReviews++;
    else highReviews++;
    for (const term of termsOf(review.text)) side.set(term, (side.get(term) ?? 0) + 1);
  }
  const vocabulary = new Set([...low.keys(), ...high.keys()]);
  const alpha = 0.5;
  const lowTotal = [...low.values()].reduce((a, b) => a + b, 0);
  const highTotal = [...high.values()].reduce((a, b) => a + b, 0);
  const prior = alpha * vocabulary.size;
  const scored: Term[] = [];
  for (const term of vocabulary) {
    const l = low.get(term) ?? 0;
    const h = high.get(term) ?? 0;
    if (l + h < minCount) continue;
    const delta =
      Math.log((l + alpha) / (lowTotal + prior - l - alpha)) -
      Math.log((h + alpha) / (highTotal + prior - h - alpha));
    const score = delta / Math.sqrt(1 / (l + alpha) + 1 / (h + alpha));
    scored.push({ term, score: Math.round(score * 100) / 100, lowCount: l, highCount: h });
  }
  const pick = (sign: 1 | -1) =>
    scored
      .filter((t) => t.score * sign > 0 && (sign > 0 ? t.lowCount : t.highCount) >= minCount)
      .sort((a, b) => (b.score - a.score) * sign || a.term.localeCompare(b.term))
      .slice(0, top);
  return { lowReviews, highReviews, low: pick(1), high: pick(-1) };
}
