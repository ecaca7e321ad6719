import type { Db } from './db';

type Listener = (businessId: string) => void;

const listeners = new WeakMap<Db, Set<Listener>>();

/**
 * Registers a callback run after any change to what the public sees of a business — its reviews, or the
 * business itself (renamed, archived, deleted). The widget cache listens.
 */
export function subscribeReviewsChanged(db: Db, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) {
    set = new Set();
    listeners.set(db, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

/** Store functions call this after committing a change to the reviews of `businessId`. */
export function notifyReviewsChanged(db: Db, businessId: string): void {
  for (const listener of listeners.get(db) ?? []) listener(businessId);
}

/** Store functions call this after committing a change to the business record itself. */
export const notifyBusinessChanged = notifyReviewsChanged;
