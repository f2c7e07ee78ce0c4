import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import postgres from 'postgres';
import { account, shots, signIn } from './support.js';

const PHONE = { width: 390, height: 844 };
type Citizen = { idNumber: string; name: string; password: string };
const citizens = (): Citizen[] => JSON.parse(process.env.E2E_CITIZENS ?? '[]');

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Through the local identity provider's form, as the citizen types it. */
async function citizenSignIn(page: Page, citizen: Citizen): Promise<void> {
  await page.goto('/portal');
  await page.getByTestId('portal-sign-in').click();
  await page.getByLabel('Số định danh cá nhân / ID number').fill(citizen.idNumber);
  await page.getByLabel('Mật khẩu / Password').fill(citizen.password);
  await page.getByRole('button', { name: 'Đăng nhập / Sign in' }).click();
  await expect(page).toHaveURL(/\/portal$/);
}

/** A dossier received at the counter for the citizen, through the API (the officer's UI has its own tests). */
async function receivedFor(citizen: Citizen, request: import('@playwright/test').APIRequestContext, sql: postgres.Sql) {
  const [center] = await sql`select id from centers where code = 'TT-32002'`;
  const [procedure] = await sql`select id from procedures where code = 'CTR-TT'`;
  const [unit] = await sql`select id from administrative_units where code = '32002'`;
  expect((await request.post('/api/auth/sign-in', { data: account('canbo.anxuyen1') })).status()).toBe(200);
  const created = await request.post(`/api/centers/${center!.id}/dossiers`, { data: { procedureId: procedure!.id, applicant: { name: citizen.name, phone: '0987650000', idNumber: citizen.idNumber }, applicantUnitId: unit!.id, outcome: { kind: 'accept' } } });
  expect(created.status()).toBe(201);
  return (await created.json()) as { id: string; code: string };
}

async function onePagePdf(name: string): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const file = path.join(os.tmpdir(), `${name}-${Date.now()}.pdf`);
  writeFileSync(file, await pdf.save());
  return file;
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

test('a citizen answers a supplement request on a phone: refused while a paper is missing, then done; the officer sees it on the control slip', async ({ page, request }) => {
  // Two sign-ins (citizen, then officer) and an upload through the file checks: a long path.
  test.slow();
  const errors = watchErrors(page);
  const citizen = citizens()[0]!;
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const d = await receivedFor(citizen, request, sql);
  const [first] = await sql`select name from dossier_documents where dossier_id = ${d.id} and kind = 'component' and component_index = 0`;
  // The state "request_supplement" leaves, written directly (the processing flow has its own tests).
  await sql`update dossiers set status = 'awaiting_supplement', paused_since = now() - interval '1 day', supplement_count = 1 where id = ${d.id}`;
  await sql`insert into dossier_events (dossier_id, kind, from_status, to_status, at, data) values (${d.id}, 'supplement_requested', 'in_process', 'awaiting_supplement', now() - interval '1 day', ${sql.json({ missingItems: [first!.name] })})`;
  await sql.end();

  await page.setViewportSize(PHONE);
  await citizenSignIn(page, citizen);
  await page.goto(`/portal/dossiers/${encodeURIComponent(d.code)}`);
  await expect(page.getByTestId('portal-dossier-status')).toHaveText('Chờ bạn bổ sung giấy tờ');
  await expect(page.getByTestId('portal-asked')).toContainText(first!.name);
  await page.getByTestId('portal-supplement-done').click();
  await expect(page.getByTestId('portal-supplement-error')).toContainText(`Chưa bổ sung đủ: ${first!.name}`);

  const component = page.getByTestId('portal-component-0');
  await component.locator('input[type=file]').setInputFiles(await onePagePdf('bo-sung'));
  await expect(component).toContainText('Đã có tệp');
  await page.getByLabel('Ghi chú (cách bạn đã bổ sung những mục không có tệp, không bắt buộc)').fill('Bản chụp rõ hơn');
  await page.getByTestId('portal-supplement-done').click();
  await expect(page.getByTestId('portal-dossier-status')).toHaveText('Đang giải quyết');
  await expect(page.getByTestId('portal-supplement-resumed')).toBeVisible();
  await expect(page.getByTestId('portal-asked')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/portal-supplement-done.png`, fullPage: true });

  await signIn(page, 'canbo.anxuyen1');
  await page.goto(`/backoffice/dossiers/${d.id}`);
  const row = page.getByTestId('timeline').getByRole('row').filter({ hasText: 'Nhận bổ sung' });
  await expect(row).toContainText('Công dân (qua cổng)');
  await expect(row).toContainText('Bản chụp rõ hơn');
  expect(errors).toEqual([]);
});

test('a citizen follows a dossier on a phone from received to resolved and downloads its signed result', async ({ page, request }) => {
  test.slow();
  const errors = watchErrors(page);
  const citizen = citizens()[0]!;
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const d = await receivedFor(citizen, request, sql);
  await sql.end();
  await page.setViewportSize(PHONE);
  await citizenSignIn(page, citizen);
  await page.goto(`/portal/dossiers/${encodeURIComponent(d.code)}`);
  await expect(page.getByTestId('portal-dossier-status')).toHaveText('Đã tiếp nhận');

  // The specialist takes it and resolves it (API: the backoffice has its own tests); the worker renders and signs the e-result.
  expect((await request.post('/api/auth/sign-in', { data: account('chuyenvien.anxuyen') })).status()).toBe(200);
  expect((await request.post(`/api/dossiers/${d.id}/actions`, { data: { action: 'assign' } })).status()).toBe(200);
  expect((await request.post(`/api/dossiers/${d.id}/actions`, { data: { action: 'resolve', outcome: 'approved', documents: [{ name: 'Giấy xác nhận thông tin cư trú' }] } })).status()).toBe(200);
  // The receipt (Mẫu 01) is signed too: wait for the e-result by its name.
  const signed = page.locator('.downloads li', { hasText: 'Kết quả điện tử' }).filter({ hasText: 'có chữ ký số' });
  await expect.poll(async () => (await page.reload(), signed.count()), { timeout: 60_000, intervals: [1000] }).toBeGreaterThan(0);
  await expect(page.getByTestId('portal-dossier-status')).toHaveText('Đã có kết quả, mời nhận');
  await page.screenshot({ path: `${shots}/portal-result-phone.png`, fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), signed.first().getByRole('link').click()]);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // A PAdES signature: the signed byte range and the CMS container are in the file the citizen got.
  expect(pdf.includes('/ByteRange')).toBe(true);
  expect(pdf.includes('/adbe.pkcs7.detached') || pdf.includes('/ETSI.CAdES.detached')).toBe(true);
  expect(errors).toEqual([]);
});

test('a citizen rates a returned dossier once from the phone', async ({ page, request }) => {
  const errors = watchErrors(page);
  const citizen = citizens()[0]!;
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const d = await receivedFor(citizen, request, sql);
  // Resolved and handed over, written directly (those steps have their own tests).
  await sql`update dossiers set status = 'returned', resolved_at = now(), returned_at = now() where id = ${d.id}`;
  await sql`insert into dossier_events (dossier_id, kind, from_status, to_status, at) values (${d.id}, 'resolved', 'in_process', 'resolved', now()), (${d.id}, 'returned', 'resolved', 'returned', now() + interval '1 second')`;

  await page.setViewportSize(PHONE);
  await citizenSignIn(page, citizen);
  await page.goto(`/portal/dossiers/${encodeURIComponent(d.code)}`);
  await expect(page.getByTestId('portal-dossier-status')).toHaveText('Đã trả kết quả');
  const form = page.getByTestId('portal-rate');
  await form.getByTestId('portal-rate-send').click();
  await expect(form.getByRole('alert')).toHaveText('Hãy chọn một mức đánh giá');
  await form.getByLabel('Hài lòng', { exact: true }).check();
  await form.getByLabel('Góp ý (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình');
  await form.getByTestId('portal-rate-send').click();
  await expect(page.getByTestId('portal-rated')).toContainText('Bạn đã đánh giá: Hài lòng');
  await expect(page.getByTestId('portal-rate')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/portal-rated.png`, fullPage: true });
  // Once per dossier: after a reload there is nothing more to rate.
  await page.reload();
  await expect(page.getByTestId('portal-rated')).toContainText('Cán bộ hướng dẫn tận tình');
  await expect(page.getByTestId('portal-rate')).toHaveCount(0);
  expect(await sql`select level from ratings where dossier_id = ${d.id}`).toEqual([{ level: 'satisfied' }]);
  await sql.end();
  expect(errors).toEqual([]);
});

test('a citizen submits online on a phone reusing a paper digitised for an earlier dossier instead of uploading it', async ({ page }) => {
  const errors = watchErrors(page);
  const citizen = citizens()[0]!;
  await page.setViewportSize(PHONE);
  await citizenSignIn(page, citizen);
  // An earlier online dossier with its first paper digitised, through the citizen's own API session.
  const procedures = (await (await page.request.get('/api/citizen/procedures')).json()) as Array<{ id: string; code: string; centers: Array<{ id: string }>; checklist: Array<{ name: { vi: string } }> }>;
  const procedure = procedures.find((p) => p.code === 'CTR-XN')!;
  const earlier = await page.request.post('/api/citizen/dossiers', { data: { procedureId: procedure.id, receivingCenterId: procedure.centers[0]!.id, idempotencyKey: `e2e-reuse-${Date.now()}` } });
  expect(earlier.status()).toBe(200);
  const { code } = (await earlier.json()) as { code: string };
  const pdf = await PDFDocument.create();
  pdf.addPage();
  pdf.addPage();
  const up = await page.request.post(`/api/citizen/dossiers/${code}/components/0/file`, { multipart: { file: { name: 'cccd.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdf.save()) } } });
  expect(up.status()).toBe(201);

  await page.goto('/portal/submit');
  await page.getByLabel('Thủ tục').selectOption({ label: 'Xác nhận thông tin về cư trú (Toàn trình)' });
  const pick = page.getByLabel(`Dùng lại tệp đã số hóa cho “${procedure.checklist[0]!.name.vi}”`);
  await expect(pick).toBeVisible();
  const option = pick.locator('option', { hasText: `Tệp của hồ sơ ${code} (2 trang` });
  await pick.selectOption((await option.getAttribute('value'))!);
  await page.screenshot({ path: `${shots}/portal-submit-reuse.png`, fullPage: true });
  await page.getByTestId('portal-submit').click();
  await expect(page.getByTestId('portal-receipt')).toContainText('Đã nộp hồ sơ');
  await page.getByTestId('portal-open-receipt').click();
  // Attached by reference: no upload needed.
  await expect(page.getByTestId('portal-component-0')).toContainText('Đã có tệp');
  expect(errors).toEqual([]);
});
