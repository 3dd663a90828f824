import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { readCsrfToken, type Problem, type Schemas } from '@kabinet/api-client';
import { CSRF_HEADER } from '@kabinet/shared';
import { api, ApiError, unwrap } from '../../../lib/api';

export type Company = Schemas['CompanyDto'];
export type Brand = Schemas['BrandDto'];
export type CompanyUpdate = Schemas['UpdateCompanyDto'];

export const companyKeys = {
  all: ['company'] as const,
  contacts: () => [...companyKeys.all, 'contacts'] as const,
  brand: () => [...companyKeys.all, 'brand'] as const,
};

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

/** Whether any of the company's contacts is set. */
export function hasContacts(c: Company): boolean {
  return Boolean(c.name || c.phones.length > 0 || c.email || c.address || c.hours);
}

/** After a change: the profile as the API answered, and the brand asked again. */
function useSaved() {
  const client = useQueryClient();
  return (company: Company) => {
    client.setQueryData(companyKeys.contacts(), company);
    void client.invalidateQueries({ queryKey: companyKeys.brand() });
  };
}

export function useUpdateCompany() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: CompanyUpdate) => api.PUT('/api/company', { body }).then(unwrap),
    onSuccess: saved,
  });
}

/** Uploads the logo (multipart, with the CSRF header like every state change). */
async function uploadLogo(file: File): Promise<Company> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(`${globalThis.location.origin}/api/company/logo`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { [CSRF_HEADER]: readCsrfToken(document.cookie) ?? '' },
    body: form,
  });
  const body = (await response.json().catch(() => ({}))) as Partial<Problem> & Company;
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export function useUploadLogo() {
  const saved = useSaved();
  return useMutation({ mutationFn: uploadLogo, onSuccess: saved });
}

export function useRemoveLogo() {
  const saved = useSaved();
  return useMutation({
    mutationFn: () => api.DELETE('/api/company/logo').then(unwrap),
    onSuccess: saved,
  });
}
