import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { createApiClient } from '@kabinet/api-client';

const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', '.artifacts', 'screenshots');

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
  if (await burger.isVisible()) await burger.click();
  const sidebar = page.getByTestId('sidebar');
  await expect(sidebar).toBeVisible();
  // Wait for the slide-in to finish before looking at it.
  await expect.poll(async () => (await sidebar.boundingBox())?.x).toBe(0);
}
