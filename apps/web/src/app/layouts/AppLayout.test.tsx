import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meKeys, type Me } from '../../features/me';
import { customerMe, managerMe } from '../../test/fixtures';
import { fakeApi, renderRoutes, testQueryClient } from '../../test/render';
import { RequireAuth } from '../guards';
import { AppLayout } from './AppLayout';

function renderShell(me: Me) {
  const client = testQueryClient();
  client.setQueryData(meKeys.me(), me);
  client.setQueryData(['contracts', 'list'], 'cached for this person');
  return renderRoutes(
    [
      { path: '/login', element: <p>login page</p> },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { path: '/contracts', element: <p>contracts</p> },
          { path: '/customers', element: <p>customers page</p> },
        ],
      },
    ],
    '/contracts',
    client,
  );
}

const text = (el: HTMLElement) => el.textContent?.replace(/[\u00a0\u202f]/g, ' ');

describe('AppLayout', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a customer their phone, name and bonus balance, without a role', async () => {
    fakeApi({});
    renderShell(customerMe);
    const sidebar = await screen.findByTestId('sidebar');
    expect(within(sidebar).getByText('+7 912 345-67-89')).toBeTruthy();
    expect(text(within(sidebar).getByTestId('me-name'))).toBe('Иванова Мария Петровна');
    expect(text(within(sidebar).getByTestId('me-bonus'))).toBe('Бонусы: 1 500 ₽');
    expect(within(sidebar).queryByText('Клиент')).toBeNull();
    expect(within(sidebar).getByTestId('nav-contracts').textContent).toBe('Договоры');
    // Unread notifications are counted next to their section.
    expect(within(sidebar).getByTestId('nav-notifications').textContent).toBe('Уведомления2');
    expect(screen.queryByTestId('view-as-banner')).toBeNull();
  });

  it('while viewing as a customer: a banner says whose cabinet it is, and leads back', async () => {
    let viewing = true;
    const calls = fakeApi({
      'DELETE /api/view-as': () => {
        viewing = false;
        return new Response(null, { status: 204 });
      },
      'GET /api/me': () =>
        Response.json(
          viewing
            ? { ...customerMe, viewAs: { staffUserId: managerMe.id, staffName: 'Соколова' } }
            : managerMe,
        ),
    });
    const { client } = renderShell({
      ...customerMe,
      viewAs: { staffUserId: managerMe.id, staffName: 'Соколова' },
    });
    const banner = await screen.findByTestId('view-as-banner');
    expect(banner.textContent).toContain('Иванова Мария Петровна');
    await userEvent.click(within(banner).getByTestId('view-as-back'));
    expect(await screen.findByText('customers page')).toBeTruthy();
    expect(calls).toContain('DELETE /api/view-as');
    // The customer's data is gone from the cache; the staff member is back.
    expect(client.getQueryData(['contracts', 'list'])).toBeUndefined();
    expect(client.getQueryData<Me>(meKeys.me())?.kind).toBe('staff');
    expect(screen.queryByTestId('view-as-banner')).toBeNull();
  });

  it('puts the unread count in the phone header, on a bell that leads to the notifications', async () => {
    fakeApi({
      'GET /api/company/brand': () =>
        Response.json({ name: 'Гранит-Мастер', description: null, logoUrl: null, color: null }),
    });
    renderShell(customerMe);
    const header = await screen.findByRole('banner');
    // The menu (and the count in it) is closed on a phone; the header shows the count anyway.
    expect(within(header).getByTestId('burger').getAttribute('aria-expanded')).toBe('false');
    const bell = within(header).getByRole('link', { name: 'Уведомления, непрочитанных: 2' });
    expect(bell.getAttribute('href')).toBe('/notifications');
    expect(within(header).getByTestId('header-unread-count').textContent).toBe('2');
    expect(await within(header).findByText('Гранит-Мастер')).toBeTruthy();
  });

  it('shows the bell without a count when all is read, and none to staff', async () => {
    fakeApi({});
    const { unmount } = renderShell({ ...customerMe, unreadNotifications: 0 });
    const header = await screen.findByRole('banner');
    expect(within(header).getByRole('link', { name: 'Уведомления' })).toBeTruthy();
    expect(within(header).queryByTestId('header-unread-count')).toBeNull();
    unmount();
    renderShell(managerMe);
    expect(within(await screen.findByRole('banner')).queryByTestId('header-bell')).toBeNull();
    // Without a company name the shell says what it is.
    expect(within(screen.getByRole('banner')).getByText('Личный кабинет')).toBeTruthy();
  });

  it('shows staff their login and role', async () => {
    fakeApi({});
    renderShell(managerMe);
    const sidebar = await screen.findByTestId('sidebar');
    expect(within(sidebar).getByText('sokolova')).toBeTruthy();
    expect(within(sidebar).getByText('Менеджер')).toBeTruthy();
    expect(within(sidebar).queryByTestId('me-bonus')).toBeNull();
  });

  it('logs out: tells the API, forgets everything cached, goes to the login page', async () => {
    const calls = fakeApi({ 'POST /api/auth/logout': () => new Response(null, { status: 204 }) });
    const { client } = renderShell(customerMe);
    await userEvent.click(await screen.findByTestId('logout'));
    expect(await screen.findByText('login page')).toBeTruthy();
    expect(calls).toContain('POST /api/auth/logout');
    expect(client.getQueryData(['contracts', 'list'])).toBeUndefined();
    expect(client.getQueryData(meKeys.me())).toBeNull();
  });
});
