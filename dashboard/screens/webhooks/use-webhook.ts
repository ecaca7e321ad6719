import { useEffect, useState } from 'preact/hooks';
import { settingsApi, type Webhook, type WebhookDelivery } from '../../api/settings';

/** One endpoint and its deliveries; `act` runs a change, then reloads both (or keeps the error). */
export function useWebhook(id: string, enabled: boolean) {
  const [hook, setHook] = useState<Webhook | null>(null);
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    try {
      const [one, list] = await Promise.all([settingsApi.webhook(id), settingsApi.deliveries(id)]);
      setHook(one);
      setDeliveries(list.data);
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    if (enabled) load();
  }, [id, enabled]);
  const act = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    try {
      const result = await action();
      await load();
      return result;
    } catch (e) {
      setError(e);
      return undefined;
    }
  };
  return { hook, deliveries, error, load, act };
}
