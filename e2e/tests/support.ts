import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

type Cookie = Parameters<BrowserContext['addCookies']>[0][number];
import { createApiClient } from '@kabinet/api-client';

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', '.artifacts');
const SHOTS = join(ARTIFACTS, 'screenshots');
const SESSIONS = join(ARTIFACTS, 'sessions');

/** The typed API client, for reading the dev SMS outbox as a person would on /dev/outbox. */
export function api(baseURL: string) {
  return createApiClient({ baseUrl: baseURL });
}

/** Waits for a new code to `phone` in the dev outbox and returns it. */
export async function codeFor(baseURL: string, phone: string, after: Date): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => {
      const { data } = await api(baseURL).GET('/api/dev/outbox');
      const message = data?.find((m) => m.phone === phone && new Date(m.createdAt) >= after);
      code = message?.text.match(/\d{6}/)?.[0];
      return code;
    })
    .toBeTruthy();
  return code!;
}

/** A full-page screenshot in e2e/.artifacts/screenshots, named by project and step. */
export async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${info.project.name}-${name}.png`), fullPage: true });
}

/** On phones the sidebar hides behind the burger; opens it when needed. */
export async function openSidebar(page: Page): Promise<void> {
  const burger = page.getByTestId('burger');
  const sidebar = page.getByTestId('sidebar');
  // A tap while the page is still settling can be lost: tap again until the drawer is open.
  await expect(async () => {
    if ((await burger.isVisible()) && (await burger.getAttribute('aria-expanded')) !== 'true') {
      await burger.click();
    }
    await expect(sidebar).toBeVisible({ timeout: 1000 });
    // Wait for the slide-in to finish before looking at it.
    await expect.poll(async () => (await sidebar.boundingBox())?.x, { timeout: 2000 }).toBe(0);
  }).toPass({ timeout: 15_000 });
}

/**
 * Logs a customer in with phone and SMS code, the way a person does, once per phone and run: a
 * phone gets at most 3 codes in 10 minutes, so later tests reuse the session while it is valid.
 */
export async function signInCustomer(page: Page, baseURL: string, phone: string): Promise<void> {
  const file = join(SESSIONS, `${phone}.json`);
  const saved = await readFile(file, 'utf8').catch(() => null);
  if (saved) {
    await page.context().addCookies((JSON.parse(saved) as { cookies: Cookie[] }).cookies);
    if ((await page.request.get('/api/me')).ok()) return;
    await page.context().clearCookies();
  }
  await page.goto('/login');
  await page.getByTestId('phone-input').fill(phone);
  const sentAt = new Date(Date.now() - 1000);
  await page.getByRole('button', { name: 'Получить код' }).click();
  const code = await codeFor(baseURL, phone, sentAt);
  await page.getByTestId('code-input').locator('input').first().click();
  await page.keyboard.type(code);
  await expect(page).not.toHaveURL(/\/login/);
  await mkdir(SESSIONS, { recursive: true });
  await page.context().storageState({ path: file });
}

/** Staff log in with login and password (the demo company's password). */
export async function signInStaff(page: Page, login: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('tab', { name: 'Сотрудник' }).click();
  await page.getByTestId('login-input').fill(login);
  await page.getByTestId('password-input').fill('kabinet-demo');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Goes to a section through the sidebar, as a person would (behind the burger on phones). */
export async function navigate(page: Page, testId: string): Promise<void> {
  await openSidebar(page);
  await page.getByTestId(testId).click();
}

/** The demo customer each viewport plays (with their manager and a contract of theirs). */
const CUSTOMERS = {
  phone: {
    phone: '+79123456789',
    name: 'Иванова Мария Петровна',
    contract: 'ГМ-000101',
    documents: 2,
    manager: 'sokolova',
  },
  tablet: {
    phone: '+79161234567',
    name: 'Кузнецова Ольга Игоревна',
    contract: 'ГМ-000112',
    documents: 0,
    manager: 'orlov',
  },
  desktop: {
    phone: '+79031112233',
    name: 'Смирнов Алексей Викторович',
    contract: 'РМ-000017',
    documents: 1,
    manager: 'orlov',
  },
} as const;

export function customerOf(info: TestInfo) {
  return CUSTOMERS[info.project.name as keyof typeof CUSTOMERS];
}
