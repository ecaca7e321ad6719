import { useEffect, useState } from 'preact/hooks';
import { agencyApi, type OrganizationSummary } from '../../api/agency';

/** Every organization of the instance with its figures (the instance admin's overview). */
export function useAgency() {
  const [organizations, setOrganizations] = useState<OrganizationSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = () =>
    agencyApi
      .overview()
      .then((r) => setOrganizations(r.data))
      .catch(setError);
  useEffect(() => {
    reload();
  }, []);
  return { organizations, error, reload };
}
