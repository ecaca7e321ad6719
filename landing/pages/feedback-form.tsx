import { format } from '../i18n/format';
import { visitPath } from '../paths';
import type { FlowProps } from '../types';
import { Check, Field, Honeypot } from './field';

/** The private feedback form; it carries the rating so a lost rating post cannot lose the score. */
export function FeedbackForm({ flow, rating }: { flow: FlowProps; rating: number }) {
  const { t } = flow;
  const state = flow.form?.kind === 'feedback' ? flow.form : undefined;
  const errors = state?.errors ?? {};
  const values = state?.values ?? {};
  return (
    <form method="post" action={visitPath(flow.token, 'feedback')} class="stack">
      <p class="muted">{format(t.feedbackIntro, { business: flow.business })}</p>
      <input type="hidden" name="rating" value={rating} />
      <Field
        name="comments"
        label={t.feedbackComments}
        multiline
        required
        maxLength={5000}
        value={values.comments}
        error={errors.comments}
      />
      <Field
        name="name"
        label={t.contactName}
        autoComplete="name"
        maxLength={200}
        value={values.name}
        error={errors.name}
      />
      <Field
        name="email"
        label={t.contactEmail}
        type="email"
        autoComplete="email"
        maxLength={254}
        value={values.email}
        error={errors.email}
      />
      <Field
        name="phone"
        label={t.contactPhone}
        type="tel"
        autoComplete="tel"
        maxLength={40}
        value={values.phone}
        error={errors.phone}
      />
      <Check name="consent" label={t.contactConsent} checked={values.consent === 'yes'} />
      <Honeypot />
      <button type="submit" class="primary">
        {t.feedbackSubmit}
      </button>
    </form>
  );
}
