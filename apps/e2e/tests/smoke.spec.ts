import { expect, test, type Page } from '@playwright/test';
import { account, shots, signIn } from './support.js';

/** Fails the test on any console error or failed request of the page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('the citizen app opens at /', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page).toHaveTitle(/Một Cửa/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await page.screenshot({ path: `${shots}/display-home.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('the backoffice asks for sign-in, refuses a wrong password, then shows live status and a self-test', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/backoffice/');
  await expect(page).toHaveURL(/\/backoffice\/sign-in/);
  const admin = account('admin');
  await page.getByLabel('Tên đăng nhập').fill(admin.username);
  await page.getByLabel('Mật khẩu').fill('not-the-password');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('Sai tên đăng nhập hoặc mật khẩu');
  await page.screenshot({ path: `${shots}/backoffice-sign-in-error.png` });
  await page.getByLabel('Mật khẩu').fill(admin.password);
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByText('PostgreSQL')).toBeVisible();
  await expect(page.getByText('Redis')).toBeVisible();
  await page.getByRole('button', { name: /Tự kiểm tra|Self-test/ }).click();
  await expect(page.getByTestId('self-test-result')).toContainText(/ms/, { timeout: 15_000 });
  await page.screenshot({ path: `${shots}/backoffice-status.png`, fullPage: true });
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/backoffice\/sign-in/);
  // The wrong password above is an expected 401 in the console; nothing else may fail.
  expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
});

test('an officer lands on their counters and sees status, but not the administrator’s self-test', async ({ page }) => {
  const officer = account('canbo.anxuyen1');
  await page.goto('/backoffice/sign-in');
  await page.getByLabel('Tên đăng nhập').fill(officer.username);
  await page.getByLabel('Mật khẩu').fill(officer.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // Their work first (#18 item 7); the status page is one click away.
  await expect(page).toHaveURL(/\/backoffice\/my-counters$/);
  await page.getByRole('link', { name: 'Tình trạng hệ thống' }).click();
  await expect(page.getByText('PostgreSQL')).toBeVisible();
  await expect(page.getByRole('button', { name: /Tự kiểm tra/ })).toHaveCount(0);
  await expect(page.getByText('Huỳnh Văn Dũng')).toBeVisible();
});

test('the analytics app opens with its overview for a signed-in leader', async ({ page }) => {
  await signIn(page, 'lanhdao.tinh');
  const errors = watchErrors(page);
  await page.goto('/analytics/');
  await expect(page).toHaveTitle(/Một Cửa/);
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await expect(page.locator('canvas').first()).toBeVisible();
  await page.screenshot({ path: `${shots}/analytics-overview.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('API docs and health are served', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect((await health.json()).checks.postgres.status).toBe('up');
  await page.goto('/api/docs');
  // Swagger UI builds the page from the whole spec in the browser: seconds on a loaded 2-core machine.
  await expect(page.getByRole('heading', { level: 1, name: /Một Cửa API/ })).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: `${shots}/api-docs.png` });
});
