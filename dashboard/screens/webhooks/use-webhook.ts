import { settingsApi } from '../../api/settings';
import { useReloadable } from '../../components/use-reloadable';

/** One endpoint and its deliveries; `act` runs a change, then reloads both (or keeps the error). */
export function useWebhook(id: string, enabled: boolean) {
  const { data, error, load, act } = useReloadable(
    async () => {
      const [hook, list] = await Promise.all([settingsApi.webhook(id), settingsApi.deliveries(id)]);
      return { hook, deliveries: list.data };
    },
    enabled,
    [id],
  );
  return { hook: data?.hook ?? null, deliveries: data?.deliveries ?? null, error, load, act };
}
