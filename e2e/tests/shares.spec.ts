import { expect, test } from '@playwright/test';
import { customerOf, shot, signInCustomer, signInStaff } from './support';

/** The family member each viewport's customer shares a contract with (no one's phone yet). */
const FAMILY = { phone: '+79165550101', tablet: '+79165550102', desktop: '+79165550103' };

test('a customer shares a contract with a family member, who sees only it; the manager revokes', async ({
  page,
  baseURL,
}, info) => {
  const who = customerOf(info);
  const family = FAMILY[info.project.name as keyof typeof FAMILY];

  // The owner shares the contract read-only.
  await signInCustomer(page, baseURL!, who.phone);
  await page.goto('/contracts');
  await page.getByRole('link', { name: who.contract }).first().click();
  await expect(page.getByRole('heading', { name: `Договор № ${who.contract}` })).toBeVisible();
  const contractUrl = page.url().split('?')[0]!;
  await page.getByTestId('tab-access').click();
  await expect(page.getByTestId('shares-none')).toBeVisible();
  await page.getByTestId('share-phone').fill(who.phone);
  await page.getByTestId('share-submit').click();
  await expect(page.getByText('Это ваш номер: договор и так ваш')).toBeVisible();
  await page.getByTestId('share-phone').fill(family);
  await page.getByTestId('share-name').fill('Сын Пётр');
  await page.getByTestId('share-submit').click();
  await expect(page.getByTestId('share-added')).toBeVisible();
  await expect(page.getByTestId('share')).toContainText('Сын Пётр');
  await shot(page, info, 'shares-owner');

  // The family member logs in by code and sees only that contract, marked as shared.
  await page.context().clearCookies();
  await signInCustomer(page, baseURL!, family);
  await page.goto('/contracts');
  await expect(page.getByRole('link', { name: who.contract }).first()).toBeVisible();
  await expect(page.getByTestId('shared-mark').first()).toContainText(`Доступ от: ${who.name}`);
  await shot(page, info, 'shares-family-list');
  await page.goto(contractUrl);
  await expect(page.getByTestId('shared-notice')).toContainText('только для просмотра');
  await expect(page.getByTestId('tab-access')).toHaveCount(0);
  await expect(page.getByTestId('tab-notifications')).toHaveCount(0);
  await shot(page, info, 'shares-family-contract');
  const familySession = await page.context().cookies();

  // The manager sees whose account it is and revokes the share.
  await page.context().clearCookies();
  await signInStaff(page, who.manager);
  await page.goto(`${contractUrl}?tab=access`);
  const share = page.getByTestId('share').filter({ hasText: 'Сын Пётр' });
  await expect(share).toContainText('нет в 1С');
  await shot(page, info, 'shares-staff');
  await share.getByTestId('share-revoke').click();
  await page.getByTestId('share-revoke-confirm').click();
  await expect(page.getByTestId('shares-none')).toBeVisible();

  // The family member's session ends with their last share.
  await page.context().clearCookies();
  await page.context().addCookies(familySession);
  await page.goto(contractUrl);
  await expect(page).toHaveURL(/\/login/);
});
