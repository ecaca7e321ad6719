import type { z } from 'zod';
import type { overviewSchema } from '../../server/api/organizations-overview';
import { call, type Organization } from '../api';
import type { Usage } from './usage';

export type OrganizationSummary = z.infer<typeof overviewSchema>['data'][number];

/** Monthly message allowances; null = unlimited. */
export type LimitsInput = { smsPerMonth: number | null; emailPerMonth: number | null };

const id = (value: string) => encodeURIComponent(value);

/** The instance admin's view over every organization. */
export const agencyApi = {
  create: (name: string) => call<Organization>('POST', '/organizations', { name }),
  overview: () => call<{ data: OrganizationSummary[] }>('GET', '/organizations/overview'),
  /** An organization's allowances and this period's use (the admin reads it by naming the organization). */
  usage: (organizationId: string) =>
    call<Usage>('GET', '/usage', undefined, { 'Plaudit-Organization': organizationId }),
  setLimits: (organizationId: string, body: LimitsInput) =>
    call<Usage>('PUT', `/organizations/${id(organizationId)}/limits`, body),
};
