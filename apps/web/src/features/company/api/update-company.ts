import { useMutation, useQueryClient } from '@tanstack/react-query';
import { readCsrfToken, type Problem, type Schemas } from '@kabinet/api-client';
import { CSRF_HEADER } from '@kabinet/shared';
import { api, ApiError, unwrap } from '../../../lib/api';
import type { Company } from './get-company';
import { companyKeys } from './keys';

export type CompanyUpdate = Schemas['UpdateCompanyDto'];

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
