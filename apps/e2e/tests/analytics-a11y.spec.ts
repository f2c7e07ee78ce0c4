import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { account } from './support.js';

/** Issue #19 item 9: the analytics screens meet axe-core with no serious or critical violation (chart canvases carry a text alternative). */
test('analytics screens: axe-core finds no serious or critical violation; every chart has a text alternative', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto('/analytics/');
  await page.getByLabel('Tên đăng nhập').fill('lanhdao.tinh');
  await page.getByLabel('Mật khẩu').fill(account('lanhdao.tinh').password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/analytics\/$/);
  const month = new Date(Date.now() - 35 * 86_400_000).toISOString().slice(0, 10);
  for (const [path, ready] of [
    ['/analytics/', 'kpi-tiles'],
    ['/analytics/ranking', 'ranked-count'],
    ['/analytics/map', 'tile-map'],
    ['/analytics/trends', 'chart-alternative'],
    ['/analytics/queue', 'heatmap'],
  ] as const) {
    await page.goto(`${path}?period=month&date=${month}`);
    await expect(page.getByTestId(ready).first()).toBeAttached();
    // Charts draw after their data arrives: wait until every table has its chart canvas.
    const charts = page.locator('.chart canvas[role="img"][aria-label]');
    const tables = page.getByTestId('chart-alternative');
    await expect.poll(async () => `${await tables.count()} tables, ${await tables.count() - (await charts.count())} without a chart`, { message: path, timeout: 15_000 }).toMatch(/ 0 without a chart$/);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${path}: ${v.id} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  }
  // The conference wall, started.
  await page.goto(`/analytics/conference?views=overview&every=600&period=month&date=${month}`);
  await page.getByTestId('conference-start').click();
  await expect(page.getByTestId('wall-onTimeRate766')).toHaveText(/%/);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
