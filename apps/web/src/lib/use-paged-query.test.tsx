import { QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { testQueryClient } from '../test/render';
import { usePagedQuery } from './use-paged-query';

const letters = (page: number) =>
  queryOptions({
    queryKey: ['letters', page],
    queryFn: async () => ({ items: [`item ${page}`], total: 45, page, pageSize: 20 }),
  });

function setup(url: string, keepPageIn?: 'url' | 'state') {
  const client = testQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
    </QueryClientProvider>
  );
  return renderHook(
    () => ({ paged: usePagedQuery(letters, { keepPageIn }), location: useLocation() }),
    { wrapper },
  );
}

describe('usePagedQuery', () => {
  it('reads the page from the URL and writes it back, page 1 as no parameter', async () => {
    const { result } = setup('/list?q=a&page=2');
    await waitFor(() => expect(result.current.paged.items).toEqual(['item 2']));
    expect(result.current.paged).toMatchObject({ page: 2, total: 45, pages: 3 });
    act(() => result.current.paged.setPage(3));
    expect(result.current.location.search).toBe('?q=a&page=3');
    act(() => result.current.paged.setPage(1));
    expect(result.current.location.search).toBe('?q=a');
  });

  it('tells an old link past the last page', async () => {
    const { result } = setup('/list?page=9');
    await waitFor(() => expect(result.current.paged.query.isSuccess).toBe(true));
    expect(result.current.paged.beyondLastPage).toBe(false); // page 9 still had an item
  });

  it('keeps the page in state for a list inside a tab, leaving the URL alone', async () => {
    const { result } = setup('/exchange?page=2', 'state');
    expect(result.current.paged.page).toBe(1);
    act(() => result.current.paged.setPage(2));
    await waitFor(() => expect(result.current.paged.items).toEqual(['item 2']));
    expect(result.current.location.search).toBe('?page=2');
  });
});
