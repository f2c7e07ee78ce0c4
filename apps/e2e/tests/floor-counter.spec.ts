import { expect, test, type Locator, type Page } from '@playwright/test';
import { shots, signIn } from './support.js';

// #18 item 7: an officer's laptop is 1366×768; everything the officer needs fits without scrolling.
test.use({ viewport: { width: 1366, height: 768 } });

interface Desk {
  counter: { id: string; centerId: string; label: string; state: string; services: Array<{ serviceId: string; weight: number }> };
  current: { code: string; status: string } | null;
  allowedActions: string[];
}
const desk = async (page: Page, counterId: string) => (await (await page.request.get(`/api/counters/${counterId}/workstation`)).json()) as Desk;

/** Fully inside the 1366×768 viewport, with the page not scrolled. */
async function expectInView(page: Page, target: Locator) {
  const box = (await target.boundingBox())!;
  expect(box, 'the element is rendered').not.toBeNull();
  expect(await page.evaluate('window.scrollY')).toBe(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1366);
  expect(box.y + box.height).toBeLessThanOrEqual(768);
}

test('an officer lands on "Quầy của tôi"; a closed counter shows "Mở quầy" first, in view at 1366×768; messages never move the buttons', async ({ page }) => {
  test.setTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await signIn(page, 'canbo.anxuyen1');
  await expect(page).toHaveURL(/\/backoffice\/my-counters$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quầy của tôi hôm nay');
  await page.getByRole('main').getByRole('link', { name: /^Quầy \d+$/ }).first().click();
  await expect(page).toHaveURL(/\/backoffice\/counter\/[0-9a-f-]{36}$/);
  const counterId = page.url().split('/counter/')[1]!;

  // Other browser tests share this database: nothing in hand, then the counter closed, as at the start of a day.
  const before = await desk(page, counterId);
  if (before.current?.status === 'called') await page.request.post(`/api/counters/${counterId}/start`);
  if (before.current) expect((await page.request.post(`/api/counters/${counterId}/done`)).status()).toBe(200);
  expect((await page.request.post(`/api/counters/${counterId}/state`, { data: { state: 'closed' } })).status()).toBe(200);
  // Someone waits for this counter's main service: "Gọi số tiếp" would have something to call, were the counter open.
  const serviceId = [...before.counter.services].sort((a, b) => b.weight - a.weight)[0]!.serviceId;
  const issued = await page.request.post(`/api/centers/${before.counter.centerId}/tickets`, { data: { serviceId } });
  expect(issued.status()).toBe(201);
  await page.reload();

  // Closed: the panel says so and offers "Mở quầy" first, in view; "Gọi số tiếp" is not the primary button.
  await expect(page.getByTestId('counter-shut')).toContainText('Quầy đang đóng');
  const openFirst = page.getByRole('button', { name: /Mở quầy/ });
  await expect(openFirst).toHaveCount(1);
  await expect(openFirst).toBeEnabled();
  await expectInView(page, openFirst);
  const callNext = page.getByRole('button', { name: /Gọi số tiếp/ });
  await expect(callNext).toBeDisabled();
  await expect(callNext).not.toHaveClass(/btn--primary/);
  expect((await desk(page, counterId)).allowedActions).toEqual(['open']);
  await page.screenshot({ path: `${shots}/workstation-1366-closed.png` });

  // Open it: "Gọi số tiếp" becomes the primary button, in view.
  await openFirst.click();
  await expect(page.getByTestId('counter-state')).toHaveText('Đang mở');
  await expect(page.getByTestId('counter-shut')).toHaveCount(0);
  await expect(callNext).toBeEnabled();
  await expect(callNext).toHaveClass(/btn--primary/);
  await expectInView(page, callNext);

  // The confirmation floats over the page: the buttons stay where they were and the page does not scroll.
  await expect(page.getByTestId('desk-notice')).toHaveText('Quầy đã mở');
  const before1 = (await callNext.boundingBox())!;
  await callNext.click();
  await expect(page.getByTestId('current-status')).toHaveText('Đã gọi');
  await expect(page.getByTestId('desk-notice')).toContainText('Đã gọi số');
  const start = page.getByRole('button', { name: /Bắt đầu phục vụ/ });
  await expectInView(page, start);
  expect((await callNext.boundingBox())!.y).toBe(before1.y);
  await start.click();
  await expect(page.getByTestId('current-status')).toHaveText('Đang phục vụ');
  expect((await callNext.boundingBox())!.y).toBe(before1.y);
  await expectInView(page, page.getByRole('button', { name: /Hoàn thành/ }));
  await expectInView(page, page.getByRole('button', { name: /Đóng quầy/ }));
  await page.screenshot({ path: `${shots}/workstation-1366-serving.png` });
  await page.getByRole('button', { name: /Hoàn thành/ }).click();
  await expect(page.getByTestId('current-code')).toHaveCount(0);
  expect((await callNext.boundingBox())!.y).toBe(before1.y);
  expect(await page.evaluate('window.scrollY')).toBe(0);
  expect(errors).toEqual([]);
});

test('a center manager lands on the live board, not the system status page', async ({ page }) => {
  await signIn(page, 'quanly.anxuyen');
  await expect(page).toHaveURL(/\/backoffice\/live\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/^Điều hành trực tiếp · Ngày/)).toBeVisible();
  await expect(page.getByText('PostgreSQL')).toHaveCount(0);

  // On a 1920 px screen the counters stretch across the board instead of leaving half of it empty.
  await page.setViewportSize({ width: 1920, height: 1080 });
  const counters = page.getByTestId('live-counters');
  await expect(counters.locator('li').first()).toBeVisible();
  const list = (await counters.boundingBox())!;
  const last = (await counters.locator('li').last().boundingBox())!;
  expect(last.x + last.width).toBeGreaterThan(list.x + list.width - 20);
  await page.screenshot({ path: `${shots}/live-board-1920.png` });
});
