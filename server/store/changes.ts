import type { Db } from './db';

type Listener = (businessId: string) => void;

const listeners = new WeakMap<Db, Set<Listener>>();

/** Registers a callback run after any write to a business's reviews (the widget cache listens). */
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
