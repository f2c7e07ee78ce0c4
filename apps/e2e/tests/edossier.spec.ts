import { readFile } from 'node:fs/promises';
import { scanPng } from '@motcua/documents/testing';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { account, shots } from './support.js';

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await page.goto('/backoffice/sign-in');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(account(username).password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('link', { name: 'Hồ sơ', exact: true })).toBeVisible();
  return page;
}

test('an officer receives with a 2-page scan, a specialist resolves, the signed e-result is downloaded and /verify shows it valid', async ({ browser }) => {
  test.setTimeout(120_000);
  const officer = await signedIn(browser, 'canbo.anxuyen1');
  await officer.goto('/backoffice/dossiers/new');
  await officer.locator('#i-procedure').selectOption({ label: 'CTR-TT — Đăng ký thường trú' });
  await officer.locator('#i-name').fill('Trần Thị Số');
  await officer.locator('#i-phone').fill('0912000111');
  await officer.locator('#i-residence').selectOption({ label: 'Phường An Xuyên' });
  // The checklist of the procedure, as checkboxes, with the scan of the first paper (two page images).
  await expect(officer.getByTestId('intake-checklist')).toBeVisible();
  await officer.getByTestId('component-file-0').setInputFiles([
    { name: 'trang-1.png', mimeType: 'image/png', buffer: scanPng(60, 85, [240, 240, 240]) },
    { name: 'trang-2.png', mimeType: 'image/png', buffer: scanPng(60, 85, [200, 220, 240]) },
  ]);
  await expect(officer.getByTestId('component-0')).toBeChecked();
  await officer.screenshot({ path: `${shots}/edossier-intake-checklist.png`, fullPage: true });
  await officer.getByRole('button', { name: 'Ghi nhận' }).click();
  // Intake, scan upload and PDF assembly are several requests: on a busy machine they take more than the default 5 s.
  await expect(officer.getByTestId('dossier-code')).toHaveText(/^H12\.32002-\d{6}-\d{4}$/, { timeout: 30_000 });
  await expect(officer.getByTestId('component-row-0')).toContainText('2 trang');
  const code = (await officer.getByTestId('dossier-code').textContent())!.trim();
  const dossierUrl = officer.url();
  const id = dossierUrl.split('/').pop()!;

  // The specialist takes it and resolves it; the worker signs the e-result after the answer, and the open page shows it (dossier.updated).
  const specialist = await signedIn(browser, 'chuyenvien.anxuyen');
  expect((await specialist.request.post(`/api/dossiers/${id}/actions`, { data: { action: 'assign' } })).status()).toBe(200);
  expect((await specialist.request.post(`/api/dossiers/${id}/actions`, { data: { action: 'resolve', outcome: 'approved', documents: [{ name: 'Xác nhận đăng ký thường trú' }] } })).status()).toBe(200);
  await specialist.goto(dossierUrl);
  await expect(specialist.getByTestId('e-result-link')).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([specialist.waitForEvent('download'), specialist.getByTestId('e-result-link').click()]);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Anyone checks it on the public /verify page.
  const citizen = await browser.newPage();
  await citizen.goto('/verify');
  await citizen.getByTestId('verify-file').setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(citizen.getByTestId('verify-verdict')).toHaveText('Chữ ký số hợp lệ');
  await expect(citizen.getByTestId('verify-issued')).toContainText(code);
  await citizen.screenshot({ path: `${shots}/edossier-verify.png`, fullPage: true });
});
