import { expect, test } from '@playwright/test';
import { shots, signIn } from './support.js';

test.use({ viewport: { width: 1366, height: 768 } });

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** Monday of the week `weeks` after this one, in the centers' time zone: far enough ahead that other tests' boards stay apart. */
const mondayIn = (weeks: number) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  return addDays(today, 1 - weekday + 7 * weeks);
};
const dm = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}`;

test('a manager plans a week in the grid: copy last week, edit a few cells, save once; a clash is refused in words; reload shows the plan', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, 'quanly.anxuyen');

  // Last week's plan, saved through the API: the source of the copy.
  const source = mondayIn(1);
  const target = mondayIn(2);
  const api = page.request;
  const me = await (await api.get('/api/auth/me')).json();
  const grid = await (await api.get(`/api/centers/${me.homeCenterId}/assignments/week?start=${source}`)).json();
  const id = (username: string) => grid.staff.find((s: { username: string }) => s.username === username).id as string;
  const counter = (n: number) => grid.counters.find((c: { number: number }) => c.number === n).id as string;
  // Working days only (a holiday such as 1 January may fall in either week).
  const weekdays = (grid.days as Array<{ date: string; workingDay: boolean }>).filter((d) => d.workingDay).map((d) => d.date);
  const targetDays = ((await (await api.get(`/api/centers/${me.homeCenterId}/assignments/week?start=${target}`)).json()).days as Array<{ date: string; weekday: number; workingDay: boolean }>).filter((d) => d.workingDay);
  const names = ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'];
  const plan = weekdays.flatMap((date) => [
    { staffId: id('canbo.anxuyen1'), counterId: counter(1), date, shift: 'all_day' },
    { staffId: id('canbo.anxuyen2'), counterId: counter(2), date, shift: 'morning' },
    { staffId: id('canbo.anxuyen2'), counterId: counter(3), date, shift: 'afternoon' },
    { staffId: id('chuyenvien.anxuyen'), counterId: counter(3), date, shift: 'morning' },
  ]);
  expect((await api.put(`/api/centers/${me.homeCenterId}/assignments/week`, { data: { start: source, assignments: plan } })).status()).toBe(200);

  await page.getByRole('link', { name: 'Phân công quầy' }).click();
  await expect(page.getByTestId('board-day')).toHaveText(/^Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy), \d{2}\/\d{2}\/\d{4}$/);
  await page.getByRole('button', { name: 'Theo tuần' }).click();
  // Straight to the target week through the address, as a bookmark would.
  await page.goto(`/backoffice/assignments?view=week&week=${target}`);
  await expect(page.getByTestId('week-range')).toContainText(`Tuần ${dm(target)} –`);
  const grid5 = page.getByTestId('week-grid');
  await expect(grid5.locator('thead th')).toHaveText(['Cán bộ', ...targetDays.map((d) => `${names[d.weekday]} ${dm(d.date)}`)]);

  await page.getByRole('button', { name: 'Chép lịch tuần trước' }).click();
  // Three people a working day (the center's calendar decides which days work, weekends included).
  await expect(page.getByTestId('week-note')).toContainText(`Đã chép ${3 * weekdays.length} ô từ tuần trước (chưa lưu).`);
  const cell = (username: string, day: number) => page.getByTestId(`cell-${username}-${addDays(target, day)}`);
  await expect(cell('canbo.anxuyen2', 2).locator('[data-role=counter]')).toHaveValue(counter(2));
  await expect(cell('canbo.anxuyen2', 2).locator('[data-role=other]')).toHaveValue(counter(3));

  // A clash: the specialist on Quầy 1 on Monday, where Huỳnh Văn Dũng is all day. The API refuses it in words (rows go by name: Bùi before Huỳnh).
  await cell('chuyenvien.anxuyen', 0).locator('[data-role=counter]').selectOption({ label: 'Quầy 1' });
  await cell('chuyenvien.anxuyen', 0).locator('[data-role=shift]').selectOption({ label: 'Cả ngày' });
  await page.getByRole('button', { name: 'Lưu cả tuần' }).click();
  await expect(page.getByRole('alert')).toContainText(`Lịch tuần bị trùng: Quầy 1 có cả Bùi Quốc Khánh (cả ngày) và Huỳnh Văn Dũng (cả ngày) ngày ${dm(target)}/${target.slice(0, 4)}`);

  // Edits, by keyboard: the specialist back to Quầy 3 in the morning; Friday afternoon Dũng moves to Quầy 2; Thursday the specialist is off.
  const mondayCounter = cell('chuyenvien.anxuyen', 0).locator('[data-role=counter]');
  await mondayCounter.focus();
  await mondayCounter.selectOption({ label: 'Quầy 3' });
  await page.keyboard.press('Tab');
  await expect(cell('chuyenvien.anxuyen', 0).locator('[data-role=shift]')).toBeFocused();
  await cell('chuyenvien.anxuyen', 0).locator('[data-role=shift]').selectOption({ label: 'Sáng' });
  await cell('canbo.anxuyen1', 4).locator('[data-role=shift]').selectOption({ label: 'Sáng' });
  await cell('canbo.anxuyen1', 4).locator('[data-role=other]').selectOption({ label: 'Quầy 2' });
  await cell('chuyenvien.anxuyen', 3).locator('[data-role=counter]').selectOption({ label: '— Không xếp —' });
  await expect(page.getByText('Có thay đổi chưa lưu')).toBeVisible();
  await page.getByRole('button', { name: 'Lưu cả tuần' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu lịch tuần.' })).toBeAttached();
  await expect(page.getByText('Có thay đổi chưa lưu')).toBeHidden();
  // The specialist has no skill for Quầy 3's services: each planned day says which are missing.
  await expect(cell('chuyenvien.anxuyen', 0).getByRole('note')).toContainText('Quầy 3: Thiếu kỹ năng: ');
  await page.screenshot({ path: `${shots}/assignment-board-week.png` });

  await page.reload();
  await expect(cell('canbo.anxuyen1', 4).locator('[data-role=shift]')).toHaveValue('morning');
  await expect(cell('canbo.anxuyen1', 4).locator('[data-role=other]')).toHaveValue(counter(2));
  await expect(cell('canbo.anxuyen1', 3).locator('[data-role=counter]')).toHaveValue(counter(1));
  await expect(cell('chuyenvien.anxuyen', 3).locator('[data-role=counter]')).toHaveValue('');
  await expect(cell('chuyenvien.anxuyen', 0).locator('[data-role=shift]')).toHaveValue('morning');
  const saved = await (await api.get(`/api/centers/${me.homeCenterId}/assignments/week?start=${target}`)).json();
  // Four rows a working day last week; the specialist's Thursday goes, Dũng's Friday becomes two halves.
  expect(saved.assignments).toHaveLength(4 * weekdays.length);
  expect(errors).toEqual([]);
});
