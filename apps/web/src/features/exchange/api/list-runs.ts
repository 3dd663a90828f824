import { queryOptions } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { exchangeKeys } from './keys';
import { POLL_MS } from './status';

export type ExchangeRun = Schemas['ExchangeRunDto'];
export type ExchangeFile = Schemas['ExchangeFileDto'];
const busy = (runs: ExchangeRun[] | undefined) =>
  runs?.some((r) => r.status === 'running' || r.files.some((f) => f.status === 'importing')) ??
  false;

export const runsQuery = (page: number, running: boolean) =>
  queryOptions({
    queryKey: exchangeKeys.runs(page),
    queryFn: () =>
      api.GET('/api/exchange/runs', { params: { query: { page, pageSize: 10 } } }).then(unwrap),
    refetchInterval: (query) => (running || busy(query.state.data?.items) ? POLL_MS : 15_000),
  });
