import { expect, test } from '@playwright/test';
import { codeFor, openSidebar, shot } from './support';

// Customers are spread over the viewports so no phone gets more than 3 codes in 10 minutes.
const CUSTOMERS = {
  phone: { phone: '+79161234567', typed: '8 (916) 123-45-67', name: 'Кузнецова Ольга Игоревна' },
  tablet: { phone: '+79123456789', typed: '79123456789', name: 'Иванова Мария Петровна' },
  desktop: { phone: '+79123456789', typed: '+7 912 345 6789', name: 'Иванова Мария Петровна' },
} as const;

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

test('a wrong code is refused with a readable message', async ({ page, baseURL }, info) => {
  const phone = info.project.name === 'phone' ? '+79161234567' : '+79031112233';
  await page.goto('/login');
  await page.getByTestId('phone-input').fill(phone);
  const sentAt = new Date(Date.now() - 1000);
  await page.getByRole('button', { name: 'Получить код' }).click();
  const code = await codeFor(baseURL!, phone, sentAt);
  const wrong = code === '000000' ? '111111' : '000000';
  await page.getByTestId('code-input').locator('input').first().click();
  await page.keyboard.type(wrong);
  await expect(page.getByRole('alert')).toContainText(/неверн|истёк|истек/i);
  await expect(page).toHaveURL(/\/login/);
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
