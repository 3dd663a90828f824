import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
} from '@playwright/test';
import { navigate, shot, signInCustomer, signInStaff } from './support';

/** An API session of a staff member (cookies kept by the context, CSRF echoed by hand). */
async function staffApi(baseURL: string, login: string) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  await ctx.get('/api/health');
  const csrf = async () =>
    (await ctx.storageState()).cookies.find((c) => c.name.endsWith('kabinet_csrf'))?.value ?? '';
  const res = await ctx.post('/api/auth/staff/login', {
    data: { login, password: 'kabinet-demo' },
    headers: { 'x-csrf-token': await csrf() },
  });
  expect(res.status()).toBe(200);
  return { ctx, csrf };
}

/** Puts the profile back as it was, so the other tests see the demo company. */
async function restore(ctx: APIRequestContext, csrf: () => Promise<string>, saved: object) {
  const { logoUrl: _logo, ...body } = saved as { logoUrl: unknown };
  const res = await ctx.put('/api/company', {
    data: body,
    headers: { 'x-csrf-token': await csrf() },
  });
  expect(res.status()).toBe(200);
}

test('an admin renames the company; the login page and the header say the new name', async ({
  page,
  baseURL,
}, info) => {
  const admin = await staffApi(baseURL!, 'admin');
  const saved = (await (await admin.ctx.get('/api/company')).json()) as { name: string };
  const name = `Гранит-Мастер ${info.project.name}`;
  try {
    await signInStaff(page, 'admin');
    await navigate(page, 'nav-company');
    await expect(page).toHaveURL(/\/company$/);
    const form = page.getByRole('form', { name: 'Профиль компании' });
    await expect(form.getByTestId('company-name')).toHaveValue(saved.name);

    // A colour white text cannot be read on is refused, with a readable shade offered.
    await form.getByTestId('company-color').fill('#ffd43b');
    await form.getByTestId('company-save').click();
    await expect(form.getByText('Слишком светлый: белый текст на нём не прочитать')).toBeVisible();
    await form.getByTestId('company-color-hint').getByRole('button').click();
    await expect(form.getByTestId('company-color-preview')).toBeVisible();
    await form.getByTestId('company-color').fill('');

    await form.getByTestId('company-name').fill(name);
    await form.getByTestId('company-save').click();
    await expect(form.getByTestId('company-saved')).toHaveText('Сохранено');
    await shot(page, info, 'company');

    // The shell names the company: the header on a phone, the sidebar on larger screens.
    const brand = page.getByTestId(
      info.project.name === 'phone' ? 'header-brand' : 'sidebar-brand',
    );
    await expect(brand).toHaveText(name);

    await navigate(page, 'logout');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByTestId('login-brand')).toContainText(name);
    await expect(page.getByTestId('login-brand')).toContainText(
      'Памятники и благоустройство, ремонт квартир',
    );
    await expect(page).toHaveTitle(`${name} · Личный кабинет`);
    await shot(page, info, 'login-brand');
  } finally {
    await restore(admin.ctx, admin.csrf, saved);
    await admin.ctx.dispose();
  }
});

test('on a phone the unread count is in the header, on a bell that opens the notifications', async ({
  page,
  baseURL,
}, info) => {
  test.skip(info.project.name !== 'phone', 'the header is the phone layout');
  const phone = '+79123456789';
  await signInCustomer(page, baseURL!, phone);
  let unread = (
    (await (await page.request.get('/api/me')).json()) as { unreadNotifications: number }
  ).unreadNotifications;
  if (unread === 0) {
    // Other tests read everything: a rejected request brings a fresh notification.
    const csrf = (await page.context().cookies()).find((c) => c.name.endsWith('kabinet_csrf'))!;
    const created = await page.request.post('/api/profile/change-requests', {
      data: { field: 'email', value: 'bell@example.ru' },
      headers: { 'x-csrf-token': csrf.value },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const manager = await staffApi(baseURL!, 'sokolova');
    const resolved = await manager.ctx.post(`/api/change-requests/${id}/resolution`, {
      data: { status: 'rejected', resolution: 'Проверка колокольчика' },
      headers: { 'x-csrf-token': await manager.csrf() },
    });
    expect(resolved.ok()).toBe(true);
    await manager.ctx.dispose();
    unread = 1;
  }

  await page.goto('/contracts');
  const header = page.getByRole('banner');
  await expect(page.getByTestId('burger')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('sidebar')).not.toBeInViewport();
  const bell = header.getByRole('link', { name: `Уведомления, непрочитанных: ${unread}` });
  await expect(bell).toBeVisible();
  await expect(header.getByTestId('header-unread-count')).toHaveText(String(unread));
  await expect(header.getByTestId('header-unread-count')).toBeInViewport();
  await shot(page, info, 'header-bell');
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { name: 'Уведомления' })).toBeVisible();
});
