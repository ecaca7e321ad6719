import type { z } from 'zod';
import type {
  notificationPreferencesBody,
  notificationPreferencesSchema,
} from '../../server/api/notification-schemas';
import { call } from '../api';

export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
export type NotificationChoice = z.input<typeof notificationPreferencesBody>;

/** The signed-in person's email alerts in the acting organization. */
export const notificationsApi = {
  get: () => call<NotificationPreferences>('GET', '/me/notifications'),
  save: (choice: NotificationChoice) => call<NotificationPreferences>('PUT', '/me/notifications', choice),
};
