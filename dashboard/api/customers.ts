import type { z } from 'zod';
import type { customerSchema, updateCustomerBody } from '../../server/api/customer-schemas';
import { call, type Pagination, qs } from '../api';
import { apiLink } from './cards';

export type Customer = z.infer<typeof customerSchema>;
export type CustomerPatch = z.input<typeof updateCustomerBody>;
export type ActivityItem = {
  at: string;
  type: string;
  requestId: string | null;
  details: Record<string, unknown>;
};

const one = (id: string) => `/customers/${encodeURIComponent(id)}`;

/** The customer calls of the customers screens; each is an ordinary API call. */
export const customersApi = {
  list: (filter: { search?: string; tags?: string; optOut?: string; page?: string }) =>
    call<{ data: Customer[]; pagination: Pagination }>(
      'GET',
      `/customers${qs({ perPage: '50', ...filter })}`,
    ),
  get: (id: string) => call<Customer>('GET', one(id)),
  update: (id: string, patch: CustomerPatch) => call<Customer>('PATCH', one(id), patch),
  activity: (id: string) => call<{ data: ActivityItem[] }>('GET', `${one(id)}/activity`),
  erase: (id: string) => call<void>('DELETE', `${one(id)}?erase=true`),
};

/** Everything held about a customer, as a JSON file (needs pii:read; the server says so otherwise). */
export const exportLink = (id: string) => apiLink(`${one(id)}/export`);
