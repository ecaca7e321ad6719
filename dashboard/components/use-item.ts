import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { refreshUnread } from '../state/unread';

/** Loads one review or feedback and marks it read for this reader (opening it is reading it). */
export function useItem<T>(type: 'review' | 'feedback', id: string, load: (id: string) => Promise<T>) {
  const [item, setItem] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setItem(null);
    load(id)
      .then((value) => {
        if (!live) return;
        setItem(value);
        setError(null);
        return api.mark(true, { items: [{ type, id }] }).then(refreshUnread, () => undefined);
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id]);
  return { item, setItem, error };
}
