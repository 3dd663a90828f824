import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { customerOf, navigate, shot, signInCustomer, signInStaff } from './support';

/** A picture to send: a layout drawn in a page of its own and photographed (PNG). */
async function layoutPicture(browser: Browser, text: string): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 480, height: 320 } });
  await page.setContent(
    `<div id="l" style="width:480px;height:320px;display:flex;align-items:center;justify-content:center;
       background:linear-gradient(135deg,#495057,#212529);color:#f8f9fa;font:40px serif">${text}</div>`,
  );
  const png = await page.locator('#l').screenshot();
  await page.close();
  return png;
}

/** The same viewport (phone, tablet, desktop) in a second browser context: another person. */
async function secondPerson(browser: Browser, info: TestInfo): Promise<Page> {
  const { viewport, isMobile, hasTouch, locale, baseURL } = info.project.use;
  const context = await browser.newContext({ viewport, isMobile, hasTouch, locale, baseURL });
  return context.newPage();
}

/** Writes and sends a message (Enter sends). */
async function say(page: Page, text: string) {
  const input = page.getByTestId('message-input');
  await input.fill(text);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

/** Attaches files through the paperclip and waits until they are uploaded. */
async function attach(page: Page, files: Array<{ name: string; buffer: Buffer }>) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('attach').click();
  await (
    await chooser
  ).setFiles(files.map((f) => ({ name: f.name, mimeType: 'image/png', buffer: f.buffer })));
  await expect(page.getByTestId('pending-files').getByRole('progressbar')).toHaveCount(0);
}

const message = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text });

test('a customer and the manager chat live, and the customer decides on a layout from its picture', async ({
  page,
  browser,
  baseURL,
}, info) => {
  test.setTimeout(240_000);
  const who = customerOf(info);
  const tag = info.project.name;

  // The customer opens the contract's chat from the list.
  await signInCustomer(page, baseURL!, who.phone);
  await page.goto('/');
  await navigate(page, 'nav-chats');
  await page.getByTestId('chat-item').filter({ hasText: who.contract }).first().click();
  await expect(page).toHaveURL(/\/chats\/[0-9a-f-]{36}$/);
  const chatUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId('chat-number')).toHaveText(/^Ч-\d{6}$/);

  // The manager finds it by the contract number, in a browser of their own.
  const manager = await secondPerson(browser, info);
  await signInStaff(manager, who.manager);
  await manager.goto('/chats');
  await manager.getByLabel('Поиск чатов').fill(who.contract);
  await manager.getByTestId('chat-item').filter({ hasText: who.contract }).first().click();
  await expect(manager).toHaveURL(new RegExp(`${chatUrl}$`));
  await expect(manager.getByTestId('chat-contract')).toHaveText(`Договор № ${who.contract}`);

  // Each sees the other's message without reloading.
  const question = `Здравствуйте! Когда будет макет надписи? (${tag})`;
  await say(page, question);
  await expect(message(manager, question)).toBeVisible();
  await expect(message(manager, question).getByTestId('message-author')).toHaveText(who.name);
  const answer = `Макет готов, пришлю сегодня (${tag})`;
  await say(manager, answer);
  await expect(message(page, answer)).toBeVisible();
  await expect(message(page, answer)).toContainText('Менеджер');

  // The manager asks to approve a layout picture by a date.
  await attach(manager, [
    { name: 'maket-v1.png', buffer: await layoutPicture(browser, 'Макет 1') },
  ]);
  await manager.getByTestId('requires-approval').click();
  await manager.getByTestId('approval-deadline').fill('2031-01-15');
  const v1 = `Макет надписи, версия 1 (${tag})`;
  await say(manager, v1);
  const v1c = message(page, v1);
  await expect(v1c.getByTestId('message-approval')).toHaveText('Ждёт согласования');
  await expect(v1c).toContainText('до 15.01.2031');
  await expect(v1c.getByTestId('approve')).toBeVisible();
  await shot(page, info, 'chat-approval-asked');

  // The customer pins a comment to a point of the picture; the manager sees it on the thumbnail.
  await v1c.getByTestId('attachment-image').click();
  const lightbox = page.getByRole('dialog');
  await lightbox.getByTestId('pin-add').click();
  await expect(lightbox.getByTestId('pin-hint')).toBeVisible();
  const picture = lightbox.getByTestId('pinned-picture');
  const box = (await picture.boundingBox())!;
  await picture.click({ position: { x: box.width * 0.3, y: box.height * 0.5 } });
  await lightbox.getByTestId('pin-body').fill('Здесь буквы мелковаты');
  await lightbox.getByTestId('pin-save').click();
  await expect(lightbox.getByTestId('pin')).toHaveText(/1Здесь буквы мелковаты/);
  await shot(page, info, 'chat-pin');
  await page.keyboard.press('Escape');
  await expect(message(manager, v1).getByTestId('thumb-pins')).toHaveText('1');

  // The customer rejects, saying why; the manager sees the rejection and the reason at once.
  await v1c.getByTestId('reject').click();
  const reasonDialog = page.getByTestId('approval-reason-dialog');
  await reasonDialog.getByTestId('approval-reason-submit').click();
  await expect(reasonDialog).toContainText('Напишите причину');
  await reasonDialog.getByTestId('approval-reason').fill('Сделайте шрифт крупнее');
  await reasonDialog.getByTestId('approval-reason-submit').click();
  await expect(reasonDialog).toBeHidden();
  const v1m = message(manager, v1);
  await expect(v1m.getByTestId('message-approval')).toHaveText('Отклонено');
  await expect(v1m).toContainText('Сделайте шрифт крупнее');
  await expect(v1c.getByTestId('approve')).toHaveCount(0);

  // The manager sends a new version of the picture for approval.
  await v1m.getByTestId('message-menu').click();
  await manager.getByTestId('new-version').click();
  await expect(manager.getByTestId('replacing')).toContainText(v1);
  await attach(manager, [
    { name: 'maket-v2.png', buffer: await layoutPicture(browser, 'МАКЕТ 2') },
  ]);
  const v2 = `Версия 2: шрифт крупнее (${tag})`;
  await say(manager, v2);
  await expect(manager.getByTestId('replacing')).toHaveCount(0);
  const v2c = message(page, v2);
  await expect(v2c.getByTestId('approval-version')).toHaveText('Версия 2');
  await expect(v1c.getByTestId('approval-replaced')).toBeVisible();

  // The customer approves the second version.
  await v2c.getByTestId('approve').click();
  await expect(page.getByTestId('approve-dialog')).toContainText('maket-v2.png');
  await page.getByTestId('approve-confirm').click();
  await expect(v2c.getByTestId('message-approval')).toHaveText('Согласовано');
  const v2m = message(manager, v2);
  await expect(v2m.getByTestId('message-approval')).toHaveText('Согласовано');
  await shot(manager, info, 'chat-approved-manager');

  // The manager revokes the decision with a reason; the customer decides again.
  await v2m.getByTestId('revoke').click();
  await manager.getByTestId('approval-reason').fill('В макете ошибка в дате, посмотрите ещё раз');
  await manager.getByTestId('approval-reason-submit').click();
  await expect(v2c.getByTestId('message-approval')).toHaveText('Согласование отменено');
  await expect(v2c).toContainText('В макете ошибка в дате');
  await expect(v2c.getByTestId('approve')).toBeVisible();
  await v2c.getByTestId('approval-history-toggle').click();
  await expect(v2c.getByTestId('approval-step')).toHaveText([
    /Запрошено согласование/,
    /Согласовано/,
    /Решение отменено.*В макете ошибка в дате/,
  ]);
  await shot(page, info, 'chat-revoked');

  // The contract page lists its approvals and their state.
  await manager.getByTestId('chat-contract').click();
  await expect(manager.getByRole('heading', { name: `Договор № ${who.contract}` })).toBeVisible();
  await manager.getByTestId('tab-chats').click();
  const approvals = manager.getByTestId('contract-approval');
  await expect(approvals).toHaveCount(2);
  await expect(approvals.first()).toContainText('Согласование отменено');
  await expect(approvals.nth(1)).toContainText('Отклонено');
  await expect(approvals.nth(1)).toContainText('Сделайте шрифт крупнее');
  await shot(manager, info, 'contract-approvals');
  await manager.context().close();
});
