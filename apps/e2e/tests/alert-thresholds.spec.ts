import { expect, test } from '@playwright/test';
import { account } from './support.js';

test('a commune leader adds an alert threshold, sees a field error beside the value, and deletes it', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto('/analytics/thresholds');
  await page.getByLabel('Tên đăng nhập').fill('lanhdao.anxuyen');
  await page.getByLabel('Mật khẩu').fill(account('lanhdao.anxuyen').password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Ngưỡng cảnh báo', level: 1 })).toBeVisible();
  await expect(page.getByTestId('threshold-unit')).toContainText('Phường An Xuyên');

  // A rate above 100 %: the server's message, beside the field.
  await page.getByLabel('Giá trị (%)').fill('120');
  await page.getByTestId('threshold-add').click();
  await expect(page.getByTestId('threshold-value-error')).toHaveText('Tỷ lệ phải từ 0 đến 100 (%)');

  await page.getByLabel('Giá trị (%)').fill('95');
  await page.getByTestId('threshold-add').click();
  await expect(page.getByTestId('threshold-notice')).toHaveText('Đã thêm ngưỡng.');
  const row = page.getByTestId('threshold-list').locator('tbody tr', { hasText: 'Tỷ lệ giải quyết đúng hạn (%) thấp hơn 95 % · Tháng này' });
  await expect(row).toBeVisible();

  // In English, then removed with the keyboard.
  await page.getByLabel('Ngôn ngữ').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Alert thresholds', level: 1 })).toBeVisible();
  const remove = page.getByRole('button', { name: /Delete threshold On-time resolution rate/ });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('threshold-notice')).toHaveText('Threshold deleted.');
  await expect(page.getByText('No thresholds for this unit yet.')).toBeVisible();
});
