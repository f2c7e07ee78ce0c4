import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { localMinutes, openAroundNow } from './open-now.js';
import { shots, signIn } from './support.js';

const PHONE = { width: 390, height: 844 };

async function anXuyen(sql: postgres.Sql) {
  const [row] = await sql`select id from centers where code = 'TT-32002'`;
  return row!.id as string;
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('the procedure page a QR poster opens shows documents, forms and the live wait on a phone', async ({ page }) => {
  const errors = watchErrors(page);
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const centerId = await anXuyen(sql);
    await page.setViewportSize(PHONE);
    await page.goto(`/guide/${centerId}`);
    await expect(page.getByRole('heading', { name: 'Hướng dẫn thủ tục' })).toBeVisible();
    await expect(page.getByTestId('guide-field-ho_tich')).toBeVisible();
    await page.screenshot({ path: `${shots}/guide-list.png`, fullPage: true });
    // Search works without diacritics.
    await page.getByTestId('guide-search').fill('khai sinh');
    await expect(page.getByTestId('guide-field-chung_thuc')).toHaveCount(0);
    // The catalogue also has combined birth registrations; take the plain one by its code.
    await page.locator('a[href$="/1.001193"]').click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai sinh');
    await expect(page.getByTestId('proc-same-day')).toBeVisible();
    await expect(page.getByTestId('proc-no-appointment')).toBeVisible();
    const docs = page.getByTestId('proc-documents');
    await expect(docs).toContainText('Giấy chứng sinh');
    await expect(docs).toContainText('Bản chính');
    await expect(docs).toContainText('cơ sở dữ liệu quốc gia');
    await expect(page.getByTestId('proc-forms')).toContainText('TK-KS');
    await expect(page.getByTestId('proc-notes')).toContainText('60 ngày');

    // The form opens as a printable A4 page in a new tab.
    const [sheet] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('proc-form-TK-KS').click()]);
    await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Tờ khai đăng ký khai sinh');
    await expect(sheet.getByText('Tôi cam đoan')).toBeVisible();
    await sheet.setViewportSize(PHONE);
    await sheet.screenshot({ path: `${shots}/guide-form-sheet-phone.png`, fullPage: true });
    await sheet.emulateMedia({ media: 'print' });
    await expect(sheet.getByRole('button', { name: 'In / Print' })).toBeHidden();
    await sheet.setViewportSize({ width: 794, height: 1123 });
    await sheet.screenshot({ path: `${shots}/guide-form-sheet-a4.png`, fullPage: true });
    await sheet.close();

    const waiting = Number(await page.getByTestId('proc-waiting').textContent());
    await page.screenshot({ path: `${shots}/guide-procedure.png`, fullPage: true });

    // A ticket taken at the kiosk for this service moves the wait on the open page without a reload.
    await page.request.post('/api/auth/sign-in', { data: { username: 'quanly.anxuyen', password: JSON.parse(process.env.E2E_ACCOUNTS!).find((a: { username: string }) => a.username === 'quanly.anxuyen').password } });
    const guide = await (await page.request.get(`/api/public/centers/${centerId}/guide/1.001193`)).json();
    expect((await page.request.post(`/api/centers/${centerId}/tickets`, { data: { serviceId: guide.service.serviceId } })).status()).toBe(201);
    await expect(page.getByTestId('proc-waiting')).toHaveText(String(waiting + 1), { timeout: 10_000 });
    await page.screenshot({ path: `${shots}/guide-procedure-live.png` });
    expect(errors).toEqual([]);
  } finally {
    await sql.end();
  }
});

test('booking end to end: book on a phone → code and QR → check in at the kiosk → called first at the counter', async ({ page, browser }) => {
  // The last slot of a day starts at 23:40, and the ticket must be called before the day ends.
  test.skip(localMinutes() >= 23 * 60 + 30, 'only before 23:30 in Hồ Chí Minh City');
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  let restore: (() => Promise<void>) | undefined;
  try {
    const centerId = await anXuyen(sql);
    restore = await openAroundNow(sql, centerId);

    await page.setViewportSize(PHONE);
    await page.goto(`/guide/${centerId}/1.001193`);
    await page.getByTestId('proc-book').click();
    await expect(page.getByRole('heading', { name: 'Đặt lịch hẹn' })).toBeVisible();
    await page.getByTestId('slot').and(page.locator(':enabled')).first().click();
    await page.getByTestId('book-phone').fill('12');
    await page.getByTestId('book-submit').click();
    await expect(page.getByRole('alert').filter({ hasText: 'Số điện thoại' })).toBeVisible();
    await page.screenshot({ path: `${shots}/guide-booking.png`, fullPage: true });
    await page.getByTestId('book-phone').fill('0912 345 678');
    await page.getByTestId('book-submit').click();

    await expect(page).toHaveURL(/\/appointment\/[A-Za-z0-9_-]{20,}$/);
    const code = (await page.getByTestId('appt-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    await expect(page.getByTestId('appt-qr')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect(page.getByTestId('appt-status')).toHaveText('Đã đặt');
    await expect(page.locator('body')).not.toContainText('345678');
    await page.screenshot({ path: `${shots}/guide-appointment.png`, fullPage: true });

    // Kiosk in the hall (the manager's session stands in for a paired kiosk).
    const kioskContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const kiosk = await kioskContext.newPage();
    await signIn(kiosk, 'quanly.anxuyen');
    await kiosk.goto(`/kiosk/${centerId}`);
    await kiosk.getByTestId('kiosk-appointment').click();
    await kiosk.locator('#appt-code').fill(code.toLowerCase());
    await kiosk.screenshot({ path: `${shots}/guide-kiosk-checkin.png` });
    await kiosk.getByTestId('kiosk-appointment-submit').click();
    await expect(kiosk.getByTestId('kiosk-appointment-result')).toContainText('Đúng giờ hẹn');
    const ticket = (await kiosk.getByTestId('slip-number').textContent())!.trim();
    await kiosk.screenshot({ path: `${shots}/guide-kiosk-slip.png` });
    await kioskContext.close();

    // The citizen's page now shows the ticket.
    await page.reload();
    await expect(page.getByTestId('appt-status')).toHaveText('Đã xác nhận tại trung tâm');
    await expect(page.getByText(`Số thứ tự của bạn: ${ticket}`)).toBeVisible();

    // Counter 1: earlier walk-ins may wait, the on-time appointment is called first.
    const officerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const desk = await officerContext.newPage();
    await signIn(desk, 'canbo.anxuyen1');
    await desk.getByRole('link', { name: 'Quầy của tôi hôm nay' }).click();
    await desk.getByRole('main').getByRole('link', { name: /^Quầy \d+$/ }).first().click();
    await expect(desk).toHaveURL(/\/backoffice\/counter\/[0-9a-f-]{36}$/);
    const counterId = desk.url().split('/counter/')[1]!;
    const ws = await (await desk.request.get(`/api/counters/${counterId}/workstation`)).json();
    if (ws.current?.status === 'called') await desk.request.post(`/api/counters/${counterId}/start`);
    if (ws.current) await desk.request.post(`/api/counters/${counterId}/done`);
    await desk.reload();
    if (ws.counter.state !== 'open' && ws.counter.state !== 'serving') await desk.getByRole('button', { name: /Mở quầy/ }).click();
    await desk.getByRole('button', { name: /Gọi số tiếp/ }).click();
    await expect(desk.getByTestId('current-code')).toHaveText(ticket);
    await desk.screenshot({ path: `${shots}/guide-counter-called.png` });
    await desk.request.post(`/api/counters/${counterId}/start`);
    await desk.request.post(`/api/counters/${counterId}/done`);
    await officerContext.close();
    expect(errors).toEqual([]);
  } finally {
    await restore?.();
    await sql.end();
  }
});

test('QR posters print per procedure on A5 and per field on A4, each QR carrying the center', async ({ page }) => {
  await signIn(page, 'quanly.anxuyen');
  await page.getByRole('link', { name: 'Áp phích mã QR' }).click();
  await expect(page.getByRole('heading', { name: 'Áp phích mã QR hướng dẫn thủ tục' })).toBeVisible();
  await expect(page.getByTestId('posters-field')).toBeVisible();
  await page.getByTestId('posters-by-procedure').check();
  await page.getByTestId('posters-field').selectOption('ho_tich');
  await page.getByTestId('posters-a5').check();
  await page.screenshot({ path: `${shots}/guide-posters-form.png` });
  const href = await page.getByTestId('posters-open').getAttribute('href');
  await page.goto(href!);
  const posters = page.getByTestId('poster');
  await expect(posters.first()).toBeVisible();
  const count = await posters.count();
  expect(count).toBeGreaterThanOrEqual(3);
  const centerId = href!.split('/posters/')[1]!.split('/')[0]!;
  await expect(posters.first().locator('img')).toHaveAttribute('alt', new RegExp(`/guide/${centerId}/[\\w.-]+$`));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('posters-print')).toBeHidden();
  expect(Math.round((await posters.first().boundingBox())!.width)).toBe(Math.round((148 / 25.4) * 96));
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: `${shots}/guide-posters-a5.png` });

  await page.goto(href!.replace('kind=procedure', 'kind=field').replace('size=A5', 'size=A4').replace(/&?field=ho_tich/, ''));
  await expect(posters.first()).toBeVisible();
  await expect(posters.first().locator('img')).toHaveAttribute('alt', new RegExp(`/guide/${centerId}\\?field=\\w+$`));
  await page.setViewportSize({ width: 900, height: 1200 });
  await page.screenshot({ path: `${shots}/guide-posters-a4.png` });
});

test('a province admin edits a guide side by side with a preview: a missing English step is refused beside the field, then the public page shows the new step', async ({ page }) => {
  const errors = watchErrors(page);
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const centerId = await anXuyen(sql);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await signIn(page, 'tinh.quantri');
    await page.goto('/backoffice/procedures');
    await page.getByTestId('guide-HT-GH').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hướng dẫn thủ tục: Đăng ký giám hộ');
    const steps = page.getByTestId('guide-editor').locator('[data-testid^="ge-step-"]');
    const before = await steps.count();

    await page.getByTestId('ge-add-step').click();
    await page.getByLabel(`Bước ${before + 1} – Tiếng Việt`).fill('Mang theo ảnh 4x6 của người được giám hộ');
    await page.getByTestId('ge-save').click();
    await expect(page.getByTestId(`ge-step-${before}`).locator('.field-error')).toHaveText('Không được để trống');

    await page.getByLabel(`Bước ${before + 1} – Tiếng Anh`).fill('Bring a 4x6 photo of the ward');
    // Keyboard-reachable reordering: the new step goes first.
    for (let i = before + 1; i > 1; i--) await page.getByRole('button', { name: `Đưa bước ${i} lên` }).click();
    await expect(page.getByLabel('Bước 1 – Tiếng Anh')).toHaveValue('Bring a 4x6 photo of the ward');
    // Errors point at rows by position: once rows move, the stale one is gone.
    await expect(page.getByTestId('guide-editor').locator('.field-error')).toHaveCount(0);
    await page.getByTestId('ge-form-pick').selectOption('TK-KS');
    await page.getByTestId('ge-add-form').click();
    await page.getByTestId('ge-notes-en').fill('Both parties come in person.');
    await page.getByTestId('ge-notes-vi').fill('Các bên có mặt khi đăng ký.');
    await page.getByTestId('ge-preview-en').check();
    await expect(page.getByTestId('ge-preview')).toContainText('Bring a 4x6 photo of the ward');
    await expect(page.getByTestId('ge-preview')).toContainText('TK-KS – Birth registration form');
    await page.screenshot({ path: `${shots}/guide-editor.png`, fullPage: true });
    await page.getByTestId('ge-save').click();
    await expect(page.getByRole('status')).toHaveText('Đã lưu. Trang hướng dẫn công khai đã cập nhật.');

    await page.setViewportSize(PHONE);
    await page.goto(`/guide/${centerId}/HT-GH`);
    await expect(page.locator('.proc__steps li').first()).toHaveText('Mang theo ảnh 4x6 của người được giám hộ');
    await expect(page.getByTestId('proc-notes')).toContainText('Các bên có mặt khi đăng ký.');
    await expect(page.getByTestId('proc-form-TK-KS')).toBeVisible();
    await page.screenshot({ path: `${shots}/guide-edited-public.png`, fullPage: true });
    expect(errors).toEqual([]);
  } finally {
    await sql.end();
  }
});
