import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { account } from './support.js';

/** The last complete month (local), as the briefing's month and the indicators' from/to. */
function lastMonth(): { month: string; from: string; to: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { month: first.toISOString().slice(0, 7), from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}
const rate = (v: number) => new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

test('the overview\'s "Bản tin tháng" downloads a one-page PDF whose text carries the headline figure of the indicators API', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/analytics/');
  await page.getByLabel('Tên đăng nhập').fill('lanhdao.anxuyen');
  await page.getByLabel('Mật khẩu').fill(account('lanhdao.anxuyen').password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/analytics\/$/);

  const m = lastMonth();
  const briefing = page.getByTestId('briefing');
  await expect(briefing.getByRole('heading', { name: 'Bản tin tháng' })).toBeVisible();
  await expect(briefing.getByTestId('briefing-month')).toHaveValue(m.month);
  await expect(briefing.getByTestId('briefing-unit').locator('option:checked')).toHaveText('Phường An Xuyên');

  const [download] = await Promise.all([page.waitForEvent('download'), briefing.getByRole('button', { name: 'Tải bản tin tháng (PDF)' }).click()]);
  expect(download.suggestedFilename()).toBe(`ban-tin-${m.month}.pdf`);
  await expect(briefing.getByRole('status')).toHaveText(`Đã tải ban-tin-${m.month}.pdf.`);
  const file = await download.path();
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

  const api = (await (await page.request.get(`/api/analytics/indicators?from=${m.from}&to=${m.to}&by=competent`)).json()) as { total: { indicators: { onTimeRate766: number | null; resolved: number } } };
  const headline = api.total.indicators.resolved > 0 ? rate(api.total.indicators.onTimeRate766!) : 'Chưa có dữ liệu';
  expect(text).toContain(`${headline} Tỷ lệ giải quyết đúng hạn (766)`);
  expect(text).toContain('BẢN TIN THÁNG');
  expect(text).toContain('Phường An Xuyên');

  // A month not yet come: the API's message, shown where the button is.
  await briefing.getByTestId('briefing-month').evaluate((el) => (el as unknown as { removeAttribute(name: string): void }).removeAttribute('max'));
  await briefing.getByTestId('briefing-month').fill('2099-01');
  await briefing.getByRole('button', { name: 'Tải bản tin tháng (PDF)' }).click();
  await expect(briefing.getByTestId('briefing-error')).toHaveText('Tháng này chưa tới; hãy chọn tháng hiện tại hoặc một tháng đã qua');
});
