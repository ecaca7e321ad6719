import { useLocation } from 'preact-iso';
import { chooseOrganization, organizationChoices, organizationId } from '../state/organization';
import { loadSession, me } from '../state/session';

/** Picks the organization the dashboard acts in: for agency users and the instance admin (more than one). */
export function OrganizationSwitcher() {
  const { route } = useLocation();
  const choices = organizationChoices.value;
  if (choices.length < 2) return null;
  const value = organizationId.value ?? me.value?.organization?.id ?? '';
  return (
    <label class="switch">
      <span>Organization</span>
      <select
        value={value}
        onChange={async (event) => {
          chooseOrganization(event.currentTarget.value || null);
          await loadSession();
          route('/dashboard');
        }}
      >
        {choices.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
