import { expect, type Page } from '@playwright/test';

/** Where browser tests save the screenshots people look at. */
export const shots = '../../artifacts/screenshots';

/** A demo account of the seeded province (global setup passes them in E2E_ACCOUNTS). */
export function account(username: string): { username: string; password: string } {
  const found = (JSON.parse(process.env.E2E_ACCOUNTS ?? '[]') as Array<{ username: string; password: string }>).find((a) => a.username === username);
  if (!found) throw new Error(`demo account ${username} missing`);
  return found;
}

/** Signs in to the backoffice through its form, as a person would. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/backoffice/sign-in');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(account(username).password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}
