import { useLocation } from 'preact-iso';
import { ErrorNote } from '../../components/ErrorNote';
import { can } from '../../state/can';
import { CustomerFilters } from './CustomerFilters';
import { CustomerForm } from './CustomerForm';
import { CustomersTable } from './CustomersTable';
import { customerFilter, customersUrl, useCustomers } from './use-customers';
import '../cards/cards.css';

/** The organization's customers: search, tags, opt-out state; each opens their page. */
export function CustomersPage() {
  const { query } = useLocation();
  const filter = customerFilter(query);
  const { data, error, reload } = useCustomers(filter);
  const page = Number(filter.page ?? '1') || 1;
  const pages = data?.pagination.totalPages ?? 1;
  return (
    <section aria-labelledby="customers-title">
      <div class="title-row">
        <h1 id="customers-title">Customers</h1>
        {data && (
          <p class="muted">
            {data.pagination.total} {data.pagination.total === 1 ? 'customer' : 'customers'}
          </p>
        )}
      </div>
      {!can('pii:read') && (
        <p class="muted" data-testid="pii-note">
          Names, emails and phone numbers are masked: your role does not include seeing personal data.
        </p>
      )}
      {can('customers:write') && <CustomerForm onSaved={() => reload()} />}
      <CustomerFilters filter={filter} />
      <ErrorNote error={error} />
      {!data && !error && <p role="status">Loading…</p>}
      {data && <CustomersTable customers={data.data} />}
      {pages > 1 && (
        <nav class="pager" aria-label="Pages">
          {page > 1 && <a href={customersUrl({ ...filter, page: String(page - 1) })}>Previous</a>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <a href={customersUrl({ ...filter, page: String(page + 1) })}>Next</a>}
        </nav>
      )}
    </section>
  );
}
