import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { companyKeys } from './keys';

export type Company = Schemas['CompanyDto'];
export const companyQuery = () =>
  queryOptions({
    queryKey: companyKeys.contacts(),
    queryFn: () => api.GET('/api/company').then(unwrap),
    // Admins change it seldom; their own change updates the cache at once.
    staleTime: 10 * 60_000,
  });

/** The company profile: brand and contacts; what is not set is null or empty. */
export function useCompany() {
  return useQuery(companyQuery());
}

/** Whether any of the company's contacts is set. */
export function hasContacts(c: Company): boolean {
  return Boolean(c.name || c.phones.length > 0 || c.email || c.address || c.hours);
}
