import { signal } from '@preact/signals';
import { api, type Business } from '../api';

/** The acting organization's businesses. */
export const businesses = signal<Business[]>([]);
/** The business the switcher picked ('' = all of them). */
export const businessId = signal('');

/** Reloads the business list; forgets a picked business that is no longer in it. */
export async function loadBusinesses(): Promise<void> {
  businesses.value = (await api.businesses().catch(() => ({ data: [] }))).data;
  if (businessId.value && !businesses.value.some((b) => b.id === businessId.value)) businessId.value = '';
}

/** The name of a business of the organization, for lists that only carry its id. */
export const businessName = (id: string): string => businesses.value.find((b) => b.id === id)?.name ?? id;
