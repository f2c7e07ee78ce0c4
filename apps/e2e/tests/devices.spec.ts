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
