import { QueueName } from '@motcua/contracts';
import { closeRedis, createRedis } from '@motcua/platform';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from './harness.js';

/**
 * The dossier workflow drives the alert jobs: every command reschedules them after commit
 * (the alerts suites cover what the worker then does with them).
 */
describe('dossier commands keep their deadline alerts in line', () => {
  let stack: Stack;
  let queue: Queue;
  let redis: ReturnType<typeof createRedis>;
  const cookie: Record<string, string> = {};
  const send = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie: cookie[who]!, 'content-type': 'application/json', 'accept-language': 'en' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const out = await json(res);
    expect(res.status, JSON.stringify(out)).toBeLessThan(300);
    return out;
  };
  /** Ids of the alert jobs Redis holds for a dossier. */
  const jobsOf = async (dossierId: string) => (await queue.getJobs(['delayed', 'waiting', 'active'])).map((j) => j.id!).filter((id) => id.endsWith(dossierId));

  beforeAll(async () => {
    stack = await startStack();
    const accounts = await seed(stack);
    for (const u of ['canbo.anxuyen1', 'chuyenvien.anxuyen']) cookie[u] = await signIn(stack, u, accounts.find((a) => a.username === u)!.password);
    redis = createRedis(process.env.MOTCUA_TEST_REDIS_URL!, 'bullmq');
    queue = new Queue(QueueName.alerts, { connection: redis, prefix: stack.prefix });
  });
  afterAll(async () => {
    await queue?.close();
    if (redis) await closeRedis(redis);
    await stack?.stop();
  });

  it('schedules on intake, drops them while paused, and reschedules with the new deadline version on resume', async () => {
    const sql = stack.database.sql;
    const [center] = await sql`select c.id, c.unit_id from centers c where c.code = 'TT-32002'`;
    const [procedure] = await sql`select id from procedures where code = 'CTR-TT'`;
    const applicant = { name: 'Nguyễn Thị Lan', phone: '0912345678' };
    const d = await send('canbo.anxuyen1', 'POST', `/centers/${center!.id}/dossiers`, { procedureId: procedure!.id, applicant, applicantUnitId: center!.unit_id, outcome: { kind: 'accept' } });
    const received = await jobsOf(d.id);
    expect(received).toHaveLength(1);
    expect(received[0]).toContain(`.v${d.deadlineVersion}.`);

    await send('chuyenvien.anxuyen', 'POST', `/dossiers/${d.id}/actions`, { action: 'assign' });
    await send('chuyenvien.anxuyen', 'POST', `/dossiers/${d.id}/actions`, { action: 'request_supplement', missingItems: ['Giấy xác nhận chỗ ở hợp pháp'] });
    expect(await jobsOf(d.id)).toEqual([]);

    const resumed = await send('chuyenvien.anxuyen', 'POST', `/dossiers/${d.id}/actions`, { action: 'supplement_received' });
    expect(resumed.deadlineVersion).toBeGreaterThan(d.deadlineVersion);
    const after = await jobsOf(d.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toContain(`.v${resumed.deadlineVersion}.`);

    await send('chuyenvien.anxuyen', 'POST', `/dossiers/${d.id}/actions`, { action: 'resolve', outcome: 'approved', documents: [{ name: 'Giấy xác nhận' }] });
    expect(await jobsOf(d.id)).toEqual([]);
  });
});
