import { useEffect, useState } from 'preact/hooks';
import { type Allowance, type Usage, usageApi } from '../../api/usage';
import { ErrorNote } from '../../components/ErrorNote';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

function AllowanceLine({
  label,
  allowance,
  renews,
}: {
  label: string;
  allowance: Allowance;
  renews: string;
}) {
  if (allowance.limit === null) {
    return (
      <li>
        <strong>{label}</strong>: {allowance.used} sent this month, no limit.
      </li>
    );
  }
  const full = allowance.left !== null && allowance.left <= 0;
  return (
    <li class={full ? 'used-up' : undefined}>
      <strong>{label}</strong>: {allowance.used} of {allowance.limit} used, {Math.max(0, allowance.left ?? 0)}{' '}
      left.
      {full && (
        <>
          {' '}
          <strong>Used up</strong>: new requests by {label.toLowerCase()} are refused until {day(renews)}.
        </>
      )}
    </li>
  );
}

/** This month's message allowances (email, and SMS with WhatsApp): used, limit, when they renew. */
export function UsagePanel() {
  const [usage, setUsage] = useState<Usage | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    usageApi.usage().then(setUsage, setError);
  }, []);
  return (
    <section class="panel" aria-labelledby="usage-title">
      <h2 id="usage-title">Messages this month</h2>
      <ErrorNote error={error} />
      {!usage && !error && <p role="status">Loading…</p>}
      {usage && (
        <>
          <ul class="usage" data-testid="usage">
            <AllowanceLine label="Email" allowance={usage.email} renews={usage.renews} />
            <AllowanceLine label="Text messages" allowance={usage.sms} renews={usage.renews} />
          </ul>
          <p class="muted">Renews {day(usage.renews)}. Test-mode messages never count.</p>
        </>
      )}
    </section>
  );
}
