import { expect, test } from '@playwright/test';
import { shots, signIn } from './support.js';

test('a manager adds a person (field errors first, then a temporary password shown once) and deactivates them', async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await signIn(page, 'quanly.anxuyen');
  await page.getByRole('link', { name: 'Cán bộ' }).click();
  await expect(page.getByTestId('staff-canbo.anxuyen1')).toBeVisible();
  await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill('x');
  await page.getByLabel('Email (nhận cảnh báo)').fill('not-an-email');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Tên đăng nhập 3–40 ký tự')).toBeVisible();
  await expect(page.getByText('Email không hợp lệ')).toBeVisible();
  await expect(page.getByText('Không được để trống')).toBeVisible();
  await page.screenshot({ path: `${shots}/staff-form-errors.png`, fullPage: true });

  await page.getByLabel('Tên đăng nhập', { exact: true }).fill('canbo.e2e');
  await page.getByLabel('Họ và tên').fill('Trần Văn Thử');
  await page.getByLabel('Email (nhận cảnh báo)').fill('');
  await page.getByRole('checkbox', { name: 'Hộ tịch' }).check();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('temporary-password').locator('code')).toHaveText(/^\S{10,}$/);
  await page.screenshot({ path: `${shots}/staff-temporary-password.png`, fullPage: true });

  const row = page.getByTestId('staff-canbo.e2e');
  await row.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await expect(row.getByText('Đã khóa')).toBeVisible();
});

test('a manager registers a display and sees its pairing code big, then revokes it', async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await signIn(page, 'quanly.anxuyen');
  await page.getByRole('link', { name: 'Màn hình và kiosk' }).click();
  await page.getByRole('button', { name: 'Lấy mã ghép nối' }).click();
  await expect(page.getByText('Không được để trống')).toBeVisible();
  await page.getByLabel('Tên thiết bị').fill('TV sảnh chính');
  await page.getByRole('button', { name: 'Lấy mã ghép nối' }).click();
  await expect(page.getByTestId('pairing-code').locator('.code')).toHaveText(/^[A-Z2-9]{8}$/);
  await page.screenshot({ path: `${shots}/device-pairing-code.png`, fullPage: true });
  await page.getByRole('row', { name: /TV sảnh chính/ }).getByRole('button', { name: 'Thu hồi' }).click();
  await expect(page.getByRole('row', { name: /TV sảnh chính/ }).getByText('Đã thu hồi')).toBeVisible();
});

// Reads the deactivation made by the first test of this file (tests of a file run in order, one worker).
test('a province admin reads the audit log: newest first, filtered by entity, with a before/after diff', async ({ page }) => {
  await signIn(page, 'tinh.quantri');
  await page.getByRole('link', { name: 'Nhật ký thay đổi' }).click();
  await page.getByTestId('audit-entity').selectOption('staff');
  const first = page.locator('.entry').first();
  await expect(first).toContainText('staff.deactivate');
  await first.getByRole('button').click();
  await expect(first.getByRole('row', { name: /active/ })).toContainText('true');
  await expect(first.getByRole('row', { name: /active/ })).toContainText('false');
  await page.screenshot({ path: `${shots}/audit-log.png`, fullPage: true });
});
