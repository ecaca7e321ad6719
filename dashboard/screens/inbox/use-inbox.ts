import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, type InboxFilter, type InboxPage } from '../../api';
import { organizationId } from '../../state/organization';

export const PER_PAGE = 25;

/** One page of the inbox for a filter; `reload` asks again (after marking, for instance). */
export function useInbox(filter: InboxFilter, page: number) {
  const [data, setData] = useState<InboxPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(filter);
  const org = organizationId.value;

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.inbox({ ...filter, page: String(page), perPage: String(PER_PAGE) }));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [key, page, org]);

  useEffect(() => {
    reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
}
