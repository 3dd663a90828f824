import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meKeys, type Me } from '../../me';
import { contractSummary, customerMe, managerMe } from '../../../test/fixtures';
import { fakeApi, renderRoutes, testQueryClient } from '../../../test/render';
import { ContractsPage } from './ContractsPage';

function renderList(me: Me, url = '/contracts') {
  const client = testQueryClient();
  client.setQueryData(meKeys.me(), me);
  return renderRoutes(
    [
      { path: '/contracts', element: <ContractsPage /> },
      { path: '/contracts/:id', element: <p>contract page</p> },
    ],
    url,
    client,
  );
}

describe('ContractsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists a customer’s contracts without the manager column and opens one', async () => {
    const queries: string[] = [];
    fakeApi({
      'GET /api/contracts': (request) => {
        queries.push(new URL(request.url).search);
        return Response.json({ items: [contractSummary], total: 1, page: 1, pageSize: 20 });
      },
    });
    const { router } = renderList(customerMe);
    const list = await screen.findByTestId('contracts-list');
    const row = (await within(list).findByText('ГМ-000101')).closest('tr')!;
    expect(row.textContent).toContain('14.09.2026');
    expect(row.textContent).toContain('Памятник');
    expect(row.textContent?.replace(/\s/g, ' ')).toContain('148 500 ₽');
    expect(within(list).queryByText('Менеджер')).toBeNull();
    expect(queries[0]).toBe('?state=all&page=1&sort=date&order=desc&pageSize=20');
    await userEvent.click(within(row).getByText('Памятник'));
    expect(await screen.findByText('contract page')).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/contracts/${contractSummary.id}`);
  });

  it('shows staff the manager and keeps the filter in the URL', async () => {
    fakeApi({
      'GET /api/contracts': (request) => {
        const state = new URL(request.url).searchParams.get('state');
        return Response.json({
          items: state === 'closed' ? [] : [contractSummary],
          total: state === 'closed' ? 0 : 1,
          page: 1,
          pageSize: 20,
        });
      },
    });
    const { router } = renderList(managerMe);
    const list = await screen.findByTestId('contracts-list');
    expect(await within(list).findByText('Менеджер')).toBeTruthy();
    expect(within(list).getAllByText('Соколова Анна Викторовна').length).toBeGreaterThan(0);
    await userEvent.click(screen.getByText('Завершённые'));
    expect(await screen.findByText('Нет договоров с таким отбором')).toBeTruthy();
    expect(router.state.location.search).toBe('?state=closed');
  });

  it('goes back to the first page from a page that no longer exists', async () => {
    fakeApi({
      'GET /api/contracts': (request) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        const items = page === 1 ? [contractSummary] : [];
        return Response.json({ items, total: 1, page, pageSize: 20 });
      },
    });
    const { router } = renderList(customerMe, '/contracts?state=active&page=3');
    expect(await screen.findByText('ГМ-000101')).toBeTruthy();
    expect(router.state.location.search).toBe('?state=active');
  });

  it('keeps the selection and the order when going back to the first page', async () => {
    const queries: string[] = [];
    fakeApi({
      'GET /api/contracts': (request) => {
        const url = new URL(request.url);
        queries.push(url.search);
        const page = Number(url.searchParams.get('page'));
        const items = page === 1 ? [contractSummary] : [];
        return Response.json({ items, total: 1, page, pageSize: 20 });
      },
    });
    const { router } = renderList(customerMe, '/contracts?state=closed&page=3&sort=number.asc');
    expect(await screen.findByText('ГМ-000101')).toBeTruthy();
    expect(router.state.location.search).toBe('?state=closed&sort=number.asc');
    expect(queries.at(-1)).toContain('page=1&sort=number&order=asc');
  });

  it('reads a page number that is not a whole number as the first page', async () => {
    const queries: string[] = [];
    fakeApi({
      'GET /api/contracts': (request) => {
        queries.push(new URL(request.url).search);
        return Response.json({ items: [contractSummary], total: 1, page: 1, pageSize: 20 });
      },
    });
    renderList(customerMe, '/contracts?state=all&page=2.5');
    expect(await screen.findByText('ГМ-000101')).toBeTruthy();
    expect(queries[0]).toContain('page=1&');
  });

  const owing = {
    ...contractSummary,
    dueNow: '37125.00',
    overdue: '37125.00',
    overdueSince: '2026-11-01',
    daysOverdue: 22,
  };
  const dueToday = {
    ...contractSummary,
    id: '66666666-6666-4666-8666-666666666666',
    number: 'ГМ-000112',
    dueNow: '48100.00',
  };
  const plain = (s: string | null | undefined) => s?.replace(/\s/g, ' ');

  it('marks what is overdue and due now in the table, and lets staff filter and sort by it', async () => {
    const queries: URLSearchParams[] = [];
    fakeApi({
      'GET /api/contracts': (request) => {
        const query = new URL(request.url).searchParams;
        queries.push(query);
        const items =
          query.get('overdue') === 'true' ? [owing] : [owing, dueToday, contractSummary];
        return Response.json({ items, total: items.length, page: 1, pageSize: 20 });
      },
      'GET /api/contracts/filters': () => Response.json({ statuses: [], managers: [] }),
    });
    const { router } = renderList(managerMe);
    const list = await screen.findByTestId('contracts-list');
    const rows = within(list).getAllByRole('row').slice(1);
    expect(
      rows.map((r) => plain(within(r).queryByTestId('contract-due')?.textContent) ?? null),
    ).toEqual(['просрочено 37 125 ₽ · 22 дн.', 'к оплате сейчас 48 100 ₽', null]);
    await userEvent.click(screen.getByRole('switch', { name: 'Только с просрочкой' }));
    expect(router.state.location.search).toBe('?overdue=1');
    await within(screen.getByTestId('contracts-list')).findByText('ГМ-000101');
    expect(queries.at(-1)!.get('overdue')).toBe('true');
    // The order "overdue first" (a link or the select's choice) reaches the API.
    await router.navigate('/contracts?overdue=1&sort=overdue.desc');
    await waitFor(() => expect(queries.at(-1)!.get('sort')).toBe('overdue'));
    expect((screen.getByTestId('contracts-sort') as HTMLInputElement).value).toBe('По просрочке');
    expect(queries.at(-1)!.get('order')).toBe('desc');
  });

  it('marks what is overdue on the phone’s cards', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query.includes('max-width'),
      media: query,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }));
    fakeApi({
      'GET /api/contracts': () =>
        Response.json({ items: [owing, contractSummary], total: 2, page: 1, pageSize: 20 }),
    });
    renderList(customerMe);
    const list = await screen.findByTestId('contracts-list');
    expect(within(list).queryByRole('table')).toBeNull();
    const cards = within(list).getAllByRole('link');
    expect(plain(cards[0]!.textContent)).toContain('просрочено 37 125 ₽ · 22 дн.');
    expect(within(cards[1]!).queryByTestId('contract-due')).toBeNull();
  });
});
