import { expect, test, type Locator, type Page } from '@playwright/test';
import { customerOf, shot, signInCustomer, signInStaff } from './support';

/**
 * The element's box lies within the viewport's width (and, if given, within `inside`), and so
 * does its text: a word running out of its box does not widen the box, so the text is measured.
 */
async function horizontallyInside(page: Page, el: Locator, inside?: Locator) {
  // A strip that scrolls the chosen tab into view does it smoothly: measure once it has stopped.
  await inside?.evaluate(
    (strip) =>
      new Promise<void>((resolve) => {
        let last = -1;
        const tick = () => {
          if (strip.scrollLeft === last) return resolve();
          last = strip.scrollLeft;
          requestAnimationFrame(() => requestAnimationFrame(tick));
        };
        tick();
      }),
  );
  const text = await el.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    return { left: r.left, right: r.right, overflow: node.scrollWidth - node.clientWidth };
  });
  expect(text.overflow, 'the text runs out of its box').toBeLessThanOrEqual(1);
  const box = (await el.boundingBox())!;
  expect(text.left).toBeGreaterThanOrEqual(box.x - 0.5);
  expect(text.right).toBeLessThanOrEqual(box.x + box.width + 0.5);
  const width = page.viewportSize()!.width;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  if (inside) {
    const outer = (await inside.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(outer.x - 0.5);
    expect(box.x + box.width).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
  }
}

test('on a phone the contract’s active tab is always in view', async ({ page, baseURL }, info) => {
  test.skip(info.project.name !== 'phone', 'the tabs fit on wider screens');
  const who = customerOf(info);
  await signInCustomer(page, baseURL!, who.phone);
  await page.goto('/contracts');
  await page.getByTestId('contracts-list').getByText(who.contract).first().click();
  const strip = page.getByTestId('tabs-scroll');
  await expect(page.getByTestId('tab-overview')).toHaveAttribute('aria-selected', 'true');
  // Not every tab fits: the edge says there are more.
  await expect(page.getByTestId('tabs-more-after')).toBeVisible();
  await expect(page.getByTestId('tabs-more-before')).toBeHidden();

  // Choosing «Документы» (swiping to it first, as a person would).
  await strip.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await page.getByTestId('tab-documents').click();
  await expect(page).toHaveURL(/tab=documents/);
  await expect(page.getByTestId('panel-documents')).toBeVisible();
  await horizontallyInside(page, page.getByTestId('tab-documents'), strip);

  // A link to the tab (a notification, a reload) opens with the tab in view.
  await page.reload();
  const documents = page.getByTestId('tab-documents');
  await expect(documents).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tabs-more-before')).toBeVisible();
  await horizontallyInside(page, documents, strip);
  // Nothing of the active tab is under the fades.
  const tab = (await documents.boundingBox())!;
  const before = (await page.getByTestId('tabs-more-before').boundingBox())!;
  expect(tab.x).toBeGreaterThanOrEqual(before.x + before.width - 1);
  if (await page.getByTestId('tabs-more-after').isVisible()) {
    const after = (await page.getByTestId('tabs-more-after').boundingBox())!;
    expect(tab.x + tab.width).toBeLessThanOrEqual(after.x + 1);
  }
  await shot(page, info, 'contract-tabs-documents');

  // Tapping the fade shows the tabs that way, until there are no more.
  const scrolled = () => strip.evaluate((el) => el.scrollLeft);
  const from = await scrolled();
  await page.getByTestId('tabs-more-before').click();
  await expect.poll(scrolled).toBeLessThan(from);
  await expect(async () => {
    if (await page.getByTestId('tabs-more-before').isVisible()) {
      await page.getByTestId('tabs-more-before').click();
    }
    await expect(page.getByTestId('tabs-more-before')).toBeHidden({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId('tab-overview')).toBeInViewport();
});

test('long words people type stay inside their cards', async ({ page, baseURL }, info) => {
  const who = customerOf(info);
  const word = `Длинныйкомментарий${info.project.name}`.repeat(8);
  await signInCustomer(page, baseURL!, who.phone);
  await page.goto('/profile');
  await page.getByTestId('change-request-open').click();
  await page.getByTestId('change-request-value').fill('+7 916 555-00-01');
  await page.getByTestId('change-request-comment').fill(word);
  await expect(page.getByTestId('change-request-form').getByTestId('char-counter')).toHaveText(
    `${word.length} из 1\u00a0000`,
  );
  await page.getByTestId('change-request-submit').click();
  await expect(page.getByTestId('change-request-sent')).toBeVisible();
  const mine = page.getByTestId('change-request').filter({ hasText: word });
  await horizontallyInside(
    page,
    mine.getByTestId('change-request-comment'),
    page.getByTestId('profile-requests'),
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );
  await shot(page, info, 'profile-long-comment');

  await page.context().clearCookies();
  await signInStaff(page, who.manager);
  await page.goto('/change-requests');
  const card = page.getByTestId('staff-change-request').filter({ hasText: word });
  await horizontallyInside(page, card.getByTestId('staff-change-request-comment'), card);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );
  await shot(page, info, 'change-requests-long-comment');
});

test('staff tables show whole status badges and break e-mails only at @ and dots', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'tables are for wide screens');
  await signInStaff(page, 'admin');
  await page.goto('/contracts');
  const badges = page.getByTestId('contract-status');
  await expect(badges.first()).toBeVisible();
  for (const badge of await badges.all()) {
    // Not cut with an ellipsis: the label shows all of its text.
    const cut = await badge.evaluate((el) => {
      const label = el.querySelector('.mantine-Badge-label') ?? el;
      return label.scrollWidth > label.clientWidth + 1;
    });
    expect(cut, await badge.innerText()).toBe(false);
  }
  await shot(page, info, 'staff-contracts-table');

  await page.goto('/customers');
  const emails = page.getByTestId('customer-email');
  await expect(emails.first()).toBeVisible();
  for (const email of await emails.all()) {
    // Each piece between the break points (before @ and dots) is on one line.
    const split = await email.evaluate((el) =>
      Array.from(el.querySelectorAll('.break-at-marks > span')).some(
        (piece) => piece.getClientRects().length > 1,
      ),
    );
    expect(split, await email.innerText()).toBe(false);
  }
  await shot(page, info, 'staff-customers-table');
});
