import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAccounts } from '../../../scripts/lib/sim/accounts.mjs';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';
import { waitFor } from './wait.js';

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scripts/demo-live.mjs');

describe('npm run demo:live (the live simulator against a real stack)', () => {
  let stack: Stack;
  let dir = '';
  let accounts: Account[];
  /** An officer the seed assigned today whose password was printed nowhere (as in a big seeded province). */
  let unprinted = '';
  let centerCode = '';

  beforeAll(async () => {
    stack = await startStack();
    accounts = await seed(stack);
    // The simulator respects opening hours; like the browser tests, the test centers never close.
    const allDay = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]));
    await stack.database.sql`update centers set opening_hours = ${JSON.stringify(allDay)}::jsonb`;
    // Works with any demo seed: the center of a manager account, and there an officer assigned today whose
    // password was printed nowhere (as in a big seeded province) — the seed's, or one made here.
    const printed = accounts.map((a) => a.username);
    const sql = stack.database.sql;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const [center] = await sql`select c.id, c.code from centers c join staff s on s.home_center_id = c.id
      where s.username in ${sql(accounts.filter((a) => a.role === 'center_manager').map((a) => a.username))} order by c.code limit 1`;
    centerCode = center!.code;
    const [seeded] = await sql`select a.staff_id from assignments a join counters k on k.id = a.counter_id join staff s on s.id = a.staff_id
      where k.center_id = ${center!.id} and a.work_date = ${today} and s.username not in ${sql(printed)} limit 1`;
    if (seeded) unprinted = seeded.staff_id;
    else {
      const admin = await signIn(stack, 'admin', accounts.find((a) => a.role === 'admin')!.password);
      const call = async (method: string, url: string, body: unknown) =>
        json(await fetch(`${stack.baseUrl}/api${url}`, { method, headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
      const [counter] = await sql`select id from counters k where center_id = ${center!.id} and not exists (select 1 from assignments a where a.counter_id = k.id and a.work_date = ${today}) order by number desc limit 1`;
      const created = await call('POST', '/staff', { username: 'canbo.mophong1', fullName: 'Lâm Văn Tài', homeCenterId: center!.id, roles: [{ role: 'officer', scopeUnitId: null, scopeCenterId: center!.id }] });
      unprinted = created.staff.id;
      await call('PUT', `/centers/${center!.id}/assignments`, { date: today, counterId: counter!.id, staffId: unprinted });
    }
    dir = mkdtempSync(path.join(os.tmpdir(), 'demo-live-'));
    writeAccounts(path.join(dir, 'accounts.txt'), accounts);
  });
  afterAll(async () => {
    await stack?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('issues, calls and serves tickets and receives dossiers through the API, then stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [script, '--url', stack.baseUrl, '--accounts', path.join(dir, 'accounts.txt'), '--state', path.join(dir, 'state.json'), '--pace', '60', '--seed', '7', '--centers', centerCode, '--verbose'], {
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
    // Generous: on a loaded 2-core machine officers take a while to serve three citizens.
    let seen = await progress();
    const servedByUnprinted = async () => (await sql`select count(*)::int as n from tickets where officer_id = ${unprinted}`)[0]!.n as number;
    try {
      // A simulator that exits early ends the wait; the checks below then say what went wrong.
      await waitFor('three tickets served, one dossier received at a counter, one ticket by the added officer', async () => {
        seen = await progress();
        return child.exitCode !== null || (seen.done >= 3 && seen.atCounter >= 1 && (await servedByUnprinted()) > 0);
      }, 90_000);
    } finally {
      child.kill('SIGTERM');
    }
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
    expect(kiosks.length).toBe(1);
    const byKiosk = await sql`select count(*)::int as n from ticket_events e join tickets t on t.id = e.ticket_id where e.kind = 'issued' and e.actor_id is null`;
    expect(byKiosk[0]!.n).toBeGreaterThan(0);
    // The unprinted officer was signed in through an admin password reset; printed demo passwords still work.
    expect(await servedByUnprinted()).toBeGreaterThan(0);
    const officer = accounts.find((a) => a.role === 'officer')!;
    await signIn(stack, officer.username, officer.password);
    // Stopping finished the tickets in hand and closed the counters it opened.
    const inHand = await sql`select count(*)::int as n from tickets where status in ('called', 'serving')`;
    expect(inHand[0]!.n).toBe(0);
    const open = await sql`select count(*)::int as n from counters k join centers c on c.id = k.center_id where c.code = ${centerCode} and k.state <> 'closed'`;
    expect(open[0]!.n).toBe(0);
  }, 150_000);
});
