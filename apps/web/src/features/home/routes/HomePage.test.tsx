import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meKeys } from '../../me';
import { contractSummary, customerMe, notification, profile } from '../../../test/fixtures';
import { fakeApi, renderRoutes, testQueryClient } from '../../../test/render';
import { addressOf, HomePage } from './HomePage';

const nothingDue = { dueNow: [], overdue: [], overdueSince: null, daysOverdue: 0 };
const squash = (s: string | null | undefined) => s?.replace(/[\u00a0\u202f]/g, ' ');

function renderHome() {
  const client = testQueryClient();
  client.setQueryData(meKeys.me(), customerMe);
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
          ...nothingDue,
        }),
      'GET /api/profile': () => Response.json(profile),
      'GET /api/notifications': () =>
        Response.json({ items: [notification], total: 1, unread: 1, page: 1, pageSize: 4 }),
      'GET /api/chats': () =>
        Response.json({
          items: [
            {
              id: 'c1',
              number: 'Ч-000001',
              kind: 'contract',
              title: null,
              contract: { id: contractSummary.id, number: contractSummary.number },
              customer: { id: 'k1', name: 'Иванова Мария Петровна' },
              createdAt: '2026-12-01T10:00:00Z',
              lastActivityAt: '2026-12-01T10:00:00Z',
              lastMessage: null,
              participant: true,
              unread: 2,
              waitingForUs: false,
            },
          ],
          total: 1,
          page: 1,
          pageSize: 3,
          totalUnread: 2,
        }),
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
    // Nothing is due: no alarm.
    expect(screen.queryByTestId('home-overdue')).toBeNull();
    expect(screen.queryByTestId('contract-due')).toBeNull();
    // Features the product does not have yet are absent, not faked (chats exist now: their block).
    expect(screen.queryByText(/предложени|обращени/)).toBeNull();
    expect(await screen.findByTestId('home-chats')).toBeTruthy();
    expect(await screen.findByText('Непрочитанных сообщений: 2')).toBeTruthy();
    expect((await screen.findByTestId('home-chat')).getAttribute('href')).toBe('/chats/c1');
  });

  it('titles the managers card in the plural while no manager is assigned', async () => {
    fakeApi({
      'GET /api/contracts': () => Response.json({ items: [], total: 0, page: 1, pageSize: 4 }),
      'GET /api/contracts/summary': () =>
        Response.json({ all: 0, active: 0, balanceDue: [], ...nothingDue }),
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
          ...nothingDue,
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

  it('says what is overdue and due now, on top and per contract, and leads to the schedule', async () => {
    const overdue = {
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
      balanceDue: '48100.00',
      dueNow: '48100.00',
    };
    const summary = {
      all: 2,
      active: 2,
      balanceDue: [{ currency: 'RUB', amount: '122350.00' }],
      dueNow: [{ currency: 'RUB', amount: '85225.00' }],
      overdue: [{ currency: 'RUB', amount: '37125.00' }],
      overdueSince: '2026-11-01',
      daysOverdue: 22,
    };
    let items = [overdue, dueToday];
    fakeApi({
      'GET /api/contracts': () =>
        Response.json({ items, total: items.length, page: 1, pageSize: 4 }),
      'GET /api/contracts/summary': () => Response.json(summary),
      'GET /api/profile': () => Response.json(profile),
      'GET /api/notifications': () =>
        Response.json({ items: [], total: 0, unread: 0, page: 1, pageSize: 4 }),
    });
    const { unmount } = renderHome();
    const alert = await screen.findByTestId('home-overdue');
    expect(squash(alert.textContent)).toContain('Просрочена оплата');
    expect(squash(alert.textContent)).toContain(
      'Просрочено 37 125 ₽: срок самого раннего неоплаченного платежа был 01.11.2026, 22 дн. назад.',
    );
    expect(squash(alert.textContent)).toContain('Всего к оплате сейчас 85 225 ₽.');
    // Two contracts owe: the list of overdue ones.
    expect(screen.getByTestId('home-overdue-open').getAttribute('href')).toBe(
      '/contracts?state=active&overdue=1',
    );
    const rows = await screen.findAllByTestId('home-contract');
    expect(squash(rows[0]!.textContent)).toContain('просрочено 37 125 ₽ · 22 дн.');
    expect(squash(rows[1]!.textContent)).toContain('к оплате сейчас 48 100 ₽');
    expect(squash(rows[1]!.textContent)).not.toContain('просрочено');
    expect(squash(screen.getByTestId('home-balance').textContent)).toContain(
      'из них просрочено 37 125 ₽',
    );
    unmount();
    // One contract owes: straight to its schedule.
    items = [overdue];
    renderHome();
    await screen.findAllByTestId('home-contract');
    expect((await screen.findByTestId('home-overdue-open')).getAttribute('href')).toBe(
      `/contracts/${overdue.id}?tab=schedule`,
    );
  });

  it('makes each notification a link to what it is about, marking it read', async () => {
    const reminder = {
      ...notification,
      id: '77777777-7777-4777-8777-777777777777',
      kind: 'payment_overdue' as const,
      params: { number: 'ГМ-000101', amount: '37125.00', currency: 'RUB', dueDate: '2026-11-01' },
    };
    const read: unknown[] = [];
    fakeApi({
      'GET /api/contracts': () => Response.json({ items: [], total: 0, page: 1, pageSize: 4 }),
      'GET /api/contracts/summary': () =>
        Response.json({ all: 0, active: 0, balanceDue: [], ...nothingDue }),
      'GET /api/profile': () => Response.json(profile),
      'GET /api/notifications': () =>
        Response.json({ items: [reminder], total: 1, unread: 1, page: 1, pageSize: 4 }),
      'POST /api/notifications/read': (_req, body) => {
        read.push(body);
        return new Response(null, { status: 204 });
      },
    });
    const client = testQueryClient();
    client.setQueryData(meKeys.me(), customerMe);
    const { router } = renderRoutes(
      [
        { path: '/', element: <HomePage /> },
        { path: '/contracts/:id', element: <p>contract page</p> },
      ],
      '/',
      client,
    );
    const link = await screen.findByRole('link', { name: /Просрочен платёж 37\s125/ });
    expect(link.getAttribute('href')).toBe(`/contracts/${reminder.contractId}?tab=schedule`);
    expect(squash(link.textContent)).toContain(
      'Просрочен платёж 37 125 ₽ по договору № ГМ-000101: срок был 01.11.2026',
    );
    link.focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('contract page')).toBeTruthy();
    expect(router.state.location.search).toBe('?tab=schedule');
    await waitFor(() => expect(read).toEqual([{ ids: [reminder.id] }]));
  });
});
