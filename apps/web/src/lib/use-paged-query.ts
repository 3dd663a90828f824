import {
  useQuery,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useState } from 'react';
import { pageCount, readPage } from './paging';
import { useUrlParams } from './use-url-params';

/** What every paged list endpoint answers (the API's page DTOs). */
export interface PageShape<T = unknown> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PagedQuery<TPage extends PageShape> {
  /** The query itself: pending, error, refetch, placeholder data… */
  query: UseQueryResult<TPage, Error>;
  /** The page asked for (from 1). */
  page: number;
  /** Goes to a page; in the URL, page 1 is no parameter at all. */
  setPage: (page: number) => void;
  /** This page's items; empty while nothing has loaded. */
  items: TPage['items'];
  total: number;
  pageSize: number;
  /** How many pages the list has (at least one). */
  pages: number;
  /** An old link to a page that no longer exists: loaded, empty, and past the last page. */
  beyondLastPage: boolean;
}

/**
 * The one way a page shows a paged list: the page number lives in the URL's `page` parameter
 * (`keepPageIn: 'url'`, the default: links, reload and the back button keep it; a filter change
 * deletes it to go back to page 1) or, for a list inside a tab of a bigger page, in the
 * component's state (`'state'`). `options` builds the list's query for a page, e.g.
 * `(page) => notificationsQuery({ unread, page, pageSize })`.
 */
export function usePagedQuery<
  TQueryFnData,
  TPage extends PageShape = TQueryFnData & PageShape,
  TQueryKey extends QueryKey = QueryKey,
>(
  options: (page: number) => UseQueryOptions<TQueryFnData, Error, TPage, TQueryKey>,
  { keepPageIn = 'url' }: { keepPageIn?: 'url' | 'state' } = {},
): PagedQuery<TPage> {
  const [params, updateParams] = useUrlParams();
  const [statePage, setStatePage] = useState(1);
  const inUrl = keepPageIn === 'url';
  const page = inUrl ? readPage(params.get('page')) : statePage;
  const setPage = (next: number) => {
    if (!inUrl) return setStatePage(next);
    updateParams((p) => {
      if (next > 1) p.set('page', String(next));
      else p.delete('page');
    });
  };
  const query = useQuery(options(page));
  const items = query.data?.items ?? [];
  const total = query.data?.total ?? 0;
  const pageSize = query.data?.pageSize ?? 1;
  const pages = pageCount(total, pageSize);
  const beyondLastPage =
    query.isSuccess && !query.isPlaceholderData && page > pages && items.length === 0;
  return { query, page, setPage, items, total, pageSize, pages, beyondLastPage };
}
