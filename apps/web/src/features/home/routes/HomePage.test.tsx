import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authKeys } from '../../auth';
import { contractSummary, customerMe, notification, profile } from '../../../test/fixtures';
import { fakeApi, renderRoutes, testQueryClient } from '../../../test/render';
import { addressOf, HomePage } from './HomePage';

const squash = (s: string | null | undefined) => s?.replace(/[\u00a0\u202f]/g, ' ');

function renderHome() {
  const client = testQueryClient();
  client.setQueryData(authKeys.me(), customerMe);
  return renderRoutes([{ path: '/', element: <HomePage /> }], '/', client);
}

describe('HomePage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('addresses the customer by first name and patronymic', () => {
    expect(addressOf('Иванова Мария Петровна')).toBe('Мария Петровна');
    expect(addressOf('ООО «Ромашка»')).toBe('ООО «Ромашка»');
  });

  it('shows my contracts with changes marked, my manager, notifications and settings', async () => {
    const second = {
      ...contractSummary,
      id: '66666666-6666-4666-8666-666666666666',
      number: 'ГМ-000112',
      balanceDue: '0.50',
      changed: true,
    };
    fakeApi({
      'GET /api/contracts': (req) => {
        const state = new URL(req.url).searchParams.get('state');
        return Response.json({
          items: state === 'active' ? [contractSummary, second] : [contractSummary],
          total: state === 'active' ? 2 : 3,
          page: 1,
          pageSize: 4,
        });
      },
      'GET /api/contracts/summary': () =>
        Response.json({
          all: 3,
          active: 2,
          balanceDue: [{ currency: 'RUB', amount: '74250.50' }],
        }),
      'GET /api/profile': () => Response.json(profile),
      'GET /api/notifications': () =>
        Response.json({ items: [notification], total: 1, unread: 1, page: 1, pageSize: 4 }),
    });
    renderHome();
    expect(
      await screen.findByRole('heading', { name: 'Здравствуйте, Мария Петровна!' }),
    ).toBeTruthy();
    const contracts = await screen.findAllByTestId('home-contract');
    expect(contracts.map((c) => c.getAttribute('href'))).toEqual([
      `/contracts/${contractSummary.id}`,
      `/contracts/${second.id}`,
    ]);
    expect(contracts[1]!.querySelector('[data-testid="contract-changed"]')).toBeTruthy();
    expect(contracts[0]!.querySelector('[data-testid="contract-changed"]')).toBeNull();
    expect(squash((await screen.findByTestId('home-balance')).textContent)).toBe('74 250,50 ₽');
    expect(screen.getByText('Все договоры (3)')).toBeTruthy();
    const manager = await screen.findByTestId('home-manager');
    expect(manager.textContent).toContain('Соколова Анна Викторовна');
    expect(manager.querySelector('a[href="tel:+74951201001"]')).toBeTruthy();
    expect(manager.querySelector('a[href="mailto:sokolova@example.com"]')).toBeTruthy();
    expect(squash((await screen.findByTestId('home-notifications')).textContent)).toContain(
      'Получена оплата 74 250 ₽ по договору № ГМ-000101',
    );
    expect(screen.getByTestId('home-link-profile').getAttribute('href')).toBe('/profile');
    expect(screen.getByTestId('home-link-contacts').getAttribute('href')).toBe('/contacts');
    expect(screen.getByTestId('home-link-help').getAttribute('href')).toBe('/help');
    // Features the product does not have yet are absent, not faked.
    expect(screen.queryByText(/Чат|предложени|обращени/)).toBeNull();
  });

  it('titles the managers card in the plural while no manager is assigned', async () => {
    fakeApi({
      'GET /api/contracts': () => Response.json({ items: [], total: 0, page: 1, pageSize: 4 }),
      'GET /api/contracts/summary': () => Response.json({ all: 0, active: 0, balanceDue: [] }),
      'GET /api/profile': () => Response.json({ ...profile, managers: [] }),
      'GET /api/notifications': () =>
        Response.json({ items: [], total: 0, unread: 0, page: 1, pageSize: 4 }),
    });
    renderHome();
    const card = await screen.findByTestId('home-manager');
    expect(
      await screen.findByText('Менеджер появится, когда его назначат по договору'),
    ).toBeTruthy();
    expect(card.textContent).toContain('Ваши менеджеры');
    expect(card.textContent).not.toContain('Ваш менеджер ');
    expect(card.textContent).not.toContain('Ответят на вопросы');
  });

  it('sums what is due over all active contracts, also those the card does not show', async () => {
    const many = Array.from({ length: 4 }, (_, i) => ({
      ...contractSummary,
      id: `66666666-6666-4666-8666-66666666666${i}`,
      number: `ГМ-00011${i}`,
    }));
    fakeApi({
      'GET /api/contracts': () => Response.json({ items: many, total: 6, page: 1, pageSize: 4 }),
      'GET /api/contracts/summary': () =>
        Response.json({
          all: 6,
          active: 6,
          balanceDue: [
            { currency: 'EUR', amount: '100.00' },
            { currency: 'RUB', amount: '445500.00' },
          ],
        }),
      'GET /api/profile': () => Response.json(profile),
      'GET /api/notifications': () =>
        Response.json({ items: [], total: 0, unread: 0, page: 1, pageSize: 4 }),
    });
    renderHome();
    const balance = await screen.findByTestId('home-balance');
    expect(squash(balance.textContent)).toContain('445 500 ₽');
    expect(squash(balance.textContent)).toContain('100 €');
    expect(await screen.findAllByTestId('home-contract')).toHaveLength(4);
  });
});
