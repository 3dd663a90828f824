import { useMutation, useQueryClient } from '@tanstack/react-query';
import { readCsrfToken, type Problem } from '@kabinet/api-client';
import { CSRF_HEADER } from '@kabinet/shared';
import { ApiError } from '../../../lib/api';
import { exchangeKeys } from './keys';

/** Uploads a 1C file by hand (multipart, with the CSRF header like every state change). */
export async function uploadExchangeFile(file: File): Promise<{ name: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(`${globalThis.location.origin}/api/exchange/uploads`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { [CSRF_HEADER]: readCsrfToken(document.cookie) ?? '' },
    body: form,
  });
  const body = (await response.json().catch(() => ({}))) as Partial<Problem> & { name?: string };
  if (!response.ok) throw new ApiError(response.status, body);
  return { name: body.name ?? file.name };
}

export function useUpload() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: uploadExchangeFile,
    onSettled: () => client.invalidateQueries({ queryKey: exchangeKeys.all }),
  });
}
