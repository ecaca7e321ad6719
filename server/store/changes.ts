import type { Db } from './db';

type Listener = (businessId: string) => void;

const listeners = new WeakMap<Db, Set<Listener>>();

/**
 * Registers a callback run after any change to what the public sees of a business — its reviews, or the
 * business itself (renamed, archived, deleted). The widget cache and the logo cache listen.
 */
export function subscribeBusinessChanged(db: Db, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) {
    set = new Set();
    listeners.set(db, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

/** Called after a change to a business or its reviews, so caches of its public view are dropped. */
export function notifyBusinessChanged(db: Db, businessId: string): void {
  for (const listener of listeners.get(db) ?? []) listener(businessId);
}
