import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAccounts } from '../../../scripts/lib/sim/accounts.mjs';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scripts/demo-live.mjs');

describe('npm run demo:live (the live simulator against a real stack)', () => {
  let stack: Stack;
  let dir = '';
  let accounts: Account[];
  /** An officer the seed assigned today whose password was printed nowhere (as in a big seeded province). */
  let unprinted = '';

  beforeAll(async () => {
    stack = await startStack();
    accounts = await seed(stack);
    // The simulator respects opening hours; like the browser tests, the test centers never close.
    const allDay = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]));
    await stack.database.sql`update centers set opening_hours = ${JSON.stringify(allDay)}::jsonb`;
    const admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
    const call = async (method: string, url: string, body: unknown) => json(await fetch(`${stack.baseUrl}/api${url}`, { method, headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    const [tanThanh] = await stack.database.sql`select id from centers where code = 'TT-32014'`;
    const [counter] = await stack.database.sql`select id from counters where center_id = ${tanThanh!.id} and number = 2`;
    const created = await call('POST', '/staff', { username: 'canbo.tanthanh1', fullName: 'Lâm Văn Tài', homeCenterId: tanThanh!.id, roles: [{ role: 'officer', scopeUnitId: null, scopeCenterId: tanThanh!.id }] });
    unprinted = created.staff.id;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    await call('PUT', `/centers/${tanThanh!.id}/assignments`, { date: today, counterId: counter!.id, staffId: unprinted });
    dir = mkdtempSync(path.join(os.tmpdir(), 'demo-live-'));
    writeAccounts(path.join(dir, 'accounts.txt'), accounts);
  });
  afterAll(async () => {
    await stack?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('issues, calls and serves tickets and receives dossiers through the API, then stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [script, '--url', stack.baseUrl, '--accounts', path.join(dir, 'accounts.txt'), '--state', path.join(dir, 'state.json'), '--pace', '60', '--seed', '7', '--verbose'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const sql = stack.database.sql;
    const progress = async () => {
      const [t] = await sql`select count(*)::int as issued, count(called_at)::int as called, count(*) filter (where status = 'done')::int as done from tickets`;
      const [d] = await sql`select count(*) filter (where ticket_id is not null and received_at is not null)::int as at_counter from dossiers`;
      return { issued: t!.issued as number, called: t!.called as number, done: t!.done as number, atCounter: d!.at_counter as number };
    };
    const deadline = Date.now() + 40_000;
    let seen = await progress();
    const servedByUnprinted = async () => (await sql`select count(*)::int as n from tickets where officer_id = ${unprinted}`)[0]!.n as number;
    while (!(seen.done >= 3 && seen.atCounter >= 1 && (await servedByUnprinted()) > 0) && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 500));
      seen = await progress();
    }
    child.kill('SIGTERM');
    const code = await exit;

    expect(stderr, stdout).toBe('');
    expect(code).toBe(0);
    // Every request the simulated users made was accepted (--verbose prints any error into stdout).
    expect(stdout).toMatch(/Simulator stopped\. .* errors 0\n/);
    expect(seen.issued).toBeGreaterThan(0);
    expect(seen.called).toBeGreaterThan(0);
    expect(seen.done).toBeGreaterThanOrEqual(3);
    expect(seen.atCounter).toBeGreaterThanOrEqual(1);
    // Kiosks were paired the real way: registered by the admin, claimed with the pairing code.
    const kiosks = await sql`select center_id from devices where kind = 'kiosk' and paired_at is not null and revoked_at is null`;
    expect(kiosks.length).toBeGreaterThan(0);
    const byKiosk = await sql`select count(*)::int as n from ticket_events e join tickets t on t.id = e.ticket_id where e.kind = 'issued' and e.actor_id is null`;
    expect(byKiosk[0]!.n).toBeGreaterThan(0);
    // The unprinted officer was signed in through an admin password reset; printed demo passwords still work.
    expect(await servedByUnprinted()).toBeGreaterThan(0);
    await signIn(stack, 'canbo.anxuyen1', accounts.find((a) => a.username === 'canbo.anxuyen1')!.password);
    // Stopping finished the tickets in hand and closed the counters it opened.
    const inHand = await sql`select count(*)::int as n from tickets where status in ('called', 'serving')`;
    expect(inHand[0]!.n).toBe(0);
    const open = await sql`select count(*)::int as n from counters where state <> 'closed'`;
    expect(open[0]!.n).toBe(0);
  });
});
