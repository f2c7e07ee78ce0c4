import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import postgres from 'postgres';
import { account, shots } from './support.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const PROCEDURE = '1.001193'; // Đăng ký khai sinh: Hộ tịch, served at counter 1 of An Xuyên.

async function staff(baseURL: string | undefined, username: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.post('/api/auth/sign-in', { data: account(username) });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const db = () => postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
const anXuyen = async (sql: postgres.Sql) => (await sql`select id from centers where code = 'TT-32002'`)[0]!.id as string;
const numberOf = async (sql: postgres.Sql, trackingCode: string) => (await sql`select number from tickets where tracking_code = ${trackingCode}`)[0]!.number as number;

test('from a procedure page on a phone: a remote ticket in the kiosk’s sequence, people ahead, called, then “Tôi đã đến”', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const sql = db();
  const manager = await staff(baseURL, 'quanly.anxuyen');
  const officer = await staff(baseURL, 'canbo.anxuyen1');
  const phoneContext = await browser.newContext(PHONE);
  const page = await phoneContext.newPage();
  const errors = watchErrors(page);
  try {
    const centerId = await anXuyen(sql);
    // Browser tests run at any hour and the test centers close at 23:59: no stop before closing here.
    expect((await manager.patch(`/api/centers/${centerId}`, { data: { remotePerHour: 20, remoteStopMinutes: 0, remoteConfirmMinutes: 5 } })).status()).toBe(200);

    await page.goto(`/guide/${centerId}/${PROCEDURE}`);
    await page.getByTestId('proc-remote').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lấy số từ xa');
    await expect(page).toHaveURL(new RegExp(`/remote\\?center=${centerId}&service=`));
    const serviceId = new URL(page.url()).searchParams.get('service')!;
    await expect(page.getByTestId('remote-center')).toHaveValue(centerId);
    await expect(page.getByTestId('remote-service-HT').locator('input')).toBeChecked();
    await expect(page.getByTestId('remote-wait')).toBeVisible();
    await expect(page.getByText('trong vòng 5 phút')).toBeVisible();

    const aheadBefore = Number(await page.getByTestId('remote-ahead').textContent());
    // A kiosk ticket just before, the remote one, a kiosk ticket just after: one gap-free sequence.
    const before = await manager.post(`/api/centers/${centerId}/tickets`, { data: { serviceId } });
    expect(before.status()).toBe(201);
    const kioskBefore = (await before.json()) as { number: number };
    // The wait on the page follows the hall: the ticket just issued is one more person ahead.
    await expect(page.getByTestId('remote-ahead')).toHaveText(String(aheadBefore + 1), { timeout: 10_000 });
    await page.screenshot({ path: `${shots}/remote-take.png`, fullPage: true });
    const take = page.getByTestId('remote-take');
    const box = (await take.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
    expect(box.width).toBeLessThanOrEqual(390);
    await take.click();

    await expect(page).toHaveURL(/\/t\/[A-Z2-9]{10}$/);
    const trackingCode = page.url().split('/t/')[1]!;
    const code = (await page.getByTestId('track-number').textContent())!.trim();
    const after = (await (await manager.post(`/api/centers/${centerId}/tickets`, { data: { serviceId } })).json()) as { number: number };
    expect(await numberOf(sql, trackingCode)).toBe(kioskBefore.number + 1);
    expect(after.number).toBe(kioskBefore.number + 2);

    await expect(page.getByTestId('track-status')).toHaveText('Đang chờ đến lượt');
    expect(Number(await page.getByTestId('track-ahead').textContent())).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('track-remote')).toContainText('trong vòng 5 phút');
    await expect(page.getByTestId('track-arrive')).toBeVisible();
    await page.screenshot({ path: `${shots}/remote-ticket-waiting.png`, fullPage: true });

    // Counter 1 calls through the API until it reaches this ticket (earlier ones are served and finished).
    const mine = (await (await officer.get('/api/me/assignments')).json()) as { assignments: Array<{ counterId: string; centerId: string }> };
    const counterId = mine.assignments.find((a) => a.centerId === centerId)!.counterId;
    const inHand = ((await (await officer.get(`/api/counters/${counterId}/workstation`)).json()) as { current: { status: string } | null }).current;
    if (inHand?.status === 'called') await officer.post(`/api/counters/${counterId}/start`);
    if (inHand) expect((await officer.post(`/api/counters/${counterId}/done`)).status()).toBe(200);
    expect((await officer.post(`/api/counters/${counterId}/state`, { data: { state: 'open' } })).status()).toBe(200);
    for (let i = 0; ; i++) {
      expect(i, 'counter 1 reaches the remote ticket').toBeLessThan(100);
      const called = await officer.post(`/api/counters/${counterId}/call-next`);
      expect(called.status(), await called.text()).toBe(200);
      if (((await called.json()) as { current: { code: string } }).current.code === code) break;
      await officer.post(`/api/counters/${counterId}/start`);
      expect((await officer.post(`/api/counters/${counterId}/done`)).status()).toBe(200);
    }

    await expect(page.getByTestId('track-status')).toHaveText('Đến lượt bạn', { timeout: 15_000 });
    await expect(page.getByTestId('track-counter')).toContainText('Quầy');
    await page.getByTestId('track-arrive').click();
    await expect(page.getByTestId('track-arrived')).toContainText('Đã xác nhận có mặt lúc');
    await expect(page.getByTestId('track-arrive')).toHaveCount(0);
    const [confirmed] = await sql`select r.confirmed_at from remote_tickets r join tickets t on t.id = r.ticket_id where t.tracking_code = ${trackingCode}`;
    expect(confirmed!.confirmed_at).toBeInstanceOf(Date);
    await page.screenshot({ path: `${shots}/remote-ticket-called.png`, fullPage: true });

    // "Lấy số từ xa" leads back to today's ticket.
    await page.goto('/remote');
    await expect(page.getByTestId('remote-previous')).toContainText(code);

    await officer.post(`/api/counters/${counterId}/start`);
    await officer.post(`/api/counters/${counterId}/done`);
    expect(errors).toEqual([]);
  } finally {
    await Promise.all([manager.dispose(), officer.dispose(), phoneContext.close()]);
    await sql.end();
  }
});

test('a full hour’s remote quota and a center that takes none are said in words on the phone', async ({ browser, baseURL }) => {
  const sql = db();
  const manager = await staff(baseURL, 'quanly.anxuyen');
  const phoneContext = await browser.newContext(PHONE);
  const page = await phoneContext.newPage();
  try {
    const centerId = await anXuyen(sql);
    expect((await manager.patch(`/api/centers/${centerId}`, { data: { remotePerHour: 1, remoteStopMinutes: 0 } })).status()).toBe(200);
    // This hour and the next already hold their one place, whenever the test runs.
    await sql`insert into remote_ticket_quotas (center_id, hour, taken)
      select ${centerId}, to_char((now() + h * interval '1 hour') at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24'), 1 from generate_series(0, 1) h
      on conflict (center_id, hour) do update set taken = greatest(remote_ticket_quotas.taken, 1)`;
    const serviceId = ((await (await page.request.get(`/api/public/centers/${centerId}/guide/${PROCEDURE}`)).json()) as { service: { serviceId: string } }).service.serviceId;
    await page.goto(`/remote?center=${centerId}&service=${serviceId}`);
    await page.getByTestId('remote-take').click();
    await expect(page.getByTestId('remote-refusal')).toContainText('Đã hết lượt lấy số từ xa trong giờ này. Xin mời thử lại từ');
    await expect(page).toHaveURL(/\/remote\?/);
    await page.screenshot({ path: `${shots}/remote-quota-full.png`, fullPage: true });

    expect((await manager.patch(`/api/centers/${centerId}`, { data: { remotePerHour: 0 } })).status()).toBe(200);
    await page.reload();
    await expect(page.getByTestId('remote-off')).toContainText('Trung tâm này không nhận lấy số từ xa');
    await expect(page.getByTestId('remote-take')).toHaveCount(0);
  } finally {
    await manager.patch(`/api/centers/${(await anXuyen(sql))}`, { data: { remotePerHour: 20, remoteStopMinutes: 30 } });
    await Promise.all([manager.dispose(), phoneContext.close()]);
    await sql.end();
  }
});
