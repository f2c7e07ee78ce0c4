import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { account, shots } from './support.js';

/**
 * A citizen on a phone pays a dossier's fee: tracking page → "Thanh toán trực tuyến" → the pay
 * page → the local VNPay sandbox's page → "Thanh toán" → back on the result page, paid; the
 * tracking page then offers nothing more to pay.
 */
test('a citizen on a phone pays the fee of a dossier in the sandbox gateway', async ({ browser, request }) => {
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const [center] = await sql`select id from centers where code = 'TT-32002'`;
  const [procedure] = await sql`select id from procedures where code = 'CTR-TT'`;
  const [unit] = await sql`select id from administrative_units where code = '32002'`;
  await sql.end();
  // The dossier is received at the counter by an officer (through the API: the UI under test is the citizen's).
  const officer = account('canbo.anxuyen1');
  expect((await request.post('/api/auth/sign-in', { data: officer })).status()).toBe(200);
  const created = await request.post(`/api/centers/${center!.id}/dossiers`, { data: { procedureId: procedure!.id, applicant: { name: 'Trần Văn Phí', phone: '0987654321' }, applicantUnitId: unit!.id, outcome: { kind: 'accept' } } });
  expect(created.status()).toBe(201);
  const { code } = (await created.json()) as { code: string };

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`/track?code=${encodeURIComponent(code)}`);
  await page.getByLabel('4 số cuối điện thoại').fill('4321');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByTestId('tracking')).toBeVisible();
  await page.getByTestId('pay-online').click();

  await expect(page).toHaveURL(new RegExp(`/pay/${code.replace(/\./g, '\\.')}$`));
  await expect(page.getByTestId('pay-amount')).toHaveText('20.000 đ');
  await expect(page.getByText('Phí, lệ phí giải quyết thủ tục')).toBeVisible();
  await page.screenshot({ path: `${shots}/citizen-pay-phone.png`, fullPage: true });
  await page.getByTestId('pay-button').click();

  // The sandbox gateway's page.
  await expect(page.getByTestId('sandbox-amount')).toHaveText(/20\.000/);
  await page.getByRole('button', { name: 'Thanh toán' }).click();

  await expect(page).toHaveURL(/\/pay\/result\?/);
  await expect(page.getByTestId('pay-result')).toHaveAttribute('data-outcome', 'paid');
  await expect(page.getByText('Thanh toán thành công')).toBeVisible();
  await page.screenshot({ path: `${shots}/citizen-pay-result-phone.png`, fullPage: true });

  // Back on the pay page (digits asked again when opened directly): nothing due, the attempt is listed with its receipt number.
  await page.goto(`/pay/${encodeURIComponent(code)}`);
  await page.getByLabel('4 số cuối điện thoại đã đăng ký').fill('4321');
  await page.getByRole('button', { name: 'Xem khoản cần nộp' }).click();
  await expect(page.getByTestId('pay-nothing')).toBeVisible();
  await expect(page.getByText('Đã thanh toán')).toBeVisible();
  await context.close();
});
