import { loadSession } from '../state/session';

/** After a sign-in of any kind: learn who we are, then go where the user was headed (only inside /dashboard). */
export async function afterSignIn(
  route: (url: string, replace?: boolean) => void,
  next?: string,
): Promise<void> {
  await loadSession();
  route(next?.startsWith('/dashboard') && !next.startsWith('//') ? next : '/dashboard', true);
}
