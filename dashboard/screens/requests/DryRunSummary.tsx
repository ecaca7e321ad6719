import type { BulkTotals, RowResult } from '../../api/requests';

const REASONS: Record<string, string> = {
  opted_out: 'opted out',
  suppression_list: 'erased or unsubscribed',
  recent_request: 'already asked recently',
  duplicate_in_file: 'earlier in this file',
  invalid_email: 'email is not valid',
  invalid_phone: 'phone is not valid',
  no_email: 'no email',
  no_phone: 'no phone',
  contact_conflict: 'email and phone belong to two customers',
  usage_limit_reached: 'monthly message allowance used up (see Settings)',
};

/** A reason code in words. */
export const reasonText = (reason: string | null) =>
  reason ? (REASONS[reason] ?? reason.replace(/_/g, ' ')) : '';

/** What a bulk upload will do (or did): the totals, then every row that is not simply sent. */
export function DryRunSummary({
  totals,
  rows,
  done,
}: {
  totals: BulkTotals;
  rows: RowResult[];
  done: boolean;
}) {
  const held = rows.filter((r) => r.outcome !== 'send');
  const lines: Array<[keyof BulkTotals, string]> = [
    ['send', done ? 'sent' : 'will be sent now'],
    ['scheduled', done ? 'scheduled' : 'will be scheduled (send window or later date)'],
    ['suppressed', 'suppressed (opted out or invalid customer)'],
    ['deduplicated', 'deduplicated (asked recently, or twice in the file)'],
    ['invalid', 'not usable (missing or malformed contact)'],
  ];
  return (
    <section class="panel" aria-labelledby="dry-run-title" data-testid="dry-run">
      <h2 id="dry-run-title">
        {done ? 'Sent' : 'Dry run'}: {totals.rows} rows
      </h2>
      <ul class="totals">
        {lines.map(([key, label]) => (
          <li key={key} data-outcome={key}>
            <strong>{totals[key]}</strong> {label}
          </li>
        ))}
      </ul>
      {held.length > 0 && (
        <details>
          <summary>The {held.length} rows not sent now</summary>
          <table class="rows">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Outcome</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {held.slice(0, 500).map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.outcome}</td>
                  <td>{r.sendAt ? new Date(r.sendAt).toLocaleString() : reasonText(r.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
