import { closeRedis, createRedis, JobProducer } from '@motcua/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from './wait.js';
import { json, signIn, startStack, type Stack } from './harness.js';

const MIN = 60_000;
const ALL_DAY = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]));

/**
 * #18 item 12: a paired device silent for DEVICE_OFFLINE_AFTER_MS while its center is open is
 * alerted to the center's managers, once per outage (real worker, Redis and PostgreSQL).
 */
describe('device outage alerts', () => {
  let stack: Stack;
  let redis: ReturnType<typeof createRedis>;
  let producer: JobProducer;
  let manager = '';
  let managerId = '';
  let openCenter = '';
  let closedCenter = '';

  beforeAll(async () => {
    // One minute of silence is an outage; the repeatable job kept out of the way, the test runs the sweeps.
    stack = await startStack({ worker: true, env: { DEVICE_OFFLINE_AFTER_MS: String(MIN), DEVICE_OFFLINE_EVERY_MS: '600000' } });
    const sql = stack.database.sql;
    const account = stack.accounts!.find((a) => a.username === 'quanly.anxuyen')!;
    manager = await signIn(stack, account.username, account.password);
    managerId = (await sql`select id from staff where username = 'quanly.anxuyen'`)[0]!.id;
    const scope = async (username: string) => (await sql`select r.scope_center_id as id from staff_roles r join staff s on s.id = r.staff_id where s.username = ${username} and r.role = 'center_manager'`)[0]!.id as string;
    openCenter = await scope('quanly.anxuyen');
    closedCenter = await scope('quanly.tanthanh');
    // Whatever the hour the test runs at: one center open all day, every day; the other never.
    await sql`update centers set opening_hours = ${JSON.stringify(ALL_DAY)}::jsonb where id = ${openCenter}`;
    await sql`update centers set opening_hours = '{}'::jsonb where id = ${closedCenter}`;
    redis = createRedis(process.env.MOTCUA_TEST_REDIS_URL!, 'bullmq');
    producer = new JobProducer(redis, stack.prefix);
  }, 120_000);
  afterAll(async () => {
    await producer?.close();
    if (redis) await closeRedis(redis);
    await stack?.stop();
  });

  /** A paired device last seen `agoMs` ago. */
  async function device(centerId: string, name: string, agoMs: number): Promise<string> {
    // The test's raw client sends text: timestamps as ISO strings.
    const seen = new Date(Date.now() - agoMs).toISOString();
    const [row] = await stack.database.sql`insert into devices (center_id, kind, name, token_hash, paired_at, last_seen_at)
      values (${centerId}, 'kiosk', ${name}, ${`hash-${name}`}, ${seen}, ${seen}) returning id`;
    return row!.id;
  }
  /** Several sweeps at once (the worker runs up to eight jobs in parallel), waited for to the end. */
  async function sweeps(n = 6): Promise<void> {
    const ids = await Promise.all(Array.from({ length: n }, () => producer.enqueue('devices.offline', {})));
    const queue = producer.queue('scheduled');
    await waitFor('the sweeps to finish', async () => (await Promise.all(ids.map(async (id) => (await queue.getJob(id))?.getState()))).every((s) => s === 'completed'), 30_000);
  }
  const notes = async (deviceId: string) =>
    stack.database.sql`select n.recipient_id, n.title, n.body, o.since from notifications n join device_outages o on o.id = n.device_outage_id
      where n.kind = 'device_offline' and o.device_id = ${deviceId} order by o.since`;
  const listed = async (id: string) => {
    const list = await json(await fetch(`${stack.baseUrl}/api/centers/${openCenter}/devices`, { headers: { cookie: manager } }));
    return list.find((d: { id: string }) => d.id === id) as { online: boolean; offlineAlertedAt: string | null };
  };

  it('alerts the open center\'s manager once per outage, never for a closed center, a revoked device or one seen just now', async () => {
    const silent = await device(openCenter, 'Ki-ốt sảnh chính', 10 * MIN);
    const fresh = await device(openCenter, 'Ki-ốt tầng 2', 0);
    const afterHours = await device(closedCenter, 'Ki-ốt Tân Thành', 10 * MIN);
    const revoked = await device(openCenter, 'Ki-ốt cũ', 10 * MIN);
    await stack.database.sql`update devices set revoked_at = now(), token_hash = null where id = ${revoked}`;
    expect((await listed(silent)).offlineAlertedAt).toBeNull();

    await sweeps();
    const first = await notes(silent);
    expect(first).toHaveLength(1);
    expect(first[0]!.recipient_id).toBe(managerId);
    expect(first[0]!.title).toContain('Ki-ốt sảnh chính mất kết nối');
    expect(await notes(fresh)).toHaveLength(0);
    expect(await notes(afterHours)).toHaveLength(0);
    expect(await notes(revoked)).toHaveLength(0);
    // The manager's bell and Devices page show it.
    const bell = await json(await fetch(`${stack.baseUrl}/api/me/notifications?page=1&pageSize=20`, { headers: { cookie: manager } }));
    expect(bell.items.filter((n: { kind: string }) => n.kind === 'device_offline')).toHaveLength(1);
    expect((await listed(silent)).offlineAlertedAt).not.toBeNull();
    expect((await listed(fresh)).offlineAlertedAt).toBeNull();

    // Still silent: more sweeps alert nobody again.
    await sweeps();
    expect(await notes(silent)).toHaveLength(1);

    // Back for a while (its socket renewed last_seen_at), then silent again: a new outage, alerted again.
    await stack.database.sql`update devices set last_seen_at = ${new Date(Date.now() - 2 * MIN).toISOString()} where id = ${silent}`;
    expect((await listed(silent)).offlineAlertedAt).toBeNull();
    await sweeps();
    expect(await notes(silent)).toHaveLength(2);
    expect((await listed(silent)).offlineAlertedAt).not.toBeNull();
  });
});
