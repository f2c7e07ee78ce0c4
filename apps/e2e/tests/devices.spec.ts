import { randomBytes } from 'node:crypto';
import { expect, request as pwRequest, test } from '@playwright/test';
import postgres from 'postgres';
import { account, shots, signIn } from './support.js';

const AN_XUYEN = 'TT-32002';

test('the manager\'s Devices page shows which paired devices are online, and marks one silent in working hours', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const manager = await pwRequest.newContext({ baseURL });
  expect((await manager.post('/api/auth/sign-in', { data: account('quanly.anxuyen') })).status()).toBe(200);
  const centerId = ((await (await manager.get('/api/centers')).json()) as Array<{ id: string; code: string }>).find((c) => c.code === AN_XUYEN)!.id;
  const register = async (name: string) => {
    const res = await manager.post(`/api/centers/${centerId}/devices`, { data: { kind: 'kiosk', name } });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { pairingCode: string; device: { id: string } };
  };

  // A kiosk paired in its own browser and left open: its socket is its presence.
  const live = await register('Ki-ốt sảnh chính');
  const kioskContext = await browser.newContext();
  expect((await kioskContext.request.post('/api/devices/pair', { data: { code: live.pairingCode } })).status()).toBe(200);
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(`/kiosk/${centerId}`);

  // Another, paired but silent for ten minutes, already alerted by the worker's outage sweep.
  const silent = await register('Ki-ốt tầng 2');
  expect((await manager.post('/api/devices/pair', { data: { code: silent.pairingCode } })).status()).toBe(200);
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const since = new Date(Date.now() - 10 * 60_000);
    await sql`update devices set last_seen_at = ${since} where id = ${silent.device.id}`;
    await sql`insert into device_outages (device_id, since) values (${silent.device.id}, ${since})`;
  } finally {
    await sql.end();
  }

  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, 'quanly.anxuyen');
  await page.goto('/backoffice/devices');
  await expect(page.getByTestId(`presence-${live.device.id}`)).toContainText('Đang trực tuyến', { timeout: 20_000 });
  await expect(page.getByTestId(`presence-${silent.device.id}`)).toContainText('Mất kết nối');
  await expect(page.getByTestId(`outage-${silent.device.id}`)).toContainText('Mất kết nối trong giờ làm việc');
  await expect(page.getByTestId(`outage-${live.device.id}`)).toHaveCount(0);
  await page.screenshot({ path: `${shots}/devices-1366x768.png` });
  await kioskContext.close();
  await manager.dispose();
});

test('a barcode reader used as a keyboard checks an appointment in from the kiosk\'s service list (#18 item 4)', async ({ browser }) => {
  test.setTimeout(60_000);
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const code = randomBytes(8).toString('hex').toUpperCase().slice(0, 8);
  let centerId = '';
  try {
    const [center] = await sql`select id from centers where code = ${AN_XUYEN}`;
    centerId = center!.id;
    const [service] = await sql`select id from services where center_id = ${centerId} order by sort_order limit 1`;
    // A booking for now, on time within ±30 minutes whenever the test runs.
    await sql`update centers set appointment_on_time_minutes = 30 where id = ${centerId}`;
    await sql`insert into appointments (center_id, service_id, slot_start, code, manage_token)
      values (${centerId}, ${service!.id}, ${new Date()}, ${code}, ${randomBytes(18).toString('base64url')})`;
  } finally {
    await sql.end();
  }
  // The manager's session stands in for a paired kiosk.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const kiosk = await context.newPage();
  await signIn(kiosk, 'quanly.anxuyen');
  await kiosk.goto(`/kiosk/${centerId}`);
  await expect(kiosk.getByTestId('kiosk-appointment')).toBeVisible();
  // What a reader does: the code a few milliseconds a key, then Enter, with no field focused.
  await kiosk.keyboard.type(code, { delay: 5 });
  await kiosk.keyboard.press('Enter');
  await expect(kiosk.getByTestId('kiosk-appointment-result')).toContainText('Đúng giờ hẹn');
  await expect(kiosk.getByTestId('slip-number')).toHaveText(/^[A-Z]\d{3,4}$/);
  await context.close();
});
