import { expect, test, type Browser, type Page } from '@playwright/test';
import { account, shots } from './support.js';

/**
 * Issue #19 as a provincial leader sees it, at a desk (1366×768) and on a conference wall
 * (1920×1080): the figures agree with the API, small communes are not ranked, the wall fits.
 */
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
] as const;
const HEADLINE = 'Tỷ lệ giải quyết đúng hạn (766)';
const pct = (v: number | null) => (v === null ? 'Chưa có dữ liệu' : new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(v));
/** The last complete month before today (local days), as the API's from/to and the screen's ?date=. */
function lastMonth(): { from: string; to: string; label: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10), label: `Tháng ${first.getUTCMonth() + 1}/${first.getUTCFullYear()}` };
}

async function leader(browser: Browser, size: { width: number; height: number }, username = 'lanhdao.tinh'): Promise<Page> {
  const page = await (await browser.newContext({ viewport: size })).newPage();
  await page.goto('/analytics/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(account(username).password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/analytics\/$/);
  return page;
}

type Indicators = { total: { counts: Record<string, number>; indicators: Record<string, number | null> } };

for (const size of SIZES) {
  test(`${size.width}×${size.height}: the overview's headline and tiles agree with GET /api/analytics/indicators for the same period, named once`, async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await leader(browser, size);
    // The default period: the last 30 days up to today, said as dates people write.
    await expect(page.getByTestId('period-label')).toHaveText(/^30 ngày gần nhất: \d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}$/);
    const month = lastMonth();
    await page.goto(`/analytics/?period=month&date=${month.from}`);
    await expect(page.getByTestId('period-label')).toHaveText(month.label);
    const api = (await (await page.request.get(`/api/analytics/indicators?from=${month.from}&to=${month.to}&by=competent`)).json()) as Indicators;
    const i = api.total.indicators;
    const headline = page.locator('.tile', { hasText: HEADLINE });
    await expect(headline.locator('.value')).toHaveText(pct(i.onTimeRate766!));
    await expect(headline.getByTestId('verdict')).toHaveText(i.onTimeRate766! >= 0.99 ? 'Đạt' : 'Chưa đạt');
    await expect(page.locator('.tile', { hasText: 'Nộp hồ sơ trực tuyến' }).locator('.value')).toHaveText(pct(i.onlineRate!));
    await expect(page.locator('.tile', { hasText: 'Mức độ hài lòng' }).locator('.value')).toHaveText(pct(i.satisfaction766!));
    await expect(page.getByTestId('count-resolved')).toHaveText(new Intl.NumberFormat('vi-VN').format(i.resolved!));
    await expect(page.getByTestId('count-late')).toHaveText(new Intl.NumberFormat('vi-VN').format(api.total.counts.resolvedLate!));
    await expect(page.getByTestId('count-overdueNow')).toHaveText(new Intl.NumberFormat('vi-VN').format(api.total.counts.inProgressOverdue!));
    // One on-time rate on the overview: the resolved-only rate is not a tile.
    await expect(page.getByTestId('kpi-tiles')).not.toContainText('Tham khảo');
    await page.screenshot({ path: `${shots}/analytics-overview-after-${size.width}.png`, fullPage: true });
    // Every KPI tile and count clicks through to the dossiers behind it; "Đang giải quyết" lists in time + overdue.
    await expect(page.getByTestId('kpi-tiles').locator('.tile')).toHaveCount(await page.getByTestId('kpi-tiles').locator('.tile a.open').count());
    await expect(page.getByTestId('kpi-counts').locator('.count')).toHaveCount(await page.getByTestId('kpi-counts').locator('.count a.open').count());
    await page.getByRole('link', { name: 'Xem danh sách hồ sơ của Đang giải quyết' }).click();
    await expect(page).toHaveURL(/figure=inProgress/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hồ sơ của chỉ số: Đang giải quyết');
    await expect
      .poll(async () => Number(((await page.getByTestId('figure-total').textContent()) ?? '').replace(/\D/g, '')))
      .toBe(api.total.counts.inProgressInTime! + api.total.counts.inProgressOverdue!);
    await page.goBack();

    // The ranking and trend tables carry the same single on-time column; the drill-down adds the others, labelled.
    await page.getByRole('link', { name: 'Xếp hạng' }).click();
    const headers = page.locator('table.data thead th');
    await expect(headers.first()).toBeVisible();
    const names = await headers.allTextContents();
    expect(names.filter((h) => /đúng hạn|đúng hẹn/i.test(h)).map((h) => h.replace(/[▲▼]/g, '').trim())).toEqual([HEADLINE]);
    await page.locator('table.data tbody th a').first().click();
    // The overdue list is a table.data too once its rows arrive; the field table comes first.
    await expect(page.locator('table.data thead').first()).toContainText('Tham khảo: đúng hạn trong số hồ sơ đã có kết quả');
  });
}

test('the ranking lists communes under the minimum sample apart as "ít hồ sơ", with bands against the target and the target line', async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await leader(browser, SIZES[1]);
  // One working day: most communes handle fewer than 20 dossiers in it.
  const month = lastMonth();
  const day = `${month.from.slice(0, 8)}15`;
  const api = (await (await page.request.get(`/api/analytics/ranking?from=${day}&to=${day}`)).json()) as { minSample: number; rows: Array<{ label: string; smallSample: boolean; indicators: { toProcess: number } }> };
  expect(api.minSample).toBe(20);
  const small = api.rows.filter((r) => r.smallSample && r.indicators.toProcess > 0);
  expect(small.length).toBeGreaterThan(0);
  await page.goto(`/analytics/ranking?period=day&date=${day}`);
  await expect(page.getByTestId('ranked-count')).toContainText(`${api.rows.filter((r) => !r.smallSample).length} đơn vị được xếp hạng (từ 20 hồ sơ trong kỳ)`);
  const apart = page.getByTestId('small-sample');
  await expect(apart.getByRole('heading')).toHaveText('Ít hồ sơ (dưới 20 hồ sơ trong kỳ): không xếp hạng');
  for (const r of small.slice(0, 5)) await expect(apart).toContainText(r.label);
  // In the table the small ones come after every ranked one, tagged.
  const rows = page.locator('table.data tbody tr');
  const tagged = await Promise.all((await rows.all()).map(async (tr) => ((await tr.getByTestId('row-tag').count()) ? await tr.getByTestId('row-tag').textContent() : '')));
  const firstSmall = tagged.indexOf('ít hồ sơ');
  expect(firstSmall).toBeGreaterThanOrEqual(0);
  expect(tagged.slice(firstSmall).every((x) => x === 'ít hồ sơ')).toBe(true);
  await expect(page.getByTestId('bands-legend')).toHaveText('Màu theo mục tiêu: xanh = Đạt (từ 99%), cam = Gần đạt (từ 96%), đỏ = Chưa đạt.');
  await page.screenshot({ path: `${shots}/analytics-ranking-small-sample.png`, fullPage: true });

  // A month: enough dossiers everywhere, so communes are ranked and the bars drawn against the target.
  await page.goto(`/analytics/ranking?period=month&date=${month.from}`);
  await expect(page.getByTestId('ranked-count')).toBeVisible();
  await expect(page.getByTestId('chart-alternative').first()).toBeAttached();
  await page.screenshot({ path: `${shots}/analytics-ranking-after.png`, fullPage: true });
});

/** Every element of the wall inside the viewport, and every visible text at least 28 px. */
async function wallProblems(page: Page): Promise<string[]> {
  // A string: this package has no DOM types; it runs in the page.
  return (await page.evaluate(`(() => {
    const bad = [];
    for (const el of document.querySelectorAll('.conference-screen *')) {
      if (el.closest('.sr-only')) continue;
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (style.display === 'none' || style.visibility === 'hidden' || (r.width === 0 && r.height === 0)) continue;
      const name = el.tagName.toLowerCase() + '.' + String(el.className) + ' "' + (el.textContent || '').trim().slice(0, 30) + '"';
      if (r.right > innerWidth + 1 || r.bottom > innerHeight + 1 || r.left < -1 || r.top < -1) bad.push('overflows: ' + name + ' ' + Math.round(r.right) + '×' + Math.round(r.bottom));
      const text = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent || '').trim());
      if (text && parseFloat(style.fontSize) < 28) bad.push('small text ' + style.fontSize + ': ' + name);
    }
    return bad;
  })()`)) as string[];
}

for (const size of SIZES) {
  test(`${size.width}×${size.height}: conference slides fit the screen with text ≥ 28 px; full screen from a start screen; the ticker is never covered`, async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await leader(browser, size);
    const month = lastMonth();
    for (const view of ['overview', 'attention', 'ranking', 'trends']) {
      await page.goto(`/analytics/conference?views=${view}&every=600&period=month&date=${month.from}`);
      await expect(page.getByRole('heading', { name: 'Trình chiếu tại hội trường' })).toBeVisible();
      await page.getByTestId('conference-start').click();
      await expect(page.locator('.conference-screen')).toHaveAttribute('data-view', view);
      await expect(page.getByTestId('conference-period')).toHaveText(month.label);
      await expect(page.getByTestId('updated-at')).toBeVisible();
      if (view === 'overview') await expect(page.getByTestId('wall-onTimeRate766')).toHaveText(/%/);
      if (view === 'attention') {
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^(\d xã cần chú ý|Mọi xã được xếp hạng đều đạt mục tiêu đúng hạn)$/);
        expect(await page.getByTestId('attention').locator('li').count()).toBeLessThanOrEqual(5);
      }
      if (view === 'ranking') await expect(page.getByRole('heading', { level: 1 })).toHaveText(/trang 1\/\d+/);
      expect(await wallProblems(page)).toEqual([]);
      // The ticker sits in its own row, below the slide, inside the screen.
      const ticker = (await page.getByTestId('ticker').boundingBox())!;
      const stage = (await page.getByTestId('slide').boundingBox())!;
      expect(stage.y + stage.height).toBeLessThanOrEqual(ticker.y + 1);
      expect(ticker.y + ticker.height).toBeLessThanOrEqual(size.height + 1);
      await page.screenshot({ path: `${shots}/analytics-conference-${view}-after-${size.width}.png` });
    }
  });
}

test('a conference slide survives a lost connection: the last figures stay with "mất kết nối", until it returns', async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await leader(browser, SIZES[0]);
  await page.goto('/analytics/conference?views=overview&every=600');
  await page.getByTestId('conference-start').click();
  const figure = page.getByTestId('wall-onTimeRate766');
  await expect(figure).toHaveText(/%/);
  const shown = await figure.textContent();
  await page.context().setOffline(true);
  await expect(page.getByTestId('connection-lost')).toContainText('Mất kết nối — đang hiển thị số liệu lúc');
  await expect(figure).toHaveText(shown!);
  await page.screenshot({ path: `${shots}/analytics-conference-offline.png` });
  await page.context().setOffline(false);
  await expect(page.getByTestId('connection-lost')).toHaveCount(0, { timeout: 20_000 });
  await expect(figure).toHaveText(shown!);
});

for (const size of SIZES) {
  test(`${size.width}×${size.height}: the province tile map — one tile per commune, coloured in bands, a tile opens the drill-down`, async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await leader(browser, size);
    const month = lastMonth();
    await page.goto(`/analytics/map?period=month&date=${month.from}`);
    const map = page.getByTestId('tile-map');
    const tiles = map.getByRole('link');
    await expect(tiles.first()).toBeVisible();
    const api = (await (await page.request.get(`/api/analytics/ranking?from=${month.from}&to=${month.to}`)).json()) as { rows: Array<{ label: string; tile: unknown; indicators: { onTimeRate766: number | null; resolved: number } }> };
    await expect(tiles).toHaveCount(api.rows.filter((r) => r.tile).length);
    // Each tile says its figure and band in words (not by colour alone), the same figure as the API.
    const anXuyen = api.rows.find((r) => r.label === 'Phường An Xuyên')!;
    const tile = map.locator('[data-unit="Phường An Xuyên"]');
    await expect(tile).toHaveAttribute('aria-label', new RegExp(`^Phường An Xuyên: ${pct(anXuyen.indicators.resolved ? anXuyen.indicators.onTimeRate766 : null).replace(/\s/g, '\\s')} — (Đạt|Gần đạt|Chưa đạt|Chưa có dữ liệu)`));
    await expect(page.getByTestId('map-legend')).toContainText('Đạt (99%)');
    // Laid out as the province: Đất Mũi at the southern tip is below An Xuyên.
    const south = (await map.locator('[data-unit="Xã Đất Mũi"]').boundingBox())!;
    const city = (await tile.boundingBox())!;
    expect(south.y).toBeGreaterThan(city.y);
    expect(south.x).toBeLessThan(city.x);
    await page.screenshot({ path: `${shots}/analytics-map-after-${size.width}.png`, fullPage: true });
    await tile.click();
    await expect(page.getByRole('heading', { name: 'Phường An Xuyên', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/period=month/);
  });
}
