import { expect, test, type Page } from '@playwright/test';
import { shots, signIn } from './support.js';

interface Board {
  counters: Array<{ id: string; label: string; number: number; state: string; pauseReason: string | null; current: { status: string } | null }>;
}
const board = async (page: Page, centerId: string) => (await (await page.request.get(`/api/centers/${centerId}/live`)).json()) as Board;

// #18 item 9: a counter paused with a reason, from the live board (manager) and from the workstation; the board and the hall say why.
test('a manager pauses a counter "Họp" from the live board, the hall display says so, and the workstation pauses with its own reason', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await signIn(page, 'quanly.tanthanh');
  await expect(page).toHaveURL(/\/backoffice\/live\/[0-9a-f-]{36}$/);
  const centerId = page.url().split('/live/')[1]!;

  // A counter with nothing in hand, opened for the test; its state is put back at the end.
  const start = await board(page, centerId);
  const counter = start.counters.find((k) => !k.current)!;
  expect(counter, 'a counter with nothing in hand').toBeDefined();
  expect((await page.request.post(`/api/counters/${counter.id}/state`, { data: { state: 'open' } })).status()).toBe(200);
  await page.reload();

  const card = page.locator(`li[data-counter="${counter.label}"]`);
  await expect(card.getByTestId('live-counter-state')).toHaveText('Đang mở');
  await card.getByLabel('Lý do').selectOption('Họp');
  await card.getByTestId('live-pause-counter').click();
  await expect(card.getByTestId('live-counter-state')).toHaveText('Tạm dừng — Họp');
  expect((await board(page, centerId)).counters.find((k) => k.id === counter.id)).toMatchObject({ state: 'paused', pauseReason: 'Họp' });
  await page.screenshot({ path: `${shots}/live-board-1920-paused.png` });

  // The hall display names the paused counter and why.
  const tv = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await tv.goto(`/display/${centerId}?sound=off`);
  await expect(tv.getByTestId(`paused-${counter.number}`)).toHaveText(`Quầy ${counter.number}: Tạm dừng — Họp`);
  await tv.screenshot({ path: `${shots}/display-1920-paused.png` });

  // Opening it from the board clears the reason, on the board and in the hall (the display refetches on the counter event).
  await card.getByTestId('live-open-counter').click();
  await expect(card.getByTestId('live-counter-state')).toHaveText('Đang mở');
  await expect(tv.getByTestId(`paused-${counter.number}`)).toHaveCount(0, { timeout: 10_000 });
  await tv.close();

  // At the workstation (the manager steps in): another reason typed by hand; a paused counter cannot call.
  await page.setViewportSize({ width: 1366, height: 768 });
  await card.getByRole('link', { name: counter.label }).click();
  await expect(page).toHaveURL(new RegExp(`/backoffice/counter/${counter.id}$`));
  await expect(page.getByTestId('counter-state')).toHaveText('Đang mở');
  await page.getByLabel('Lý do', { exact: true }).selectOption({ label: 'Lý do khác…' });
  await page.getByTestId('pause-reason-other').fill('Tập huấn phần mềm');
  await page.getByRole('button', { name: /Tạm dừng quầy/ }).click();
  await expect(page.getByTestId('counter-state')).toHaveText('Tạm dừng — Tập huấn phần mềm');
  await expect(page.getByRole('button', { name: /Gọi số tiếp/ })).toBeDisabled();
  await page.screenshot({ path: `${shots}/workstation-1366-paused.png` });
  await page.getByRole('button', { name: /Mở quầy/ }).click();
  await expect(page.getByTestId('counter-state')).toHaveText('Đang mở');
  expect((await board(page, centerId)).counters.find((k) => k.id === counter.id)).toMatchObject({ state: 'open', pauseReason: null });

  const back = counter.state === 'serving' ? 'open' : counter.state;
  if (back !== 'open') expect((await page.request.post(`/api/counters/${counter.id}/state`, { data: { state: back } })).status()).toBe(200);
});
