import { expect, test, type Browser, type Page } from '@playwright/test';
import { account, shots } from './support.js';

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/backoffice/sign-in');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(account(username).password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('link', { name: 'Hồ sơ', exact: true })).toBeVisible();
  return page;
}

test('an officer receives a dossier from the served ticket and prints the slip; a specialist resolves it; the officer returns it; the citizen follows each step', async ({ browser }) => {
  test.setTimeout(90_000);
  const officer = await signedIn(browser, 'canbo.anxuyen1');

  // A citizen's ticket is issued and the officer calls it at counter 1 and starts serving it (through the queue API).
  const centers = (await (await officer.request.get('/api/centers')).json()) as Array<{ id: string; code: string }>;
  const center = centers.find((c) => c.code === 'TT-32002')!;
  const detail = (await (await officer.request.get(`/api/centers/${center.id}`)).json()) as { services: Array<{ id: string; code: string }>; counters: Array<{ id: string; number: number }> };
  const counterId = detail.counters.find((c) => c.number === 1)!.id;
  expect((await officer.request.post(`/api/centers/${center.id}/tickets`, { data: { serviceId: detail.services.find((s) => s.code === 'HT')!.id } })).status()).toBe(201);
  // A closed counter cannot call: open it first (nothing changes if it is open).
  expect((await officer.request.post(`/api/counters/${counterId}/state`, { data: { state: 'open' } })).status()).toBe(200);
  expect((await officer.request.post(`/api/counters/${counterId}/call-next`)).status()).toBe(200);
  const serving = await (await officer.request.post(`/api/counters/${counterId}/start`)).json();

  // Intake at the counter from the ticket being served, opened from the workstation.
  await officer.goto(`/backoffice/counter/${counterId}`);
  await officer.getByTestId('receive-dossier').click();
  // The ticket reads as people say it (#18 item 11), and the picker offers its service's field first.
  await expect(officer.getByTestId('intake-ticket')).toHaveText(new RegExp(`^${serving.current.code as string} · Hộ tịch$`));
  await expect(officer.locator('#i-procedure option', { hasText: 'CTR-TT' })).toHaveCount(0);
  const ofField = await officer.locator('#i-procedure option').count();
  expect(ofField).toBeGreaterThan(1);
  // This citizen came for residence: every field, found by typing without diacritics.
  await officer.getByTestId('intake-all-fields').check();
  await expect.poll(() => officer.locator('#i-procedure option').count()).toBeGreaterThan(ofField);
  await officer.locator('#i-procedure-search').fill('thuong tru');
  await expect(officer.locator('#i-procedure option').nth(1)).toHaveText('CTR-TT — Đăng ký thường trú');
  await officer.locator('#i-procedure').selectOption({ label: 'CTR-TT — Đăng ký thường trú' });
  await officer.locator('#i-name').fill('Nguyễn Thị Lan');
  await officer.locator('#i-phone').fill('09123');
  await officer.getByRole('button', { name: 'Ghi nhận' }).click();
  // Field-level errors from the API, in Vietnamese.
  await expect(officer.locator('.field-error', { hasText: 'Số điện thoại Việt Nam gồm 10–11 số, bắt đầu bằng 0 hoặc +84' })).toBeVisible();
  await officer.locator('#i-phone').fill('0912345678');
  await officer.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(officer.locator('.field-error', { hasText: 'hãy chọn xã/phường cư trú' })).toBeVisible();
  await officer.screenshot({ path: `${shots}/dossier-intake-field-errors.png`, fullPage: true });
  await officer.locator('#i-residence').selectOption({ label: 'Phường An Xuyên' });
  await officer.locator('#i-docs').fill('Tờ khai thay đổi thông tin cư trú\nGiấy tờ chứng minh chỗ ở hợp pháp');
  await officer.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(officer.getByTestId('dossier-code')).toHaveText(/^H12\.32002-\d{6}-\d{4}$/);
  const code = (await officer.getByTestId('dossier-code').textContent())!.trim();
  await expect(officer.getByTestId('dossier-status')).toContainText('Đã tiếp nhận');
  await officer.screenshot({ path: `${shots}/dossier-received.png`, fullPage: true });

  // The receipt-and-appointment slip, A4 and 80 mm, with the QR code.
  await officer.locator('[data-print="receipt"]').click();
  await expect(officer.getByTestId('print-sheet')).toContainText('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  await expect(officer.getByTestId('print-appointment')).not.toHaveText('—');
  await expect(officer.locator('.qr img')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await officer.screenshot({ path: `${shots}/dossier-slip-a4.png`, fullPage: true });
  await officer.goto(officer.url().replace('size=a4', 'size=roll'));
  await expect(officer.getByTestId('print-sheet')).toHaveClass(/sheet--roll/);
  await officer.screenshot({ path: `${shots}/dossier-slip-80mm.png`, fullPage: true });

  // The citizen looks it up with the code and the last 4 digits of the phone.
  const citizen = await (await browser.newContext()).newPage();
  const track = async (status: string, shot: string) => {
    await citizen.goto(`/track?code=${encodeURIComponent(code)}`);
    await citizen.locator('#t-phone').fill('5678');
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await expect(citizen.getByTestId('tracking-status')).toHaveText(status);
    await expect(citizen.getByTestId('tracking')).not.toContainText('Nguyễn Thị Lan');
    await expect(citizen.getByTestId('tracking')).not.toContainText('0912345678');
    await citizen.screenshot({ path: `${shots}/${shot}.png`, fullPage: true });
  };
  await track('Đã tiếp nhận', 'track-received');

  // The specialist takes it from the inbox (round-robin picks them) and resolves it.
  const specialist = await signedIn(browser, 'chuyenvien.anxuyen');
  await specialist.goto('/backoffice/dossiers');
  await specialist.getByLabel('Tất cả').check();
  // The demo year fills the scope with older dossiers: find this one by its code.
  await specialist.getByLabel('Tìm theo mã, tên hoặc số điện thoại').fill(code);
  await specialist.getByLabel('Tìm theo mã, tên hoặc số điện thoại').press('Enter');
  await specialist.getByRole('link', { name: code }).click();
  await specialist.locator('[data-action="assign"]').click();
  await specialist.getByTestId('confirm-action').click();
  await expect(specialist.getByTestId('dossier-status')).toContainText('Đang xử lý');
  await expect(specialist.getByText('Bùi Quốc Khánh').first()).toBeVisible();
  await track('Đang giải quyết', 'track-in-process');
  await specialist.locator('[data-action="forward"]').click();
  await specialist.locator('#a-note').fill('Đã thẩm định, đủ điều kiện');
  await specialist.getByTestId('confirm-action').click();
  await expect(specialist.getByTestId('timeline')).toContainText('Chuyển bước');
  await specialist.locator('[data-action="resolve"]').click();
  await specialist.getByTestId('confirm-action').click();
  await expect(specialist.locator('.field-error', { hasText: 'Hãy đính kèm văn bản kết quả' })).toBeVisible();
  await specialist.locator('#a-doc').fill('Xác nhận đăng ký thường trú số 123/XN');
  await specialist.getByTestId('confirm-action').click();
  await expect(specialist.getByTestId('dossier-status')).toContainText('Đã có kết quả');
  await specialist.screenshot({ path: `${shots}/dossier-resolved.png`, fullPage: true });
  await track('Đã có kết quả, mời nhận', 'track-resolved');

  // The officer hands the result over at the counter.
  await officer.goto('/backoffice/dossiers');
  await officer.getByLabel('Tìm theo mã, tên hoặc số điện thoại').fill('0912345678');
  await officer.getByRole('button', { name: 'Lọc' }).click();
  await officer.getByRole('link', { name: code }).click();
  await officer.locator('[data-action="return"]').click();
  await officer.locator('#a-rby').fill('Nguyễn Thị Lan');
  await officer.getByTestId('confirm-action').click();
  await expect(officer.getByTestId('dossier-status')).toContainText('Đã trả kết quả');
  await expect(officer.getByTestId('timeline')).toContainText('Trả kết quả');
  await officer.screenshot({ path: `${shots}/dossier-returned.png`, fullPage: true });

  await track('Đã trả kết quả', 'track-returned');
  // Submitted, received, in process, resolved, returned: status changes only.
  await expect(citizen.locator('.timeline li')).toHaveCount(5);
});
