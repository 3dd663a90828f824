import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { readCsrfToken, type Problem, type Schemas } from '@kabinet/api-client';
import { CSRF_HEADER } from '@kabinet/shared';
import { api, ApiError, unwrap } from '../../../lib/api';
import { exchangeKeys } from './keys';

export type ExchangeStatus = Schemas['ExchangeStatusDto'];
export type ExchangeRun = Schemas['ExchangeRunDto'];
export type ExchangeFile = Schemas['ExchangeFileDto'];
export type ExportFile = Schemas['ExportFileDto'];

/** While something runs, the page polls this often (ms). */
export const POLL_MS = 1500;

const busy = (runs: ExchangeRun[] | undefined) =>
  runs?.some((r) => r.status === 'running' || r.files.some((f) => f.status === 'importing')) ??
  false;

export const statusQuery = (watching = false) =>
  queryOptions({
    queryKey: exchangeKeys.status(),
    queryFn: () => api.GET('/api/exchange/status').then(unwrap),
    refetchInterval: (query) => (watching || query.state.data?.running ? POLL_MS : 15_000),
  });

/** `watching`: a run was just asked for, so poll quickly until it shows up and ends. */
export function useExchangeStatus(watching = false) {
  return useQuery(statusQuery(watching));
}

export const runsQuery = (page: number, running: boolean) =>
  queryOptions({
    queryKey: exchangeKeys.runs(page),
    queryFn: () =>
      api.GET('/api/exchange/runs', { params: { query: { page, pageSize: 10 } } }).then(unwrap),
    refetchInterval: (query) => (running || busy(query.state.data?.items) ? POLL_MS : 15_000),
  });

export const exportsQuery = (page: number) =>
  queryOptions({
    queryKey: exchangeKeys.exports(page),
    queryFn: () =>
      api.GET('/api/exchange/exports', { params: { query: { page, pageSize: 10 } } }).then(unwrap),
  });

/** "Run now": 202, or 409 `conflict` while a run is going. */
export function useRunNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.POST('/api/exchange/runs').then(unwrap),
    onSettled: () => client.invalidateQueries({ queryKey: exchangeKeys.all }),
  });
}

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

export const originalUrl = (id: string) => `/api/exchange/files/${encodeURIComponent(id)}/original`;
export const reportUrl = (id: string) => `/api/exchange/files/${encodeURIComponent(id)}/report`;
