import type { Customer } from '../../api/customers';

/** The customers of a page: contact (masked without pii:read, as the server sends it), tags, opt-out. */
export function CustomersTable({ customers }: { customers: Customer[] }) {
  if (customers.length === 0) return <p class="empty panel">No customers match.</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
    <section class="table-scroll" aria-label="Customer list" tabIndex={0}>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Phone</th>
            <th scope="col">Tags</th>
            <th scope="col">Messages</th>
          </tr>
        </thead>
        <tbody>
          {customers.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <a href={`/dashboard/customers/${c.id}`}>{c.name ?? c.email ?? c.phone ?? 'No name'}</a>
              </th>
              <td>{c.email ?? '—'}</td>
              <td>{c.phone ?? '—'}</td>
              <td>
                {c.tags.map((tag) => (
                  <span class="badge" key={tag}>
                    {tag}
                  </span>
                ))}
              </td>
              <td>{c.optOut ? <strong>Opted out</strong> : c.invalid ? 'Unreachable' : 'Yes'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
