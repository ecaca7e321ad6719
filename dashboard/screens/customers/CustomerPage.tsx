import { useLocation, useRoute } from 'preact-iso';
import { exportLink } from '../../api/customers';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDate } from '../../components/format';
import { can } from '../../state/can';
import { CustomerActivity } from './CustomerActivity';
import { CustomerEraseForm } from './CustomerEraseForm';
import { CustomerForm } from './CustomerForm';
import { CustomerOptOut } from './CustomerOptOut';
import { CustomerTagsForm } from './CustomerTagsForm';
import { useCustomer } from './use-customer';
import '../cards/cards.css';

/** One customer: contact, tags, opt-out, activity, and their data rights (export, erase). */
export function CustomerPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.id ?? '';
  const { customer, setCustomer, activity, error, reloadActivity } = useCustomer(id);
  if (error && !customer) return <ErrorNote error={error} />;
  if (!customer) return <p role="status">Loading…</p>;
  const seesPii = can('pii:read');
  const canWrite = can('customers:write');
  return (
    <section aria-labelledby="customer-title" class="detail">
      <p>
        <a href="/dashboard/customers">← All customers</a>
      </p>
      <h1 id="customer-title">{customer.name ?? customer.email ?? customer.phone ?? 'Customer'}</h1>
      {!seesPii && (
        <p class="muted" data-testid="pii-note">
          Contact details are masked: your role does not include seeing personal data.
        </p>
      )}
      <dl class="contact panel">
        <dt>Email</dt>
        <dd>{customer.email ?? '—'}</dd>
        <dt>Phone</dt>
        <dd>{customer.phone ?? '—'}</dd>
        <dt>Customer since</dt>
        <dd>{formatDate(customer.createdAt)}</dd>
        {customer.notes && (
          <>
            <dt>Notes</dt>
            <dd class="item-text">{customer.notes}</dd>
          </>
        )}
      </dl>
      {canWrite && seesPii && <CustomerForm key={customer.id} customer={customer} onSaved={setCustomer} />}
      <CustomerOptOut
        customer={customer}
        canWrite={canWrite}
        onSaved={(updated) => {
          setCustomer(updated);
          reloadActivity();
        }}
      />
      {canWrite ? (
        <CustomerTagsForm customer={customer} onSaved={setCustomer} />
      ) : (
        customer.tags.length > 0 && (
          <p>
            Tags:{' '}
            {customer.tags.map((tag) => (
              <span class="badge" key={tag}>
                {tag}
              </span>
            ))}
          </p>
        )
      )}
      <CustomerActivity items={activity} />
      <section class="panel" aria-labelledby="data-title">
        <h2 id="data-title">Their data</h2>
        {seesPii ? (
          <div class="actions">
            <a class="button ghost" href={exportLink(customer.id)} download={`${customer.id}.json`}>
              Export everything held (JSON)
            </a>
          </div>
        ) : (
          <p class="muted">Exporting a customer’s data needs a role that sees personal data.</p>
        )}
      </section>
      {canWrite && <CustomerEraseForm id={customer.id} onErased={() => route('/dashboard/customers')} />}
      <ErrorNote error={error} />
    </section>
  );
}
