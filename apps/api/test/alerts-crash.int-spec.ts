import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRedis } from '../../../scripts/lib/infra.mjs';
import { startApp } from '../../../scripts/lib/proc.mjs';
import { alertJobId } from '@motcua/core';
import { closeRedis, createRedis } from '@motcua/platform';
import { createAlertWorld, insertDossiers, schedulerFor, type AlertWorld } from './alert-world.js';
import { jobsCompleted, signIn, startStack, workerMain, type App, type Stack } from './harness.js';
import { waitFor } from './wait.js';

const SWEEP_MS = 3000;

/**
 * Exactly once through a SIGKILLed worker and a Redis that lost everything. This suite
 * has a redis-server of its own: restarting the shared one would break other suites.
 */
describe('alerts survive crashes', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let redisPort: number;
  let stack: Stack;
  let worker: App;
  let w: AlertWorld;
  let socket: Socket;
  const events = new Map<string, number>();
  const tmp = path.join(os.tmpdir(), `motcua-crash-${process.pid}`);

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis({ dir: path.join(tmp, 'a'), port: redisPort });
    stack = await startStack({ empty: true, worker: true, redisUrl: redis.url, env: { ALERT_SWEEP_EVERY_MS: String(SWEEP_MS) } });
    worker = stack.worker!;
    w = await createAlertWorld(stack.database);
    const cookie = await signIn(stack, w.assignee.username, w.password);
    socket = io(`${stack.baseUrl}/staff`, { transports: ['websocket'], extraHeaders: { cookie } });
    socket.on('notification.created', (e) => {
      const key = `${e.data.notification.dossierId}|${e.data.notification.kind}`;
      events.set(key, (events.get(key) ?? 0) + 1);
    });
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
  }, 120_000);
  afterAll(async () => {
    socket?.close();
    await worker?.stop();
    await stack?.stop();
    await redis?.stop();
  });

  const counts = async (ids: readonly string[], kind: string) => {
    const rows = await stack.database.sql`
      select d.id, count(n.id)::int as n from dossiers d left join notifications n on n.dossier_id = d.id and n.kind = ${kind}::notification_kind
      where d.id = any(${ids as string[]}::uuid[]) group by d.id`;
    return rows.map((r) => Number(r.n));
  };

  it('1,000 dossiers come due, the worker is SIGKILLed mid-run and restarted: every alert exactly once', async () => {
    const now = Date.now();
    const ids: string[] = [];
    // Received just now with a limit under one working day: no due-soon warning, only overdue.
    for (let i = 0; i < 4; i++) ids.push(...(await insertDossiers(stack.database, w, { receivedAt: new Date(now), dueAt: new Date(now + 4000 + i * 1000), count: 250 })));
    const alerts = schedulerFor(stack.database, stack.prefix, redis.url);
    try {
      for (let i = 0; i < ids.length; i += 500) await alerts.scheduler.sync(ids.slice(i, i + 500));
    } finally {
      await alerts.close();
    }
    // Kill once the overdue alerts are firing, well before they are all done.
    await waitFor('overdue alerts to start', async () => (await counts(ids, 'overdue')).filter((n) => n > 0).length >= 100, 30_000);
    worker.child.kill('SIGKILL');
    await worker.exit;
    const firedBeforeKill = (await counts(ids, 'overdue')).filter((n) => n > 0).length;
    expect(firedBeforeKill).toBeLessThan(1000);
    worker = startApp('worker', workerMain, stack.env, { quiet: true });

    await waitFor('every overdue alert', async () => (await counts(ids, 'overdue')).every((n) => n === 2), 60_000);
    await waitFor('every push', async () => ids.every((id) => events.get(`${id}|overdue`)), 30_000);
    // Rows the kill left pushed but not marked are marked by a sweep once 5 s old; their second push is
    // the same publishOnce key, so the counts below must still be one per alert.
    const unpushedNow = async () => Number(((await stack.database.sql`select count(*)::int as n from notifications where pushed_at is null`) as unknown as [{ n: string }])[0].n);
    await waitFor('the sweep to mark what the kill left unpushed', async () => (await unpushedNow()) === 0, 30_000);
    // One more whole sweep after that must change nothing.
    const swept = await jobsCompleted(stack, 'alert.sweep');
    await waitFor('one more whole sweep', async () => (await jobsCompleted(stack, 'alert.sweep')) >= swept + 2, 30_000);
    // Two recipients (assignee, manager) per alert; one push per alert to the assignee's room.
    expect(new Set(await counts(ids, 'overdue'))).toEqual(new Set([2]));
    expect(new Set(await counts(ids, 'due_soon'))).toEqual(new Set([0]));
    expect(new Set(ids.map((id) => events.get(`${id}|overdue`)))).toEqual(new Set([1]));
    expect(await unpushedNow()).toBe(0);
  }, 180_000);

  it('Redis is replaced by an empty one: the sweep restores every missing alert within one sweep period', async () => {
    const now = Date.now();
    const ids = await insertDossiers(stack.database, w, { receivedAt: new Date(now), dueAt: new Date(now + 2500), count: 200 });
    const alerts = schedulerFor(stack.database, stack.prefix, redis.url);
    try {
      await alerts.scheduler.sync(ids);
    } finally {
      await alerts.close();
    }
    // All jobs, the schedulers and the sequence counters go with the old server.
    await redis.stop();
    redis = await startRedis({ dir: path.join(tmp, 'b'), port: redisPort });
    const restartedAt = Date.now();
    await waitFor('every alert after the Redis loss', async () => (await counts(ids, 'overdue')).every((n) => n === 2), 30_000);
    const [{ last }] = (await stack.database.sql`select max(created_at) as last from notifications where dossier_id = any(${ids}::uuid[]) and kind = 'overdue'`) as unknown as [{ last: string }];
    const lateness = new Date(last).getTime() - Math.max(restartedAt, now + 2500);
    // One period to notice the loss, then the time to fire 200 alerts on a shared 2-core machine (the browser
    // tests run beside this suite: 7.4 s was seen, about 4 s of it firing).
    expect(lateness).toBeLessThanOrEqual(SWEEP_MS + 6000);
    await waitFor('every push', async () => ids.every((id) => events.get(`${id}|overdue`)), 15_000);
    expect(new Set(ids.map((id) => events.get(`${id}|overdue`)))).toEqual(new Set([1]));
  }, 120_000);

  it('the sweep horizon: after Redis lost every job, alerts due later than the first sweep re-plans are each back in time, none late', async () => {
    // Redis keeps only alerts due within two sweep periods after a loss; each later sweep re-plans the next
    // stretch, so an alert due at T is back at least one period before T (a sweep runs in every period).
    const now = Date.now();
    const groups = [7, 10, 13, 16].map((s) => ({ dueAt: new Date(now + s * 1000), ids: [] as string[] }));
    for (const g of groups) g.ids = await insertDossiers(stack.database, w, { receivedAt: new Date(now), dueAt: g.dueAt, count: 25 });
    const all = groups.flatMap((g) => g.ids);
    const alerts = schedulerFor(stack.database, stack.prefix, redis.url);
    try {
      await alerts.scheduler.sync(all);
    } finally {
      await alerts.close();
    }
    await redis.stop();
    redis = await startRedis({ dir: path.join(tmp, 'c'), port: redisPort });
    // When each overdue job is back in Redis: a moment before its due time, however loaded the machine
    // (the time the worker then takes to fire 25 alerts says nothing about the horizon).
    const watch = schedulerFor(stack.database, stack.prefix, redis.url);
    const client = createRedis(redis.url, 'bullmq');
    const backAt = new Map<string, number>();
    const done = new AbortController();
    const watcher = (async () => {
      while (!done.signal.aborted) {
        const missing = all.filter((id) => !backAt.has(id));
        const pipeline = client.pipeline();
        for (const id of missing) pipeline.exists(watch.queue.toKey(alertJobId(id, 'overdue', 0, 1)));
        const found = (await pipeline.exec()) ?? [];
        missing.forEach((id, i) => {
          if (found[i]?.[1] === 1) backAt.set(id, Date.now());
        });
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      await waitFor('every alert after the Redis loss', async () => (await counts(all, 'overdue')).every((n) => n === 2), 40_000);
    } finally {
      done.abort();
      await watcher;
      await watch.close();
      await closeRedis(client);
    }
    for (const g of groups) {
      const late = g.ids.filter((id) => (backAt.get(id) ?? Infinity) >= g.dueAt.getTime());
      expect(late, `alerts due at +${g.dueAt.getTime() - now} ms not back in Redis before then`).toEqual([]);
    }
  }, 120_000);
});
