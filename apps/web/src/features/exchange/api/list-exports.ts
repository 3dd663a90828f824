import { queryOptions } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { exchangeKeys } from './keys';

export type ExportFile = Schemas['ExportFileDto'];

export const exportsQuery = (page: number) =>
  queryOptions({
    queryKey: exchangeKeys.exports(page),
    queryFn: () =>
      api.GET('/api/exchange/exports', { params: { query: { page, pageSize: 10 } } }).then(unwrap),
  });
