import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { companyKeys } from './keys';

export type Brand = Schemas['BrandDto'];
export const brandQuery = () =>
  queryOptions({
    queryKey: companyKeys.brand(),
    queryFn: () => api.GET('/api/company/brand').then(unwrap),
    staleTime: 10 * 60_000,
    // The same for everyone: kept when the person changes (see isPersonal).
    meta: { public: true },
  });

/** The brand (name, description, logo, colour): public, for the login page and the shell. */
export function useBrand() {
  return useQuery(brandQuery());
}
