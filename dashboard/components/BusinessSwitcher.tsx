import { useLocation } from 'preact-iso';
import { businesses, businessId } from '../state/business';

/** Narrows the inbox (and picks the widget page's business) to one business, or shows them all. */
export function BusinessSwitcher() {
  const { path, query, route } = useLocation();
  return (
    <label class="switch">
      <span>Business</span>
      <select
        value={businessId.value}
        onChange={(event) => {
          const id = event.currentTarget.value;
          businessId.value = id;
          if (path === '/dashboard' || path === '/dashboard/') {
            const next = new URLSearchParams(query);
            next.delete('page');
            if (id) next.set('businessId', id);
            else next.delete('businessId');
            const search = next.toString();
            route(`/dashboard${search ? `?${search}` : ''}`);
          }
        }}
      >
        <option value="">All businesses</option>
        {businesses.value.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
    </label>
  );
}
