import { createHmac } from 'node:crypto';
import { QueueName } from '@motcua/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertWorld, insertDossiers, schedulerFor, type AlertWorld } from './alert-world.js';
import { signIn, startStack, type Stack } from './harness.js';
import { startHttpReceiver, startMailServer, type Mail } from './receivers.js';
import { waitFor } from './wait.js';

/** Email through a real SMTP server, and a unit webhook that fails once then accepts signed posts. */
describe('alert deliveries: email and signed webhook, retried with backoff, status visible', () => {
  let stack: Stack;
  let w: AlertWorld;
  let mails: Mail[] = [];
  const posts: { status: number; signature: string; timestamp: string; body: string }[] = [];
  let smtp: Awaited<ReturnType<typeof startMailServer>> | undefined;
  let hook: Awaited<ReturnType<typeof startHttpReceiver>> | undefined;
  const secret = 'webhook-secret-of-the-unit';

  beforeAll(async () => {
    smtp = await startMailServer();
    mails = smtp.mails;
    hook = await startHttpReceiver((req, body) => {
      // The first call fails: the delivery must come back after a backoff.
      const status = posts.length === 0 ? 503 : 200;
      posts.push({ status, signature: String(req.headers['x-motcua-signature']), timestamp: String(req.headers['x-motcua-timestamp']), body });
      return status;
    });
    stack = await startStack({ empty: true, worker: true, env: { SMTP_URL: smtp.url, OUTBOUND_ALLOW: '127.0.0.1', DELIVERY_BACKOFF_MS: '500', ALERT_SWEEP_EVERY_MS: '600000' } });
    w = await createAlertWorld(stack.database);
    await stack.database.sql`update staff set email = 'quanly@example.vn' where id = ${w.manager.id}`;
    await stack.database.sql`insert into alert_webhooks (unit_id, url, secret) values (${w.unitId}, ${`${hook.base}/alerts`}, ${secret})`;
  });
  afterAll(async () => {
    await stack?.stop();
    await smtp?.close();
    await hook?.close();
  });

  it('mails the manager, posts a signed webhook that succeeds on the second attempt, and shows both in the admin log', async () => {
    const [id] = await insertDossiers(stack.database, w, { receivedAt: new Date(), dueAt: new Date(Date.now() - 1000) });
    const alerts = schedulerFor(stack.database, stack.prefix);
    try {
      await alerts.scheduler.sync(id!);
    } finally {
      await alerts.close();
    }
    const rows = async () =>
      (await stack.database.sql`select d.channel, d.status, d.attempts, d.last_error, d.target from notification_deliveries d join notifications n on n.id = d.notification_id where n.dossier_id = ${id!} order by d.channel`).map((r) => ({ ...r }));
    // Email only for the manager (the assignee has no address); one webhook post per notification (assignee, manager).
    const done = await waitFor('every delivery sent', async () => {
      const r = await rows();
      return r.length === 3 && r.every((d) => d.status === 'sent') && r;
    }, 30_000);
    expect(done.filter((d) => d.channel === 'email')).toEqual([expect.objectContaining({ target: 'quanly@example.vn', attempts: 1, last_error: null })]);
    const hooks = done.filter((d) => String(d.channel).startsWith('webhook:'));
    expect(hooks.map((d) => d.attempts).sort()).toEqual([1, 2]);

    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe('quanly@example.vn');
    const [{ code }] = (await stack.database.sql`select code from dossiers where id = ${id!}`) as unknown as [{ code: string }];
    expect(mails[0]!.raw).toMatch(/^Subject: /m);
    expect(mails[0]!.raw.replace(/=\r?\n/g, '')).toContain(code);
    expect(posts.map((p) => p.status)).toEqual([503, 200, 200]);
    for (const p of posts) {
      expect(p.signature).toBe(`sha256=${createHmac('sha256', secret).update(`${p.timestamp}.${p.body}`).digest('hex')}`);
      expect(JSON.parse(p.body)).toMatchObject({ kind: 'overdue', dossierId: id });
    }

    const [admin] = await stack.database.sql`insert into staff (username, password_hash, full_name) select 'admin.' || ${w.unitId.slice(0, 6)}, password_hash, 'Quản trị' from staff where id = ${w.manager.id} returning id, username`;
    await stack.database.sql`insert into staff_roles (staff_id, role) values (${admin!.id}, 'admin')`;
    const cookie = await signIn(stack, admin!.username, w.password);
    const log = (await (await fetch(`${stack.baseUrl}/api/admin/notification-deliveries?status=sent`, { headers: { cookie } })).json()) as { total: number; items: { attempts: number }[] };
    expect(log.total).toBe(3);
    expect(log.items.map((d: { attempts: number }) => d.attempts).sort()).toEqual([1, 1, 2]);
    const officer = await signIn(stack, w.assignee.username, w.password);
    expect((await fetch(`${stack.baseUrl}/api/admin/notification-deliveries`, { headers: { cookie: officer } })).status).toBe(403);

    // The queue dashboard (Bull Board): admins only, and it sees the real queues.
    expect((await fetch(`${stack.baseUrl}/api/admin/queues`)).status).toBe(401);
    expect((await fetch(`${stack.baseUrl}/api/admin/queues`, { headers: { cookie: officer } })).status).toBe(403);
    const board = await fetch(`${stack.baseUrl}/api/admin/queues`, { headers: { cookie } });
    expect(board.status).toBe(200);
    expect(await board.text()).toMatch(/<html/i);
    const queues = (await (await fetch(`${stack.baseUrl}/api/admin/queues/api/queues`, { headers: { cookie } })).json()) as { queues: { name: string }[] };
    // Every queue of the contracts, and only those.
    expect(queues.queues.map((q) => q.name).sort()).toEqual(Object.values(QueueName).sort());
  });
});
