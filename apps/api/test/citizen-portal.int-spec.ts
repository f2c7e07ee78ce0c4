import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/infra.mjs';
import { DEMO_CITIZENS, startOidcDevProvider } from '../../../scripts/lib/oidc-dev-provider.mjs';
import { startPaymentSandbox } from '../../../scripts/lib/payment-sandbox.mjs';
import { analyticsRepository } from '@motcua/db';
import { json, seed, signIn, startStack, type Stack } from './harness.js';

const [lan, minh] = DEMO_CITIZENS as [(typeof DEMO_CITIZENS)[number], (typeof DEMO_CITIZENS)[number]];

/** A cookie jar per site: enough of a browser to drive the code flow with fetch. */
class Jar {
  readonly cookies = new Map<string, string>();
  keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [kv, ...attrs] = c.split(';');
      const i = kv!.indexOf('=');
      const name = kv!.slice(0, i).trim();
      const value = kv!.slice(i + 1);
      if (!value || attrs.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

describe('citizen sign-in (OpenID Connect against the local provider) and "Hồ sơ của tôi"', () => {
  let stack: Stack;
  let provider: Awaited<ReturnType<typeof startOidcDevProvider>>;
  let sandbox: Awaited<ReturnType<typeof startPaymentSandbox>>;
  let filesDir: string;
  const ids: Record<string, string> = {};
  let officer: string;

  /** Starts sign-in at the API, logs in on the provider's form, and stops at the redirect back to the API's callback. */
  async function throughProvider(idNumber: string, password: string) {
    const api = new Jar();
    const idp = new Jar();
    const start = await fetch(`${stack.baseUrl}/api/citizen/auth/sign-in?returnTo=/portal`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    api.keep(start);
    const authorize = new URL(start.headers.get('location')!);
    let res = await fetch(authorize, { redirect: 'manual' });
    idp.keep(res);
    const interaction = new URL(res.headers.get('location')!, provider.issuer);
    res = await fetch(interaction, { headers: { cookie: idp.header() } });
    idp.keep(res);
    expect(await res.text()).toContain('<form method="post"');
    res = await fetch(`${interaction.href}/login`, { method: 'POST', redirect: 'manual', headers: { cookie: idp.header(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ login: idNumber, password }) });
    idp.keep(res);
    // Through the provider's redirects until it sends the browser back to our callback.
    while (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, provider.issuer);
      if (next.origin === stack.baseUrl) return { api, authorize, callback: next, loginPage: null };
      res = await fetch(next, { redirect: 'manual', headers: { cookie: idp.header() } });
      idp.keep(res);
    }
    return { api, authorize, callback: null, loginPage: await res.text() };
  }

  async function signInCitizen(c: { idNumber: string; password: string }): Promise<{ cookie: string; callback: URL; api: Jar; authorize: URL }> {
    const flow = await throughProvider(c.idNumber, c.password);
    expect(flow.callback, flow.loginPage ?? '').not.toBeNull();
    const res = await fetch(flow.callback!, { redirect: 'manual', headers: { cookie: flow.api.header() } });
    expect(res.status, await res.clone().text()).toBe(302);
    expect(res.headers.get('location')).toBe('/portal');
    const set = res.headers.getSetCookie().find((s) => s.startsWith('motcua_citizen='));
    expect(set).toMatch(/HttpOnly/i);
    flow.api.keep(res);
    return { cookie: `motcua_citizen=${flow.api.cookies.get('motcua_citizen')}`, callback: flow.callback!, api: flow.api, authorize: flow.authorize };
  }

  const get = (cookie: string, p: string) => fetch(`${stack.baseUrl}/api${p}`, { headers: { cookie, 'accept-language': 'en' } });
  const post = (cookie: string, p: string, body: unknown) => fetch(`${stack.baseUrl}/api${p}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify(body) });
  const sessionCount = async () => Number((await stack.database.sql`select count(*)::int as n from citizen_sessions`)[0]!.n);

  beforeAll(async () => {
    filesDir = await mkdtemp(path.join(os.tmpdir(), 'citizen-files-'));
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const clientSecret = randomBytes(24).toString('base64url');
    provider = await startOidcDevProvider({ clients: [{ clientId: 'motcua-test', clientSecret, redirectUris: [`${baseUrl}/api/citizen/auth/callback`] }] });
    sandbox = await startPaymentSandbox();
    stack = await startStack({
      port,
      env: { ...sandbox.env(), PUBLIC_URL: baseUrl, OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: 'motcua-test', OIDC_CLIENT_SECRET: clientSecret, CITIZEN_SESSION_TTL_SECONDS: '1800', FILES_DIR: filesDir },
    });
    const accounts = await seed(stack);
    officer = await signIn(stack, 'canbo.anxuyen1', accounts.find((a) => a.username === 'canbo.anxuyen1')!.password);
    const sql = stack.database.sql;
    for (const r of await sql`select id, unit_id from centers where code = 'TT-32002'`) Object.assign(ids, { center: r.id, unit: r.unit_id });
    for (const r of await sql`select id from procedures where code = 'CTR-TT'`) ids.counterProcedure = r.id;
    for (const r of await sql`select id from procedures where code = 'CTR-XN'`) ids.onlineProcedure = r.id;
    for (const r of await sql`select id from procedures where code = 'CT-HD'`) ids.offlineProcedure = r.id;
    for (const r of await sql`select id from procedures where code = 'HT-KT'`) ids.formProcedure = r.id;
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    await provider?.stop();
    await sandbox?.stop();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  it('signs in with authorization code + PKCE (S256), state and nonce; the session carries the verified identity and is short', async () => {
    const { cookie, authorize } = await signInCitizen(lan);
    const q = authorize.searchParams;
    expect({ method: q.get('code_challenge_method'), challenge: q.get('code_challenge')?.length, state: Boolean(q.get('state')), nonce: Boolean(q.get('nonce')), type: q.get('response_type') }).toEqual({ method: 'S256', challenge: 43, state: true, nonce: true, type: 'code' });
    const me = await get(cookie, '/citizen/me');
    expect(me.status).toBe(200);
    const body = await json(me);
    expect(body).toMatchObject({ name: lan.name, idNumber: lan.idNumber, phone: lan.phone });
    // CITIZEN_SESSION_TTL_SECONDS=1800, fixed: staff sessions last 12 h.
    const left = new Date(body.expiresAt).getTime() - Date.now();
    expect(left).toBeGreaterThan(1790_000);
    expect(left).toBeLessThanOrEqual(1800_000);
    const [row] = await stack.database.sql`select subject, issuer, id_number from citizen_sessions order by created_at desc limit 1`;
    expect(row).toEqual({ subject: lan.sub, issuer: provider.issuer, id_number: lan.idNumber });
  });

  it('refuses a wrong password at the provider: no code comes back', async () => {
    const flow = await throughProvider(lan.idNumber, 'wrong-password');
    expect(flow.callback).toBeNull();
    expect(flow.loginPage).toContain('Wrong ID number or password');
  });

  it('refuses a replayed callback, a used code under a new attempt, and a callback without the browser that started it', async () => {
    const first = await signInCitizen(minh);
    const before = await sessionCount();
    // The same redirect again (same state, same code): the attempt was used once.
    const replay = await fetch(first.callback, { redirect: 'manual', headers: { cookie: `motcua_citizen_flow=${first.callback.searchParams.get('state')}` } });
    expect(replay.status).toBe(401);
    expect((await json(replay)).error.code).toBe('UNAUTHENTICATED');
    // A fresh attempt, but the old code slipped in: the provider refuses a code used before.
    const fresh = await fetch(`${stack.baseUrl}/api/citizen/auth/sign-in`, { redirect: 'manual' });
    const state = new URL(fresh.headers.get('location')!).searchParams.get('state')!;
    const stale = new URL(first.callback);
    stale.searchParams.set('state', state);
    const usedCode = await fetch(stale, { redirect: 'manual', headers: { cookie: `motcua_citizen_flow=${state}` } });
    expect(usedCode.status).toBe(401);
    // A good code and state, but from another browser (no flow cookie): login CSRF refused.
    const other = await throughProvider(minh.idNumber, minh.password);
    const noCookie = await fetch(other.callback!, { redirect: 'manual' });
    expect(noCookie.status).toBe(401);
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a forged ID token: another signing key, or another nonce', async () => {
    const before = await sessionCount();
    for (const mode of ['signature', 'nonce'] as const) {
      const flow = await throughProvider(lan.idNumber, lan.password);
      provider.tamper(mode);
      try {
        const res = await fetch(flow.callback!, { redirect: 'manual', headers: { cookie: flow.api.header() } });
        expect({ mode, status: res.status }).toEqual({ mode, status: 401 });
        expect(res.headers.getSetCookie().some((s) => s.startsWith('motcua_citizen='))).toBe(false);
      } finally {
        provider.tamper(null);
      }
    }
    expect(await sessionCount()).toBe(before);
  });

  it('keeps citizen and staff sessions apart: neither is accepted on the other side', async () => {
    const { cookie } = await signInCitizen(lan);
    const token = cookie.split('=')[1]!;
    for (const p of ['/auth/me', '/dossiers', `/dossiers/intake-options`]) {
      expect({ p, status: (await get(cookie, p)).status }).toEqual({ p, status: 401 });
      // Even under the staff cookie's name, a citizen token opens nothing.
      expect({ p, status: (await get(`motcua_session=${token}`, p)).status }).toEqual({ p, status: 401 });
    }
    const staffToken = officer.split(';')[0]!.split('=')[1]!;
    for (const p of ['/citizen/me', '/citizen/dossiers', '/citizen/procedures']) {
      expect({ p, status: (await get(officer, p)).status }).toEqual({ p, status: 401 });
      expect({ p, status: (await get(`motcua_citizen=${staffToken}`, p)).status }).toEqual({ p, status: 401 });
    }
  });

  it('lists my dossiers on every channel by my verified ID number, and never another person\'s', async () => {
    const intake = async (who: { idNumber: string; name: string }) => {
      const res = await post(officer, `/centers/${ids.center}/dossiers`, { procedureId: ids.counterProcedure, applicant: { name: who.name, phone: '0912345670', idNumber: who.idNumber }, applicantUnitId: ids.unit, outcome: { kind: 'accept' } });
      const d = await json(res);
      expect(res.status, JSON.stringify(d)).toBe(201);
      return d.code as string;
    };
    const mine = await intake(lan);
    const theirs = await intake(minh);
    const { cookie } = await signInCitizen(lan);
    const list = await json(await get(cookie, '/citizen/dossiers'));
    const codes = list.map((d: { code: string }) => d.code);
    expect(codes).toContain(mine);
    expect(codes).not.toContain(theirs);
    expect(list.find((d: { code: string }) => d.code === mine)).toMatchObject({ channel: 'counter', status: 'received', actionNeeded: null });
    // Exactly the rows a direct count finds.
    const [count] = await stack.database.sql`select count(*)::int as n from dossiers where applicant_id_number = ${lan.idNumber}`;
    expect(list).toHaveLength(count!.n);

    const detail = await get(cookie, `/citizen/dossiers/${mine}`);
    expect(detail.status).toBe(200);
    const d = await json(detail);
    expect(d).toMatchObject({ code: mine, status: 'received', identityVerified: false, asked: null });
    expect(d.timeline.map((e: { status: string }) => e.status)).toEqual(['submitted', 'received']);
    const other = await get(cookie, `/citizen/dossiers/${theirs}`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(await json(other))).not.toContain(minh.name);
    expect((await get(cookie, '/citizen/dossiers/NOT-A-CODE-0000')).status).toBe(404);
  });

  it('shows what is asked now: the fee to pay, with the link to the payment page', async () => {
    const res = await post(officer, `/centers/${ids.center}/dossiers`, { procedureId: ids.counterProcedure, applicant: { name: lan.name, phone: lan.phone, idNumber: lan.idNumber }, applicantUnitId: ids.unit, outcome: { kind: 'accept' } });
    const d = await json(res);
    const [row] = await stack.database.sql`select id from dossiers where code = ${d.code}`;
    // The state a "notify_obligation" action leaves, written directly: the processing flow has its own tests.
    await stack.database.sql`update dossiers set status = 'awaiting_obligation' where id = ${row!.id}`;
    await stack.database.sql`insert into dossier_events (dossier_id, kind, from_status, to_status, at, note, data) values (${row!.id}, 'obligation_notified', 'in_process', 'awaiting_obligation', now(), 'Nộp tại kho bạc', ${JSON.stringify({ amountVnd: 20000 })}::jsonb)`;
    const { cookie } = await signInCitizen(lan);
    const detail = await json(await get(cookie, `/citizen/dossiers/${d.code}`));
    expect(detail.actionNeeded).toBe('payment');
    expect(detail.asked).toEqual({ kind: 'payment', amountVnd: 20000, howToPay: 'Nộp tại kho bạc', payPath: `/pay/${d.code}` });
  });

  it('pays my own dossier signed in, without the phone digits; another person\'s dossier answers 404; no session and no digits is refused as before', async () => {
    // Accepted at the counter with a fee (20,000 ₫); the phone on the dossier is not the one the provider verified.
    const intake = async (who: { idNumber: string; name: string }) => {
      const res = await post(officer, `/centers/${ids.center}/dossiers`, { procedureId: ids.counterProcedure, applicant: { name: who.name, phone: '0912345670', idNumber: who.idNumber }, applicantUnitId: ids.unit, outcome: { kind: 'accept' } });
      const d = await json(res);
      expect(res.status, JSON.stringify(d)).toBe(201);
      return d.code as string;
    };
    const mine = await intake(lan);
    const theirs = await intake(minh);
    const attempts = async (code: string) => Number((await stack.database.sql`select count(*)::int as n from payments p join dossiers d on d.id = p.dossier_id where d.code = ${code}`)[0]!.n);
    const { cookie } = await signInCitizen(lan);

    const due = await get(cookie, `/payments/due?code=${mine}`);
    expect(due.status).toBe(200);
    expect(await json(due)).toMatchObject({ code: mine, due: { purpose: 'fee', amountVnd: 20000 }, online: true, attempts: [] });
    const started = await post(cookie, '/payments', { code: mine, locale: 'vi' });
    const body = await json(started);
    expect(started.status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ amountVnd: 20000, txnRef: expect.stringMatching(/^[0-9A-F]{20}$/) });
    const url = new URL(body.redirectUrl);
    expect(url.origin + url.pathname).toBe(sandbox.payUrl);
    expect(url.searchParams.get('vnp_TxnRef')).toBe(body.txnRef);
    const [row] = await stack.database.sql`select p.status, p.amount_vnd from payments p where p.txn_ref = ${body.txnRef}`;
    expect(row).toEqual({ status: 'pending', amount_vnd: 20000 });

    // Another person's dossier: 404 as in the portal, nothing written, nothing about it shown.
    const other = await get(cookie, `/payments/due?code=${theirs}`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(await json(other))).not.toContain(minh.name);
    expect((await post(cookie, '/payments', { code: theirs, locale: 'vi' })).status).toBe(404);
    expect(await attempts(theirs)).toBe(0);

    // Without a citizen session the digits are still required: anonymous or staff alike (a staff session is no citizen).
    for (const who of ['', officer]) {
      const refused = await post(who, '/payments', { code: theirs, locale: 'vi' });
      expect(refused.status).toBe(400);
      expect((await json(refused)).error.details).toEqual([expect.objectContaining({ path: 'body.phoneLast4' })]);
      expect((await get(who, `/payments/due?code=${theirs}`)).status).toBe(400);
    }
    expect(await attempts(theirs)).toBe(0);
    // A signed-out session no longer counts.
    const ended = await signInCitizen(minh);
    expect((await post(ended.cookie, '/citizen/auth/sign-out', {})).status).toBe(200);
    expect((await get(ended.cookie, `/payments/due?code=${theirs}`)).status).toBe(400);
    // The tracking check works as before, with or without a session.
    const byDigits = await post('', '/payments', { code: theirs, phoneLast4: '5670', locale: 'vi' });
    expect(byDigits.status).toBe(201);
    expect(await attempts(theirs)).toBe(1);
  });

  it('submits online as the signed-in citizen with a document; the dossier records the verified identity', async () => {
    const { cookie } = await signInCitizen(minh);
    const procedures = await json(await get(cookie, '/citizen/procedures'));
    const procedure = procedures.find((p: { id: string }) => p.id === ids.onlineProcedure);
    expect(procedure).toMatchObject({ onlineLevel: 'full' });
    expect(procedure.checklist.length).toBeGreaterThan(0);
    // A procedure that is not online is neither offered nor accepted.
    expect(procedures.some((p: { id: string }) => p.id === ids.offlineProcedure)).toBe(false);
    const refused = await post(cookie, '/citizen/dossiers', { procedureId: ids.offlineProcedure, receivingCenterId: ids.center, idempotencyKey: 'citizen-offline-0001' });
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.details).toEqual([expect.objectContaining({ path: 'body.procedureId' })]);
    // Nor anonymously on the portal's public route.
    const anonymous = await post('', '/intake/online', { procedureId: ids.offlineProcedure, receivingCenterId: ids.center, applicant: { name: 'Trần Văn Thử', phone: '0987654321' }, idempotencyKey: 'anonymous-offline-0001' });
    expect(anonymous.status).toBe(400);
    expect((await json(anonymous)).error.details).toEqual([expect.objectContaining({ path: 'body.procedureId' })]);
    // The e-form is checked by the shared schema.
    const bad = await post(cookie, '/citizen/dossiers', { procedureId: ids.onlineProcedure, receivingCenterId: ids.center, phone: '12', idempotencyKey: 'x' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.details.map((i: { path: string }) => i.path).sort()).toEqual(['body.idempotencyKey', 'body.phone']);

    const body = { procedureId: ids.onlineProcedure, receivingCenterId: ids.center, email: 'minh@example.vn', idempotencyKey: `citizen-${randomBytes(6).toString('hex')}` };
    const res = await post(cookie, '/citizen/dossiers', body);
    const receipt = await json(res);
    expect(res.status, JSON.stringify(receipt)).toBe(200);
    expect(receipt).toMatchObject({ status: 'submitted', trackingPath: `/portal/dossiers/${receipt.code}` });
    // The same key and body: the same receipt, one dossier.
    expect((await json(await post(cookie, '/citizen/dossiers', body))).code).toBe(receipt.code);
    const [row] = await stack.database.sql`select channel, identity_verified, applicant_id_number, applicant_name, applicant_phone from dossiers where code = ${receipt.code}`;
    expect(row).toEqual({ channel: 'online', identity_verified: true, applicant_id_number: minh.idNumber, applicant_name: minh.name, applicant_phone: minh.phone });

    const pdf = await PDFDocument.create();
    pdf.addPage();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await pdf.save())], { type: 'application/pdf' }), 'to-khai.pdf');
    const up = await fetch(`${stack.baseUrl}/api/citizen/dossiers/${receipt.code}/components/0/file`, { method: 'POST', headers: { cookie, 'accept-language': 'en' }, body: form });
    expect(up.status, await up.clone().text()).toBe(201);
    expect(await json(up)).toEqual({ index: 0, hasFile: true });
    const detail = await json(await get(cookie, `/citizen/dossiers/${receipt.code}`));
    expect(detail).toMatchObject({ channel: 'online', identityVerified: true, status: 'submitted' });
    expect(detail.components[0]).toMatchObject({ index: 0, hasFile: true });
    const [audit] = await stack.database.sql`select actor_id, after->>'via' as via from audit_log where action = 'dossier.file.attach' order by at desc limit 1`;
    expect(audit).toEqual({ actor_id: null, via: 'citizen_portal' });

    // Another citizen can neither see nor add files to it.
    const lanSession = await signInCitizen(lan);
    expect((await get(lanSession.cookie, `/citizen/dossiers/${receipt.code}`)).status).toBe(404);
    const form2 = new FormData();
    form2.append('file', new Blob([new Uint8Array(await pdf.save())], { type: 'application/pdf' }), 'x.pdf');
    expect((await fetch(`${stack.baseUrl}/api/citizen/dossiers/${receipt.code}/components/0/file`, { method: 'POST', headers: { cookie: lanSession.cookie }, body: form2 })).status).toBe(404);
  });

  it('checks the e-form with the version\'s fields: each wrong field is named; the answers are kept and shown to the citizen and to staff', async () => {
    const { cookie } = await signInCitizen(minh);
    const procedure = (await json(await get(cookie, '/citizen/procedures'))).find((p: { id: string }) => p.id === ids.formProcedure);
    expect(procedure.eForm.map((f: { key: string; type: string }) => `${f.key}:${f.type}`)).toEqual(['deceasedName:text', 'deathDate:date', 'deathPlace:text', 'relation:text']);
    const base = { procedureId: ids.formProcedure, receivingCenterId: ids.center };
    const bad = await post(cookie, '/citizen/dossiers', { ...base, idempotencyKey: 'eform-bad-0001', answers: { deceasedName: 'Trần Văn Cũ', deathDate: '2026-02-30', deathPlace: '  ', nickname: 'x' } });
    expect(bad.status).toBe(400);
    const err = (await json(bad)).error;
    expect(err.details.map((i: { path: string }) => i.path).sort()).toEqual(['body.answers', 'body.answers.deathDate', 'body.answers.deathPlace', 'body.answers.relation']);
    expect(err.message).toContain('deathDate');
    expect(err.details.find((i: { path: string }) => i.path === 'body.answers.deathDate').message).toBe('Not a real date');
    // Nothing was created by the refused submission.
    expect((await stack.database.sql`select 1 from dossiers where idempotency_key = 'eform-bad-0001'`).length).toBe(0);

    const answers = { deceasedName: 'Trần Văn Cũ', deathDate: '2026-11-30', deathPlace: 'Bệnh viện Cà Mau', relation: 'Con' };
    const ok = await post(cookie, '/citizen/dossiers', { ...base, idempotencyKey: `eform-ok-${randomBytes(4).toString('hex')}`, answers });
    expect(ok.status, await ok.clone().text()).toBe(200);
    const { code } = await json(ok);
    const [row] = await stack.database.sql`select id, form_answers from dossiers where code = ${code}`;
    expect(row!.form_answers).toEqual(answers);
    const mine = await json(await get(cookie, `/citizen/dossiers/${code}`));
    expect(mine.form).toEqual([
      { key: 'deceasedName', label: { vi: 'Họ tên người chết', en: 'Full name of the deceased' }, value: 'Trần Văn Cũ' },
      expect.objectContaining({ key: 'deathDate', value: '2026-11-30' }),
      expect.objectContaining({ key: 'deathPlace', value: 'Bệnh viện Cà Mau' }),
      expect.objectContaining({ key: 'relation', value: 'Con' }),
    ]);
    const staffView = await fetch(`${stack.baseUrl}/api/dossiers/${row!.id}`, { headers: { cookie: officer } });
    expect(staffView.status).toBe(200);
    expect((await json(staffView)).form.map((f: { key: string; value: string }) => `${f.key}=${f.value}`)).toEqual(['deceasedName=Trần Văn Cũ', 'deathDate=2026-11-30', 'deathPlace=Bệnh viện Cà Mau', 'relation=Con']);
  });

  /** A counter intake for a citizen of the provider (the officer's view is not under test here). */
  async function intakeFor(who: { idNumber: string; name: string }, outcome: unknown = { kind: 'accept' }) {
    const res = await post(officer, `/centers/${ids.center}/dossiers`, { procedureId: ids.counterProcedure, applicant: { name: who.name, phone: '0912345670', idNumber: who.idNumber }, applicantUnitId: ids.unit, outcome });
    const d = await json(res);
    expect(res.status, JSON.stringify(d)).toBe(201);
    return d as { id: string; code: string };
  }
  async function pdfForm(name: string, pages = 1) {
    const pdf = await PDFDocument.create();
    for (let i = 0; i < pages; i++) pdf.addPage();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await pdf.save())], { type: 'application/pdf' }), name);
    return form;
  }
  const upload = async (cookie: string, code: string, index: number, pages = 1) =>
    fetch(`${stack.baseUrl}/api/citizen/dossiers/${code}/components/${index}/file`, { method: 'POST', headers: { cookie, 'accept-language': 'en' }, body: await pdfForm('bo-sung.pdf', pages) });

  it('answers a supplement request during processing: 409 until every item is answered, then back to processing with the pause ended, the citizen on the slip', async () => {
    const d = await intakeFor(lan);
    const { cookie } = await signInCitizen(lan);
    const first = (await json(await get(cookie, `/citizen/dossiers/${d.code}`))).components[0].name as string;
    // The state "request_supplement" leaves, written directly (the processing flow has its own tests): paused a week ago, so working time passed whatever today is.
    const [before] = await stack.database.sql`
      update dossiers set status = 'awaiting_supplement', paused_since = now() - interval '7 days', supplement_count = 1 where id = ${d.id} returning due_at, deadline_version`;
    await stack.database.sql`insert into dossier_events (dossier_id, kind, from_status, to_status, at, data)
      values (${d.id}, 'supplement_requested', 'in_process', 'awaiting_supplement', now() - interval '7 days', ${JSON.stringify({ missingItems: [first, 'Giải trình nguồn gốc'] })}::jsonb)`;
    const asked = await json(await get(cookie, `/citizen/dossiers/${d.code}`));
    expect(asked.asked).toEqual({ kind: 'supplement', items: [first, 'Giải trình nguồn gốc'], answeredAt: null });

    // Nothing attached yet: refused, naming what is missing.
    const early = await post(cookie, `/citizen/dossiers/${d.code}/supplement`, { note: 'Đã gửi giải trình' });
    expect(early.status).toBe(409);
    expect((await json(early)).error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(first), details: { status: 'awaiting_supplement', missing: [first] } });
    // Another citizen: 404, as for a dossier that does not exist.
    const other = await signInCitizen(minh);
    expect((await post(other.cookie, `/citizen/dossiers/${d.code}/supplement`, { note: 'x' })).status).toBe(404);
    // The file, but no note for the item that names no paper of the checklist: still missing.
    expect((await upload(cookie, d.code, 0)).status).toBe(201);
    const noNote = await post(cookie, `/citizen/dossiers/${d.code}/supplement`, {});
    expect((await json(noNote)).error.details.missing).toEqual(['Giải trình nguồn gốc']);
    expect(await stack.database.sql`select status from dossiers where id = ${d.id}`).toEqual([{ status: 'awaiting_supplement' }]);

    const done = await post(cookie, `/citizen/dossiers/${d.code}/supplement`, { note: 'Đã gửi giải trình qua bưu điện' });
    const body = await json(done);
    expect(done.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ status: 'in_process', asked: null, actionNeeded: null });
    const [after] = await stack.database.sql`select status, paused_since, due_at, deadline_version from dossiers where id = ${d.id}`;
    expect(after).toMatchObject({ status: 'in_process', paused_since: null, deadline_version: Number(before!.deadline_version) + 1 });
    // A week paused: the due time moved later by the working time of the pause.
    expect(new Date(after!.due_at).getTime()).toBeGreaterThan(new Date(before!.due_at).getTime());
    const [slip] = await stack.database.sql`select kind, from_status, to_status, from_staff_id, note, data from dossier_events where dossier_id = ${d.id} order by at desc, created_at desc limit 1`;
    expect(slip).toEqual({ kind: 'supplement_received', from_status: 'awaiting_supplement', to_status: 'in_process', from_staff_id: null, note: 'Đã gửi giải trình qua bưu điện', data: { by: 'citizen', via: 'portal', dueAt: new Date(after!.due_at).toISOString() } });
    // Staff see it on the control slip.
    const staff = await json(await fetch(`${stack.baseUrl}/api/dossiers/${d.id}`, { headers: { cookie: officer } }));
    expect(staff.events.at(-1)).toMatchObject({ kind: 'supplement_received', fromStaff: null, data: { by: 'citizen' } });
    // Nothing is asked any more: a second answer is refused with the reason.
    const again = await post(cookie, `/citizen/dossiers/${d.code}/supplement`, {});
    expect(again.status).toBe(409);
    expect((await json(again)).error.message).toMatch(/not waiting for a supplement/);
  });

  it('answers a completion request at intake: the center is told and decides; a second answer is refused', async () => {
    const { cookie } = await signInCitizen(lan);
    const probe = await intakeFor(lan);
    const first = (await json(await get(cookie, `/citizen/dossiers/${probe.code}`))).components[0].name as string;
    const d = await intakeFor(lan, { kind: 'request_supplement', missingItems: [first] });
    expect((await upload(cookie, d.code, 0)).status).toBe(201);
    const done = await post(cookie, `/citizen/dossiers/${d.code}/supplement`, {});
    const body = await json(done);
    expect(done.status, JSON.stringify(body)).toBe(200);
    // The state machine leaves intake decisions to the center: still waiting, now with the answer recorded.
    expect(body).toMatchObject({ status: 'intake_supplement', asked: { kind: 'supplement', items: [first], answeredAt: expect.any(String) } });
    const events = await stack.database.sql`select kind, from_staff_id, data from dossier_events where dossier_id = ${d.id} and kind = 'supplement_supplied'`;
    expect(events).toEqual([{ kind: 'supplement_supplied', from_staff_id: null, data: { by: 'citizen', via: 'portal' } }]);
    const again = await post(cookie, `/citizen/dossiers/${d.code}/supplement`, {});
    expect(again.status).toBe(409);
    expect((await json(again)).error.message).toMatch(/already said/);
    // The center accepts as usual.
    expect((await post(officer, `/dossiers/${d.id}/intake-decision`, { kind: 'accept' })).status).toBe(200);
  });

  it('rates a returned dossier once; a "not satisfied" counts against satisfaction as a counter rating does', async () => {
    const d = await intakeFor(lan);
    const { cookie } = await signInCitizen(lan);
    const rate = (body: unknown, who = cookie) => post(who, `/citizen/dossiers/${d.code}/rating`, body);
    // Not returned yet: nothing to rate.
    expect((await json(await get(cookie, `/citizen/dossiers/${d.code}`))).canRate).toBe(false);
    const early = await rate({ level: 'satisfied' });
    expect(early.status).toBe(409);
    expect((await json(early)).error.message).toMatch(/handed over/);
    // Resolved and returned today (written directly: those steps have their own tests).
    await stack.database.sql`update dossiers set status = 'returned', resolved_at = now(), returned_at = now() where id = ${d.id}`;
    await stack.database.sql`insert into dossier_events (dossier_id, kind, from_status, to_status, at, data) values
      (${d.id}, 'resolved', 'in_process', 'resolved', now(), ${JSON.stringify({ outcome: 'approved' })}::jsonb),
      (${d.id}, 'returned', 'resolved', 'returned', now() + interval '1 second', ${JSON.stringify({ method: 'counter', receivedBy: lan.name })}::jsonb)`;
    const [{ day }] = (await stack.database.sql`select (now() at time zone 'Asia/Ho_Chi_Minh')::date::text as day`) as unknown as [{ day: string }];
    const dissatisfied = async () => {
      await stack.database.db.transaction((tx) => analyticsRepository.rollupDossierDays(tx, day, day, 'Asia/Ho_Chi_Minh'));
      const [row] = await stack.database.sql`select coalesce(sum(dissatisfied), 0)::int as n, coalesce(sum(resolved_early + resolved_on_time + resolved_late), 0)::int as resolved from dossier_daily_stats where day = ${day}`;
      return row as { n: number; resolved: number };
    };
    const before = await dissatisfied();
    expect(before.resolved).toBeGreaterThan(0);
    expect((await json(await get(cookie, `/citizen/dossiers/${d.code}`))).canRate).toBe(true);

    expect((await rate({ level: 'great' })).status).toBe(400);
    expect((await rate({ level: 'not_satisfied' }, (await signInCitizen(minh)).cookie)).status).toBe(404);
    const res = await rate({ level: 'not_satisfied', comment: 'Chờ lâu' });
    const body = await json(res);
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ canRate: false, rating: { level: 'not_satisfied', comment: 'Chờ lâu' } });
    expect(await stack.database.sql`select level, reason, ticket_id, counter_id from ratings where dossier_id = ${d.id}`).toEqual([{ level: 'not_satisfied', reason: 'Chờ lâu', ticket_id: null, counter_id: null }]);
    expect((await dissatisfied()).n).toBe(before.n + 1);

    const second = await rate({ level: 'very_satisfied' });
    expect(second.status).toBe(409);
    expect((await json(second)).error.message).toMatch(/already rated/);
    expect(await stack.database.sql`select level from ratings where dossier_id = ${d.id}`).toEqual([{ level: 'not_satisfied' }]);
  });

  it('submits online reusing a file digitised for my earlier dossier; another person\'s file answers 404 and nothing is created', async () => {
    const { cookie } = await signInCitizen(lan);
    const procedure = (await json(await get(cookie, '/citizen/procedures'))).find((p: { id: string }) => p.id === ids.onlineProcedure);
    const submit = (extra: Record<string, unknown>, who = cookie) => post(who, '/citizen/dossiers', { procedureId: ids.onlineProcedure, receivingCenterId: ids.center, idempotencyKey: `reuse-${randomBytes(6).toString('hex')}`, ...extra });
    const earlier = await json(await submit({}));
    expect((await upload(cookie, earlier.code, 0, 2)).status).toBe(201);
    const [scan] = await stack.database.sql`select doc.id, doc.file_sha256 from dossier_documents doc join dossiers d on d.id = doc.dossier_id where d.code = ${earlier.code} and doc.component_index = 0`;

    const offered = await json(await get(cookie, '/citizen/reusable-documents'));
    expect(offered).toContainEqual({ id: scan!.id, dossierCode: earlier.code, name: procedure.checklist[0].name.vi, pages: 2, attachedAt: expect.any(String) });
    // Minh sees none of Lan's files, and cannot take one by its id.
    const minhSession = await signInCitizen(minh);
    expect((await json(await get(minhSession.cookie, '/citizen/reusable-documents'))).map((r: { id: string }) => r.id)).not.toContain(scan!.id);
    const key = `reuse-theft-${randomBytes(4).toString('hex')}`;
    const theft = await submit({ idempotencyKey: key, reuse: [{ index: 0, documentId: scan!.id }] }, minhSession.cookie);
    expect(theft.status).toBe(404);
    expect(await stack.database.sql`select 1 from dossiers where idempotency_key = ${key}`).toHaveLength(0);
    // Only for the same kind of paper.
    if (procedure.checklist.length > 1) {
      const wrong = await submit({ reuse: [{ index: 1, documentId: scan!.id }] });
      expect(wrong.status).toBe(400);
      expect((await json(wrong)).error.details).toEqual([expect.objectContaining({ path: 'body.reuse.0.documentId' })]);
    }

    const res = await submit({ reuse: [{ index: 0, documentId: scan!.id }] });
    const receipt = await json(res);
    expect(res.status, JSON.stringify(receipt)).toBe(200);
    const [reused] = await stack.database.sql`select doc.file_sha256, doc.file_source, doc.file_pages from dossier_documents doc join dossiers d on d.id = doc.dossier_id where d.code = ${receipt.code} and doc.component_index = 0`;
    expect(reused).toEqual({ file_sha256: scan!.file_sha256, file_source: 'reuse', file_pages: 2 });
    expect((await json(await get(cookie, `/citizen/dossiers/${receipt.code}`))).components[0]).toMatchObject({ index: 0, hasFile: true });
  });

  it('signs out: the session ends', async () => {
    const { cookie } = await signInCitizen(lan);
    const out = await post(cookie, '/citizen/auth/sign-out', {});
    expect(out.status).toBe(200);
    expect((await get(cookie, '/citizen/me')).status).toBe(401);
  });
});
