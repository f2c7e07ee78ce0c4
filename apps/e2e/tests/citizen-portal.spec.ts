import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { shots } from './support.js';

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
