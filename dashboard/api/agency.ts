import type { z } from 'zod';
import type { overviewSchema } from '../../server/api/organizations-overview';
import { call, type Organization } from '../api';

export type OrganizationSummary = z.infer<typeof overviewSchema>['data'][number];

/** The instance admin's view over every organization. */
export const agencyApi = {
  create: (name: string) => call<Organization>('POST', '/organizations', { name }),
  overview: () => call<{ data: OrganizationSummary[] }>('GET', '/organizations/overview'),
};
