import { signal } from '@preact/signals';
import { ApiFailure, api, type Me, whenUnauthorized } from '../api';

/** Who is signed in (null: nobody, or not known yet — see `sessionChecked`). */
export const me = signal<Me | null>(null);
/** Whether the first `/me` has answered: until then the app cannot tell signed in from signed out. */
export const sessionChecked = signal(false);

// A call that finds the session gone signs the app out: the router then asks to sign in again.
whenUnauthorized(() => {
  if (me.value) me.value = null;
});

/** Asks the server who the session belongs to; a 401 means signed out. */
export async function loadSession(): Promise<void> {
  try {
    const answer = await api.me();
    // An API key's /me has no user: the dashboard is for people.
    me.value = answer.user ? answer : null;
  } catch (error) {
    if (!(error instanceof ApiFailure) || error.status !== 401) console.warn('[plaudit] /me failed', error);
    me.value = null;
  } finally {
    sessionChecked.value = true;
  }
}

/** Ends the session on the server and forgets it here. */
export async function signOut(): Promise<void> {
  await api.logout().catch(() => undefined);
  me.value = null;
}
