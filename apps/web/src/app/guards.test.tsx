import { fireEvent, screen } from '@testing-library/react';
import { Outlet } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meKeys } from '../features/me';
import { customerMe, managerMe } from '../test/fixtures';
import { fakeApi, problem, renderRoutes, testQueryClient } from '../test/render';
import { HomeRedirect, RequireAuth, RequirePermission } from './guards';

const routes = [
  { path: '/login', element: <p>login page</p> },
  {
    element: (
      <RequireAuth>
        <Outlet />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect home={<p>home page</p>} /> },
      { path: '/contracts', element: <p>contracts page</p> },
      {
        path: '/admin',
        element: (
          <RequirePermission permission="contract.readAll">
            <p>everything</p>
          </RequirePermission>
        ),
      },
    ],
  },
];

describe('route guards', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends an anonymous visitor to the login page and remembers where they were going', async () => {
    fakeApi({ 'GET /api/me': () => problem(401, 'unauthenticated') });
    const { router } = renderRoutes(routes, '/contracts?state=closed');
    expect(await screen.findByText('login page')).toBeTruthy();
    expect(router.state.location.search).toBe(
      `?next=${encodeURIComponent('/contracts?state=closed')}`,
    );
  });

  it('opens the first section staff may see at /', async () => {
    const client = testQueryClient();
    client.setQueryData(meKeys.me(), managerMe);
    fakeApi({ 'GET /api/me': () => Response.json(managerMe) });
    const { router } = renderRoutes(routes, '/', client);
    expect(await screen.findByText('contracts page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/contracts');
  });

  it('shows a customer their home page at /', async () => {
    const client = testQueryClient();
    client.setQueryData(meKeys.me(), customerMe);
    fakeApi({ 'GET /api/me': () => Response.json(customerMe) });
    const { router } = renderRoutes(routes, '/', client);
    expect(await screen.findByText('home page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('shows a friendly "no access" page without the permission', async () => {
    const client = testQueryClient();
    client.setQueryData(meKeys.me(), customerMe);
    fakeApi({ 'GET /api/me': () => Response.json(customerMe) });
    const { router } = renderRoutes(routes, '/admin', client);
    expect(await screen.findByText('Нет доступа')).toBeTruthy();
    expect(screen.queryByText('everything')).toBeNull();
    // Said to a customer as a customer (no "role"), with the way back home.
    expect(screen.getByText('Этого раздела нет в личном кабинете клиента.')).toBeTruthy();
    expect(document.body.textContent).not.toContain('роли');
    fireEvent.click(screen.getByRole('link', { name: 'На главную' }));
    expect(await screen.findByText('home page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('tells staff their role has no access, with the way back to their first section', async () => {
    const client = testQueryClient();
    client.setQueryData(meKeys.me(), managerMe);
    fakeApi({ 'GET /api/me': () => Response.json(managerMe) });
    const { router } = renderRoutes(routes, '/admin', client);
    expect(await screen.findByText('У вашей роли нет доступа к этому разделу.')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'На главную' }));
    expect(await screen.findByText('contracts page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/contracts');
  });
});
