import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { shots, signIn } from './support.js';

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
