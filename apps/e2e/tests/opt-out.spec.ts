import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { shots } from './support.js';

const PHONE = { width: 390, height: 844 };

test('the opt-out link opens a confirmation page on a phone: opening it changes nothing, the button stops the messages', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const token = `e2e-opt-out-${Date.now()}-abcdefgh`;
  try {
    await sql`insert into citizen_contacts (contact, opt_out_token) values (${`phone:8497${String(Date.now()).slice(-7)}`}, ${token})`;
    const optedOutAt = async () => (await sql`select opted_out_at from citizen_contacts where opt_out_token = ${token}`)[0]!.opted_out_at;
    await page.setViewportSize(PHONE);
    await page.goto(`/opt-out/${token}`);
    await expect(page.getByRole('heading', { name: 'Dừng nhận tin nhắn' })).toBeVisible();
    await expect(page.getByText(/gửi đến số điện thoại 097\*{4}\d{3}\?/)).toBeVisible();
    await page.screenshot({ path: `${shots}/opt-out-confirm.png`, fullPage: true });
    // Loading the page (as a link preview would) did not opt out.
    expect(await optedOutAt()).toBeNull();

    await page.getByTestId('optout-confirm').click();
    await expect(page.getByTestId('optout-result')).toContainText('Đã dừng gửi tin nhắn đến 097****');
    expect(await optedOutAt()).not.toBeNull();
    await page.screenshot({ path: `${shots}/opt-out-done.png`, fullPage: true });

    // Opened again, in English: already used, nothing to confirm.
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Stop messages' })).toBeVisible();
    await expect(page.getByTestId('optout-result')).toContainText('This link has been used');
    await expect(page.getByTestId('optout-confirm')).toHaveCount(0);
    await page.screenshot({ path: `${shots}/opt-out-already-en.png`, fullPage: true });

    await page.goto(`/opt-out/${'x'.repeat(24)}`);
    await expect(page.getByTestId('optout-not-found')).toContainText('This link is wrong or no longer valid');
    expect(errors).toEqual([]);
  } finally {
    await sql`delete from citizen_contacts where opt_out_token = ${token}`;
    await sql.end();
  }
});
