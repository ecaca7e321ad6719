import { useEffect, useState } from 'preact/hooks';
import type { Business } from '../../api';
import { type BusinessWithStats, businessesApi } from '../../api/businesses';
import { loadBusinesses } from '../../state/business';
import { me } from '../../state/session';

/** Whether the signed-in person may change businesses (owners and managers; staff only look). */
export const canEditBusinesses = () =>
  me.value?.scopes.includes('businesses:write') === true || me.value?.user?.instanceAdmin === true;

/** One business of the acting organization; `saved` takes the API's answer after a change. */
export function useBusiness(id: string) {
  const [business, setBusiness] = useState<BusinessWithStats | Business | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setBusiness(null);
    businessesApi
      .get(id)
      .then((b) => {
        if (!live) return;
        setBusiness(b);
        setError(null);
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id, me.value?.organization?.id]);
  const saved = (b: Business) => {
    setBusiness(b);
    // The shell's business switcher shows names: keep it in step.
    loadBusinesses();
  };
  return { business, error, saved };
}

/** The organization's businesses (active or archived). */
export function useBusinessList(archived: boolean) {
  const [list, setList] = useState<Business[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setList(null);
    businessesApi
      .list(archived)
      .then((page) => {
        if (!live) return;
        setList(page.data);
        setError(null);
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [archived, me.value?.organization?.id]);
  return { list, error };
}
