import { expect, test, type Page } from '@playwright/test';
import { account, signIn } from './support.js';

/**
 * #15 item 7: the three apps run under the API's Content-Security-Policy with no violation.
 * Every violation the browser reports (the `securitypolicyviolation` event and its console line)
 * fails the test, so a new inline script, eval or foreign origin is caught here.
 */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && seen.push(m.text()));
  // Runs in the page (a script string: this package is typed without the DOM library).
  await page.addInitScript(`window.motcuaCsp = []; document.addEventListener('securitypolicyviolation', (e) => window.motcuaCsp.push(e.violatedDirective + ' ' + e.blockedURI));`);
  return async () => [...seen, ...((await page.evaluate('window.motcuaCsp || []')) as string[])];
}

test('the citizen app, the backoffice and analytics run under the CSP without a single violation', async ({ page }) => {
  test.setTimeout(60_000);
  const violations = await watchCsp(page);
  const first = await page.goto('/');
  expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(first?.headers()['x-frame-options']).toBe('SAMEORIGIN');
  await expect(page).toHaveTitle(/Một Cửa/);
  await page.goto('/track');
  await page.waitForLoadState('networkidle');
  expect(await violations()).toEqual([]);

  // The printable form sheet's one inline handler is allowed by its hash: printing works, nothing is reported.
  await page.addInitScript(`window.print = () => { window.motcuaPrinted = true; };`);
  await page.goto('/api/public/guide/forms/TK-KS');
  await page.getByRole('button', { name: 'In / Print' }).click();
  expect(await page.evaluate('window.motcuaPrinted === true')).toBe(true);
  expect(await violations()).toEqual([]);

  await signIn(page, 'admin');
  for (const link of ['Trung tâm', 'Thủ tục', 'Nhật ký']) {
    const nav = page.getByRole('link', { name: link }).first();
    if (await nav.isVisible().catch(() => false)) {
      await nav.click();
      await page.waitForLoadState('networkidle');
    }
  }
  expect(await violations()).toEqual([]);

  await page.context().clearCookies();
  await page.goto('/analytics/');
  await page.getByLabel('Tên đăng nhập').fill('lanhdao.tinh');
  await page.getByLabel('Mật khẩu').fill(account('lanhdao.tinh').password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/analytics\/$/);
  await page.waitForLoadState('networkidle');
  // Charts draw on canvases and set inline styles: both must pass.
  await page.getByRole('link', { name: 'Xếp hạng' }).click();
  await expect(page.locator('table.data')).toContainText('Phường An Xuyên');
  expect(await violations()).toEqual([]);
});
