import { expect, test } from '@playwright/test';
import { shots, signIn } from './support.js';

test('a province admin declares a swapped day off: a missing name is refused beside the field, then the day is listed', async ({ page }) => {
  await signIn(page, 'tinh.quantri');
  await page.getByRole('link', { name: 'Lịch làm việc' }).click();
  const next = new Date().getFullYear() + 1;
  await page.getByTestId('calendar-year').selectOption(String(next));
  // The seed wrote next year's default holidays (Tết from the lunar calendar among them).
  await expect(page.getByRole('cell', { name: 'Tết Nguyên đán' }).first()).toBeVisible();
  await page.getByLabel('Ngày', { exact: true }).fill(`${next}-06-15`);
  await page.getByLabel('Loại').selectOption('day_off');
  await page.getByRole('button', { name: 'Lưu ngày này' }).click();
  await expect(page.getByText('Hãy ghi tên hoặc căn cứ (ví dụ: Nghỉ bù Quốc khánh)')).toBeVisible();
  await page.getByLabel('Tên hoặc căn cứ').fill('Nghỉ bù theo thông báo của Chính phủ');
  await page.getByRole('button', { name: 'Lưu ngày này' }).click();
  await expect(page.getByRole('cell', { name: 'Nghỉ bù theo thông báo của Chính phủ' })).toBeVisible();
  await page.screenshot({ path: `${shots}/backoffice-calendar.png`, fullPage: true });
});
