import { screen, waitFor, within } from '@testing-library/react';
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

describe('LoginPage, the company', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names the company, says what it does and shows its logo', async () => {
    fakeApi({
      ...anonymous,
      'GET /api/company/brand': () =>
        Response.json({
          name: 'Гранит-Мастер',
          description: 'Памятники и благоустройство, ремонт квартир',
          logoUrl: '/api/company/logo/7f1c0d3e-2a00-4b00-8000-000000000001',
          color: '#0b7285',
        }),
    });
    renderLogin();
    const brand = await screen.findByTestId('login-brand');
    expect(await within(brand).findByText('Гранит-Мастер')).toBeTruthy();
    expect(within(brand).getByText('Памятники и благоустройство, ремонт квартир')).toBeTruthy();
    const logo = within(brand).getByRole('img', { name: 'Логотип: Гранит-Мастер' });
    expect(logo.getAttribute('src')).toBe('/api/company/logo/7f1c0d3e-2a00-4b00-8000-000000000001');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Вход в личный кабинет');
  });

  it('says "Личный кабинет" while the company has no name', async () => {
    fakeApi({
      ...anonymous,
      'GET /api/company/brand': () =>
        Response.json({ name: null, description: null, logoUrl: null, color: null }),
    });
    renderLogin();
    const brand = await screen.findByTestId('login-brand');
    expect(within(brand).getByText('Личный кабинет')).toBeTruthy();
    expect(within(brand).queryByRole('img')).toBeNull();
  });
});

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

describe('LoginPage, customer: wrong codes and waits', () => {
  afterEach(() => vi.unstubAllGlobals());

  const sent = () =>
    Response.json({ expiresInSeconds: 300, resendAfterSeconds: 60 }, { status: 202 });

  async function askForCode(phone = '79123456789') {
    await userEvent.type(await screen.findByLabelText(/Номер телефона/), phone);
    await userEvent.click(screen.getByRole('button', { name: 'Получить код' }));
  }

  async function typeCode(code: string) {
    await userEvent.click((await screen.findAllByLabelText('Код из SMS'))[0]!);
    await userEvent.keyboard(code);
  }

  it('says how many tries are left, and after the last one to ask for a new code', async () => {
    let left = 5;
    fakeApi({
      ...anonymous,
      'POST /api/auth/otp/request': sent,
      'POST /api/auth/otp/verify': () => {
        left -= 1;
        return left > 0
          ? problem(401, 'otp_invalid', { attemptsLeft: left })
          : problem(429, 'otp_attempts_exceeded', { attemptsLeft: 0 });
      },
    });
    renderLogin();
    await askForCode();
    await typeCode('000000');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Неверный код. Осталось попыток: 4',
    );
    await typeCode('111111');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Неверный код. Осталось попыток: 3',
    );
    await typeCode('222222');
    await typeCode('333333');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Неверный код. Осталось попыток: 1',
    );
    await typeCode('444444');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Слишком много неверных попыток. Запросите новый код',
    );
    // A new code may be asked for at once.
    expect(
      screen.getByRole('button', { name: 'Отправить код повторно' }).hasAttribute('disabled'),
    ).toBe(false);
  });

  it('a code sent a moment ago: goes to the code and counts down to the next', async () => {
    fakeApi({
      ...anonymous,
      'POST /api/auth/otp/request': () =>
        problem(429, 'otp_resend_too_soon', { retryAfterSeconds: 45 }),
    });
    renderLogin();
    await askForCode();
    expect(await screen.findByText(/Код на номер \+7 912 345-67-89 уже отправлен/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('введите его из SMS');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByLabelText('Код из SMS').length).toBeGreaterThan(0);
    const resend = screen.getByRole('button', { name: /Отправить код повторно через 0:4\d/ });
    expect(resend.hasAttribute('disabled')).toBe(true);
  });

  it('too many codes: says how long to wait, counting down, until it may ask again', async () => {
    fakeApi({
      ...anonymous,
      'POST /api/auth/otp/request': () => problem(429, 'otp_send_limit', { retryAfterSeconds: 2 }),
    });
    renderLogin();
    await askForCode();
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(
        /^Слишком много кодов на этот номер\. Новый код можно запросить через 0:0[12]$/,
      ),
    );
    // When the wait is over the message goes.
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull(), { timeout: 5000 });
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
