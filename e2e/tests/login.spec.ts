import { expect, test } from '@playwright/test';
import { codeFor, openSidebar, shot } from './support';

// A phone gets one code a minute and at most 3 in 10 minutes. The projects run one after another
// and cabinet.spec signs in, first, phone: Иванова, tablet: Кузнецова, desktop: Смирнов; each
// project logs in here a customer whose last code was a whole project ago.
const CUSTOMERS = {
  phone: { phone: '+79031112233', typed: '8 (903) 111-22-33', name: 'Смирнов Алексей Викторович' },
  tablet: { phone: '+79123456789', typed: '79123456789', name: 'Иванова Мария Петровна' },
  desktop: { phone: '+79161234567', typed: '+7 916 123 4567', name: 'Кузнецова Ольга Игоревна' },
} as const;

/** Phones no customer has: answered exactly like real ones, but no SMS goes out. One per project. */
const UNKNOWN_PHONES = { phone: '+79990000101', tablet: '+79990000102', desktop: '+79990000103' };

test('a customer logs in with phone and SMS code and sees their contracts', async ({
  page,
  baseURL,
}, info) => {
  const who = CUSTOMERS[info.project.name as keyof typeof CUSTOMERS];
  await page.goto('/contracts');
  await expect(page).toHaveURL(/\/login/);
  await shot(page, info, 'login-customer');
  await page.getByTestId('phone-input').fill(who.typed);
  const sentAt = new Date(Date.now() - 1000);
  await page.getByRole('button', { name: 'Получить код' }).click();
  const code = await codeFor(baseURL!, who.phone, sentAt);
  await expect(page.getByText(/не приходит|не пришёл|не придёт/i)).toBeVisible();
  await shot(page, info, 'login-code');
  await page.getByTestId('code-input').locator('input').first().click();
  await page.keyboard.type(code);
  await expect(page).toHaveURL(/\/contracts$/);
  await expect(page.getByTestId('contracts-list')).toBeVisible();
  await shot(page, info, 'contracts-customer');
  await openSidebar(page);
  await expect(page.getByTestId('me-name')).toHaveText(who.name);
  await expect(page.getByTestId('nav-contracts')).toBeVisible();
  await shot(page, info, 'sidebar-customer');
});

test('a wrong code says how many tries are left; asking again too soon says how long to wait', async ({
  page,
}, info) => {
  const phone = UNKNOWN_PHONES[info.project.name as keyof typeof UNKNOWN_PHONES];
  await page.goto('/login');
  await page.getByTestId('phone-input').fill(phone);
  await page.getByRole('button', { name: 'Получить код' }).click();
  await page.getByTestId('code-input').locator('input').first().click();
  await page.keyboard.type('000000');
  await expect(page.getByRole('alert')).toHaveText('Неверный код. Осталось попыток: 4');
  await expect(page).toHaveURL(/\/login/);
  await shot(page, info, 'login-wrong-code');
  // Back to the number and the same number again at once: the code that was sent is the one to
  // enter, and the next can be asked for when the countdown ends.
  await page.getByRole('button', { name: 'Изменить номер' }).click();
  await page.getByTestId('phone-input').fill(phone);
  await page.getByRole('button', { name: 'Получить код' }).click();
  await expect(page.getByText(/уже отправлен/)).toBeVisible();
  await expect(page.getByRole('status')).toContainText('введите его из SMS');
  const resend = page.getByRole('button', { name: /Отправить код повторно через 0:[0-5]\d/ });
  await expect(resend).toBeDisabled();
  await shot(page, info, 'login-resend-wait');
});

test('a malformed phone gets a message next to the field', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('phone-input').fill('12-34');
  await page.getByRole('button', { name: 'Получить код' }).click();
  await expect(page.getByText(/номер/i).first()).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('a staff member logs in with login and password and sees staff navigation', async ({
  page,
}, info) => {
  await page.goto('/login');
  await page.getByRole('tab', { name: 'Сотрудник' }).click();
  await shot(page, info, 'login-staff');
  await page.getByTestId('login-input').fill('sokolova');
  await page.getByTestId('password-input').fill('kabinet-demo');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/contracts$/);
  await expect(page.getByTestId('contracts-list')).toContainText('ГМ-000101');
  await shot(page, info, 'contracts-staff');
  await openSidebar(page);
  await expect(page.getByTestId('me-name')).toHaveText('Соколова Анна Викторовна');
  await expect(page.getByTestId('nav-contracts')).toBeVisible();
  await shot(page, info, 'sidebar-staff');
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/contracts');
  await expect(page).toHaveURL(/\/login/);
});

test('a contract opens from the list with its goods and services', async ({ page }, info) => {
  await page.goto('/login');
  await page.getByRole('tab', { name: 'Сотрудник' }).click();
  await page.getByTestId('login-input').fill('admin');
  await page.getByTestId('password-input').fill('kabinet-demo');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('contracts-list').getByText('РМ-000017').first().click();
  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  await page.getByTestId('tab-items').click();
  await expect(page.getByText('Демонтажные работы')).toBeVisible();
  await shot(page, info, 'contract-staff');
});
