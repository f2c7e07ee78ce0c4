import { expect, test, type Page } from '@playwright/test';

const shots = '../../artifacts/screenshots';

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

test('the backoffice shows live system status and completes a self-test', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/backoffice/');
  await expect(page.getByText('PostgreSQL')).toBeVisible();
  await expect(page.getByText('Redis')).toBeVisible();
  await page.getByRole('button', { name: /Tự kiểm tra|Self-test/ }).click();
  await expect(page.getByTestId('self-test-result')).toContainText(/ms/, { timeout: 15_000 });
  await page.screenshot({ path: `${shots}/backoffice-status.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('the analytics app opens with its overview', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/analytics/');
  await expect(page).toHaveTitle(/Một Cửa/);
  await expect(page.locator('canvas').first()).toBeVisible();
  await page.screenshot({ path: `${shots}/analytics-overview.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('API docs and health are served', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect((await health.json()).checks.postgres.status).toBe('up');
  await page.goto('/api/docs');
  await expect(page.getByText(/Một Cửa/).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/api-docs.png` });
});
