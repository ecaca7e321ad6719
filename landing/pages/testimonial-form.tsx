import { format } from '../i18n/format';
import { visitPath } from '../paths';
import type { FlowProps } from '../types';
import { Check, Field, Honeypot } from './field';

/** "May we quote you?": text, the name to show and explicit consent; folded until the customer opens it. */
export function TestimonialForm({ flow, rating }: { flow: FlowProps; rating: number }) {
  const { t } = flow;
  const state = flow.form?.kind === 'testimonial' ? flow.form : undefined;
  const errors = state?.errors ?? {};
  const values = state?.values ?? {};
  return (
    <details open={!!state}>
      <summary>{t.testimonialHeading}</summary>
      <form method="post" action={visitPath(flow.token, 'testimonial')} class="stack">
        <input type="hidden" name="rating" value={rating} />
        <Field
          name="text"
          label={t.testimonialText}
          multiline
          required
          maxLength={2000}
          value={values.text}
          error={errors.text}
        />
        <Field
          name="displayName"
          label={t.testimonialName}
          required
          autoComplete="given-name"
          maxLength={80}
          value={values.displayName}
          error={errors.displayName}
        />
        <Check
          name="consent"
          label={format(t.testimonialConsent, { business: flow.business })}
          checked={values.consent === 'yes'}
          error={errors.consent}
        />
        <Honeypot />
        <button type="submit" class="primary">
          {t.testimonialSubmit}
        </button>
      </form>
    </details>
  );
}
