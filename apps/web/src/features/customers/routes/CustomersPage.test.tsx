import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@kabinet/api-client';
import { meKeys } from '../../me';
import { customerMe, managerMe } from '../../../test/fixtures';
import { fakeApi, renderRoutes, testQueryClient } from '../../../test/render';
import { CustomersPage } from './CustomersPage';

const ivanova: Schemas['CustomerSummaryDto'] = {
  id: customerMe.id,
  fullName: 'Иванова Мария Петровна',
  phone: '+79123456789',
  email: null,
  inn: null,
  officialName: null,
  contracts: 2,
  lastContractDate: '2026-09-14',
  balanceDue: '74250.00',
};

describe('CustomersPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('searches customers and opens one’s cabinet as they see it', async () => {
    const searches: string[] = [];
    let viewing = false;
    const bodies: unknown[] = [];
    fakeApi({
      'GET /api/customers': (req) => {
        searches.push(new URL(req.url).searchParams.get('q') ?? '');
        return Response.json({ items: [ivanova], total: 1, page: 1, pageSize: 20 });
      },
      'POST /api/view-as': (_req, body) => {
        bodies.push(body);
        viewing = true;
        return new Response(null, { status: 204 });
      },
      'GET /api/me': () =>
        Response.json(
          viewing
            ? {
                ...customerMe,
                viewAs: { staffUserId: managerMe.id, staffName: managerMe.fullName },
              }
            : managerMe,
        ),
    });
    const client = testQueryClient();
    client.setQueryData(meKeys.me(), managerMe);
    const { router } = renderRoutes(
      [
        { path: '/customers', element: <CustomersPage /> },
        { path: '/', element: <p>customer home</p> },
      ],
      '/customers',
      client,
    );
    const row = await screen.findByTestId('customer');
    expect(row.textContent).toContain('+7 912 345-67-89');
    expect(within(row).getByRole('link', { name: '2' }).getAttribute('href')).toBe(
      `/contracts?q=${encodeURIComponent('+79123456789')}`,
    );
    await userEvent.type(screen.getByTestId('customers-search'), 'ив');
    await vi.waitFor(() => expect(router.state.location.search).toBe('?q=%D0%B8%D0%B2'));
    await vi.waitFor(() => expect(searches).toContain('ив'));
    await userEvent.click(within(row).getByTestId('view-as'));
    expect(await screen.findByText('customer home')).toBeTruthy();
    expect(bodies).toEqual([{ customerId: ivanova.id }]);
    expect(client.getQueryData<Schemas['MeDto']>(meKeys.me())?.viewAs?.staffName).toBe(
      managerMe.fullName,
    );
  });

  it('shows a company’s ИНН and official name under its name', async () => {
    const company: Schemas['CustomerSummaryDto'] = {
      ...ivanova,
      id: '99999999-9999-4999-8999-999999999999',
      fullName: 'Северный ветер ООО',
      inn: '7203123456',
      officialName: 'Общество с ограниченной ответственностью «Северный ветер»',
    };
    fakeApi({
      'GET /api/customers': () =>
        Response.json({ items: [ivanova, company], total: 2, page: 1, pageSize: 20 }),
    });
    const client = testQueryClient();
    client.setQueryData(meKeys.me(), managerMe);
    renderRoutes([{ path: '/customers', element: <CustomersPage /> }], '/customers', client);
    const rows = await screen.findAllByTestId('customer');
    expect(within(rows[0]!).queryByTestId('customer-company')).toBeNull();
    expect(within(rows[1]!).getByTestId('customer-company').textContent).toBe(
      'Общество с ограниченной ответственностью «Северный ветер» · ИНН 7203123456',
    );
  });

  it('breaks an e-mail only before @ and dots, never inside a word; numbers stay on one line', async () => {
    fakeApi({
      'GET /api/customers': () =>
        Response.json({
          items: [{ ...ivanova, email: 'ivanova.mp@example.ru' }],
          total: 1,
          page: 1,
          pageSize: 20,
        }),
    });
    const client = testQueryClient();
    client.setQueryData(meKeys.me(), managerMe);
    renderRoutes([{ path: '/customers', element: <CustomersPage /> }], '/customers', client);
    const cell = await screen.findByTestId('customer-email');
    expect(cell.textContent).toBe('ivanova.mp@example.ru');
    expect(cell.innerHTML).not.toContain('overflow-wrap');
    const pieces = [...cell.querySelectorAll('.break-at-marks > span')].map((s) => s.textContent);
    expect(pieces).toEqual(['ivanova', '.mp', '@example', '.ru']);
    expect(cell.querySelectorAll('wbr')).toHaveLength(3);
    const row = screen.getByTestId('customer');
    for (const text of ['+7 912 345-67-89', '14.09.2026', '74 250']) {
      const td = [...row.querySelectorAll('td')].find((c) =>
        c.textContent?.replace(/\s/g, ' ').includes(text),
      )!;
      expect(td.style.whiteSpace).toBe('nowrap');
    }
  });
});
