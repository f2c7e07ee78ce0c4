import { QueueName } from '@motcua/contracts';
import { alertJobId } from '@motcua/core';
import { closeRedis, createRedis } from '@motcua/platform';
import { Queue } from 'bullmq';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertWorld, insertDossiers, schedulerFor, type AlertWorld } from './alert-world.js';
import { waitFor } from './wait.js';
import { signIn, startStack, type Stack } from './harness.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('deadline alerts fire at their planned instants, exactly once (real worker, Redis, Postgres)', () => {
  let stack: Stack;
  let w: AlertWorld;
  let alerts: ReturnType<typeof schedulerFor>;
  let socket: Socket;
  const pushed: { id: string; kind: string; dossierId: string; at: number }[] = [];

  // The sweep is slowed right down here: these tests prove the jobs themselves fire.
  beforeAll(async () => {
    stack = await startStack({ empty: true, worker: true, env: { ALERT_SWEEP_EVERY_MS: '600000' } });
    w = await createAlertWorld(stack.database);
    alerts = schedulerFor(stack.database, stack.prefix);
    const cookie = await signIn(stack, w.assignee.username, w.password);
    socket = io(`${stack.baseUrl}/staff`, { transports: ['websocket'], extraHeaders: { cookie } });
    socket.on('notification.created', (e) => pushed.push({ ...e.data.notification, at: Date.now() }));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
  });
  afterAll(async () => {
    socket?.close();
    await alerts?.close();
    await stack?.stop();
  });

  const notes = async (dossierId: string) =>
    (await stack.database.sql`select kind, recipient_id, deadline_version, created_at from notifications where dossier_id = ${dossierId} order by created_at`).map((r) => ({
      kind: r.kind as string, recipient_id: r.recipient_id as string, deadline_version: Number(r.deadline_version), created_at: new Date(r.created_at),
    }));

  it('warns one working day before the due time and marks overdue at it, to the assignee and the manager, live', async () => {
    const now = Date.now();
    // One working day of this calendar is 24 h: due-soon 3 s from now, overdue 24 h later.
    const [later] = await insertDossiers(stack.database, w, { dueAt: new Date(now + 24 * 3600_000 + 3000) });
    const [soon] = await insertDossiers(stack.database, w, { dueAt: new Date(now + 4000) });
    const result = await alerts.scheduler.sync([later!, soon!]);
    expect(result.added).toBe(3); // due-soon of the later one; due-soon (already due) and overdue of the soon one
    const [a] = await waitFor('due-soon of the later dossier', async () => (await notes(later!)).length === 2 && notes(later!));
    expect(a!.kind).toBe('due_soon');
    expect(a!.created_at.getTime()).toBeGreaterThanOrEqual(now + 3000);
    expect(a!.created_at.getTime()).toBeLessThan(now + 3000 + 2000);
    expect(new Set((await notes(later!)).map((n) => n.recipient_id))).toEqual(new Set([w.assignee.id, w.manager.id]));

    const rows = await waitFor('overdue of the soon dossier', async () => (await notes(soon!)).some((n) => n.kind === 'overdue') && notes(soon!));
    const overdue = rows.filter((n) => n.kind === 'overdue');
    expect(overdue).toHaveLength(2);
    expect(overdue[0]!.created_at.getTime()).toBeGreaterThanOrEqual(now + 4000);
    expect(overdue[0]!.created_at.getTime()).toBeLessThan(now + 4000 + 2000);
    // Its due-soon instant was already past when planned (the last working day had begun): it fired at once.
    expect(rows.filter((n) => n.kind === 'due_soon')).toHaveLength(2);
    await waitFor('the pushes', async () => pushed.filter((p) => p.dossierId === soon).length === 2);
    expect(pushed.filter((p) => p.dossierId === later).map((p) => p.kind)).toEqual(['due_soon']);
    expect(pushed.filter((p) => p.dossierId === soon).map((p) => p.kind).sort()).toEqual(['due_soon', 'overdue']);
    // Nothing is left in Redis for the fired alerts.
    await waitFor('the fired job to leave Redis', async () => (await alerts.queue.getJob(alertJobId(soon!, 'overdue', 0, 1))) === undefined);
  });

  it('pause cancels the alert, resume with a new deadline version fires it at the new due time', async () => {
    // Due in 6 s: the pause must land before it even on a loaded machine, or the alert rightly fires first.
    const firstDue = new Date(Date.now() + 6000);
    const [id] = await insertDossiers(stack.database, w, { dueAt: firstDue });
    await alerts.scheduler.sync(id!);
    expect(await alerts.queue.getJob(alertJobId(id!, 'overdue', 0, 1))).toBeDefined();
    await stack.database.sql`update dossiers set status = 'awaiting_supplement', paused_since = now() where id = ${id!}`;
    const paused = await alerts.scheduler.sync(id!);
    expect(paused.added).toBe(0);
    expect(await alerts.queue.getJob(alertJobId(id!, 'overdue', 0, 1))).toBeUndefined();
    // The old due time passing is the input: nothing may fire at it.
    await sleep(firstDue.getTime() + 1000 - Date.now());
    expect((await notes(id!)).filter((n) => n.kind === 'overdue')).toEqual([]);

    const newDue = new Date(Date.now() + 2000);
    await stack.database.sql`update dossiers set status = 'in_process', paused_since = null, due_at = ${newDue.toISOString()}, deadline_version = 2 where id = ${id!}`;
    await alerts.scheduler.sync(id!);
    const rows = await waitFor('overdue under version 2', async () => (await notes(id!)).filter((n) => n.kind === 'overdue').length === 2 && notes(id!));
    const overdue = rows.filter((n) => n.kind === 'overdue');
    expect(overdue.map((n) => n.deadline_version)).toEqual([2, 2]);
    expect(overdue[0]!.created_at.getTime()).toBeGreaterThanOrEqual(newDue.getTime());
  });

  it('an extension moves overdue to the extended due time; the old version’s job is removed, and a stale one is ignored', async () => {
    // Margins wide enough that the extension lands before the old due time on a loaded machine.
    const oldDue = new Date(Date.now() + 5000);
    const [id] = await insertDossiers(stack.database, w, { dueAt: oldDue });
    await alerts.scheduler.sync(id!);
    const extended = new Date(Date.now() + 8000);
    await stack.database.sql`update dossiers set extended_due_at = ${extended.toISOString()}, deadline_version = 2 where id = ${id!}`;
    const r = await alerts.scheduler.sync(id!);
    expect(r.removed).toBeGreaterThanOrEqual(1);
    expect(await alerts.queue.getJob(alertJobId(id!, 'overdue', 0, 1))).toBeUndefined();
    // A stray wake-up of the old version (a lost removal, a duplicate from elsewhere) changes nothing.
    await alerts.queue.add('alert.fire', { dossierId: id!, kind: 'overdue', stage: 0, deadlineVersion: 1 }, { jobId: 'stray-old-version' });
    await sleep(oldDue.getTime() + 1500 - Date.now());
    expect((await notes(id!)).filter((n) => n.kind === 'overdue')).toEqual([]);
    const stray = await alerts.queue.getJob('stray-old-version');
    expect(stray === undefined || (await stray.getState()) === 'completed').toBe(true);
    const rows = await waitFor('overdue at the extended due time', async () => (await notes(id!)).some((n) => n.kind === 'overdue') && notes(id!));
    expect(rows.find((n) => n.kind === 'overdue')!.created_at.getTime()).toBeGreaterThanOrEqual(extended.getTime());
    expect(rows.filter((n) => n.kind === 'overdue').every((n) => n.deadline_version === 2)).toBe(true);
  });

  it('a resolved dossier gets nothing; a retried or duplicated job never notifies twice', async () => {
    const [resolved] = await insertDossiers(stack.database, w, { receivedAt: new Date(), dueAt: new Date(Date.now() + 1500) });
    await alerts.scheduler.sync(resolved!);
    await stack.database.sql`update dossiers set status = 'resolved', resolved_at = now() where id = ${resolved!}`;
    await alerts.scheduler.sync(resolved!);

    const [id] = await insertDossiers(stack.database, w, { dueAt: new Date(Date.now() - 1000) });
    const payload = { dossierId: id!, kind: 'overdue', stage: 0, deadlineVersion: 1 };
    // The planned job, the same job added again, and two duplicates under other ids, all at once…
    await alerts.scheduler.sync(id!);
    await alerts.scheduler.sync(id!);
    await alerts.queue.addBulk([1, 2].map((i) => ({ name: 'alert.fire', data: payload, opts: { jobId: `dup-${i}-${id}` } })));
    await waitFor('the overdue notification', async () => (await notes(id!)).filter((n) => n.kind === 'overdue').length === 2);
    // …and a retry of the same job after it succeeded.
    const retry = await alerts.queue.add('alert.fire', payload, { jobId: `retry-${id}` });
    await waitFor('the retry to finish', async () => (await retry.getState()) === 'completed');
    // No second push must follow: give one time to show (no event marks an absence).
    await sleep(500);
    expect((await notes(id!)).filter((n) => n.kind === 'overdue')).toHaveLength(2);
    expect(pushed.filter((p) => p.dossierId === id && p.kind === 'overdue')).toHaveLength(1);
    expect(await notes(resolved!)).toEqual([]);
  });

  it('the bell: my notifications paged, unread count, mark read — only my own', async () => {
    const me = await signIn(stack, w.assignee.username, w.password);
    const boss = await signIn(stack, w.manager.username, w.password);
    const get = (cookie: string, path: string): Promise<any> => fetch(`${stack.baseUrl}/api${path}`, { headers: { cookie } }).then((r) => r.json());
    const post = (cookie: string, body: unknown) => fetch(`${stack.baseUrl}/api/me/notifications/read`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { unread } = await get(me, '/me/notifications/unread-count');
    expect(unread).toBeGreaterThanOrEqual(6);
    const page = await get(me, '/me/notifications?page=1&pageSize=2');
    expect(page).toMatchObject({ total: unread, unread, page: 1, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect(new Date(page.items[0].createdAt) >= new Date(page.items[1].createdAt)).toBe(true);
    // The manager marking the assignee's notification read changes nothing for the assignee.
    expect((await post(boss, { ids: [page.items[0].id] })).status).toBe(200);
    expect((await get(me, '/me/notifications/unread-count')).unread).toBe(unread);
    expect((await post(me, { ids: [page.items[0].id] })).status).toBe(200);
    expect((await get(me, '/me/notifications/unread-count')).unread).toBe(unread - 1);
    const bad = await post(me, {});
    expect(bad.status).toBe(400);
    expect((await post(me, { all: true })).status).toBe(200);
    expect(await get(me, '/me/notifications?unread=true')).toMatchObject({ total: 0, unread: 0, items: [] });
  });

  it('the morning digest tells each leader the overdue and due-today dossiers by commune, once a day', async () => {
    const other = await createAlertWorld(stack.database);
    await insertDossiers(stack.database, other, { dueAt: new Date(Date.now() - 3600_000), count: 2 });
    await insertDossiers(stack.database, other, { dueAt: new Date(Date.now() + 60_000) });
    await insertDossiers(stack.database, other, { dueAt: new Date(Date.now() - 3600_000), status: 'awaiting_supplement' });
    const connection = createRedis(process.env.MOTCUA_TEST_REDIS_URL!, 'bullmq');
    const scheduled = new Queue(QueueName.scheduled, { connection, prefix: stack.prefix });
    try {
      // The job scheduler runs it at 07:30; here it is run by hand, twice.
      for (const i of [1, 2]) {
        const job = await scheduled.add('alert.digest', {}, { jobId: `digest-now-${i}` });
        await waitFor('the digest job', async () => (await job.getState()) === 'completed' || (await scheduled.getJob(job.id!)) === undefined);
      }
      expect((await scheduled.getJobSchedulers()).map((j) => [j.key, j.pattern ?? j.every]).sort()).toEqual([['alert-digest', '30 7 * * *'], ['alert-sweep', 600000], ['alert-thresholds', 300000], ['appointment-expiry', 60000], ['devices.offline', 60000], ['payments.reconcile', 60000]]);
      // The other queues' repeatable jobs come from the same table.
      for (const [name, expected] of [[QueueName.analytics, [['analytics.rollup', 60000]]], [QueueName.queue, [['queue.expire-days', '5 * * * *']]]] as const) {
        const queue = new Queue(name, { connection, prefix: stack.prefix });
        expect((await queue.getJobSchedulers()).map((j) => [j.key, j.pattern ?? j.every])).toEqual(expected);
        await queue.close();
      }
    } finally {
      await scheduled.close();
      await closeRedis(connection);
    }
    const rows = await stack.database.sql`select title, body from notifications where recipient_id = ${other.leader.id} and kind = 'digest'`;
    expect(rows).toHaveLength(1);
    const [unit] = await stack.database.sql`select name from administrative_units where id = ${other.unitId}`;
    expect(rows[0]).toEqual({ title: '2 / 1', body: `${unit!.name}: 2 hồ sơ quá hạn, 1 hồ sơ đến hạn hôm nay` });
  });
});
