import { expect, test } from '@playwright/test';
import { account, shots, signIn } from './support.js';

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** The next working day in the centers' time zone (the demo calendar's holidays aside), where the board opens. */
const tomorrow = () => {
  let d = addDays(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()), 1);
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
};

test('a manager builds the next working day’s board by dragging; it persists, and warns about a missing skill', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, 'quanly.anxuyen');
  await page.getByRole('link', { name: 'Phân công quầy' }).click();
  await expect(page.getByTestId('board-date')).toHaveValue(tomorrow());
  await expect(page.getByRole('status').filter({ hasText: 'Trực tuyến' })).toBeVisible();

  await page.getByTestId('person-canbo.anxuyen1').dragTo(page.getByTestId('counter-2'));
  await expect(page.getByTestId('counter-2').getByTestId('placed-canbo.anxuyen1')).toBeVisible();
  await page.getByTestId('person-canbo.anxuyen2').dragTo(page.getByTestId('counter-3'));
  await expect(page.getByTestId('counter-3').getByTestId('placed-canbo.anxuyen2')).toBeVisible();
  // The specialist has no counter skill: the board still places them, and says so on the card.
  await page.getByTestId('person-chuyenvien.anxuyen').dragTo(page.getByTestId('counter-1'));
  await expect(page.getByTestId('counter-1').getByRole('note')).toContainText('Thiếu kỹ năng: ');
  await page.screenshot({ path: `${shots}/assignment-board-tomorrow.png`, fullPage: true });

  await page.reload();
  await expect(page.getByTestId('board-date')).toHaveValue(tomorrow());
  await expect(page.getByTestId('counter-2').getByTestId('placed-canbo.anxuyen1')).toBeVisible();
  await expect(page.getByTestId('counter-3').getByTestId('placed-canbo.anxuyen2')).toBeVisible();
  await expect(page.getByTestId('counter-1').getByTestId('placed-chuyenvien.anxuyen')).toBeVisible();
  await expect(page.getByTestId('board-pool').locator('article')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the keyboard way: pick a counter on the card and press Enter; free a counter; copy the last working day', async ({ page }) => {
  await signIn(page, 'quanly.anxuyen');
  await page.goto(`/backoffice/assignments?date=${tomorrow()}`);
  await page.getByTestId('counter-2').getByRole('button', { name: 'Để trống quầy' }).click();
  const card = page.getByTestId('person-canbo.anxuyen1');
  await expect(card).toBeVisible();
  await card.getByRole('combobox').selectOption({ label: 'Quầy 3' });
  await card.getByRole('combobox').press('Enter');
  // Whoever held the counter goes back to the pool.
  await expect(page.getByTestId('counter-3').getByTestId('placed-canbo.anxuyen1')).toBeVisible();
  await expect(page.getByTestId('person-canbo.anxuyen2')).toBeVisible();

  // "Copy the last working day" onto the (empty) working day after brings this board over.
  let after = addDays(tomorrow(), 1);
  while ([0, 6].includes(new Date(`${after}T00:00:00Z`).getUTCDay())) after = addDays(after, 1);
  await page.getByTestId('board-date').fill(after);
  await expect(page.getByTestId('counter-3').getByText('Kéo cán bộ vào đây')).toBeVisible();
  await page.getByRole('button', { name: 'Chép ngày làm việc trước' }).click();
  // The specialist has none of Quầy 1's skills: the copy leaves them out and says why.
  await expect(page.getByTestId('copy-result')).toContainText('Đã chép 1 phân công');
  await expect(page.getByTestId('copy-result')).toContainText('Bùi Quốc Khánh — Quầy 1: Thiếu kỹ năng: ');
  await expect(page.getByTestId('counter-3').getByTestId('placed-canbo.anxuyen1')).toBeVisible();
});

test('an officer’s “my counters” page lists exactly today’s counter, and follows the manager live', async ({ page, browser }) => {
  await signIn(page, 'canbo.anxuyen1');
  await page.getByRole('link', { name: 'Quầy của tôi hôm nay' }).click();
  const list = page.getByTestId('my-counters');
  // The demo seed puts this officer on Quầy 1 today; tomorrow’s board (Quầy 3) is not today’s.
  await expect(list.getByRole('link')).toHaveText(['Quầy 1']);
  await expect(list.getByRole('link')).toHaveAttribute('href', /\/counter\/[0-9a-f-]{36}$/);
  // The shift is said, so a morning-only officer knows the afternoon is someone else's.
  await expect(list.getByRole('listitem')).toContainText(['Cả ngày']);
  await page.screenshot({ path: `${shots}/my-counters-today.png`, fullPage: true });

  // The manager moves the officer to Quầy 2 for today, from another browser: the page follows without a reload.
  const manager = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  try {
    const api = manager.request;
    expect((await api.post('/api/auth/sign-in', { data: { username: 'quanly.anxuyen', password: account('quanly.anxuyen').password } })).status()).toBe(200);
    const me = await (await api.get('/api/auth/me')).json();
    const center = await (await api.get(`/api/centers/${me.homeCenterId}`)).json();
    const officer = (await (await api.get('/api/staff')).json()).find((s: { username: string }) => s.username === 'canbo.anxuyen1');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const counter2 = center.counters.find((c: { number: number }) => c.number === 2);
    expect((await api.put(`/api/centers/${center.id}/assignments`, { data: { date: today, counterId: counter2.id, staffId: officer.id, replace: true } })).status()).toBe(200);
    await expect(list.getByRole('link')).toHaveText(['Quầy 2']);
    // Back to the demo seed's board, which other browser tests rely on.
    const counter1 = center.counters.find((c: { number: number }) => c.number === 1);
    expect((await api.put(`/api/centers/${center.id}/assignments`, { data: { date: today, counterId: counter1.id, staffId: officer.id, replace: true } })).status()).toBe(200);
    await expect(list.getByRole('link')).toHaveText(['Quầy 1']);
  } finally {
    await manager.close();
  }
});
