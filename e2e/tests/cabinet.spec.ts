import { expect, test } from '@playwright/test';
import { customerOf, navigate, shot, signInCustomer, signInStaff } from './support';

test('a customer finds everything on the home page and manages their profile', async ({
  page,
  baseURL,
}, info) => {
  const who = customerOf(info);
  await signInCustomer(page, baseURL!, who.phone);
  await page.goto('/');
  const firstName = who.name.split(' ').slice(1).join(' ');
  await expect(page.getByRole('heading', { name: `Здравствуйте, ${firstName}!` })).toBeVisible();
  await expect(page.getByTestId('home-contract').first()).toBeVisible();
  await expect(page.getByTestId('home-manager')).toContainText(/[А-Я][а-я]+ [А-Я][а-я]+/);
  await expect(page.getByTestId('home-notifications')).toBeVisible();
  if (info.project.name === 'desktop') {
    // One screen on a laptop: nothing below the fold.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollHeight - window.innerHeight,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  }
  await shot(page, info, 'home');

  await navigate(page, 'nav-notifications');
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { name: 'Уведомления' })).toBeVisible();
  await shot(page, info, 'notifications');

  await navigate(page, 'nav-profile');
  await expect(page.getByTestId('profile-contacts')).toContainText(who.name);
  await page.getByTestId('change-request-open').click();
  await page.getByTestId('change-request-form').getByText('E-mail', { exact: true }).click();
  await page.getByTestId('change-request-value').fill('not-an-email');
  await page.getByTestId('change-request-submit').click();
  await expect(page.getByText('Введите e-mail, например name@example.ru')).toBeVisible();
  await page.getByTestId('change-request-value').fill(`${info.project.name}@example.ru`);
  await page.getByTestId('change-request-submit').click();
  await expect(page.getByTestId('change-request-sent')).toBeVisible();
  await expect(page.getByTestId('change-request').first()).toContainText(
    `E-mail: ${info.project.name}@example.ru`,
  );
  await expect(page.getByTestId('change-request').first()).toContainText('На рассмотрении');

  // A notification setting sticks across a reload.
  const sms = page.getByTestId('setting-schedule_changed-sms');
  const before = await sms.isChecked();
  await sms.dispatchEvent('click'); // the switch's input is visually hidden behind its track
  await expect(sms).toBeChecked({ checked: !before });
  await page.reload();
  await expect(page.getByTestId('setting-schedule_changed-sms')).toBeChecked({ checked: !before });
  await shot(page, info, 'profile');
});

test('a customer opens Contacts and Help from the home page', async ({ page, baseURL }, info) => {
  const who = customerOf(info);
  await signInCustomer(page, baseURL!, who.phone);
  await page.goto('/');
  await page.getByTestId('home-link-contacts').click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByRole('heading', { name: 'Контакты', level: 1 })).toBeVisible();
  // The demo company's contacts, as the test server is configured (COMPANY_*).
  const company = page.getByTestId('contacts-company');
  await expect(company).toContainText('Гранит-Мастер');
  await expect(company.getByTestId('contacts-phone').first()).toHaveAttribute(
    'href',
    'tel:+74951201000',
  );
  await expect(company.getByTestId('contacts-phone').first()).toHaveText('+7 495 120-10-00');
  await expect(page.getByTestId('contacts-email')).toHaveText('info@granit-master.example');
  await expect(page.getByTestId('contacts-hours')).toContainText('Пн–Пт');
  const manager = page.getByTestId('contacts-managers').getByTestId('my-manager').first();
  await expect(manager).toContainText(/[А-Я][а-я]+ [А-Я][а-я]+/);
  await expect(manager.getByTestId('my-manager-phone')).toHaveAttribute('href', /^tel:\+7\d{10}$/);
  if (info.project.name === 'phone') {
    // Cards stack on phones: the managers card sits below the company's.
    const a = (await company.boundingBox())!;
    const b = (await page.getByTestId('contacts-managers').boundingBox())!;
    expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
  }
  await shot(page, info, 'contacts');

  await navigate(page, 'nav-home');
  await page.getByTestId('home-link-help').click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole('heading', { name: 'Помощь', level: 1 })).toBeVisible();
  const question = page.getByRole('button', { name: 'Как считаются статусы в графике платежей?' });
  await question.click();
  await expect(question).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('help-schedule')).toContainText('ранний или крупный платёж');
  // The answer slides open; wait for the end of the transition (the inline height goes away).
  const answer = page.getByTestId('help-schedule').getByRole('region');
  await expect.poll(() => answer.evaluate((el) => el.style.height)).toBe('');
  await expect(page.getByTestId('help-not-found')).toContainText('Не нашли ответ?');
  await expect(
    page.getByTestId('help-not-found').getByTestId('my-manager-phone').first(),
  ).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0)); // the fixed header stays at the top of the shot
  await shot(page, info, 'help');
  await page.getByTestId('help-to-contacts').click();
  await expect(page).toHaveURL(/\/contacts$/);
});

test('a manager finds the customer, sees their cabinet as they do, and answers the request', async ({
  page,
}, info) => {
  const who = customerOf(info);
  await signInStaff(page, who.manager);
  await navigate(page, 'nav-customers');
  await page.getByTestId('customers-search').fill(who.name.split(' ')[0]!);
  const row = page.getByTestId('customer').filter({ hasText: who.name });
  await expect(page.getByTestId('customer')).toHaveCount(1);
  await expect(row).toHaveCount(1);
  await shot(page, info, 'customers');

  await row.getByTestId('view-as').click();
  await expect(page.getByTestId('view-as-banner')).toContainText(who.name);
  await expect(page.getByTestId('home-contract').first()).toBeVisible();
  await shot(page, info, 'view-as-home');
  await page.getByTestId('home-contract').filter({ hasText: who.contract }).click();
  await expect(page.getByRole('heading', { name: `Договор № ${who.contract}` })).toBeVisible();
  await expect(page.getByTestId('view-as-banner')).toBeVisible();
  await shot(page, info, 'view-as-contract');
  await page.getByTestId('view-as-back').click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByTestId('view-as-banner')).toHaveCount(0);

  await navigate(page, 'nav-change-requests');
  const request = page
    .getByTestId('staff-change-request')
    .filter({ hasText: `${info.project.name}@example.ru` });
  await expect(request).toHaveCount(1);
  await shot(page, info, 'change-requests');
  await request.getByTestId('request-reject').click();
  await page.getByTestId('resolution-save').click();
  await expect(page.getByText('Напишите клиенту, почему заявка отклонена')).toBeVisible();
  await page.getByTestId('resolution-input').fill('Укажите личный адрес, а не рабочий');
  await page.getByTestId('resolution-save').click();
  await expect(request).toHaveCount(0);
  await page.getByText('Отклонённые', { exact: true }).click();
  await expect(
    page.getByTestId('staff-change-request').filter({ hasText: `${info.project.name}@example.ru` }),
  ).toContainText('Укажите личный адрес');
});

test('staff search and filter contracts', async ({ page }, info) => {
  await signInStaff(page, 'volkova');
  await expect(page).toHaveURL(/\/contracts$/);
  await page.getByTestId('contracts-search').fill('ГМ-0001');
  await expect(page).toHaveURL(/q=%D0%93%D0%9C-0001/);
  await expect(page.getByTestId('contracts-list')).toContainText('ГМ-000101');
  await expect(page.getByTestId('contracts-list')).not.toContainText('РМ-000017');
  await page.getByTestId('contracts-search').fill('');
  // The cleared search reaches the URL after the typing pause; pick the status after that.
  await expect(page).not.toHaveURL(/[?&]q=/);
  await page.getByTestId('contracts-status').click();
  await page.getByRole('option', { name: 'Выполнен' }).click();
  await expect(page.getByTestId('contracts-count')).toHaveText('Всего: 1');
  await expect(page.getByTestId('contracts-list')).toContainText('ГМ-000045');
  await shot(page, info, 'contracts-staff-filtered');
});
