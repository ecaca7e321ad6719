import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorNote } from '../../components/ErrorNote';
import { businessId } from '../../state/business';
import { chooseOrganization, organizationId } from '../../state/organization';
import { me } from '../../state/session';
import './agency.css';
import { AgencyTable } from './AgencyTable';
import { LimitsPanel } from './LimitsPanel';
import { OrganizationCreateForm } from './OrganizationCreateForm';
import { useAgency } from './use-agency';

/** The instance admin's overview of every organization (an agency's clients), and a switch into each. */
export function AgencyPage() {
  const { route } = useLocation();
  if (!me.value?.user?.instanceAdmin) {
    return (
      <section>
        <h1>Agency</h1>
        <p>Only the instance admin sees every organization.</p>
      </section>
    );
  }
  return (
    <AgencyOverview
      onSwitch={(id) => {
        chooseOrganization(id);
        businessId.value = '';
        route('/dashboard');
      }}
    />
  );
}

function AgencyOverview({ onSwitch }: { onSwitch: (id: string) => void }) {
  const { organizations, pausedAt, error, reload, setPaused } = useAgency();
  const current = organizationId.value ?? me.value?.organization?.id ?? null;
  const [limitsOf, setLimitsOf] = useState<string | null>(null);
  const chosen = organizations?.find((o) => o.id === limitsOf);
  return (
    <section aria-labelledby="agency-title">
      <h1 id="agency-title">Agency</h1>
      <p class="muted">Every organization on this Plaudit. Months are UTC calendar months.</p>
      <OrganizationCreateForm onCreated={reload} />
      <ErrorNote error={error} />
      {organizations === null && !error && <p role="status">Loading…</p>}
      {organizations && organizations.length === 0 && <p>No organizations yet.</p>}
      {organizations && organizations.length > 0 && (
        <AgencyTable
          organizations={organizations}
          current={current}
          onSwitch={onSwitch}
          pausedAt={pausedAt}
          onPause={setPaused}
          onLimits={setLimitsOf}
        />
      )}
      {chosen && <LimitsPanel key={chosen.id} organization={chosen} onClose={() => setLimitsOf(null)} />}
    </section>
  );
}
