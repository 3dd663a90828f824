import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { customerMe, managerMe } from '../../../test/fixtures';
import { fakeApi, problem, renderRoutes } from '../../../test/render';
import { LoginPage } from './LoginPage';

const anonymous = { 'GET /api/me': () => problem(401, 'unauthenticated') };

function renderLogin(url = '/login') {
  return renderRoutes(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '*', element: <p>inside</p> },
    ],
    url,
  );
}

describe('LoginPage, customer', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refuses a malformed phone before asking the API', async () => {
    const calls = fakeApi(anonymous);
    renderLogin();
    await userEvent.type(await screen.findByLabelText(/Номер телефона/), '12-34');
    await userEvent.click(screen.getByRole('button', { name: 'Получить код' }));
    const hint = await screen.findByText(/Введите номер телефона/);
    // The example number stays on one line (no-break spaces).
    expect(hint.textContent).toContain('+7\u00a0912\u00a0345-67-89');
    expect(screen.getByLabelText(/Номер телефона/).getAttribute('aria-invalid')).toBe('true');
    expect(calls).not.toContain('POST /api/auth/otp/request');
  });

  it('asks for the code, tells where it went and when to resend', async () => {
    let sent: unknown;
    fakeApi({
      ...anonymous,
      'POST /api/auth/otp/request': (_, body) => {
        sent = body;
        return Response.json({ expiresInSeconds: 300, resendAfterSeconds: 60 }, { status: 202 });
      },
    });
    renderLogin();
    await userEvent.type(await screen.findByLabelText(/Номер телефона/), '8 (912) 345-67-89');
    await userEvent.click(screen.getByRole('button', { name: 'Получить код' }));
    expect(await screen.findByText(/\+7 912 345-67-89/)).toBeTruthy();
    expect(sent).toEqual({ phone: '+79123456789' });
    expect(screen.getByText(/свяжитесь с вашим менеджером/)).toBeTruthy();
    const resend = screen.getByRole('button', { name: /Отправить код повторно через [01]:\d\d/ });
    expect(resend.hasAttribute('disabled')).toBe(true);
  });

  it('logs in with the code and goes back where the person came from', async () => {
    fakeApi({
      ...anonymous,
      'POST /api/auth/otp/request': () =>
        Response.json({ expiresInSeconds: 300, resendAfterSeconds: 60 }, { status: 202 }),
      'POST /api/auth/otp/verify': (_, body) =>
        (body as { code: string }).code === '123456'
          ? Response.json(customerMe)
          : problem(401, 'otp_invalid'),
    });
    const { router } = renderLogin(`/login?next=${encodeURIComponent('/contracts/42')}`);
    await userEvent.type(await screen.findByLabelText(/Номер телефона/), '79123456789');
    await userEvent.click(screen.getByRole('button', { name: 'Получить код' }));
    const first = (await screen.findAllByLabelText('Код из SMS'))[0]!;
    await userEvent.click(first);
    await userEvent.keyboard('000000');
    expect((await screen.findByRole('alert')).textContent).toContain('Неверный или истёкший код');
    await userEvent.click(screen.getAllByLabelText('Код из SMS')[0]!);
    await userEvent.keyboard('123456');
    expect(await screen.findByText('inside')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/contracts/42');
  });
});

describe('LoginPage, staff', () => {
  afterEach(() => vi.unstubAllGlobals());

  async function openStaffTab() {
    await userEvent.click(await screen.findByRole('tab', { name: 'Сотрудник' }));
    return screen.getByRole('form', { name: 'Сотрудник' });
  }

  it('requires login and password', async () => {
    const calls = fakeApi(anonymous);
    renderLogin();
    const form = await openStaffTab();
    await userEvent.click(within(form).getByRole('button', { name: 'Войти' }));
    expect(await within(form).findAllByText('Обязательное поле')).toHaveLength(2);
    expect(calls).not.toContain('POST /api/auth/staff/login');
  });

  it('shows the API error by its code and field messages next to fields', async () => {
    fakeApi({
      ...anonymous,
      'POST /api/auth/staff/login': (_, body) =>
        (body as { login: string }).login === 'x'
          ? problem(400, 'validation_failed', {
              fields: [{ path: 'login', message: 'login is too short' }],
            })
          : problem(401, 'invalid_credentials'),
    });
    renderLogin();
    const form = await openStaffTab();
    await userEvent.type(within(form).getByLabelText('Логин'), 'sokolova');
    await userEvent.type(within(form).getByLabelText('Пароль'), 'wrong');
    await userEvent.click(within(form).getByRole('button', { name: 'Войти' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Неверный логин или пароль');

    await userEvent.clear(within(form).getByLabelText('Логин'));
    await userEvent.type(within(form).getByLabelText('Логин'), 'x');
    await userEvent.click(within(form).getByRole('button', { name: 'Войти' }));
    expect(await within(form).findByText('login is too short')).toBeTruthy();
  });

  it('logs in and opens the cabinet', async () => {
    fakeApi({ ...anonymous, 'POST /api/auth/staff/login': () => Response.json(managerMe) });
    const { router } = renderLogin();
    const form = await openStaffTab();
    await userEvent.type(within(form).getByLabelText('Логин'), 'sokolova');
    await userEvent.type(within(form).getByLabelText('Пароль'), 'kabinet-demo');
    await userEvent.click(within(form).getByRole('button', { name: 'Войти' }));
    expect(await screen.findByText('inside')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('never follows `next` off the site', async () => {
    fakeApi({ ...anonymous, 'POST /api/auth/staff/login': () => Response.json(managerMe) });
    const { router } = renderLogin(`/login?next=${encodeURIComponent('//evil.example/x')}`);
    const form = await openStaffTab();
    await userEvent.type(within(form).getByLabelText('Логин'), 'sokolova');
    await userEvent.type(within(form).getByLabelText('Пароль'), 'kabinet-demo');
    await userEvent.click(within(form).getByRole('button', { name: 'Войти' }));
    expect(await screen.findByText('inside')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });
});
