import { useEffect, useState } from 'preact/hooks';
import { agencyApi, type OrganizationSummary } from '../../api/agency';
import { organizationAdminApi } from '../../api/organization-admin';

/**
 * Every organization of the instance with its figures (the instance admin's overview), and when each was
 * paused (null: sending). The pause list failing leaves the figures shown, without pause controls.
 */
export function useAgency() {
  const [organizations, setOrganizations] = useState<OrganizationSummary[] | null>(null);
  const [pausedAt, setPausedAt] = useState<Record<string, string | null> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = () =>
    Promise.all([
      agencyApi.overview().then((r) => setOrganizations(r.data)),
      organizationAdminApi.list().then(
        (r) => setPausedAt(Object.fromEntries(r.data.map((o) => [o.id, o.pausedAt]))),
        () => setPausedAt(null),
      ),
    ]).catch(setError);
  useEffect(() => {
    reload();
  }, []);
  const setPaused = async (id: string, paused: boolean) => {
    try {
      const organization = paused
        ? await organizationAdminApi.pause(id)
        : await organizationAdminApi.resume(id);
      setPausedAt((all) => ({ ...all, [organization.id]: organization.pausedAt }));
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  return { organizations, pausedAt, error, reload, setPaused };
}
