import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { signIn } from './support.js';

/**
 * Issue #18 item 14: every page of the backoffice and the citizen app meets axe-core with no
 * critical or serious violation, and has exactly one `main` and one `h1` (the analytics app has
 * its own check in analytics-a11y.spec.ts). All pages are checked before asserting, so one run
 * lists every problem.
 */
type Finding = string;

async function audit(page: Page, label: string, findings: Finding[]): Promise<void> {
  // Live pages never go network-idle (sockets, polling): wait for the heading, then for loading to end.
  await expect(page.locator('h1').first()).toBeVisible({ timeout: 10_000 }).catch(() => {});
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 10_000 }).catch(() => {});
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
    findings.push(`${label}: ${v.id} (${v.impact}) — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }
  const mains = await page.locator('main, [role="main"]').count();
  const h1s = await page.locator('h1').count();
  if (mains !== 1) findings.push(`${label}: ${mains} main landmarks`);
  if (h1s !== 1) findings.push(`${label}: ${h1s} h1 headings`);
}

/** The pages a role's navigation offers, as paths under /backoffice. */
async function navPaths(page: Page): Promise<string[]> {
  const hrefs = await page.locator('nav a[href^="/backoffice/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter(Boolean))];
}

for (const user of ['tinh.quantri', 'quanly.anxuyen', 'canbo.anxuyen1', 'chuyenvien.anxuyen', 'lanhdao.tinh']) {
  test(`every backoffice page ${user} opens: no serious or critical axe violation, one main and one h1`, async ({ browser }) => {
    test.setTimeout(240_000);
    const findings: Finding[] = [];
    const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    try {
      await signIn(page, user);
      const paths = await navPaths(page);
      expect(paths.length, `${user} has a navigation`).toBeGreaterThan(0);
      for (const path of paths) {
        await page.goto(path);
        await audit(page, `${user} ${path}`, findings);
      }
      if (user === 'quanly.anxuyen') {
        const [c] = await sql`select c.id from centers c join staff s on s.home_center_id = c.id where s.username = ${user}`;
        await page.goto(`/backoffice/live/${c!.id}`);
        await audit(page, `${user} live board`, findings);
      }
      if (user === 'canbo.anxuyen1') {
        const [k] = await sql`select k.id from counters k join staff s on s.home_center_id = k.center_id where s.username = ${user} order by k.number limit 1`;
        await page.goto(`/backoffice/counter/${k!.id}`);
        await audit(page, `${user} workstation`, findings);
        await page.goto('/backoffice/dossiers/new');
        await audit(page, `${user} intake`, findings);
      }
      if (user === 'chuyenvien.anxuyen') {
        await page.goto('/backoffice/dossiers');
        const first = page.locator('a[href^="/backoffice/dossiers/"]').first();
        if (await first.count()) {
          await page.goto((await first.getAttribute('href'))!);
          await audit(page, `${user} dossier`, findings);
        }
      }
    } finally {
      await page.context().close();
      await sql.end();
    }
    expect(findings).toEqual([]);
  });
}

test('every page of the citizen app, at a phone and at the kiosk and TV sizes: no serious or critical axe violation, one main and one h1', async ({ browser }) => {
  test.setTimeout(180_000);
  const findings: Finding[] = [];
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const [c] = await sql`select c.id from centers c join staff s on s.home_center_id = c.id where s.username = 'quanly.anxuyen'`;
    const center = c!.id as string;
    const [t] = await sql`select tracking_code from tickets where center_id = ${center} order by arrived_at desc limit 1`;
    const pages: Array<[string, { width: number; height: number }]> = [
      ['/', { width: 390, height: 844 }],
      ['/track', { width: 390, height: 844 }],
      [`/guide/${center}`, { width: 390, height: 844 }],
      ['/verify', { width: 390, height: 844 }],
      [`/kiosk/${center}?print=off`, { width: 1080, height: 1920 }],
      [`/display/${center}?sound=off`, { width: 1920, height: 1080 }],
      ...(t ? [[`/t/${t.tracking_code}`, { width: 390, height: 844 }] as [string, { width: number; height: number }]] : []),
    ];
    // The kiosk and display need a paired device or staff: a manager's session stands in.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'quanly.anxuyen');
    for (const [path, viewport] of pages) {
      await page.setViewportSize(viewport);
      await page.goto(path);
      await audit(page, `${path} at ${viewport.width}×${viewport.height}`, findings);
    }
    await context.close();
  } finally {
    await sql.end();
  }
  expect(findings).toEqual([]);
});
