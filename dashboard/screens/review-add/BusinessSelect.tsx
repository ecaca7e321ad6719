import { businesses } from '../../state/business';

/** The business a new review (or an import) belongs to. */
export function BusinessSelect({ value, onValue }: { value: string; onValue: (id: string) => void }) {
  if (businesses.value.length === 0) {
    return (
      <p class="muted">
        Reviews belong to a business: <a href="/dashboard/businesses/new">add a business</a> first.
      </p>
    );
  }
  return (
    <div class="field">
      <label for="rev-business">Business</label>
      <select
        id="rev-business"
        value={value || firstBusiness('')}
        onChange={(e) => onValue(e.currentTarget.value)}
        required
      >
        {businesses.value.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The business to preselect: the switcher's pick, else the first one. */
export const firstBusiness = (picked: string) => picked || (businesses.value[0]?.id ?? '');
