import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Pagination } from '../../api';
import { type Customer, customersApi } from '../../api/customers';
import { organizationId } from '../../state/organization';

export type CustomerFilter = { search?: string; tags?: string; optOut?: string; page?: string };

/** The filter the URL's query holds (empty values dropped). */
export function customerFilter(query: Record<string, string | undefined>): CustomerFilter {
  const filter: CustomerFilter = {};
  for (const key of ['search', 'tags', 'optOut', 'page'] as const) {
    const value = query[key]?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

/** The URL of the customer list for a filter (bookmarkable, and the back button steps through searches). */
export function customersUrl(filter: CustomerFilter): string {
  const search = new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string] => !!entry[1]),
  ).toString();
  return `/dashboard/customers${search ? `?${search}` : ''}`;
}

/** One page of customers for a filter. */
export function useCustomers(filter: CustomerFilter) {
  const [data, setData] = useState<{ data: Customer[]; pagination: Pagination } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = JSON.stringify(filter);
  const org = organizationId.value;
  const reload = useCallback(async () => {
    try {
      setData(await customersApi.list(filter));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [key, org]);
  useEffect(() => {
    reload();
  }, [reload]);
  return { data, error, reload };
}
