import { computed, signal } from '@preact/signals';
import { actInOrganization, api, type Organization } from '../api';
import { me } from './session';

const KEY = 'plaudit.organization';

/** The organization the dashboard acts in (sent as `Plaudit-Organization`); null: the server's choice. */
export const organizationId = signal<string | null>(readStored());
/** Every organization an instance admin may act in (memberships cover everyone else). */
export const allOrganizations = signal<Organization[]>([]);

function readStored(): string | null {
  try {
    const id = localStorage.getItem(KEY);
    actInOrganization(id);
    return id;
  } catch {
    return null;
  }
}

/** The organizations the switcher offers: an instance admin's whole list, else the user's memberships. */
export const organizationChoices = computed<Organization[]>(() => {
  const memberships = (me.value?.memberships ?? []).map((m) => ({
    id: m.organizationId,
    name: m.organizationName,
  }));
  const extra = allOrganizations.value.filter((o) => !memberships.some((m) => m.id === o.id));
  return [...memberships, ...extra];
});

/** Acts in another organization from now on (and remembers the choice on this device). */
export function chooseOrganization(id: string | null): void {
  organizationId.value = id;
  actInOrganization(id);
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** Loads the instance admin's organization list for the switcher. */
export async function loadOrganizations(): Promise<void> {
  if (!me.value?.user?.instanceAdmin) {
    allOrganizations.value = [];
    return;
  }
  allOrganizations.value = (await api.organizations().catch(() => ({ data: [] }))).data;
}
