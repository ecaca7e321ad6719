import type { z } from 'zod';
import type {
  businessWithStatsSchema,
  createBusinessBody,
  updateBusinessBody,
} from '../../server/api/business-schemas';
import { type Business, call, type Pagination } from '../api';

export type BusinessWithStats = z.infer<typeof businessWithStatsSchema>;
export type BusinessInput = z.input<typeof createBusinessBody>;
export type BusinessPatch = z.input<typeof updateBusinessBody>;

const path = (id: string) => `/businesses/${encodeURIComponent(id)}`;

/** The business calls of the dashboard: each one an ordinary API call an API key could make too. */
export const businessesApi = {
  list: (archived = false) =>
    call<{ data: Business[]; pagination: Pagination }>(
      'GET',
      `/businesses?perPage=100${archived ? '&archived=true' : ''}`,
    ),
  get: (id: string) => call<BusinessWithStats>('GET', path(id)),
  create: (body: BusinessInput) => call<Business>('POST', '/businesses', body),
  update: (id: string, patch: BusinessPatch) => call<Business>('PATCH', path(id), patch),
  archive: (id: string) => call<Business>('DELETE', path(id)),
  uploadLogo: (id: string, file: Blob) => call<Business>('POST', `${path(id)}/logo`, file),
  deleteLogo: (id: string) => call<Business>('DELETE', `${path(id)}/logo`),
};
