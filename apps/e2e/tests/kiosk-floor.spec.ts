import { expect, request as pwRequest, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { account, shots, signIn } from './support.js';

/**
 * Issue #18 item 1: a service no open counter serves is shown as such at the kiosk (with when
 * a counter is expected), cannot be taken, and the manager's live board flags it.
 */
test('the kiosk shows "Hiện chưa có quầy phục vụ" for services nobody serves now and refuses them; the live board flags them', async ({ page }) => {
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    // A center of its own: Civil status at open counter 1, Business at closed counter 2 (an officer on today's board), Residence at none.
    const [unit] = await sql`select unit_id from centers where code = 'TT-32002'`;
    const allDay = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]])));
    const [c] = await sql`insert into centers (code, name, unit_id, opening_hours) values (${'E2E-FLOOR-' + Date.now()}, 'Trung tâm thử sàn', ${unit!.unit_id}, ${allDay}::jsonb) returning id`;
    const centerId = c!.id as string;
    const svc = await sql`insert into services (center_id, code, name_vi, name_en, ticket_prefix, typical_service_minutes, field, sort_order)
      values (${centerId}, 'HT', 'Hộ tịch', 'Civil status', 'A', 8, 'ho_tich', 0), (${centerId}, 'KD', 'Kinh doanh', 'Business', 'D', 12, 'kinh_doanh', 1),
             (${centerId}, 'CTR', 'Cư trú', 'Residence', 'E', 6, 'cu_tru', 2) returning id, code`;
    const id = (code: string) => svc.find((s) => s.code === code)!.id as string;
    const [k1] = await sql`insert into counters (center_id, label, number, state) values (${centerId}, 'Quầy 1', 1, 'open') returning id`;
    const [k2] = await sql`insert into counters (center_id, label, number, state) values (${centerId}, 'Quầy 2', 2, 'closed') returning id`;
    await sql`insert into counter_services (counter_id, service_id, weight) values (${k1!.id}, ${id('HT')}, 1), (${k2!.id}, ${id('KD')}, 1)`;
    const [staff] = await sql`select id from staff where username = 'admin'`;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    await sql`insert into assignments (staff_id, counter_id, work_date, shift) values (${staff!.id}, ${k2!.id}, ${today}, 'all_day')`;

    await signIn(page, 'admin');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/kiosk/${centerId}`);
    await expect(page.getByTestId('service-HT')).toBeEnabled();
    await expect(page.getByTestId('service-KD')).toBeDisabled();
    await expect(page.getByTestId('service-CTR')).toBeDisabled();
    await expect(page.getByTestId('unserved-KD')).toContainText('Hiện chưa có quầy phục vụ · Dự kiến có quầy trong hôm nay');
    await expect(page.getByTestId('unserved-KD')).toContainText('No counter serving it now');
    await expect(page.getByTestId('unserved-CTR')).toContainText('Hiện chưa có quầy phục vụ · Xin hỏi cán bộ hướng dẫn');
    // The wait is not promised where nobody serves.
    await expect(page.getByTestId('service-CTR')).not.toContainText('phút');
    await page.screenshot({ path: `${shots}/floor-kiosk-unserved.png` });
    // Tapping it does nothing; the API refuses it too, saying why.
    await page.getByTestId('service-CTR').click({ force: true });
    await expect(page.getByTestId('slip')).toHaveCount(0);
    const refused = await page.request.post(`/api/centers/${centerId}/tickets`, { data: { serviceId: id('CTR') } });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('Hiện chưa có quầy phục vụ "Cư trú". Trung tâm chưa bố trí quầy cho dịch vụ này. Xin mời hỏi cán bộ hướng dẫn.');

    // Civil status is taken, and the slip says where it is served.
    await page.getByTestId('service-HT').click();
    const noPriority = page.getByRole('button', { name: /Không, lấy số thường/ });
    await expect(noPriority.or(page.getByTestId('slip'))).toBeVisible();
    if (await noPriority.isVisible()) await noPriority.click();
    await expect(page.getByTestId('slip-counters')).toContainText('Quầy 1');

    // The manager's live board flags the two services nobody serves.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/backoffice/live/${centerId}`);
    await expect(page.getByTestId('unserved-D')).toContainText('Chưa có quầy mở phục vụ');
    await expect(page.getByTestId('unserved-E')).toBeVisible();
    await expect(page.getByTestId('unserved-A')).toHaveCount(0);
    await page.screenshot({ path: `${shots}/floor-live-board-unserved.png` });
  } finally {
    await sql.end();
  }
});

const AN_XUYEN = 'TT-32002';

/** What the kiosk must hold at a size: no scroll, every target at least 64 px high and wide, all on the screen. */
async function assertOneScreen(page: Page) {
  const scroll = await scrollHeight(page);
  const targets: Array<{ text: string; w: number; h: number; top: number; bottom: number }> = [];
  for (const b of await page.locator('.kiosk button').all()) {
    const box = (await b.boundingBox())!;
    targets.push({ text: (await b.innerText()).split('\n')[0]!, w: box.width, h: box.height, top: box.y, bottom: box.y + box.height });
  }
  expect(scroll.height, 'the kiosk page does not scroll').toBeLessThanOrEqual(scroll.inner);
  for (const t of targets) {
    expect(Math.min(t.w, t.h), `${t.text}: touch target`).toBeGreaterThanOrEqual(64);
    expect(t.bottom, `${t.text}: on screen`).toBeLessThanOrEqual(scroll.inner);
  }
  return { targets };
}

/** document.scrollingElement.scrollHeight and innerHeight (the e2e package has no DOM types). */
function scrollHeight(page: Page) {
  return page.evaluate(() => {
    const g = globalThis as unknown as { innerHeight: number; document: { scrollingElement: { scrollHeight: number } } };
    return { height: g.document.scrollingElement.scrollHeight, inner: g.innerHeight };
  });
}

/** The computed font size of an element, in px. */
function fontSize(locator: ReturnType<Page['locator']>) {
  return locator.evaluate((el) => parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize));
}

/** What a page's media elements look like to an init script. */
type Media = { src: string; muted: boolean; paused: boolean; ended: boolean; play(): Promise<void> };

test('the kiosk fits one screen at 1280×800 and 1080×1920 with services first, large targets in reach, and the phone asked after the ticket', async ({ page }) => {
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  let centerId = '';
  try {
    centerId = (await sql`select id from centers where code = ${AN_XUYEN}`)[0]!.id as string;
  } finally {
    await sql.end();
  }

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/kiosk/${centerId}`);
  await expect(page.getByTestId('service-HT')).toBeEnabled();
  // Services first: no phone field before the ticket; one main and one h1.
  await expect(page.getByTestId('notify-phone')).toHaveCount(0);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveCount(1);
  // Each service shows its examples and an icon.
  await expect(page.getByTestId('service-HT')).toContainText('Khai sinh, kết hôn, khai tử');
  await expect(page.getByTestId('service-HT').locator('svg')).toHaveCount(1);
  await assertOneScreen(page);
  await page.screenshot({ path: `${shots}/floor-kiosk-1280x800.png` });
  // Large text and high contrast: still one screen.
  await page.getByTestId('kiosk-large').click();
  await expect(page.getByTestId('kiosk')).toHaveClass(/kiosk--large/);
  await assertOneScreen(page);
  await page.screenshot({ path: `${shots}/floor-kiosk-1280x800-large.png` });
  await page.getByTestId('kiosk-large').click();

  await page.setViewportSize({ width: 1080, height: 1920 });
  await assertOneScreen(page);
  // Portrait: the services sit in the reachable lower part of the screen, not the top 60 %.
  const services = await Promise.all((await page.locator('[data-testid^="service-"]').all()).map(async (b) => ({ id: await b.getAttribute('data-testid'), box: (await b.boundingBox())! })));
  expect(services.length).toBe(5);
  for (const s of services) expect(s.box.y, `${s.id} in reach`).toBeGreaterThanOrEqual(1920 * 0.3);
  expect(Math.max(...services.map((s) => s.box.y + s.box.height))).toBeGreaterThan(1920 * 0.75);
  await page.screenshot({ path: `${shots}/floor-kiosk-1080x1920.png` });

  // The ticket (a staff session stands in for the paired kiosk), then the phone, on a keypad.
  await signIn(page, 'quanly.anxuyen');
  await page.goto(`/kiosk/${centerId}?print=off`);
  await page.getByTestId('service-HT').click();
  const noPriority = page.getByRole('button', { name: /Không, lấy số thường/ });
  await expect(noPriority.or(page.getByTestId('slip'))).toBeVisible();
  if (await noPriority.isVisible()) await noPriority.click();
  await expect(page.getByTestId('slip')).toBeVisible();
  await expect(page.getByTestId('slip-counters')).toContainText('Quầy 1');
  for (const d of '0905111222') await page.locator('.kiosk__padkey', { hasText: new RegExp(`^${d}$`) }).click();
  await expect(page.getByTestId('notify-phone')).toHaveValue('0905111222');
  await page.screenshot({ path: `${shots}/floor-kiosk-slip-phone-1080x1920.png` });
  await page.getByTestId('phone-send').click();
  await expect(page.getByTestId('phone-saved')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('0905111222');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${shots}/floor-kiosk-slip-1280x800.png` });
});

test('a paired kiosk prints each slip by itself, without ?print=auto', async ({ page, baseURL }) => {
  const manager = await pwRequest.newContext({ baseURL });
  expect((await manager.post('/api/auth/sign-in', { data: account('quanly.anxuyen') })).status()).toBe(200);
  const centerId = ((await (await manager.get('/api/centers')).json()) as Array<{ id: string; code: string }>).find((c) => c.code === AN_XUYEN)!.id;
  const created = await manager.post(`/api/centers/${centerId}/devices`, { data: { kind: 'kiosk', name: 'Ki-ốt in tự động' } });
  expect(created.status(), await created.text()).toBe(201);
  const { pairingCode } = (await created.json()) as { pairingCode: string };
  await manager.dispose();

  await page.addInitScript(() => {
    const g = globalThis as unknown as { printed: number; print: () => void };
    g.printed = 0;
    g.print = () => void g.printed++;
  });
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(`/kiosk/${centerId}`);
  await page.getByTestId('service-HT').click();
  const noPriority = page.getByRole('button', { name: /Không, lấy số thường/ });
  await expect(noPriority.or(page.getByTestId('kiosk-pair'))).toBeVisible();
  if (await noPriority.isVisible()) await noPriority.click();
  await page.getByTestId('kiosk-pair').getByRole('textbox').fill(pairingCode);
  await page.getByTestId('kiosk-pair').getByRole('button', { name: /Ghép nối/ }).click();
  await expect(page.getByTestId('printed')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1);
  // After a reload (the print counter starts again) it still knows it is a paired kiosk.
  await page.reload();
  await page.getByTestId('service-HT').click();
  if (await noPriority.isVisible()) await noPriority.click();
  await expect(page.getByTestId('printed')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1);
});

test('the hall display at 1920×1080: recent calls about 130 px high, next numbers per service; closed center and unknown center say so', async ({ page, baseURL }) => {
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const centerId = (await sql`select id from centers where code = ${AN_XUYEN}`)[0]!.id as string;
      const officer = await pwRequest.newContext({ baseURL });
    expect((await officer.post('/api/auth/sign-in', { data: account('quanly.anxuyen') })).status()).toBe(200);
    const kiosk = (await (await officer.get(`/api/public/centers/${centerId}/kiosk`)).json()) as { services: Array<{ id: string; code: string }> };
    const ht = kiosk.services.find((s) => s.code === 'HT')!.id;
    for (let i = 0; i < 2; i++) expect((await officer.post(`/api/centers/${centerId}/tickets`, { data: { serviceId: ht } })).status()).toBe(201);
    await officer.dispose();

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/display/${centerId}?sound=off`);
    await expect(page.getByTestId('next-A')).toContainText(/Tiếp theo: A\d{3}/);
    await expect(page.locator('main')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveCount(1);
    const rows = page.getByTestId('recent-call');
    if ((await rows.count()) > 0) {
      const size = await fontSize(rows.first().locator('td').first());
      expect(size).toBeGreaterThanOrEqual(128);
    }
    const table = await fontSize(page.locator('.board__calls table'));
    expect(table).toBeGreaterThanOrEqual(128);
    expect((await scrollHeight(page)).height).toBeLessThanOrEqual(1080);
    await page.screenshot({ path: `${shots}/floor-display-1920x1080.png` });

    // A center closed now (its hours are an empty week for a moment).
    const [c] = await sql`select id from centers where code <> ${AN_XUYEN} and code <> 'TT-96' order by code desc limit 1`;
    const hours = await sql`select opening_hours from centers where id = ${c!.id}`;
    const monday = JSON.stringify({ '1': [{ start: '07:30', end: '07:31' }] });
    await sql`update centers set opening_hours = ${monday}::jsonb where id = ${c!.id}`;
    try {
      // The API keeps a center's calendar for a minute: a fresh page load reads the new hours within it.
      await expect(async () => {
        await page.goto(`/display/${c!.id}?sound=off`);
        await expect(page.getByTestId('display-closed')).toContainText('Ngoài giờ làm việc', { timeout: 2000 });
      }).toPass({ timeout: 75_000 });
      await expect(page.getByTestId('display-closed')).toContainText(/Mở cửa lại: 07:30 Thứ Hai/);
      await expect(page.getByText('Chưa gọi số nào')).toHaveCount(0);
      await page.screenshot({ path: `${shots}/floor-display-closed.png` });
    } finally {
      await sql`update centers set opening_hours = ${JSON.stringify(hours[0]!.opening_hours)}::jsonb where id = ${c!.id}`;
    }

    await page.goto('/display/00000000-0000-4000-8000-000000000000');
    await expect(page.getByTestId('display-error')).toContainText('Không tìm thấy trung tâm của màn hình này');
    await page.screenshot({ path: `${shots}/floor-display-unknown.png` });
  } finally {
    await sql.end();
  }
});

test('two calls in quick succession: the recorded prompts play in order, never two at once', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const manifest = await page.request.get('/voice/manifest.json');
  // Skipped only on a machine whose build had no espeak-ng (no recorded prompts to order); npm test installs it.
  test.skip(manifest.status() !== 200, 'espeak-ng was not available at build: the display speaks with the browser voice (tested in queue-citizen)');
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const manager = await pwRequest.newContext({ baseURL });
  try {
    const centerId = (await sql`select id from centers where code = ${AN_XUYEN}`)[0]!.id as string;
    const counters = (await sql`select id from counters where center_id = ${centerId} order by number limit 2`).map((r) => r.id as string);
    expect((await manager.post('/api/auth/sign-in', { data: account('quanly.anxuyen') })).status()).toBe(200);
    // Other tests share the day: each counter finishes what it has in hand.
    for (const k of counters) {
      const ws = (await (await manager.get(`/api/counters/${k}/workstation`)).json()) as { current: { status: string } | null };
      if (ws.current?.status === 'called') await manager.post(`/api/counters/${k}/start`);
      if (ws.current) expect((await manager.post(`/api/counters/${k}/done`)).status()).toBe(200);
    }
    const kiosk = (await (await manager.get(`/api/public/centers/${centerId}/kiosk`)).json()) as { services: Array<{ id: string; code: string }> };
    for (const code of ['HT', 'DD']) expect((await manager.post(`/api/centers/${centerId}/tickets`, { data: { serviceId: kiosk.services.find((s) => s.code === code)!.id } })).status()).toBe(201);

    // Every clip the page plays, and how many play at the same moment.
    await page.addInitScript(() => {
      const g = globalThis as unknown as { played: string[]; elements: Set<Media>; maxActive: number; HTMLMediaElement: { prototype: Media } };
      g.played = [];
      g.elements = new Set();
      g.maxActive = 0;
      const play = g.HTMLMediaElement.prototype.play;
      g.HTMLMediaElement.prototype.play = function (this: Media) {
        if (this.src.endsWith('.wav') && !this.muted) {
          g.played.push(new URL(this.src).pathname);
          // How many elements sound when this clip starts: any other one still playing is an overlap.
          const others = [...g.elements].filter((e) => e !== this && !e.paused && !e.ended).length;
          g.maxActive = Math.max(g.maxActive, others + 1);
          g.elements.add(this);
        }
        return play.call(this);
      };
    });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/display/${centerId}`);
    const sound = page.getByTestId('enable-sound');
    if (await sound.isVisible()) {
      await page.screenshot({ path: `${shots}/floor-display-sound-blocked.png` });
      await sound.click();
    }
    await expect(sound).toHaveCount(0);

    const [first, second] = await Promise.all(counters.map((k) => manager.post(`/api/counters/${k}/call-next`)));
    expect(first!.status(), await first!.text()).toBe(200);
    expect(second!.status(), await second!.text()).toBe(200);
    const code = async (res: typeof first) => ((await res!.json()) as { current: { code: string } }).current.code;
    const calls = [{ code: await code(first), counter: 1 }, { code: await code(second), counter: 2 }];
    const clips = (c: { code: string; counter: number }) => ['intro', ...c.code.split('').map((x) => (/\d/.test(x) ? `d-${x}` : `l-${x}`)), 'to-counter', `n-${c.counter}`].map((x) => `/voice/${x}.wav`);
    const played = () => page.evaluate(() => (globalThis as unknown as { played: string[] }).played);
    await expect.poll(async () => (await played()).length, { timeout: 90_000 }).toBe(clips(calls[0]!).length * 2);
    const heard = await played();
    // The two calls in the order the display received them, each whole, never interleaved.
    const orders = [[...clips(calls[0]!), ...clips(calls[1]!)], [...clips(calls[1]!), ...clips(calls[0]!)]].map((o) => JSON.stringify(o));
    expect(orders).toContain(JSON.stringify(heard));
    expect(await page.evaluate(() => (globalThis as unknown as { maxActive: number }).maxActive)).toBe(1);
  } finally {
    await manager.dispose();
    await sql.end();
  }
});

test('the citizen app home leads to tracking, the guide and booking; the booking page names the center, its address and the service', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.getByTestId('home-track')).toHaveAttribute('href', '/track');
  await page.getByTestId('home-center').selectOption({ label: 'Trung tâm Phục vụ hành chính công phường An Xuyên' }).catch(async () => {
    // The demo names may change: any An Xuyên center will do.
    const option = page.getByTestId('home-center').locator('option', { hasText: 'An Xuyên' }).first();
    await page.getByTestId('home-center').selectOption((await option.getAttribute('value'))!);
  });
  await expect(page.getByTestId('home-guide')).toBeVisible();
  await expect(page.getByTestId('home-book')).toBeVisible();
  await page.screenshot({ path: `${shots}/floor-home-phone.png`, fullPage: true });
  await page.getByTestId('home-guide').click();
  await expect(page).toHaveURL(/\/guide\//);

  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select c.id as center_id, c.name, c.address, s.id as service_id from centers c join services s on s.center_id = c.id where c.code = ${AN_XUYEN} and s.code = 'HT'`;
    await page.goto(`/book/${row!.center_id}/${row!.service_id}`);
    const place = page.getByTestId('book-place');
    await expect(place).toContainText(row!.name as string);
    await expect(place).toContainText(row!.address as string);
    await expect(place).toContainText('Hộ tịch');
    await page.screenshot({ path: `${shots}/floor-booking-phone.png`, fullPage: true });
  } finally {
    await sql.end();
  }
});
