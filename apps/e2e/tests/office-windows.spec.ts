import { expect, test } from '@playwright/test';
import { shots, signIn } from './support.js';

test('a province admin sets summer office hours: an overlapping window is refused beside the field, then the hours are saved and listed as upcoming', async ({ page }) => {
  await signIn(page, 'tinh.quantri');
  await page.getByRole('link', { name: 'Lịch làm việc' }).click();
  const panel = page.getByTestId('office-windows');
  await expect(panel.getByRole('heading', { name: 'Giờ làm việc (khung giờ hành chính)' })).toBeVisible();
  // Nothing set yet: the default hours are in force.
  await expect(panel.getByTestId('office-windows-in-force')).toContainText('07:30–11:30, 13:00–17:00');
  const next = new Date().getFullYear() + 1;
  await panel.getByLabel('Áp dụng từ ngày (hôm nay trở đi)').fill(`${next}-04-01`);
  await panel.locator('#ow-start-1').fill('11:00');
  await panel.locator('#ow-end-1').fill('17:30');
  await panel.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
  const error = panel.getByTestId('office-window-1-error');
  await expect(error).toContainText('khung giờ 2 phải bắt đầu từ 11:30 trở đi');
  await expect(panel.locator('#ow-start-1')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${shots}/backoffice-office-windows-error.png`, fullPage: true });

  await panel.locator('#ow-start-1').fill('13:30');
  await panel.getByLabel(/Ghi chú hoặc căn cứ/).fill('Giờ mùa hè');
  await panel.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
  await expect(panel.getByText('Đã lưu giờ làm việc')).toBeVisible();
  await expect(error).toHaveCount(0);
  const upcoming = panel.getByTestId('office-windows-upcoming');
  await expect(upcoming).toContainText(`Từ ${next}-04-01`);
  await expect(upcoming).toContainText('Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:30');
  await expect(upcoming).toContainText('Giờ mùa hè');
  // Still the default hours today.
  await expect(panel.getByTestId('office-windows-in-force')).toContainText('13:00–17:00');
  await page.screenshot({ path: `${shots}/backoffice-office-windows.png`, fullPage: true });
});
