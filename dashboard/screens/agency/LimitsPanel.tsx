import { useEffect, useRef, useState } from 'preact/hooks';
import { agencyApi, type OrganizationSummary } from '../../api/agency';
import type { Allowance, Usage } from '../../api/usage';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';

type Props = { organization: OrganizationSummary; onClose: () => void };

const shown = (limit: number | null) => (limit === null ? '' : String(limit));
// An empty field is no cap at all (null), which the API reads as unlimited.
const parsed = (text: string) => (text.trim() === '' ? null : Number(text));

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

function usedOf(what: string, a: Allowance) {
  return a.limit === null ? `${a.used} ${what} sent, no cap` : `${a.used} of ${a.limit} ${what} used`;
}

/** An organization's monthly message allowances (null = unlimited) with this period's use, and a form to set them. */
export function LimitsPanel({ organization, onClose }: Props) {
  const [usage, setUsage] = useState<Usage | null>(null);
  const [sms, setSms] = useState('');
  const [email, setEmail] = useState('');
  const [loadError, setLoadError] = useState<unknown>(null);
  const show = (u: Usage) => {
    setUsage(u);
    setSms(shown(u.sms.limit));
    setEmail(shown(u.email.limit));
  };
  const heading = useRef<HTMLHeadingElement>(null);
  // The panel opens below the table: take the reader (and the focus) there.
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    setUsage(null);
    agencyApi.usage(organization.id).then(show, setLoadError);
  }, [organization.id]);
  const { submit, busy, error, done } = useSubmit(async () => {
    const answer = await agencyApi.setLimits(organization.id, {
      smsPerMonth: parsed(sms),
      emailPerMonth: parsed(email),
    });
    show(answer);
    return answer;
  });
  const titleId = `limits-${organization.id}`;
  return (
    <section class="panel limits" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1} ref={heading}>
        Message allowances of {organization.name}
      </h2>
      {usage ? (
        <p data-testid="usage">
          This month: {usedOf('emails', usage.email)}; {usedOf('text messages', usage.sms)}. Renews{' '}
          {day(usage.renews)}.
        </p>
      ) : (
        !loadError && <p role="status">Loading…</p>
      )}
      <ErrorNote error={loadError} />
      <form onSubmit={submit}>
        <Field
          id={`${titleId}-email`}
          label="Emails a month"
          name="emailPerMonth"
          type="number"
          inputMode="numeric"
          min={0}
          max={100_000_000}
          step={1}
          hint="Empty: unlimited. 0: none."
          value={email}
          onValue={setEmail}
        />
        <Field
          id={`${titleId}-sms`}
          label="Text messages a month (SMS and WhatsApp)"
          name="smsPerMonth"
          type="number"
          inputMode="numeric"
          min={0}
          max={100_000_000}
          step={1}
          hint="Empty: unlimited. 0: none."
          value={sms}
          onValue={setSms}
        />
        <div class="actions">
          <button type="submit" disabled={busy}>
            Save allowances
          </button>
          <button type="button" class="ghost" onClick={onClose}>
            Close
          </button>
        </div>
        {done && <p role="status">Allowances of {organization.name} saved.</p>}
        <ErrorNote error={error} />
      </form>
    </section>
  );
}
