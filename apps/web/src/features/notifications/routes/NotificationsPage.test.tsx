import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meKeys } from '../../me';
import { customerMe, managerMe, notification } from '../../../test/fixtures';
import { fakeApi, renderRoutes, testQueryClient } from '../../../test/render';
import { NotificationsPage } from './NotificationsPage';

function renderPage(me = customerMe, url = '/notifications') {
  const client = testQueryClient();
  client.setQueryData(meKeys.me(), me);
  return renderRoutes(
    [
      { path: '/notifications', element: <NotificationsPage /> },
      { path: '/staff/notifications', element: <NotificationsPage /> },
      { path: '/contracts/:id', element: <p>contract page</p> },
      { path: '/chats/:id', element: <p>chat page</p> },
    ],
    url,
    client,
  );
}

describe('NotificationsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists my notifications, marks all read, and opens one’s contract', async () => {
    let read = false;
    const bodies: unknown[] = [];
    const calls = fakeApi({
      'GET /api/notifications': () =>
        Response.json({
          items: [{ ...notification, read }],
          total: 1,
          unread: read ? 0 : 1,
          page: 1,
          pageSize: 20,
        }),
      'POST /api/notifications/read': (_req, body) => {
        bodies.push(body);
        read = true;
        return new Response(null, { status: 204 });
      },
      'GET /api/me': () => Response.json({ ...customerMe, unreadNotifications: 0 }),
    });
    const { router } = renderPage();
    expect(await screen.findByText('Новое')).toBeTruthy();
    await userEvent.click(screen.getByTestId('notifications-mark-all'));
    await waitFor(() => expect(screen.queryByText('Новое')).toBeNull());
    expect(bodies).toEqual([{}]);
    expect(calls).toContain('GET /api/me');
    await userEvent.click(screen.getByText(/Получена оплата/));
    expect(await screen.findByText('contract page')).toBeTruthy();
    expect(router.state.location.search).toBe('?tab=payments');
  });

  it('opens what each notification is about: the contract’s tab, the contract, the profile', async () => {
    const contractId = notification.contractId!;
    const items = [
      { ...notification, id: 'a', kind: 'payment_received', read: true },
      { ...notification, id: 'b', kind: 'schedule_changed', read: true },
      { ...notification, id: 'c', kind: 'payment_reminder', read: true },
      { ...notification, id: 'd', kind: 'payment_overdue', read: true },
      { ...notification, id: 'e', kind: 'contract_status', read: true },
      { ...notification, id: 'f', kind: 'contract_added', read: true },
      {
        ...notification,
        id: 'g',
        kind: 'profile_request',
        contractId: null,
        params: { field: 'phone', status: 'done' },
        read: true,
      },
    ];
    fakeApi({
      'GET /api/notifications': () =>
        Response.json({ items, total: items.length, unread: 0, page: 1, pageSize: 20 }),
    });
    renderPage();
    const links = await screen.findAllByTestId('notification');
    expect(links.map((l) => [l.tagName, l.getAttribute('href')])).toEqual([
      ['A', `/contracts/${contractId}?tab=payments`],
      ['A', `/contracts/${contractId}?tab=schedule`],
      ['A', `/contracts/${contractId}?tab=schedule`],
      ['A', `/contracts/${contractId}?tab=schedule`],
      ['A', `/contracts/${contractId}`],
      ['A', `/contracts/${contractId}`],
      ['A', '/profile'],
    ]);
  });

  it('filters unread ones through the URL', async () => {
    const seen: string[] = [];
    fakeApi({
      'GET /api/notifications': (req) => {
        seen.push(new URL(req.url).search);
        return Response.json({ items: [], total: 0, unread: 0, page: 1, pageSize: 20 });
      },
    });
    renderPage(customerMe, '/notifications?unread=1');
    expect(await screen.findByText('Непрочитанных уведомлений нет')).toBeTruthy();
    expect(seen[0]).toContain('unread=true');
  });

  it('says a chat’s news with its chat and contract, who wrote what, and opens the chat', async () => {
    const chatId = '99999999-9999-4999-8999-999999999999';
    const chat = {
      ...notification,
      contractId: null,
      contractNumber: null,
      chatId,
      read: true,
    };
    const about = { chatId, chatNumber: '123', contractNumber: 'ГМ-000101' };
    const items = [
      {
        ...chat,
        id: 'a',
        kind: 'chat_message' as const,
        params: {
          ...about,
          count: '3',
          actor: 'Соколова Анна Викторовна',
          preview: 'Макет готов',
        },
      },
      {
        ...chat,
        id: 'b',
        kind: 'approval_requested' as const,
        params: { ...about, deadline: '2027-02-01' },
      },
      {
        ...chat,
        id: 'c',
        kind: 'approval_revoked' as const,
        params: { ...about, reason: 'Исправили шрифт' },
      },
    ];
    fakeApi({
      'GET /api/notifications': () =>
        Response.json({ items, total: items.length, unread: 0, page: 1, pageSize: 20 }),
    });
    renderPage();
    const links = await screen.findAllByTestId('notification');
    expect(links.map((l) => l.getAttribute('href'))).toEqual([
      `/chats/${chatId}`,
      `/chats/${chatId}`,
      `/chats/${chatId}`,
    ]);
    expect(links[0]!.textContent).toContain(
      'Новые сообщения в чате Ч-000123 по договору № ГМ-000101: 3',
    );
    expect(links[0]!.textContent).toContain('Соколова Анна Викторовна: «Макет готов»');
    expect(links[1]!.textContent).toContain(
      'Нужно ваше согласование в чате Ч-000123 по договору № ГМ-000101 до 01.02.2027',
    );
    expect(links[2]!.textContent).toContain('Причина: Исправили шрифт');
  });

  it('shows staff their own list (their chats’ news) and marks it read there', async () => {
    const bodies: unknown[] = [];
    const calls = fakeApi({
      'GET /api/staff/notifications': () =>
        Response.json({
          items: [
            {
              ...notification,
              kind: 'approval_decided',
              contractId: null,
              contractNumber: null,
              chatId: 'c1',
              params: { chatId: 'c1', chatNumber: '7', decision: 'approved' },
            },
          ],
          total: 1,
          unread: 1,
          page: 1,
          pageSize: 20,
        }),
      'POST /api/staff/notifications/read': (_req, body) => {
        bodies.push(body);
        return new Response(null, { status: 204 });
      },
      'GET /api/me': () => Response.json(managerMe),
    });
    renderPage(managerMe, '/staff/notifications');
    expect(await screen.findByText('Клиент согласовал в чате Ч-000007')).toBeTruthy();
    await userEvent.click(screen.getByTestId('notifications-mark-all'));
    await waitFor(() => expect(bodies).toEqual([{}]));
    expect(calls).not.toContain('GET /api/notifications');
  });
});
