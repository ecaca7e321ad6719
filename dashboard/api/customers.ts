import type { z } from 'zod';
import type {
  createCustomerBody,
  customerSchema,
  updateCustomerBody,
} from '../../server/api/customer-schemas';
import { call, type Pagination, qs } from '../api';
import { apiLink } from './cards';

export type Customer = z.infer<typeof customerSchema>;
export type CustomerInput = z.input<typeof createCustomerBody>;
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
  /** The upsert: `existing` is true when the email or phone matched a customer (200, updated), not 201. */
  create: async (body: CustomerInput) => {
    let status = 0;
    const customer = await call<Customer>('POST', '/customers', body, {}, (s) => {
      status = s;
    });
    return { customer, existing: status === 200 };
  },
  get: (id: string) => call<Customer>('GET', one(id)),
  update: (id: string, patch: CustomerPatch) => call<Customer>('PATCH', one(id), patch),
  activity: (id: string) => call<{ data: ActivityItem[] }>('GET', `${one(id)}/activity`),
  erase: (id: string) => call<void>('DELETE', `${one(id)}?erase=true`),
};

/** Everything held about a customer, as a JSON file (needs pii:read; the server says so otherwise). */
export const exportLink = (id: string) => apiLink(`${one(id)}/export`);
