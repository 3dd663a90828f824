import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';

export type Company = Schemas['CompanyDto'];

export const companyKeys = {
  all: ['company'] as const,
  contacts: () => [...companyKeys.all, 'contacts'] as const,
};

export const companyQuery = () =>
  queryOptions({
    queryKey: companyKeys.contacts(),
    queryFn: () => api.GET('/api/company').then(unwrap),
    // Configuration of the installation: it changes with a restart, not while one reads.
    staleTime: 10 * 60_000,
  });

/** The company's contacts as configured (COMPANY_*); what is not configured is null or empty. */
export function useCompany() {
  return useQuery(companyQuery());
}

/** Whether any of the company's contacts is configured. */
export function hasContacts(c: Company): boolean {
  return Boolean(c.name || c.phones.length > 0 || c.email || c.address || c.hours);
}
