import { scaleScores } from '../../server/domain/gating';
import { format } from '../i18n/format';
import { visitPath } from '../paths';
import type { FlowProps } from '../types';

type Props = { flow: FlowProps; selected: number | null; onRate?: (score: number) => void };

/** The question and one button per score: each is a submit, so one tap rates even without JavaScript. */
export function RateStep({ flow, selected, onRate }: Props) {
  const { t, gating, business, greeting } = flow;
  const question =
    gating.scale === 'nps'
      ? format(t.npsQuestion, { business })
      : greeting
        ? format(t.rateGreeting, { name: greeting, business })
        : format(t.rateQuestion, { business });
  const scores = gating.scale === 'thumbs' ? [1, 0] : scaleScores(gating.scale);
  return (
    <form method="post" action={visitPath(flow.token, 'rate')} class="rate">
      {gating.scale === 'nps' && greeting && <p>{format(t.hello, { name: greeting })}</p>}
      <h1 id="q" tabIndex={-1}>
        {question}
      </h1>
      <div role="radiogroup" aria-labelledby="q" class={`scale ${gating.scale}`}>
        {scores.map((score) => (
          // biome-ignore lint/a11y/useSemanticElements: a submit button rates in one tap without JavaScript; a radio input cannot
          <button
            key={score}
            type="submit"
            name="rating"
            value={score}
            role="radio"
            aria-checked={selected === score}
            aria-label={scoreLabel(flow, score)}
            class={isLit(gating.scale, score, selected) ? 'on' : undefined}
            onClick={
              onRate &&
              ((event) => {
                event.preventDefault();
                onRate(score);
              })
            }
          >
            {glyph(gating.scale, score)}
          </button>
        ))}
      </div>
      {gating.scale === 'nps' && (
        <p class="ends" aria-hidden="true">
          <span>{t.npsLow}</span>
          <span>{t.npsHigh}</span>
        </p>
      )}
    </form>
  );
}

/** The accessible name of a score: "4 stars", "7 out of 10", "Good". */
export function scoreLabel({ t, gating }: FlowProps, score: number): string {
  if (gating.scale === 'stars') return score === 1 ? t.star : format(t.stars, { n: score });
  if (gating.scale === 'nps') return format(t.npsScore, { n: score });
  return score === 1 ? t.thumbsUp : t.thumbsDown;
}

const glyph = (scale: FlowProps['gating']['scale'], score: number): string =>
  scale === 'stars' ? '★' : scale === 'nps' ? String(score) : score === 1 ? '👍' : '👎';

const isLit = (scale: FlowProps['gating']['scale'], score: number, selected: number | null): boolean =>
  selected !== null && (scale === 'stars' ? score <= selected : score === selected);
