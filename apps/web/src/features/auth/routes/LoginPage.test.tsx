import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoginPage } from './LoginPage';

function renderLogin() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={['/login']}>
          <LoginPage />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('LoginPage', () => {
  const calls: string[] = [];
  beforeEach(() => {
    calls.length = 0;
    // The API answers as for an anonymous visitor; code requests are recorded.
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const path = new URL(request.url, 'http://localhost').pathname;
      calls.push(`${request.method} ${path}`);
      if (path === '/api/me') return new Response('{"code":"unauthenticated"}', { status: 401 });
      if (path === '/api/auth/otp/request') {
        return Response.json({ expiresInSeconds: 300, resendAfterSeconds: 60 }, { status: 202 });
      }
      return new Response('{}', { status: 404 });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('refuses a malformed phone before asking the API', async () => {
    renderLogin();
    await userEvent.type(await screen.findByLabelText(/Номер телефона/), '12-34');
    await userEvent.click(screen.getByRole('button', { name: 'Получить код' }));
    expect(await screen.findByText(/Введите номер телефона/)).toBeTruthy();
    expect(calls).not.toContain('POST /api/auth/otp/request');
  });

  it('asks for the code, tells where it went and when to resend', async () => {
    renderLogin();
    await userEvent.type(await screen.findByLabelText(/Номер телефона/), '8 (912) 345-67-89');
    await userEvent.click(screen.getByRole('button', { name: 'Получить код' }));
    expect(await screen.findByText(/\+7 912 345 67 89/)).toBeTruthy();
    expect(screen.getByText(/свяжитесь с вашим менеджером/)).toBeTruthy();
    expect(
      screen.getByRole('button', { name: /Отправить код повторно через [01]:\d\d/ }),
    ).toBeTruthy();
    expect(calls).toContain('POST /api/auth/otp/request');
  });
});
