import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { account, shots, signIn } from './support.js';

/** A leader's analytics tab: signing in happens in the backoffice, which sends them back (?next=). */
async function leader(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto('/analytics/');
  await expect(page).toHaveURL(/\/backoffice\/sign-in\?next=%2Fanalytics%2F$/);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(account(username).password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/analytics\/$/);
  return page;
}

/** Receives a same-day dossier at An Xuyên's counter and resolves it (the center manager processes), through the API. */
async function receiveAndResolve(browser: Browser): Promise<void> {
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, 'canbo.anxuyen1');
  const centers = (await (await officer.request.get('/api/centers')).json()) as Array<{ id: string; code: string; unitId: string }>;
  const center = centers.find((c) => c.code === 'TT-32002')!;
  const procedures = (await (await officer.request.get('/api/procedures')).json()) as Array<{ id: string; code: string }>;
  const intake = await officer.request.post(`/api/centers/${center.id}/dossiers`, {
    data: { procedureId: procedures.find((p) => p.code === 'CTR-XN')!.id, applicant: { name: 'Lê Văn Tám', phone: '0987654321' }, applicantUnitId: center.unitId, outcome: { kind: 'accept' } },
  });
  expect(intake.status(), await intake.text()).toBe(201);
  const { id } = (await intake.json()) as { id: string };
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, 'quanly.anxuyen');
  for (const body of [{ action: 'assign' }, { action: 'resolve', outcome: 'approved', documents: [{ name: 'Xác nhận thông tin cư trú' }] }]) {
    const res = await manager.request.post(`/api/dossiers/${id}/actions`, { data: body });
    expect(res.status(), await res.text()).toBe(200);
  }
}

test('a provincial leader signs in through the backoffice, sees the overview, and a dossier resolved through the API moves the live tiles', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await leader(browser, 'lanhdao.tinh');
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await expect(page.getByTestId('kpi-tiles')).toBeVisible();
  const resolvedBefore = Number((await page.getByTestId('count-resolved').textContent())!.replace(/\D/g, ''));
  await page.screenshot({ path: `${shots}/analytics-overview-before.png`, fullPage: true });

  // The conference screen of the same leader, to see the ticker move too.
  const screen = await page.context().newPage();
  await screen.setViewportSize({ width: 1600, height: 900 });
  await screen.goto('/analytics/conference?views=overview,ranking,heatmap&every=8');
  // Full screen needs a gesture: one click on the start screen.
  await screen.getByTestId('conference-start').click();
  await expect(screen.getByTestId('ticker')).toBeVisible();
  await expect(screen.locator('.topbar')).toHaveCount(0);
  await expect(screen.locator('select, input, .exports')).toHaveCount(0);
  await expect(screen.getByTestId('kpi-tiles')).toBeVisible();
  await screen.screenshot({ path: `${shots}/analytics-conference-overview.png` });

  await receiveAndResolve(browser);

  // No reload: the worker's rollup announces itself over /dashboard and the tiles refetch.
  await expect(page.getByTestId('count-resolved')).toHaveText(String(resolvedBefore + 1), { timeout: 15_000 });
  await expect(page.locator('.tile', { hasText: 'Tỷ lệ giải quyết đúng hạn (766)' })).not.toContainText('Chưa có dữ liệu');
  await page.screenshot({ path: `${shots}/analytics-overview-live.png`, fullPage: true });
  await expect(screen.getByTestId('ticker')).toContainText('Đã giải quyết: Xác nhận thông tin về cư trú — Phường An Xuyên', { timeout: 15_000 });
  await expect(screen.getByTestId('ticker')).not.toContainText('Lê Văn Tám');
  // It rotates to the next chosen view by itself.
  await expect(screen.locator('.conference-screen')).toHaveAttribute('data-view', 'ranking', { timeout: 30_000 });
  await screen.screenshot({ path: `${shots}/analytics-conference-ranking.png` });
});

test('the ranking lists every commune worst first; a drill-down goes commune → field → procedure → overdue list; a commune leader sees only An Xuyên', async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await leader(browser, 'lanhdao.tinh');
  await page.getByRole('link', { name: 'Xếp hạng' }).click();
  await expect(page.getByRole('heading', { name: 'Xếp hạng xã, phường' })).toBeVisible();
  const table = page.locator('table.data');
  for (const name of ['Phường An Xuyên', 'Phường Tân Thành', 'Xã Đất Mũi']) await expect(table).toContainText(name);
  // The demo year gives every commune dossiers; a year before it has none, and says so — never 0%.
  await page.goto('/analytics/ranking?period=year&date=2020-06-01');
  await expect(table.locator('tbody tr', { hasText: 'Xã Đất Mũi' })).toContainText('Chưa có dữ liệu');
  await page.goto('/analytics/ranking');
  await expect(table).toContainText('Phường An Xuyên');
  await page.screenshot({ path: `${shots}/analytics-ranking.png`, fullPage: true });
  // The table as CSV (with a BOM for Excel) and as an Excel workbook (a zip).
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^xep-hang-.*\.csv$/);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.startsWith('\ufeffĐơn vị,Tiếp nhận')).toBe(true);
  expect(text).toContain('Xã Đất Mũi');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');

  await table.getByRole('link', { name: 'Phường An Xuyên' }).click();
  await expect(page.getByRole('heading', { name: 'Phường An Xuyên' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Theo lĩnh vực' })).toBeVisible();
  await page.locator('table.data tbody a').first().click();
  await expect(page.getByRole('heading', { name: 'Theo thủ tục' })).toBeVisible();
  await page.locator('table.data tbody a').first().click();
  await expect(page.getByRole('heading', { name: 'Hồ sơ đang quá hạn' })).toBeVisible();
  await expect(page.locator('nav.crumbs')).toContainText('Phường An Xuyên');
  await page.screenshot({ path: `${shots}/analytics-drilldown.png`, fullPage: true });

  await page.getByRole('link', { name: 'Hàng đợi' }).click();
  await expect(page.getByRole('heading', { name: 'Lượt lấy số theo thứ và giờ' })).toBeVisible();
  // The seeded history has officers calling tickets: each appears with their own figures.
  const officers = page.getByRole('region', { name: 'Theo cán bộ tiếp nhận' }).locator('tbody tr');
  await expect(officers.first()).toBeVisible();
  expect(await officers.count()).toBeGreaterThan(5);
  await page.screenshot({ path: `${shots}/analytics-queue.png`, fullPage: true });

  const commune = await leader(browser, 'lanhdao.anxuyen');
  await commune.getByRole('link', { name: 'Xếp hạng' }).click();
  await expect(commune.locator('table.data tbody tr')).toHaveCount(1);
  await expect(commune.locator('table.data tbody')).toContainText('Phường An Xuyên');
});

test('every figure opens the dossiers behind it: the headline 766 rate with its deductions, numerator and denominator, exported; the "how computed" page', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await leader(browser, 'lanhdao.tinh');
  // Last month of the seeded year: a closed period with dossiers.
  const lastMonth = new Date(Date.now() - 35 * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/analytics/?period=month&date=${lastMonth}`);
  const headline = page.locator('.tile', { hasText: 'Tỷ lệ giải quyết đúng hạn (766)' });
  await expect(headline).toContainText('Đã trừ thời gian bổ sung hồ sơ và thời gian chờ thực hiện nghĩa vụ tài chính theo quy định');
  await expect(headline).toContainText('So với hẹn ban đầu, không trừ thời gian');
  await headline.getByRole('link', { name: /Xem danh sách hồ sơ/ }).click();
  await expect(page.getByRole('heading', { name: /Hồ sơ của chỉ số: Tỷ lệ giải quyết đúng hạn \(766\)/ })).toBeVisible();
  await expect(page.getByTestId('deduction-note')).toBeVisible();
  const rows = page.getByTestId('figure-dossiers').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const denominator = Number((await page.getByTestId('figure-total').textContent())!.replace(/\D/g, ''));
  await page.getByTestId('part-numerator').click();
  await expect(page.getByTestId('part-numerator')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Number((await page.getByTestId('figure-total').textContent())!.replace(/\D/g, ''))).toBeLessThanOrEqual(denominator);
  await expect(rows.first()).not.toContainText('Quá hạn');
  await page.screenshot({ path: `${shots}/analytics-figure-dossiers.png`, fullPage: true });
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).click()]);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.startsWith('\ufeffMã hồ sơ,Thủ tục,Đơn vị')).toBe(true);
  expect(text.trim().split('\n').length - 1).toBe(Number((await page.getByTestId('figure-total').textContent())!.replace(/\D/g, '')));

  await page.getByRole('link', { name: 'Cách tính' }).click();
  await expect(page.getByRole('heading', { name: 'Cách tính các chỉ số' })).toBeVisible();
  await expect(page.getByTestId('how-deductions')).toContainText('Thời gian chờ thực hiện nghĩa vụ tài chính');
  await expect(page.getByTestId('how-onTimeRate766')).toContainText('Quyết định 766/QĐ-TTg');
  await page.screenshot({ path: `${shots}/analytics-how-computed.png`, fullPage: true });
});
