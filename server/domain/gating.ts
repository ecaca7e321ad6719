/** Pure gating rules (DESIGN §5), shared by the server routes and the landing island. */
export type GatingMode = 'soft' | 'off' | 'strict';
export type RatingScale = 'stars' | 'nps' | 'thumbs';
export type Gating = { mode: GatingMode; threshold: number; scale: RatingScale };

/** What a rated customer is shown next. */
export type NextStep = 'platforms' | 'feedback';

const RANGE: Record<RatingScale, [number, number]> = { stars: [1, 5], nps: [0, 10], thumbs: [0, 1] };

/** The scores a scale offers, in display order (lowest first). */
export function scaleScores(scale: RatingScale): number[] {
  const [min, max] = RANGE[scale];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** Whether `score` is a valid answer on `scale` (an integer in range). */
export function isValidScore(scale: RatingScale, score: number): boolean {
  const [min, max] = RANGE[scale];
  return Number.isInteger(score) && score >= min && score <= max;
}

/** At or above the threshold counts as happy (thumbs: up is 1, and the threshold is 1). */
export function isPositive(gating: Gating, score: number): boolean {
  return score >= gating.threshold;
}

/** `off` sends everyone to the platforms first; `soft` and `strict` invite low ratings to tell the business privately. */
export function nextStep(gating: Gating, score: number): NextStep {
  if (gating.mode === 'off' || isPositive(gating, score)) return 'platforms';
  return 'feedback';
}

/** Only `strict` ever hides the public platforms, and only from ratings below the threshold. */
export function showsPlatforms(gating: Gating, score: number | null): boolean {
  return gating.mode !== 'strict' || (score !== null && isPositive(gating, score));
}

/** A 1–5 review rating for a score on any scale (testimonials land in `reviews`, which are 1–5). */
export function toFiveStars(scale: RatingScale, score: number): number {
  if (scale === 'stars') return score;
  if (scale === 'thumbs') return score === 1 ? 5 : 1;
  return Math.max(1, Math.round(score / 2));
}

/** The feedback `type` column for a scale. */
export function feedbackType(scale: RatingScale): 'star' | 'nps' | 'thumbs' {
  return scale === 'stars' ? 'star' : scale;
}
