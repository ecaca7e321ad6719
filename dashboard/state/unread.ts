import { signal } from '@preact/signals';
import { api } from '../api';

/** Unread reviews + feedback for the signed-in reader, shown in the navigation (null: not known). */
export const unreadCount = signal<number | null>(null);

/** Asks the server again, after anything that may have changed the read state. */
export async function refreshUnread(): Promise<void> {
  try {
    unreadCount.value = (await api.unreadCount()).total;
  } catch {
    unreadCount.value = null;
  }
}
