import { isPositive, nextStep, showsPlatforms } from '../../server/domain/gating';
import { format } from '../i18n/format';
import { visitPath } from '../paths';
import type { FlowProps } from '../types';
import { FeedbackForm } from './feedback-form';
import { PlatformList } from './platform-list';
import { TestimonialForm } from './testimonial-form';

type Props = { flow: FlowProps; rating: number; onChange?: () => void };

/** What follows a rating: the public platforms, or the private feedback form, as the gating mode says. */
export function NextStep({ flow, rating, onChange }: Props) {
  const { t, gating } = flow;
  const positive = isPositive(gating, rating);
  const change = (
    <p>
      <a
        class="link"
        href={`${visitPath(flow.token)}?rate=1`}
        onClick={
          onChange &&
          ((event) => {
            event.preventDefault();
            onChange();
          })
        }
      >
        {t.changeRating}
      </a>
    </p>
  );
  if (nextStep(gating, rating) === 'platforms') {
    return (
      <section>
        <h1 tabIndex={-1}>{positive ? t.positiveHeading : t.thanksHeading}</h1>
        <p>{t.platformsIntro}</p>
        <PlatformList flow={flow} />
        {positive && <TestimonialForm flow={flow} rating={rating} />}
        {!positive && (
          <details open={flow.form?.kind === 'feedback'}>
            <summary>{format(t.feedbackPrivate, { business: flow.business })}</summary>
            <FeedbackForm flow={flow} rating={rating} />
          </details>
        )}
        {change}
      </section>
    );
  }
  return (
    <section>
      <h1 tabIndex={-1}>{t.feedbackHeading}</h1>
      <FeedbackForm flow={flow} rating={rating} />
      {showsPlatforms(gating, rating) && flow.platforms.length > 0 && (
        <>
          <h2>{t.alsoPublic}</h2>
          <PlatformList flow={flow} />
        </>
      )}
      {change}
    </section>
  );
}
