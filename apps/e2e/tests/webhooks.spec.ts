import { expect, test } from '@playwright/test';
import { shots, signIn } from './support.js';

test('a province admin points a unit’s alerts at a webhook: a bad address is refused beside the field, the key is shown once', async ({ page }) => {
  await signIn(page, 'tinh.quantri');
  await page.getByRole('link', { name: 'Webhook cảnh báo' }).click();
  await page.getByTestId('webhook-unit').selectOption({ label: 'Phường Tân Thành' });
  await expect(page.getByText('Đơn vị chưa có webhook nào')).toBeVisible();
  await page.getByLabel('Địa chỉ nhận (https://…)').fill('ftp://sai.example');
  await page.getByRole('button', { name: 'Thêm webhook' }).click();
  await expect(page.getByText('Địa chỉ phải bắt đầu bằng http:// hoặc https://')).toBeVisible();
  await page.getByLabel('Địa chỉ nhận (https://…)').fill('https://hooks.tanthanh.example/alerts');
  await page.getByRole('button', { name: 'Thêm webhook' }).click();
  await expect(page.getByTestId('webhook-secret')).toHaveText(/^[\w-]{43}$/);
  await expect(page.getByRole('cell', { name: 'https://hooks.tanthanh.example/alerts' })).toBeVisible();
  await page.screenshot({ path: `${shots}/backoffice-webhooks.png`, fullPage: true });
});
