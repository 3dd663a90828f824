import { expect, test, type Page } from '@playwright/test';
import { codeFor, openSidebar, shot } from './support';

async function loginAdmin(page: Page) {
  await page.goto('/login');
  await page.getByRole('tab', { name: 'Сотрудник' }).click();
  await page.getByTestId('login-input').fill('admin');
  await page.getByTestId('password-input').fill('kabinet-demo');
  await page.getByRole('button', { name: 'Войти' }).click();
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
  await expect(page.getByText('Выгрузок ещё не было')).toBeVisible();
});

// One customer per viewport, so that with login.spec no phone asks for more than 3 codes in 10 min.
const CUSTOMERS = {
  phone: { phone: '+79123456789', contract: 'ГМ-000101' },
  tablet: { phone: '+79161234567', contract: 'ГМ-000112' },
  desktop: { phone: '+79031112233', contract: 'РМ-000017' },
} as const;

test('a customer sees how fresh the data from 1C is on a contract', async ({
  page,
  baseURL,
}, info) => {
  const who = CUSTOMERS[info.project.name as keyof typeof CUSTOMERS];
  await page.goto('/login');
  await page.getByTestId('phone-input').fill(who.phone);
  const sentAt = new Date(Date.now() - 1000);
  await page.getByRole('button', { name: 'Получить код' }).click();
  const code = await codeFor(baseURL!, who.phone, sentAt);
  await page.getByTestId('code-input').locator('input').first().click();
  await page.keyboard.type(code);
  await page.getByTestId('contracts-list').getByText(who.contract).first().click();
  await expect(page.getByTestId('contract-data-as-of')).toContainText('Данные из 1С на');
  await shot(page, info, 'contract-freshness');
  // Every tab of the contract, as the customer sees it.
  for (const tab of ['object', 'items', 'schedule', 'payments', 'notifications'] as const) {
    await page.getByTestId(`tab-${tab}`).click();
    await expect(page).toHaveURL(new RegExp(`tab=${tab}`));
    await expect(page.getByTestId(`panel-${tab}`)).toBeVisible();
    await expect(page.getByTestId(`panel-${tab}`)).not.toBeEmpty();
    await shot(page, info, `contract-tab-${tab}`);
  }
  await page.goBack();
  await page.goto('/contracts');
  await expect(page.getByTestId('contracts-list')).toBeVisible();
  await shot(page, info, 'contracts-after-visit');
});
