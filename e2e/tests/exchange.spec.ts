import { expect, test, type Page } from '@playwright/test';
import { customerOf, openSidebar, shot, signInCustomer, signInStaff } from './support';

async function loginAdmin(page: Page) {
  await signInStaff(page, 'admin');
  await expect(page).toHaveURL(/\/contracts$/);
}

test('an admin watches the 1C exchange and uploads a broken file by hand', async ({
  page,
}, info) => {
  await loginAdmin(page);
  await openSidebar(page);
  await page.getByTestId('nav-exchange').click();
  await expect(page).toHaveURL(/\/exchange$/);
  const runs = page.getByTestId('exchange-runs');
  // The demo company itself arrived as a 1C file.
  await expect(runs).toContainText('демо-данные');
  await shot(page, info, 'exchange');

  const name = `broken-${info.project.name}.xml`;
  await page.getByTestId('exchange-file-input').click();
  await page.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: 'application/xml',
    buffer: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?>\n<КоммерческаяИнформация ВерсияСхемы="2.10">\n<Документ>\n',
    ),
  });
  await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
  await expect(page.getByTestId('exchange-upload-ok')).toContainText(name);
  const failed = page.getByTestId('exchange-file').filter({ hasText: name });
  await expect(failed).toContainText('Ошибка');
  await expect(failed.getByTestId('exchange-error-where')).toContainText(/строка \d+/);
  await expect(failed.getByRole('link', { name: /Отчёт об ошибке/ })).toBeVisible();
  await shot(page, info, 'exchange-failed-upload');

  await page.getByRole('tab', { name: 'Выгрузки в 1С' }).click();
  // cabinet.spec (run before this file) sent contact change requests: each went out as a file.
  await expect(page.getByText('kabinet-000001.xml')).toBeVisible();
  await shot(page, info, 'exchange-exports');
});

test('a customer sees how fresh the data from 1C is on a contract', async ({
  page,
  baseURL,
}, info) => {
  const who = customerOf(info);
  await signInCustomer(page, baseURL!, who.phone);
  await page.goto('/contracts');
  await page.getByTestId('contracts-list').getByText(who.contract).first().click();
  await expect(page.getByTestId('contract-data-as-of')).toContainText('Данные из 1С на');
  await shot(page, info, 'contract-freshness');
  // Every tab of the contract, as the customer sees it.
  for (const tab of [
    'object',
    'items',
    'schedule',
    'payments',
    'documents',
    'notifications',
  ] as const) {
    await page.getByTestId(`tab-${tab}`).click();
    await expect(page).toHaveURL(new RegExp(`tab=${tab}`));
    await expect(page.getByTestId(`panel-${tab}`)).toBeVisible();
    await expect(page.getByTestId(`panel-${tab}`)).not.toBeEmpty();
    if (tab === 'documents') await expect(page.getByTestId('document')).toHaveCount(who.documents);
    await shot(page, info, `contract-tab-${tab}`);
  }
  await page.goBack();
  await page.goto('/contracts');
  await expect(page.getByTestId('contracts-list')).toBeVisible();
  await shot(page, info, 'contracts-after-visit');
});
