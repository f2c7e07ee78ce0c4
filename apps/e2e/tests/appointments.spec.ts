import { randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import postgres from 'postgres';
import { localMinutes, openAroundNow } from './open-now.js';
import { shots, signIn } from './support.js';

type Desk = { counter: { centerId: string; state: string; services: Array<{ serviceId: string }> }; current: { status: string } | null };
const desk = async (request: APIRequestContext, counterId: string) => (await (await request.get(`/api/counters/${counterId}/workstation`)).json()) as Desk;
const hhmm = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
const code8 = () => randomBytes(8).toString('hex').toUpperCase().slice(0, 8);

test('the counter workstation marks appointment tickets: on time apart from late, in the line and when called', async ({ page, browser }) => {
  // A late check-in of today needs a slot 35 minutes back, and the test must end before midnight.
  test.skip(localMinutes() < 40 || localMinutes() >= 23 * 60 + 30, 'only between 00:40 and 23:30 in Hồ Chí Minh City');
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  let lateTicketId: string | undefined;
  let restore: (() => Promise<void>) | undefined;
  try {
    // Officer at counter 1 of An Xuyên, nothing in hand.
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, 'canbo.anxuyen1');
    await page.getByRole('link', { name: 'Quầy của tôi hôm nay' }).click();
    await page.getByRole('main').getByRole('link', { name: /^Quầy \d+$/ }).first().click();
    await expect(page).toHaveURL(/\/backoffice\/counter\/[0-9a-f-]{36}$/);
    const counterId = page.url().split('/counter/')[1]!;
    const mine = await desk(page.request, counterId);
    if (mine.current?.status === 'called') await page.request.post(`/api/counters/${counterId}/start`);
    if (mine.current) await page.request.post(`/api/counters/${counterId}/done`);
    const centerId = mine.counter.centerId;
    const serviceId = mine.counter.services[0]!.serviceId;
    restore = await openAroundNow(sql, centerId);

    // A citizen books the next free slot of today.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const slots = await (await page.request.get(`/api/public/centers/${centerId}/appointment-slots?serviceId=${serviceId}&date=${today}`)).json();
    const slot = (slots.slots as Array<{ start: string; remaining: number }>).find((s) => s.remaining > 0)!;
    const booked = await page.request.post(`/api/public/centers/${centerId}/appointments`, { data: { serviceId, slotStart: slot.start } });
    expect(booked.status()).toBe(201);
    const onTime = await booked.json();
    // Another citizen booked a slot that began 35 minutes ago: past the ±30-minute window, not yet missed
    // (10-minute slots: missed 40 minutes after the start). A past slot cannot be booked through the API.
    const lateSlot = new Date(Date.now() - 35 * 60_000);
    const lateCode = code8();
    await sql`insert into appointments (center_id, service_id, slot_start, code, manage_token)
      values (${centerId}, ${serviceId}, ${lateSlot}, ${lateCode}, ${randomBytes(18).toString('base64url')})`;

    // Both check in at the kiosk (the manager's session stands in for a paired kiosk).
    const kioskContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const kiosk = await kioskContext.newPage();
    await signIn(kiosk, 'quanly.anxuyen');
    const late = await kiosk.request.post(`/api/centers/${centerId}/appointments/check-in`, { data: { code: lateCode } });
    expect(late.status()).toBe(201);
    const lateSlip = await late.json();
    lateTicketId = lateSlip.id;
    const lateTicket = lateSlip.code as string;
    await kiosk.goto(`/kiosk/${centerId}`);
    await kiosk.getByTestId('kiosk-appointment').click();
    await kiosk.locator('#appt-code').fill(onTime.code);
    await kiosk.getByTestId('kiosk-appointment-submit').click();
    await expect(kiosk.getByTestId('kiosk-appointment-result')).toContainText('Đúng giờ hẹn');
    const onTimeTicket = (await kiosk.getByTestId('slip-number').textContent())!.trim();
    await kioskContext.close();

    // The officer sees both marked in the line, the late one set apart.
    await page.reload();
    if (mine.counter.state !== 'open' && mine.counter.state !== 'serving') {
      await page.getByRole('button', { name: /Mở quầy/ }).click();
      await expect(page.getByTestId('counter-state')).toHaveText('Đang mở');
    }
    const markOf = (ticket: string) => page.getByTestId('waiting-line').locator(`tr[data-code="${ticket}"]`).getByTestId('appointment-mark');
    await expect(markOf(onTimeTicket)).toHaveText(`Hẹn trước ${hhmm(slot.start)}`);
    await expect(markOf(lateTicket)).toHaveText(`Hẹn trước ${hhmm(lateSlot.toISOString())} · đến muộn`);
    await expect(markOf(onTimeTicket)).toHaveClass(/mark--appt-onTime/);
    await expect(markOf(lateTicket)).toHaveClass(/mark--appt-late/);
    await page.screenshot({ path: `${shots}/appointments-workstation-line.png`, fullPage: true });

    // Called first, and marked in the current panel too.
    await page.getByRole('button', { name: /Gọi số tiếp/ }).click();
    await expect(page.getByTestId('current-code')).toHaveText(onTimeTicket);
    await expect(page.getByTestId('current-appointment')).toHaveText(`Hẹn trước ${hhmm(slot.start)}`);
    await page.screenshot({ path: `${shots}/appointments-workstation-current.png` });

    // The hall display shows numbers only.
    const display = await (await page.request.get(`/api/public/centers/${centerId}/display`)).text();
    expect(display).not.toContain('appointment');

    await page.request.post(`/api/counters/${counterId}/start`);
    await page.request.post(`/api/counters/${counterId}/done`);
    expect(errors).toEqual([]);
  } finally {
    // Other browser tests share this line: the late ticket leaves it.
    if (lateTicketId) await sql`update tickets set status = 'cancelled' where id = ${lateTicketId} and status = 'waiting'`;
    await restore?.();
    await sql.end();
  }
});

test('a center manager sets the booking window: out of range is refused beside the field, and the citizen’s calendar stops at it', async ({ page, browser }) => {
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const [center] = await sql`select c.id, s.id as service_id from centers c join services s on s.center_id = c.id where c.code = 'TT-32002' order by s.sort_order limit 1`;
    await signIn(page, 'quanly.anxuyen');
    await page.getByRole('link', { name: 'Trung tâm, dịch vụ, quầy' }).click();
    const form = page.getByTestId('center-form');
    const days = form.getByLabel('Nhận đặt lịch trước tối đa (ngày, gồm hôm nay)');
    await expect(days).toHaveValue('14');
    await days.fill('61');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect(form.getByText('Từ 1 đến 60 ngày')).toBeVisible();
    await page.screenshot({ path: `${shots}/appointments-booking-window-error.png`, fullPage: true });
    await days.fill('5');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

    // A citizen's phone: the date picker ends on the fifth day (today included).
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const dayIn = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() + offset * 86_400_000));
    await expect(async () => {
      await phone.goto(`/book/${center!.id}/${center!.service_id}`);
      await expect(phone.getByTestId('slot-date')).toHaveAttribute('max', dayIn(4), { timeout: 1000 });
    }).toPass({ timeout: 10_000 }); // the API caches a center's settings for 2 s
    await phone.close();
  } finally {
    await sql`update centers set appointment_booking_days = 14 where code = 'TT-32002'`;
    await sql.end();
  }
});
