import { type Customer, customersApi } from '../../api/customers';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDate } from '../../components/format';
import { useSubmit } from '../../components/use-submit';

type Props = { customer: Customer; canWrite: boolean; onSaved: (c: Customer) => void };

/** Whether messages reach this customer, and the switch to stop or resume them. */
export function CustomerOptOut({ customer, canWrite, onSaved }: Props) {
  const { submit, busy, error } = useSubmit(async () => {
    const updated = await customersApi.update(customer.id, { optOut: !customer.optOut });
    onSaved(updated);
    return updated;
  });
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="optout-title">
      <h2 id="optout-title">Messages</h2>
      <p data-testid="optout-state">
        {customer.optOut
          ? `Opted out${customer.optedOutAt ? ` on ${formatDate(customer.optedOutAt)}` : ''}: no request, reminder or campaign message is sent.`
          : 'Receiving messages.'}
        {customer.invalid &&
          ` Their contact could not be reached${customer.invalidReason ? ` (${customer.invalidReason})` : ''}.`}
      </p>
      {canWrite && (
        <div class="actions">
          <button type="submit" class={customer.optOut ? undefined : 'danger'} disabled={busy}>
            {customer.optOut ? 'Resume messages' : 'Opt out of messages'}
          </button>
        </div>
      )}
      <ErrorNote error={error} />
    </form>
  );
}
