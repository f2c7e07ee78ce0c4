import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { shots, signIn } from './support.js';

test('a province admin edits a citizen message template: placeholders are checked beside the field, the preview follows, the edit is marked', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await signIn(page, 'tinh.quantri');
  await page.getByRole('link', { name: 'Mẫu tin gửi công dân' }).click();
  await expect(page.getByRole('heading', { name: 'Mẫu tin nhắn gửi công dân' })).toBeVisible();
  await page.getByTestId('ct-event').selectOption({ label: 'Đã có kết quả' });
  await page.getByTestId('ct-channel-sms').check();
  const preview = page.getByTestId('ct-preview');
  await expect(preview).toContainText('Ho so H12.32002-261201-0001 da co ket qua');

  const body = page.getByTestId('ct-body');
  await body.fill('Ho so {{code}} co ket qua, hen {{dueDate}}.');
  await page.getByTestId('ct-save').click();
  await expect(page.getByTestId('ct-body-error')).toContainText('{{dueDate}}');
  await expect(body).toHaveAttribute('aria-invalid', 'true');

  await body.fill('Ho so {{code}} da co ket qua. Moi nhan tai ');
  await page.getByRole('button', { name: '{{returnPoint}}' }).click();
  await expect(body).toHaveValue('Ho so {{code}} da co ket qua. Moi nhan tai {{returnPoint}}');
  await expect(preview).toContainText('Moi nhan tai Trung tâm Phục vụ hành chính công phường An Xuyên');
  await expect(preview).toContainText('Huy nhan tin:');
  await page.getByTestId('ct-save').click();
  await expect(page.getByText('Đã lưu mẫu.')).toBeVisible();
  await expect(page.getByTestId('ct-channel-sms').locator('..')).toContainText('Đã sửa');
  await page.screenshot({ path: `${shots}/backoffice-citizen-templates.png`, fullPage: true });

  // English email of the same event: subject and body, with its own default.
  await page.getByTestId('ct-language').selectOption({ label: 'Tiếng Anh' });
  await page.getByTestId('ct-channel-email').check();
  await expect(page.getByLabel('Tiêu đề email')).toHaveValue('The result of dossier {{code}} is ready');
  await expect(preview).toContainText('Please collect it at An Xuyên public service center');

  await page.getByTestId('ct-language').selectOption({ label: 'Tiếng Việt' });
  await page.getByTestId('ct-channel-sms').check();
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('ct-reset').click();
  await expect(page.getByText('Đã dùng lại mẫu mặc định.')).toBeVisible();
  await expect(body).toHaveValue('Ho so {{code}} da co ket qua. Nhan tai {{returnPoint}}.');
});

test('a center manager reads the log of messages to citizens of their center only, with masked numbers and statuses', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const [mine] = await sql`select id from centers where code = 'TT-32002'`;
    const [other] = await sql`select id from centers where code = 'TT-32014'`;
    const row = (center: string, key: string, channel: string, status: string, target: string, attempts: number, error: string | null, reference: string) =>
      sql`insert into citizen_deliveries (event_key, event, channel, target, language, center_id, reference, body, status, attempts, last_error, delivered_at)
          values (${key}, 'result_ready', ${channel}, ${target}, 'vi', ${center}, ${reference}, 'Ho so da co ket qua', ${status}, ${attempts}, ${error}, ${status === 'sent' ? new Date() : null})`;
    await row(mine!.id, 'e2e-1', 'sms', 'sent', '0912345678', 3, null, 'H12.32002-261125-0007');
    await row(mine!.id, 'e2e-1', 'email', 'sent', 'lan.nguyen@example.vn', 1, null, 'H12.32002-261125-0007');
    await row(mine!.id, 'e2e-2', 'zalo', 'failed', '0987654321', 8, 'HTTP 500 from zalo-gw.example', 'H12.32002-261125-0008');
    await row(mine!.id, 'e2e-3', 'sms', 'opted_out', '0977888999', 0, null, 'H12.32002-261125-0009');
    await row(other!.id, 'e2e-4', 'sms', 'sent', '0911000111', 1, null, 'H12.32014-261125-0001');

    await signIn(page, 'quanly.anxuyen');
    await page.getByRole('link', { name: 'Tin đã gửi công dân' }).click();
    const table = page.getByTestId('cd-table');
    await expect(table.getByRole('row')).toHaveCount(5);
    await expect(table).toContainText('091****678');
    await expect(table).toContainText('l***@example.vn');
    await expect(table).toContainText('HTTP 500 from zalo-gw.example');
    await expect(table).not.toContainText('0912345678');
    await expect(table).not.toContainText('H12.32014');
    await page.screenshot({ path: `${shots}/backoffice-citizen-deliveries.png`, fullPage: true });
    await page.getByTestId('cd-status').selectOption({ label: 'Đã hủy nhận' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('H12.32002-261125-0009');
  } finally {
    await sql.end();
  }
});
