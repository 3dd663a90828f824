import { expect, test } from '@playwright/test';
import { customerOf, navigate, shot, signInCustomer, signInStaff } from './support';

// The demo's schedules are dated around the end of 2026: each demo customer owes money past its
// date by now (Иванова since 2026-11-01, Смирнов since 2026-11-15, Кузнецова since 2026-11-30);
// the amounts and days depend on today, so the texts are matched by their shape.
const OVERDUE_LINE = /просрочено [\d\s]+₽\s·\s\d+\sдн\./;

test('a customer sees overdue money on Home and in the list, and follows a notification', async ({
  page,
  baseURL,
}, info) => {
  const who = customerOf(info);
  await signInCustomer(page, baseURL!, who.phone);
  await page.goto('/');
  const alert = page.getByTestId('home-overdue');
  await expect(alert).toContainText('Просрочена оплата');
  await expect(alert).toContainText(/Просрочено [\d\s]+₽: срок самого раннего/);
  await expect(
    page.getByTestId('home-contract').filter({ hasText: who.contract }).getByTestId('contract-due'),
  ).toHaveText(OVERDUE_LINE);
  if (info.project.name === 'desktop') {
    // Still one screen on a laptop.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollHeight - window.innerHeight,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  }
  await shot(page, info, 'home-overdue');

  // One contract owes: the alert leads to its schedule, where the overdue row is.
  await alert.getByTestId('home-overdue-open').click();
  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}\?tab=schedule$/);
  await expect(page.getByRole('heading', { name: `Договор № ${who.contract}` })).toBeVisible();
  await expect(
    page.getByTestId('installment').filter({ hasText: 'Просрочен' }).first(),
  ).toBeVisible();

  // The list marks it, as a card on phones and tablets and in the table on a desktop.
  await navigate(page, 'nav-contracts');
  const list = page.getByTestId('contracts-list');
  const entry =
    info.project.name !== 'desktop'
      ? list.getByRole('link').filter({ hasText: who.contract })
      : list.getByRole('row').filter({ hasText: who.contract });
  await expect(entry.getByTestId('contract-overdue')).toHaveText(OVERDUE_LINE);
  await shot(page, info, 'contracts-overdue');

  // A notification is a link: by keyboard to the contract it is about, and it is read then.
  await navigate(page, 'nav-notifications');
  const notice = page
    .getByTestId('notification')
    .filter({ hasText: `Договор № ${who.contract} добавлен в кабинет` });
  await expect(notice).toHaveAttribute('href', /^\/contracts\/[0-9a-f-]{36}$/);
  await notice.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: `Договор № ${who.contract}` })).toBeVisible();
  await page.goBack();
  await expect(
    page
      .getByTestId('notification')
      .filter({ hasText: `Договор № ${who.contract} добавлен в кабинет` }),
  ).not.toContainText('Новое');
  await shot(page, info, 'notifications-links');
});

test('a manager lists the overdue contracts first, or only them', async ({ page }, info) => {
  await signInStaff(page, 'volkova');
  await page.goto('/contracts?sort=overdue.desc');
  const list = page.getByTestId('contracts-list');
  // Most overdue first: Иванова's ГМ-000101 has been overdue the longest.
  const first = info.project.name !== 'desktop' ? list.getByRole('link') : list.getByRole('row');
  await expect(first.filter({ hasText: 'ГМ-' }).first()).toContainText('ГМ-000101');
  // The switch's input is visually hidden behind its track.
  await page.getByRole('switch', { name: 'Только с просрочкой' }).dispatchEvent('click');
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page.getByTestId('contracts-count')).toContainText('Всего: 3');
  await expect(list).not.toContainText('ГМ-000045');
  await expect(list.getByTestId('contract-overdue')).toHaveCount(3);
  await shot(page, info, 'contracts-overdue-staff');
});
