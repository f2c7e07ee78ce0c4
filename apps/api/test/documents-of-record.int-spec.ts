import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { documentIssueJobId, JobName, QueueName } from '@motcua/contracts';
import { ensureDemoPki } from '@motcua/documents';
import { nssDbTrusting, pdfsig, pdfText } from '@motcua/documents/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

const T0 = '2026-12-01T09:00:00+07:00';


/** dd/mm/yyyy of an instant in Vietnam, as the documents print dates. */
const vnDate = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));

describe('documents of record in the lifecycle: receipt, supplement request, refusal, apology, result — signed by the worker off the request path, stored once, downloadable', () => {
  let stack: Stack;
  let accounts: Account[];
  let dir: string;
  let nss: string;
  const cookie: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const send = (who: string | null, method: string, p: string, body?: unknown, at = T0) =>
    fetch(`${stack.baseUrl}/api${p}`, { method, headers: { ...(who ? { cookie: cookie[who]! } : {}), 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': at }, body: body === undefined ? undefined : JSON.stringify(body) });
  const ok = async (r: Response, status = 200) => {
    const body = await json(r);
    expect(r.status, JSON.stringify(body)).toBe(status);
    return body;
  };
  const applicant = { name: 'Trần Thị Mai', phone: '0912000111', idNumber: '096190001234' };
  const receive = (outcome: unknown, at = T0) => send('canbo.anxuyen1', 'POST', `/centers/${ids.center}/dossiers`, { procedureId: ids.procedure, applicant, applicantUnitId: ids.unit, outcome }, at);
  const act = (id: string, body: unknown, at: string) => send('chuyenvien.anxuyen', 'POST', `/dossiers/${id}/actions`, body, at);

  type Detail = { id: string; code: string; dueAt: string; documents: Array<{ id: string; kind: string }> };
  /** The dossier once the worker has issued at least `n` documents of a kind (they come after the command's answer). */
  const issued = (id: string, kind: string, n = 1): Promise<Detail> =>
    vi.waitFor(
      async () => {
        const d: Detail = await json(await send('chuyenvien.anxuyen', 'GET', `/dossiers/${id}`));
        if (d.documents.filter((x) => x.kind === kind).length < n) throw new Error(`${kind} not issued yet: ${JSON.stringify(d.documents.map((x) => x.kind))}; worker log:\n${stack.worker!.tail()}`);
        return d;
      },
      { timeout: 60_000, interval: 250 },
    );

  /** Downloads the generated document of a kind, checks it with pdfsig and returns its text (pdftotext). */
  async function checked(dossier: Detail, kind: string, nth = 0): Promise<string> {
    const docs = dossier.documents.filter((x) => x.kind === kind);
    expect(docs.length, `${kind} in ${JSON.stringify(dossier.documents.map((x) => x.kind))}; worker log:\n${stack.worker!.tail()}`).toBeGreaterThan(nth);
    const file = await send('chuyenvien.anxuyen', 'GET', `/dossiers/${dossier.id}/documents/${docs[nth]!.id}/file`);
    expect(file.status).toBe(200);
    const pdf = Buffer.from(await file.arrayBuffer());
    const report = pdfsig(pdf, nss);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report).toContain('Total document signed');
    const text = pdfText(pdf);
    expect(text).toContain(dossier.code);
    return text;
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'records-'));
    // A short sweep period: the lost-job test waits for the sweep to re-request a document.
    stack = await startStack({ worker: true, env: { FILES_DIR: path.join(dir, 'files'), SIGNER_PKCS12_DIR: path.join(dir, 'pki'), ALERT_SWEEP_EVERY_MS: '2000' } });
    accounts = await seed(stack);
    const sql = stack.database.sql;
    // The commune's People's Committee both receives (center TT-32002) and decides here: one key.
    const agencies = await sql`select id, code, name from agencies where code = 'UBND-32002'`;
    const { rootPem } = await ensureDemoPki(path.join(dir, 'pki'), agencies.map((a) => ({ agencyId: a.id, agencyCode: a.code, agencyName: a.name })), { log: () => {}, notBefore: new Date('2026-01-01T00:00:00Z') });
    nss = nssDbTrusting(rootPem);
    for (const u of ['canbo.anxuyen1', 'chuyenvien.anxuyen']) cookie[u] = await signIn(stack, u, accounts.find((a) => a.username === u)!.password);
    for (const r of await sql`select id from centers where code = 'TT-32002'`) ids.center = r.id;
    for (const r of await sql`select id from procedures where code = 'CTR-TT'`) ids.procedure = r.id;
    for (const r of await sql`select id from administrative_units where code = '32002'`) ids.unit = r.id;
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('a counter intake gets a signed receipt (Mẫu 01) whose appointment is the due date; the citizen reads it through the signed link', async () => {
    const answered = await ok(await receive({ kind: 'accept' }), 201);
    expect(answered.status).toBe('received');
    const d = await issued(answered.id, 'e_receipt');
    const text = await checked(d, 'e_receipt');
    expect(text).toContain(vnDate(d.dueAt));
    expect(text).toContain('Trần Thị Mai');
    // The place line is the province of the center's unit (Cà Mau in the seed).
    expect(text).toMatch(/Cà Mau, ngày/);
    const receipt = d.documents.find((x) => x.kind === 'e_receipt')!;
    const link = await ok(await send('canbo.anxuyen1', 'POST', `/dossiers/${d.id}/documents/${receipt.id}/link`));
    const citizen = await fetch(link.url.replace(/^https?:\/\/[^/]+/, stack.baseUrl), { headers: { 'x-test-now': T0 } });
    expect(citizen.status).toBe(200);
    expect((await citizen.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    ids.accepted = d.id;
  }, 120_000);

  it('an online submission gets its receipt when the center accepts it', async () => {
    const r = await ok(await send(null, 'POST', '/intake/online', { procedureId: ids.procedure, receivingCenterId: ids.center, applicant, applicantUnitId: ids.unit, idempotencyKey: 'records-online-1' }));
    const [row] = await stack.database.sql`select id from dossiers where code = ${r.code}`;
    const before = await ok(await send('canbo.anxuyen1', 'GET', `/dossiers/${row!.id}`));
    expect(before.documents.filter((x: { kind: string }) => x.kind === 'e_receipt')).toHaveLength(0);
    await ok(await send('canbo.anxuyen1', 'POST', `/dossiers/${row!.id}/intake-decision`, { kind: 'accept' }, '2026-12-01T10:00:00+07:00'));
    const accepted = await issued(row!.id, 'e_receipt');
    const text = await checked(accepted, 'e_receipt');
    expect(text).toContain(vnDate(accepted.dueAt));
  }, 120_000);

  it('a supplement request at intake gives Mẫu 02 with the missing items; a refusal gives Mẫu 03 with the reasons', async () => {
    const s = await issued((await ok(await receive({ kind: 'request_supplement', missingItems: ['Bản sao giấy khai sinh'] }), 201)).id, 'e_supplement_request');
    expect(await checked(s, 'e_supplement_request')).toContain('Bản sao giấy khai sinh');
    const r = await issued((await ok(await receive({ kind: 'refuse', reasons: ['Không thuộc thẩm quyền giải quyết'] }), 201)).id, 'e_refusal');
    expect(await checked(r, 'e_refusal')).toContain('Không thuộc thẩm quyền giải quyết');
    expect(r.documents.filter((x: { kind: string }) => x.kind.startsWith('e_'))).toHaveLength(1);
  }, 120_000);

  it('processing: each supplement request, the extension (apology with the new date) and the result get one document each', async () => {
    const id = ids.accepted!;
    await ok(await act(id, { action: 'assign' }, '2026-12-01T10:00:00+07:00'));
    await ok(await act(id, { action: 'request_supplement', missingItems: ['Giấy xác nhận chỗ ở hợp pháp'] }, '2026-12-02T09:00:00+07:00'));
    const resumed = await ok(await act(id, { action: 'supplement_received' }, '2026-12-02T14:00:00+07:00'));
    expect(await checked(await issued(id, 'e_supplement_request'), 'e_supplement_request')).toContain('Giấy xác nhận chỗ ở hợp pháp');
    const newDueAt = new Date(new Date(resumed.dueAt).getTime() + 4 * 86_400_000).toISOString();
    await ok(await act(id, { action: 'extend', newDueAt, reason: 'Cần xác minh thêm nơi cư trú' }, '2026-12-03T09:00:00+07:00'));
    const apology = await checked(await issued(id, 'e_apology'), 'e_apology');
    expect(apology).toContain(vnDate(newDueAt));
    expect(apology).toContain('Cần xác minh thêm nơi cư trú');
    const started = Date.now();
    const answer = await ok(await act(id, { action: 'resolve', outcome: 'approved', documents: [{ name: 'Xác nhận thường trú' }] }, '2026-12-04T10:00:00+07:00'));
    const answeredIn = Date.now() - started;
    // The answer does not wait for rendering and signing: the result is not in it yet.
    expect(answer.documents.filter((x: { kind: string }) => x.kind === 'e_result')).toHaveLength(0);
    await checked(await issued(id, 'e_result'), 'e_result');
    console.log(`resolve answered in ${answeredIn} ms; the signed result followed from the worker`);
    // The same job enqueued again (fresh ids, so BullMQ's de-duplication is out of the way): the database keeps one document.
    const [resolvedEvent] = await stack.database.sql`select id from dossier_events where dossier_id = ${id} and kind = 'resolved'`;
    const redis = new Redis(stack.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const queue = new Queue(QueueName.documents, { connection: redis, prefix: stack.prefix });
    try {
      for (let i = 0; i < 2; i++) await queue.add(JobName.documentIssue, { dossierId: id, eventId: resolvedEvent!.id }, { jobId: `again-${i}` });
      await vi.waitFor(async () => expect(Object.values(await queue.getJobCounts('waiting', 'active', 'delayed')).every((n) => n === 0)).toBe(true), { timeout: 30_000, interval: 200 });
    } finally {
      await queue.close();
      redis.disconnect();
    }
    // Once per dossier, kind and event: the rows say so, and each points at its event.
    const rows = await stack.database.sql`
      select d.kind, count(*)::int as n, count(distinct d.reference)::int as events, bool_and(d.signed) as signed, bool_and(e.id is not null) as linked
      from dossier_documents d left join dossier_events e on e.id::text = d.reference
      where d.dossier_id = ${id} and d.kind like 'e\\_%' group by d.kind order by d.kind`;
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { kind: 'e_apology', n: 1, events: 1, signed: true, linked: true },
      { kind: 'e_receipt', n: 1, events: 1, signed: true, linked: true },
      { kind: 'e_result', n: 1, events: 1, signed: true, linked: true },
      { kind: 'e_supplement_request', n: 1, events: 1, signed: true, linked: true },
    ]);
    const [audit] = await stack.database.sql`select count(*)::int as n from audit_log where action = 'dossier.document.issue' and after->>'dossierId' = ${id}`;
    expect(audit!.n).toBe(4);
  }, 180_000);

  it('a job lost before the worker took it (Redis flushed, down at commit) is re-requested by the sweep: the document comes once', async () => {
    const redis = new Redis(stack.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const queue = new Queue(QueueName.documents, { connection: redis, prefix: stack.prefix });
    try {
      // Paused, the worker takes nothing; the API's job is then deleted, as a Redis that lost its data would.
      await queue.pause();
      const d = await ok(await receive({ kind: 'accept' }), 201);
      const [event] = await stack.database.sql`select id from dossier_events where dossier_id = ${d.id} and kind = 'received'`;
      const jobId = documentIssueJobId(d.id, 'e_receipt', event!.id);
      expect(await queue.getJob(jobId)).toBeDefined();
      await queue.remove(jobId);
      expect(await queue.getJob(jobId)).toBeUndefined();
      await queue.resume();
      // The sweep (every 2 s here) finds the event without its receipt once it is 5 s old.
      const found = await issued(d.id, 'e_receipt');
      await checked(found, 'e_receipt');
      const [rows] = await stack.database.sql`select count(*)::int as n from dossier_documents where dossier_id = ${d.id} and kind = 'e_receipt'`;
      expect(rows!.n).toBe(1);
    } finally {
      await queue.resume().catch(() => {});
      await queue.close();
      redis.disconnect();
    }
  }, 120_000);
});
