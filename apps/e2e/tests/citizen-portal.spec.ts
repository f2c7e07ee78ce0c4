import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import postgres from 'postgres';
import { account, shots } from './support.js';

const PHONE = { width: 390, height: 844 };
type Citizen = { idNumber: string; name: string; password: string };
const citizens = (): Citizen[] => JSON.parse(process.env.E2E_CITIZENS ?? '[]');

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('a citizen signs in with the identity provider on a phone, sees "Hồ sơ của tôi", opens one and submits online with a PDF', async ({ page }) => {
  const errors = watchErrors(page);
  const citizen = citizens()[0]!;
  await page.setViewportSize(PHONE);
  await page.goto('/portal');
  await page.getByTestId('portal-sign-in').click();
  // The provider's page: ID number and password, as the citizen types them.
  await page.getByLabel('Số định danh cá nhân / ID number').fill(citizen.idNumber);
  await page.getByLabel('Mật khẩu / Password').fill(citizen.password);
  await page.getByRole('button', { name: 'Đăng nhập / Sign in' }).click();

  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { name: 'Hồ sơ của tôi' })).toBeVisible();
  await expect(page.getByTestId('portal-who')).toContainText(citizen.name);
  const items = page.getByTestId('portal-list').getByRole('link');
  await expect(items.first()).toBeVisible();
  await page.screenshot({ path: `${shots}/portal-list.png`, fullPage: true });

  await items.first().click();
  await expect(page.getByTestId('portal-dossier-code')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Quá trình giải quyết' })).toBeVisible();

  await page.goto('/portal/submit');
  await page.getByLabel('Thủ tục').selectOption({ label: 'Xác nhận thông tin về cư trú (Toàn trình)' });
  await page.getByTestId('portal-submit').click();
  const receipt = page.getByTestId('portal-receipt');
  await expect(receipt).toContainText('Đã nộp hồ sơ');
  await page.getByTestId('portal-open-receipt').click();
  await expect(page.getByTestId('portal-dossier-status')).toHaveText('Đã nộp, chờ tiếp nhận');
  await expect(page.getByText('Nộp với danh tính đã xác thực')).toBeVisible();

  const pdf = await PDFDocument.create();
  pdf.addPage();
  const file = path.join(os.tmpdir(), `to-khai-${Date.now()}.pdf`);
  writeFileSync(file, await pdf.save());
  const first = page.getByTestId('portal-component-0');
  await expect(first).toContainText('Chưa có tệp');
  await first.locator('input[type=file]').setInputFiles(file);
  await expect(first).toContainText('Đã có tệp');
  await page.screenshot({ path: `${shots}/portal-dossier.png`, fullPage: true });

  await page.goto('/portal');
  await page.getByTestId('portal-sign-out').click();
  await expect(page.getByTestId('portal-sign-in')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a signed-in citizen pays an obligation from the portal without typing phone digits', async ({ page, request }) => {
  const errors = watchErrors(page);
  const citizen = citizens()[0]!;
  // The officer receives the dossier through the API (the UI under test is the citizen's); the obligation is written directly, as the processing flow has its own tests.
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const [center] = await sql`select id from centers where code = 'TT-32002'`;
  const [procedure] = await sql`select id from procedures where code = 'CTR-TT'`;
  const [unit] = await sql`select id from administrative_units where code = '32002'`;
  expect((await request.post('/api/auth/sign-in', { data: account('canbo.anxuyen1') })).status()).toBe(200);
  const created = await request.post(`/api/centers/${center!.id}/dossiers`, { data: { procedureId: procedure!.id, applicant: { name: citizen.name, phone: '0987650000', idNumber: citizen.idNumber }, applicantUnitId: unit!.id, outcome: { kind: 'accept' } } });
  expect(created.status()).toBe(201);
  const { code } = (await created.json()) as { code: string };
  const [row] = await sql`update dossiers set status = 'awaiting_obligation' where code = ${code} returning id`;
  await sql`insert into dossier_events (dossier_id, kind, from_status, to_status, at, note, data) values (${row!.id}, 'obligation_notified', 'in_process', 'awaiting_obligation', now(), 'Nộp qua cổng thanh toán', ${sql.json({ amountVnd: 150000 })})`;
  await sql.end();

  await page.setViewportSize(PHONE);
  await page.goto('/portal');
  await page.getByTestId('portal-sign-in').click();
  await page.getByLabel('Số định danh cá nhân / ID number').fill(citizen.idNumber);
  await page.getByLabel('Mật khẩu / Password').fill(citizen.password);
  await page.getByRole('button', { name: 'Đăng nhập / Sign in' }).click();
  await expect(page).toHaveURL(/\/portal$/);

  await page.goto(`/portal/dossiers/${encodeURIComponent(code)}`);
  await page.getByTestId('portal-pay').click();
  await expect(page).toHaveURL(new RegExp(`/pay/${code.replace(/\./g, '\\.')}$`));
  // No phone field: the citizen session is the proof.
  await expect(page.getByTestId('pay-as-citizen')).toBeVisible();
  await expect(page.getByLabel('4 số cuối điện thoại đã đăng ký')).toHaveCount(0);
  await expect(page.getByTestId('pay-amount')).toHaveText('150.000 đ');
  await page.screenshot({ path: `${shots}/portal-pay-phone.png`, fullPage: true });
  await page.getByTestId('pay-button').click();
  // The sandbox gateway's page, then back paid.
  await expect(page.getByTestId('sandbox-amount')).toHaveText(/150\.000/);
  await page.getByRole('button', { name: 'Thanh toán' }).click();
  await expect(page).toHaveURL(/\/pay\/result\?/);
  await expect(page.getByTestId('pay-result')).toHaveAttribute('data-outcome', 'paid');
  expect(errors).toEqual([]);
});
