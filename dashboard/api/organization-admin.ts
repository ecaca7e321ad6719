import { call } from '../api';

/** An organization as the admin routes answer it; `pausedAt` set means its messages wait. */
export type AdminOrganization = {
  id: string;
  name: string;
  pausedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

const id = (value: string) => encodeURIComponent(value);

/** The instance admin's pause and resume of an organization's messages. */
export const organizationAdminApi = {
  list: () => call<{ data: AdminOrganization[] }>('GET', '/organizations?perPage=100'),
  pause: (organizationId: string) =>
    call<AdminOrganization>('POST', `/organizations/${id(organizationId)}/pause`),
  resume: (organizationId: string) =>
    call<AdminOrganization>('POST', `/organizations/${id(organizationId)}/resume`),
};
