import { createHmac } from 'node:crypto';
import { CitizenEvent, JobName, QueueName } from '@motcua/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobsCompleted, json, openCounters, seed, signIn, startStack, type Account, type Stack } from './harness.js';
import { startHttpReceiver, startMailServer, type Mail } from './receivers.js';
import { waitFor } from './wait.js';

/** Tuesday 1 Dec 2026, 09:00 in Hà Nội. */
const T0 = '2026-12-01T09:00:00+07:00';
const ALL_DAY = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]])));
const SECRET = 'citizen-webhook-secret-0123456789';

type Post = { path: string; status: number; key: string; body: any; auth: string; signatureOk: boolean };

/**
 * Messages to citizens end to end: the real API and worker, a real SMTP server, and one
 * local HTTP server acting as the SMS gateway, the Zalo gateway and the webhook receiver.
 */
describe('citizen notifications', () => {
  let stack: Stack;
  let accounts: Account[];
  const cookie: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const posts: Post[] = [];
  let mails: Mail[] = [];
  /** How many SMS posts (any key) still answer 500. */
  let smsFailures = 0;
  let smtp: Awaited<ReturnType<typeof startMailServer>> | undefined;
  let gateway: Awaited<ReturnType<typeof startHttpReceiver>> | undefined;

  const send = (who: string | null, method: string, path: string, body?: unknown, at = T0) =>
    fetch(`${stack.baseUrl}/api${path}`, {
      method,
      headers: { ...(who ? { cookie: cookie[who]! } : {}), 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': at },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const ok = async (res: Response, status = 200) => {
    const body = await json(res);
    expect(res.status, JSON.stringify(body)).toBe(status);
    return body;
  };
  const act = async (id: string, body: unknown, at: string) => ok(await send('chuyenvien.anxuyen', 'POST', `/dossiers/${id}/actions`, body, at));
  const receive = async (applicant: Record<string, unknown>, at = T0) =>
    ok(await send('canbo.anxuyen1', 'POST', `/centers/${ids.anXuyen}/dossiers`, { procedureId: ids['CTR-TT'], applicant, applicantUnitId: ids.unitAnXuyen, outcome: { kind: 'accept' } }, at), 201);
  const rows = async (dossierId: string) =>
    (await stack.database.sql`select event, channel, status, attempts, target, language, subject, body, event_key from citizen_deliveries where dossier_id = ${dossierId} order by created_at, channel`).map((r) => ({ ...r }));
  const settled = (dossierId: string, count: number) =>
    waitFor(`${count} deliveries settled`, async () => {
      const r = await rows(dossierId);
      return r.length === count && r.every((d) => d.status !== 'pending') && r;
    }, 30_000);

  beforeAll(async () => {
    smtp = await startMailServer();
    mails = smtp.mails;
    gateway = await startHttpReceiver((req, raw) => {
      const path = req.url ?? '';
      const status = path === '/sms' && smsFailures > 0 ? (smsFailures--, 500) : 200;
      const ts = String(req.headers['x-motcua-timestamp'] ?? '');
      const signatureOk = req.headers['x-motcua-signature'] === `sha256=${createHmac('sha256', SECRET).update(`${ts}.${raw}`).digest('hex')}`;
      posts.push({ path, status, key: String(req.headers['idempotency-key']), body: JSON.parse(raw), auth: String(req.headers.authorization ?? ''), signatureOk });
      return status;
    });
    const base = gateway.base;
    stack = await startStack({
      worker: true,
      env: {
        SMTP_URL: smtp.url, SMS_GATEWAY_URL: `${base}/sms`, SMS_GATEWAY_TOKEN: 'sms-token', ZALO_GATEWAY_URL: `${base}/zalo`, ZALO_GATEWAY_TOKEN: 'zalo-token',
        CITIZEN_WEBHOOK_URL: `${base}/hook`, CITIZEN_WEBHOOK_SECRET: SECRET, OUTBOUND_ALLOW: '127.0.0.1', DELIVERY_BACKOFF_MS: '200', PUBLIC_URL: 'https://motcua.example.vn', ALERT_SWEEP_EVERY_MS: '2000',
      },
    });
    accounts = await seed(stack);
    // The kiosk issues only for services an open counter serves (#18 item 1).
    await openCounters(stack);
    for (const u of ['admin', 'tinh.quantri', 'canbo.anxuyen1', 'chuyenvien.anxuyen', 'quanly.anxuyen', 'quanly.tanthanh']) cookie[u] = await signIn(stack, u, accounts.find((a) => a.username === u)!.password);
    const sql = stack.database.sql;
    for (const r of await sql`select code, id from centers`) if (r.code === 'TT-32002') ids.anXuyen = r.id;
    for (const r of await sql`select code, id from procedures`) ids[r.code] = r.id;
    ids.unitAnXuyen = (await sql`select id from administrative_units where code = '32002'`)[0]!.id;
    // This procedure's law makes the return date wait for the payment.
    await sql`update procedure_versions set obligation_pauses_clock = true where procedure_id = ${ids['CTR-TT']!}`;
  });
  afterAll(async () => {
    await stack?.stop();
    await smtp?.close();
    await gateway?.close();
  });

  it('every dossier event reaches each of the citizen’s channels exactly once, in their language, with the province’s template where it has one', async () => {
    const custom = await ok(await send('tinh.quantri', 'PUT', '/citizen-notifications/templates/result_ready/sms/en', { body: 'Result {{code}} ready at {{returnPoint}}!' }));
    expect(custom).toMatchObject({ overridden: true, body: 'Result {{code}} ready at {{returnPoint}}!' });

    const d = await receive({ name: 'Nguyễn Thị Lan', phone: '0912345678', email: 'lan@example.vn', language: 'en' });
    ids.lan = d.id;
    await act(d.id, { action: 'assign' }, '2026-12-01T10:00:00+07:00');
    await act(d.id, { action: 'request_supplement', missingItems: ['Copy of the birth certificate', 'Proof of residence'] }, '2026-12-02T09:00:00+07:00');
    await act(d.id, { action: 'supplement_received' }, '2026-12-03T09:00:00+07:00');
    await act(d.id, { action: 'notify_obligation', amountVnd: 500000, note: 'Pay at the counter or on the portal' }, '2026-12-03T10:00:00+07:00');
    await act(d.id, { action: 'record_payment', amountVnd: 500000, method: 'portal' }, '2026-12-03T11:00:00+07:00');
    await act(d.id, { action: 'extend', newDueAt: '2026-12-16T17:00:00+07:00', reason: 'Verification of the residence' }, '2026-12-04T09:00:00+07:00');
    await act(d.id, { action: 'resolve', outcome: 'approved', documents: [{ name: 'Residence confirmation' }] }, '2026-12-15T10:00:00+07:00');
    await ok(await send('canbo.anxuyen1', 'POST', `/dossiers/${d.id}/return`, { method: 'counter', receivedBy: 'Nguyễn Thị Lan' }, '2026-12-15T14:00:00+07:00'));

    const events = ['dossier_received', 'supplement_requested', 'obligation_to_pay', 'apology', 'result_ready', 'returned'];
    const done = await settled(d.id, events.length * 4);
    expect(done.every((r) => r.status === 'sent' && r.attempts === 1 && r.language === 'en')).toBe(true);
    for (const event of events) expect(done.filter((r) => r.event === event).map((r) => r.channel).sort(), event).toEqual(['email', 'sms', 'webhook', 'zalo']);

    const sms = (event: string) => done.find((r) => r.event === event && r.channel === 'sms')!.body as string;
    const mail = (event: string) => done.find((r) => r.event === event && r.channel === 'email')!;
    expect(sms('dossier_received')).toMatch(new RegExp(`^Dossier ${d.code.replace(/\./g, '\\.')} received\\. Result appointment: 09:00 10/12/2026\\.`));
    expect(mail('supplement_requested').body).toContain('- Copy of the birth certificate\n- Proof of residence');
    expect(sms('obligation_to_pay')).toContain('please pay 500,000 VND. Pay at the counter or on the portal. The return date is counted from when the payment is made.');
    expect(sms('apology')).toContain('New date: 17:00 16/12/2026');
    expect(mail('apology').body).toContain('Reason: Verification of the residence');
    expect(sms('result_ready')).toMatch(/^Result \S+ ready at .+!\nStop messages: https:\/\/motcua\.example\.vn\/opt-out\/[\w-]{24}$/);
    expect(mail('result_ready')).toMatchObject({ subject: `The result of dossier ${d.code} is ready` });

    // What the gateways, the webhook receiver and the mail server actually got: one each per event.
    const keys = new Set(done.map((r) => r.event_key));
    const mine = posts.filter((p) => [...keys].some((k) => p.key.startsWith(`${k}:`)));
    for (const path of ['/sms', '/zalo', '/hook']) expect(mine.filter((p) => p.path === path && p.status === 200), path).toHaveLength(events.length);
    expect(mine.filter((p) => p.path === '/sms').every((p) => p.auth === 'Bearer sms-token' && p.body.to === '0912345678')).toBe(true);
    expect(mine.filter((p) => p.path === '/hook').every((p) => p.signatureOk && p.body.optOutUrl?.startsWith('https://motcua.example.vn/'))).toBe(true);
    expect(mails.filter((m) => m.to === 'lan@example.vn')).toHaveLength(events.length);
  });

  it('a citizen without email, in Vietnamese by default, gets SMS, Zalo and the webhook only', async () => {
    const d = await receive({ name: 'Trần Văn Bảo', phone: '0987654321' });
    const done = await settled(d.id, 3);
    expect(done.map((r) => r.channel).sort()).toEqual(['sms', 'webhook', 'zalo']);
    expect(done.find((r) => r.channel === 'sms')!.body).toMatch(/^Ho so .* da duoc tiep nhan\. Hen tra ket qua: 09:00 10\/12\/2026\.\nHuy nhan tin: /);
    expect(done.find((r) => r.channel === 'zalo')!.language).toBe('vi');
  });

  it('a gateway that answers 500 twice then 200 is retried with backoff and delivers once', async () => {
    smsFailures = 2;
    const d = await receive({ name: 'Lê Thị Cúc', phone: '0911222333' });
    const done = await settled(d.id, 3);
    expect(done.find((r) => r.channel === 'sms')).toMatchObject({ status: 'sent', attempts: 3 });
    const key = `${done[0]!.event_key}:sms`;
    expect(posts.filter((p) => p.key === key).map((p) => p.status)).toEqual([500, 500, 200]);
  });

  it('re-running the notification job, or repeating a command, never sends twice', async () => {
    const [event] = await stack.database.sql`select event_key from citizen_deliveries where dossier_id = ${ids.lan!} and event = 'result_ready' limit 1`;
    const before = posts.length;
    const redis = new Redis(stack.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const queue = new Queue(QueueName.citizen, { connection: redis, prefix: stack.prefix });
    try {
      // Fresh job ids: BullMQ's own de-duplication is out of the way, only the database's unique key is left.
      for (let i = 0; i < 3; i++) await queue.add(JobName.citizenNotify, { event: 'result_ready', key: event!.event_key, dossierId: ids.lan }, { jobId: `rerun-${i}` });
      await waitFor('re-run jobs done', async () => Object.values(await queue.getJobCounts('waiting', 'active', 'delayed')).every((n) => n === 0), 10_000);
    } finally {
      await queue.close();
      redis.disconnect();
    }
    const again = await send('canbo.anxuyen1', 'POST', `/dossiers/${ids.lan}/return`, { method: 'counter', receivedBy: 'Nguyễn Thị Lan' }, '2026-12-15T15:00:00+07:00');
    expect(again.status).toBe(409);
    // Repeated online submissions return the same dossier and tell the citizen nothing new.
    const online = { procedureId: ids['CTR-TT'], applicant: { name: 'Phan Văn Dũng', phone: '0933444555' }, applicantUnitId: ids.unitAnXuyen, receivingCenterId: ids.anXuyen, idempotencyKey: 'portal-citizen-0001' };
    const first = await ok(await send(null, 'POST', '/intake/online', online));
    await Promise.all([1, 2, 3].map(() => send(null, 'POST', '/intake/online', online)));
    // Nothing must arrive: give a wrongly queued message time to show (no event marks an absence).
    await new Promise((r) => setTimeout(r, 1500));
    expect(posts.length).toBe(before);
    expect((await rows(ids.lan!)).filter((r) => r.event === 'result_ready')).toHaveLength(4);
    const [firstRow] = await stack.database.sql`select id from dossiers where code = ${first.code}`;
    expect(await rows(firstRow!.id as string)).toEqual([]);
  });

  it('opening the opt-out link changes nothing; confirming it (POST) stops every later message to that phone, and the log says so', async () => {
    const d = await receive({ name: 'Đỗ Thị Hoa', phone: '0977888999', email: 'hoa@example.vn' });
    const first = await settled(d.id, 4);
    const token = /opt-out\/([A-Za-z0-9_-]+)/.exec(first.find((r) => r.channel === 'sms')!.body)![1]!;
    const optedOutAt = async () => (await stack.database.sql`select opted_out_at from citizen_contacts where opt_out_token = ${token}`)[0]!.opted_out_at;
    // What a link scanner or a chat preview does: GET, twice. The number is shown masked only.
    for (let i = 0; i < 2; i++) expect(await ok(await send(null, 'GET', `/public/notifications/opt-out/${token}`))).toEqual({ kind: 'phone', contact: '097****999', optedOut: false });
    expect(await optedOutAt()).toBeNull();
    const res = await ok(await send(null, 'POST', `/public/notifications/opt-out/${token}`));
    expect(res).toMatchObject({ optedOut: true });
    expect(await optedOutAt()).not.toBeNull();
    expect(await ok(await send(null, 'GET', `/public/notifications/opt-out/${token}`))).toEqual({ kind: 'phone', contact: '097****999', optedOut: true });
    for (const method of ['GET', 'POST']) expect((await send(null, method, `/public/notifications/opt-out/${'x'.repeat(24)}`)).status).toBe(404);
    // A link sent before the confirmation page existed takes a browser to the page.
    const legacy = await fetch(`${stack.baseUrl}/api/public/notifications/opt-out/${token}`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, redirect: 'manual' });
    expect([legacy.status, legacy.headers.get('location')]).toEqual([303, `/opt-out/${token}`]);
    const before = posts.length;
    await act(d.id, { action: 'assign' }, '2026-12-01T10:00:00+07:00');
    await act(d.id, { action: 'request_supplement', missingItems: ['Proof of residence'] }, '2026-12-02T09:00:00+07:00');
    const all = await settled(d.id, 8);
    const later = all.filter((r) => r.event === 'supplement_requested');
    // The phone opted out (SMS, Zalo and the webhook that follows it); the email address did not.
    expect(later.map((r) => `${r.channel}:${r.status}`).sort()).toEqual(['email:sent', 'sms:opted_out', 'webhook:opted_out', 'zalo:opted_out']);
    expect(posts.slice(before)).toEqual([]);
  });

  /** A center open all day with one service and one open counter serving it: a queue of its own for a test. */
  async function centerWithCounter(code: string, prefix: string, label: string, number: number) {
    const sql = stack.database.sql;
    const [unit] = await sql`select unit_id from centers where code = 'TT-32002'`;
    const [c] = await sql`insert into centers (code, name, unit_id, opening_hours) values (${code}, ${`Trung tâm ${code}`}, ${unit!.unit_id}, ${ALL_DAY}::jsonb) returning id`;
    const [svc] = await sql`insert into services (center_id, code, name_vi, name_en, ticket_prefix, typical_service_minutes, field, sort_order) values (${c!.id}, 'HT', 'Hộ tịch', 'Civil status', ${prefix}, 8, 'ho_tich', 0) returning id`;
    const [k] = await sql`insert into counters (center_id, label, number, state) values (${c!.id}, ${label}, ${number}, 'open') returning id`;
    await sql`insert into counter_services (counter_id, service_id, weight) values (${k!.id}, ${svc!.id}, 1)`;
    return { c, svc, k };
  }

  it('a phone left at the kiosk gets one text when the ticket is first called; no public surface shows it', async () => {
    const sql = stack.database.sql;
    const { c, svc, k } = await centerWithCounter('N-CALL', 'A', 'Quầy 5', 5);

    const bad = await send('admin', 'POST', `/centers/${c!.id}/tickets`, { serviceId: svc!.id, phone: '12345' });
    expect((await json(bad)).error.details).toEqual([expect.objectContaining({ path: 'body.phone' })]);
    const withPhone = await ok(await send('admin', 'POST', `/centers/${c!.id}/tickets`, { serviceId: svc!.id, phone: '0905111222', language: 'vi' }), 201);
    await ok(await send('admin', 'POST', `/centers/${c!.id}/tickets`, { serviceId: svc!.id }), 201);
    for (const path of [`/public/centers/${c!.id}/display`, `/public/centers/${c!.id}/kiosk`, `/public/tickets/${withPhone.trackingCode}`]) {
      const body = await send(null, 'GET', path);
      expect(JSON.stringify(await json(body)), path).not.toContain('0905111222');
    }
    expect(JSON.stringify(withPhone)).not.toContain('0905111222');

    await ok(await send('admin', 'POST', `/counters/${k!.id}/call-next`));
    await ok(await send('admin', 'POST', `/counters/${k!.id}/recall`));
    await ok(await send('admin', 'POST', `/counters/${k!.id}/start`));
    await ok(await send('admin', 'POST', `/counters/${k!.id}/done`));
    await ok(await send('admin', 'POST', `/counters/${k!.id}/call-next`)); // the ticket without a phone
    const texts = await waitFor('ticket text sent', async () => {
      const r = await sql`select channel, status, body from citizen_deliveries where ticket_id is not null and reference = ${withPhone.code} and status = 'sent'`;
      return r.length === 3 && r;
    }, 20_000);
    expect(texts.find((r) => r.channel === 'sms')!.body).toMatch(new RegExp(`^Moi so ${withPhone.code} den Quầy 5 - Trung tâm N-CALL\\.`));
    // The gateway got the number; the log keeps it masked.
    expect(posts.filter((p) => p.path === '/sms' && p.body.reference === withPhone.code).map((p) => p.body.to)).toEqual(['0905111222']);
    const logged = await sql`select target from citizen_deliveries where reference = ${withPhone.code}`;
    expect(JSON.stringify(logged)).not.toContain('0905111222');
    expect(logged.map((r) => r.target)).toContain('090****222');
    // And no fourth: give a duplicate time to show (no event marks an absence).
    await new Promise((r) => setTimeout(r, 800));
    expect(await sql`select count(*)::int as n from citizen_deliveries where event = 'ticket_called'`).toEqual([{ n: 3 }]);
  });

  it('a phone left at the kiosk hears "3 ahead" once when the line reaches it, then its call', async () => {
    const sql = stack.database.sql;
    const { c, svc, k } = await centerWithCounter('N-SOON', 'S', 'Quầy 2', 2);
    for (let i = 0; i < 4; i++) await ok(await send('admin', 'POST', `/centers/${c!.id}/tickets`, { serviceId: svc!.id }), 201);
    const mine = await ok(await send('admin', 'POST', `/centers/${c!.id}/tickets`, { serviceId: svc!.id, phone: '0905333444', language: 'vi' }), 201);
    const soon = () => sql`select channel, body from citizen_deliveries where event = 'ticket_soon' and reference = ${mine.code} and status = 'sent'`;
    // Four ahead: nothing yet. The first call leaves three ahead.
    await ok(await send('admin', 'POST', `/counters/${k!.id}/call-next`));
    const texts = await waitFor('the "3 ahead" text', async () => {
      const r = await soon();
      return r.some((x) => x.channel === 'sms') && r;
    }, 20_000);
    expect(texts.find((r) => r.channel === 'sms')!.body).toMatch(new RegExp(`^Con 3 nguoi nua den luot so ${mine.code} - Trung tâm N-SOON\\.`));
    // The next calls leave two, then one, then none ahead: no second "soon", and the call comes.
    for (let i = 0; i < 4; i++) {
      await ok(await send('admin', 'POST', `/counters/${k!.id}/start`));
      await ok(await send('admin', 'POST', `/counters/${k!.id}/done`));
      await ok(await send('admin', 'POST', `/counters/${k!.id}/call-next`));
    }
    await waitFor('the call text', async () => (await sql`select 1 from citizen_deliveries where event = 'ticket_called' and reference = ${mine.code} and channel = 'sms' and status = 'sent'`).length > 0, 20_000);
    // Once per channel. Not compared with the channels seen at the first read: each channel's copy
    // leaves on its own, and a Zalo copy sent after the SMS is not a second "soon".
    const all = await sql`select channel from citizen_deliveries where event = 'ticket_soon' and reference = ${mine.code}`;
    expect(all.map((r) => r.channel)).toContain('sms');
    expect(new Set(all.map((r) => r.channel)).size).toBe(all.length);
  });

  it('the delivery log is scoped to the manager’s centers and masks targets; templates check their placeholders', async () => {
    const mine = await ok(await send('quanly.anxuyen', 'GET', '/citizen-notifications/deliveries?pageSize=100&channel=sms'));
    expect(mine.total).toBeGreaterThan(5);
    expect(mine.items.every((i: { target: string }) => /^\d{3}\*{4}\d{3}$/.test(i.target))).toBe(true);
    expect(JSON.stringify(mine)).not.toContain('0912345678');
    expect((await ok(await send('quanly.tanthanh', 'GET', '/citizen-notifications/deliveries'))).total).toBe(0);
    const optedOut = await ok(await send('admin', 'GET', '/citizen-notifications/deliveries?status=opted_out'));
    expect(optedOut.total).toBe(3);

    const bad = await send('tinh.quantri', 'PUT', '/citizen-notifications/templates/returned/email/vi', { subject: 'Xong', body: 'Hồ sơ {{code}} hẹn {{dueDate}}' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.details).toEqual([{ path: 'body.body', message: expect.stringContaining('{{dueDate}}') }]);
    const reset = await ok(await send('tinh.quantri', 'DELETE', '/citizen-notifications/templates/result_ready/sms/en'));
    expect(reset).toMatchObject({ overridden: false, body: expect.stringContaining('{{returnPoint}}') });
    const list = await ok(await send('tinh.quantri', 'GET', '/citizen-notifications/templates'));
    expect(list).toHaveLength(CitizenEvent.length * 4 * 2);
  });
  it('opting out also stops a message still being retried', async () => {
    smsFailures = 1000;
    try {
      const d = await receive({ name: 'Mai Văn Tâm', phone: '0966000111' });
      const failing = await waitFor('SMS failed twice', async () => {
        const r = (await rows(d.id)).find((x) => x.channel === 'sms');
        return r && r.attempts >= 2 && r;
      }, 20_000);
      const token = /opt-out\/([A-Za-z0-9_-]+)/.exec(failing.body)![1]!;
      await ok(await send(null, 'POST', `/public/notifications/opt-out/${token}`));
      const postsAtOptOut = posts.filter((p) => p.key === `${failing.event_key}:sms`).length;
      const stopped = await waitFor('SMS stopped', async () => {
        const r = (await rows(d.id)).find((x) => x.channel === 'sms');
        return r?.status === 'opted_out' && r;
      }, 20_000);
      // At most the attempt already in flight when the link was opened; none after.
      expect(posts.filter((p) => p.key === `${failing.event_key}:sms`).length).toBeLessThanOrEqual(postsAtOptOut + 1);
      expect(stopped.attempts).toBeLessThan(8);
    } finally {
      smsFailures = 0;
    }
  });
  it('a delivery whose send job was lost (Redis flushed, worker killed) is sent by the sweep', async () => {
    const sql = stack.database.sql;
    const [center] = await sql`select id from centers where code = 'TT-32002'`;
    const [row] = await sql`insert into citizen_deliveries (event_key, event, channel, target, language, center_id, reference, body, updated_at)
      values ('lost-job-event', 'returned', 'sms', '0944555666', 'vi', ${center!.id}, 'LOST-1', 'Da tra ket qua', now() - interval '10 minutes') returning id`;
    const sent = await waitFor('the sweep resends it', async () => {
      const [r] = await sql`select status, attempts from citizen_deliveries where id = ${row!.id}`;
      return r?.status === 'sent' && r;
    }, 20_000);
    expect(sent.attempts).toBe(1);
    expect(posts.filter((p) => p.key === 'lost-job-event:sms')).toHaveLength(1);
  });

  it('a ticket call still pending when its phone was deleted at the end of the day is not sent', async () => {
    const sql = stack.database.sql;
    const [t] = await sql`select t.id, t.center_id, t.code from tickets t where not exists (select 1 from ticket_contacts c where c.ticket_id = t.id) limit 1`;
    const key = `ticket-called:${t!.id}`;
    await sql`insert into citizen_deliveries (event_key, event, channel, target, language, center_id, ticket_id, reference, body, updated_at)
      values (${key}, 'ticket_called', 'sms', '090****222', 'vi', ${t!.center_id}, ${t!.id}, ${t!.code}, 'Moi so', now() - interval '10 minutes')`;
    const failed = await waitFor('the sweep gives it up', async () => {
      const [r] = await sql`select status, attempts, last_error from citizen_deliveries where event_key = ${key}`;
      return r?.status === 'failed' && r;
    }, 20_000);
    expect(failed).toMatchObject({ attempts: 0, last_error: expect.stringMatching(/deleted at the end of its day/) });
    expect(posts.filter((p) => p.key.startsWith(key))).toEqual([]);
  });

  it('a dossier event whose citizen.notify job was never queued (Redis down at commit) is notified by the sweep, once; old events are left alone', async () => {
    const sql = stack.database.sql;
    const [d] = await sql`select id from dossiers where applicant_phone = '0987654321'`;
    // Control-slip rows as a command writes them, and no job at all: one recent, one from two days ago.
    const event = async (age: string) =>
      (await sql`insert into dossier_events (dossier_id, kind, at, created_at, updated_at) values (${d!.id}, 'resolved', now() - ${age}::interval, now() - ${age}::interval, now() - ${age}::interval) returning id`)[0]!.id as string;
    const recent = await event('5 minutes');
    const old = await event('2 days');
    const deliveries = (key: string) => sql`select channel, status from citizen_deliveries where event_key = ${key} order by channel`;
    const sent = await waitFor('the sweep notifies the recent event', async () => {
      const r = await deliveries(recent);
      return r.length === 3 && r.every((x) => x.status === 'sent') && r;
    }, 20_000);
    expect(sent.map((r) => r.channel)).toEqual(['sms', 'webhook', 'zalo']);
    // Two more sweeps (every 2 s here) add nothing, and the older event stays untouched.
    const swept = await jobsCompleted(stack, 'alert.sweep');
    await waitFor('two more whole sweeps', async () => (await jobsCompleted(stack, 'alert.sweep')) >= swept + 3, 30_000);
    expect(await deliveries(recent)).toHaveLength(3);
    expect(posts.filter((p) => p.key.startsWith(`${recent}:`))).toHaveLength(3);
    expect(await deliveries(old)).toEqual([]);
  });
});
