import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@kabinet/api-client';
import { authKeys } from '../../auth';
import { contractSummary, customerMe } from '../../../test/fixtures';
import { fakeApi, problem, renderRoutes, testQueryClient } from '../../../test/render';
import { ContractPage } from './ContractPage';

const contract: Schemas['ContractDto'] = {
  ...contractSummary,
  items: [
    {
      lineNo: 1,
      name: 'Памятник вертикальный',
      kind: 'goods',
      quantity: '1.000',
      unit: 'шт',
      price: '78000.00',
      amount: '78000.00',
    },
    {
      lineNo: 2,
      name: 'Гравировка текста, за знак',
      kind: 'service',
      quantity: '40.000',
      unit: 'знак',
      price: '150.00',
      amount: '6000.00',
    },
  ],
  total: '84000.00',
  manager: { fullName: 'Соколова Анна Викторовна', phone: '+74951201001', email: 's@example.com' },
  plannedEndDate: '2027-05-20',
  dataAsOf: null,
  lastSeenAt: null,
  object: { deceased: [], monument: null, renovation: null },
  requisites: [],
  schedule: { rows: [], dueNow: '0.00', next: null, overpaid: '0.00' },
  payments: [],
  notifications: [],
};

function renderContract(id: string) {
  const client = testQueryClient();
  client.setQueryData(authKeys.me(), customerMe);
  return renderRoutes(
    [
      { path: '/contracts/:id', element: <ContractPage /> },
      { path: '/contracts', element: <p>list</p> },
    ],
    `/contracts/${id}`,
    client,
  );
}

const squash = (s: string | null | undefined) => s?.replace(/[\u00a0\u202f]/g, ' ');

describe('ContractPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the contract, its manager and its goods and services with a total', async () => {
    fakeApi({ [`GET /api/contracts/${contract.id}`]: () => Response.json(contract) });
    renderContract(contract.id);
    expect(await screen.findByRole('heading', { name: 'Договор № ГМ-000101' })).toBeTruthy();
    expect(screen.getByText('20.05.2027')).toBeTruthy();
    expect(screen.getByRole('link', { name: /\+7 495 120-10-01/ }).getAttribute('href')).toBe(
      'tel:+74951201001',
    );
    expect(screen.getByRole('link', { name: /s@example.com/ }).getAttribute('href')).toBe(
      'mailto:s@example.com',
    );
    const items = screen.getByTestId('contract-items');
    expect(items.textContent).toContain('Гравировка текста, за знак');
    expect(squash(items.querySelector('tfoot')?.textContent)).toBe('Итого84 000 ₽');
    // No import yet: no freshness line.
    expect(screen.queryByTestId('contract-data-as-of')).toBeNull();
  });

  it('says "not found" with a way back for someone else’s or a missing contract', async () => {
    fakeApi({ 'GET /api/contracts/nope': () => problem(404, 'not_found') });
    renderContract('nope');
    expect(await screen.findByText('Договор не найден')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'К списку договоров' }).getAttribute('href')).toBe(
      '/contracts',
    );
  });

  it('says how fresh the data from 1C is', async () => {
    const fresh = { ...contract, dataAsOf: '2026-11-23T06:00:05.000Z' };
    fakeApi({ [`GET /api/contracts/${contract.id}`]: () => Response.json(fresh) });
    renderContract(contract.id);
    const line = await screen.findByTestId('contract-data-as-of');
    expect(line.textContent).toMatch(/^Данные из 1С на 23\.11\.2026/);
  });
});
