import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { shots, signIn } from './support.js';

test('an overdue dossier rings the bell live; the notifications page marks it read; admins see the delivery log', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    await signIn(page, 'canbo.anxuyen1');
    const bell = page.getByTestId('bell');
    await expect(bell).toHaveAccessibleName('Thông báo, không có thông báo chưa đọc');

    // The dossier workflow's side of it, done by hand: an in-process dossier of this officer, past due.
    const [me] = await sql`select id, home_center_id from staff where username = 'canbo.anxuyen1'`;
    const [center] = await sql`select unit_id from centers where id = ${me!.home_center_id}`;
    const [agency] = await sql`select id from agencies where unit_id = ${center!.unit_id} limit 1`;
    const [pv] = await sql`select id from procedure_versions limit 1`;
    await sql`insert into dossiers (code, agency_id, receiving_center_id, return_center_id, procedure_version_id, channel, status, applicant_name, received_at, due_at, assignee_id, deadline_version)
      values ('E2E-260101-0001', ${agency!.id}, ${me!.home_center_id}, ${me!.home_center_id}, ${pv!.id}, 'counter', 'in_process', 'Nguyễn Văn A', now() - interval '10 days', now() - interval '1 hour', ${me!.id}, 1)`;

    // The worker's sweep finds it and pushes to this officer's room: no reload.
    await expect(page.getByTestId('bell-count')).toHaveText('1', { timeout: 15_000 });
    await expect(bell).toHaveAccessibleName('Thông báo, 1 chưa đọc');
    await page.screenshot({ path: `${shots}/backoffice-bell.png` });

    await bell.click();
    await expect(page.getByRole('heading', { name: 'Thông báo của tôi' })).toBeVisible();
    await expect(page.getByTestId('notification-list')).toContainText('Hồ sơ E2E-260101-0001 đã quá hạn');
    await page.screenshot({ path: `${shots}/backoffice-notifications.png`, fullPage: true });
    await page.getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
    await expect(page.getByTestId('bell-count')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Đánh dấu đã đọc' })).toHaveCount(0);

    // Officers have no delivery log in their navigation.
    await expect(page.getByRole('link', { name: 'Nhật ký gửi thông báo' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Nhật ký gửi thông báo' }).click();
    await expect(page.getByRole('heading', { name: 'Nhật ký gửi thông báo' })).toBeVisible();
    await page.screenshot({ path: `${shots}/backoffice-delivery-log.png`, fullPage: true });
    const board = await page.request.get(await page.getByRole('link', { name: /Bull Board/ }).getAttribute('href') ?? '');
    expect(board.status()).toBe(200);
    expect(errors).toEqual([]);
  } finally {
    await sql.end();
  }
});
