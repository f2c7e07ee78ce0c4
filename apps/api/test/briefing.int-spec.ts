import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatRate } from '@motcua/core';
import { ensureDemoPki } from '@motcua/documents';
import { nssDbTrusting, pdfInfo, pdfsig, pdfText } from '@motcua/documents/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

const NOW = '2026-12-03T03:00:00Z';

describe('monthly briefing PDF (issue #19 item 10)', () => {
  let stack: Stack;
  let accounts: Account[];
  let dir: string;
  let nss: string;
  const cookies: Record<string, string> = {};
  const units: Record<string, string> = {};
  let fieldB: string;
  let procedureB: string;
  let holder: string;

  const get = async (username: string, p: string) => {
    cookies[username] ??= await signIn(stack, username, accounts.find((a) => a.username === username)!.password);
    return fetch(`${stack.baseUrl}/api/analytics/${p}`, { headers: { cookie: cookies[username]!, 'accept-language': 'en', 'x-test-now': NOW } });
  };
  /** Downloads a briefing; returns its text (pdftotext, whitespace collapsed) and pdfsig's report. */
  const briefing = async (username: string, unitId: string, month = '2026-11') => {
    const r = await get(username, `briefing.pdf?unitId=${unitId}&month=${month}`);
    expect(r.status, r.status === 200 ? '' : JSON.stringify(await json(r))).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="ban-tin-${month}.pdf"`);
    const pdf = Buffer.from(await r.arrayBuffer());
    return { signed: r.headers.get('x-briefing-signed'), text: pdfText(pdf), pages: /Pages:\s+(\d+)/.exec(pdfInfo(pdf))![1], sig: pdfsig(pdf, nss) };
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-'));
    stack = await startStack({ worker: true, env: { SIGNER_PKCS12_DIR: path.join(dir, 'pki') } });
    accounts = await seed(stack);
    const sql = stack.database.sql;
    for (const u of await sql`select id, name from administrative_units`) units[u.name] = u.id;
    // An Xuyên's People's Committee holds a key; the province has none (the demo has no provincial committee agency).
    const [agency] = await sql`select a.id, a.code, a.name, a.unit_id, c.id as center_id from agencies a join centers c on c.unit_id = a.unit_id where a.code = 'UBND-32002'`;
    const { rootPem } = await ensureDemoPki(path.join(dir, 'pki'), [{ agencyId: agency!.id, agencyCode: agency!.code, agencyName: agency!.name }], { log: () => {}, notBefore: new Date('2026-01-01T00:00:00Z') });
    nss = nssDbTrusting(rootPem);

    // Two procedures of two fields.
    const versions = await sql`select distinct on (p.field) pv.id, p.name, p.field from procedure_versions pv join procedures p on p.id = pv.procedure_id order by p.field, pv.fee_vnd limit 2`;
    const [a, b] = versions;
    fieldB = (await sql`select name_vi from services where field = ${b!.field} order by sort_order limit 1`)[0]?.name_vi ?? b!.field;
    procedureB = b!.name;
    // October: four on time (100%). November: field A two on time; field B one on time, one late, one still open and overdue (3 of 5, 60%).
    const rows: Array<[typeof a, string, string, string | null]> = [
      [a, '2026-10-05T02:00:00Z', '2026-10-08T10:00:00Z', '2026-10-07T03:00:00Z'],
      [a, '2026-10-06T02:00:00Z', '2026-10-09T10:00:00Z', '2026-10-08T03:00:00Z'],
      [b, '2026-10-07T02:00:00Z', '2026-10-12T10:00:00Z', '2026-10-09T03:00:00Z'],
      [b, '2026-10-08T02:00:00Z', '2026-10-13T10:00:00Z', '2026-10-12T03:00:00Z'],
      [a, '2026-11-03T02:00:00Z', '2026-11-06T10:00:00Z', '2026-11-05T03:00:00Z'],
      [a, '2026-11-04T02:00:00Z', '2026-11-09T10:00:00Z', '2026-11-06T03:00:00Z'],
      [b, '2026-11-05T02:00:00Z', '2026-11-10T10:00:00Z', '2026-11-09T03:00:00Z'],
      [b, '2026-11-05T03:00:00Z', '2026-11-10T10:00:00Z', '2026-11-13T03:00:00Z'],
      [b, '2026-11-10T02:00:00Z', '2026-11-20T10:00:00Z', null],
    ];
    for (const [i, [v, received, due, resolved]] of rows.entries()) {
      const [d] = await sql`insert into dossiers (code, agency_id, receiving_center_id, return_center_id, procedure_version_id, channel, status, applicant_name, received_at, due_at, resolved_at)
        values (${'BT-' + i}, ${agency!.id}, ${agency!.center_id}, ${agency!.center_id}, ${v!.id}, 'counter', ${resolved ? 'resolved' : 'in_process'}, 'Trần Thị B', ${received}, ${due}, ${resolved})
        returning id`;
      await sql`insert into dossier_events (dossier_id, kind, to_status, at, data) values (${d!.id}, 'received', 'received', ${received}, ${JSON.stringify({ dueAt: due })}::jsonb)`;
      if (resolved) await sql`insert into dossier_events (dossier_id, kind, from_status, to_status, at) values (${d!.id}, 'resolved', 'in_process', 'resolved', ${resolved})`;
    }
    await sql`update dossiers set assignee_id = (select id from staff where username = 'canbo.anxuyen1') where code = 'BT-8'`;
    holder = (await sql`select full_name from staff where username = 'canbo.anxuyen1'`)[0]!.full_name;

    // The worker rewrites the read model of October and November.
    const { JobProducer, createRedis, closeRedis } = await import('@motcua/platform');
    const redis = createRedis(process.env.MOTCUA_TEST_REDIS_URL!, 'bullmq');
    const producer = new JobProducer(redis, stack.prefix);
    try {
      const days = Array.from({ length: 61 }, (_, i) => new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10));
      const id = await producer.enqueue('analytics.rollup', { days });
      const queue = producer.queue('analytics');
      await vi.waitFor(async () => expect((await queue.getJob(id))?.finishedOn).toBeTruthy(), { timeout: 60_000, interval: 100 });
    } finally {
      await producer.close();
      await closeRedis(redis);
    }
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("a commune leader's briefing: one signed page whose headline is the indicators API's figure for the month, with the three sentences and the overdue dossier's holder", async () => {
    const report = await json(await get('lanhdao.anxuyen', 'indicators?from=2026-11-01&to=2026-11-30'));
    expect(report.total.indicators.onTimeRate766).toBeCloseTo(0.6, 10);
    const b = await briefing('lanhdao.anxuyen', units['Phường An Xuyên']!);
    expect(b.pages).toBe('1');
    expect(b.text).toContain('BẢN TIN THÁNG 11/2026');
    expect(b.text).toContain(`${formatRate(report.total.indicators.onTimeRate766, 'vi')} Tỷ lệ giải quyết đúng hạn (766)`);
    expect(b.text).toContain('Tháng 11/2026, tỷ lệ giải quyết hồ sơ đúng hạn (766) của Phường An Xuyên là 60,0%, chưa đạt chỉ tiêu 99% (thiếu 39,0 điểm).');
    expect(b.text).toContain(`Tỷ lệ đúng hạn giảm 40,0 điểm so với tháng trước (từ 100,0% xuống 60,0%), chủ yếu do lĩnh vực ${fieldB} (−40,0 điểm).`);
    expect(b.text).toContain(`Hiện có 1 hồ sơ đang quá hạn; thủ tục có tỷ lệ đúng hạn thấp nhất trong tháng là ${procedureB} (33,3%).`);
    // The overdue list names who holds the dossier (a staff-only document).
    expect(b.text).toMatch(new RegExp(`BT-8 .* 20/11/2026 12 ${holder}`));
    // Signed for the commune's People's Committee by the documents' signer.
    expect(b.signed).toBe('true');
    expect(b.text).toContain('Ký số bởi: UBND phường An Xuyên');
    expect(b.sig).toContain('Signature Validation: Signature is Valid.');
    expect(b.sig).toContain('Certificate Validation: Certificate is Trusted.');
    expect(b.sig).toContain('Total document signed');
  });

  it("a provincial leader's province briefing agrees with the province total, unsigned where the province holds no key", async () => {
    const report = await json(await get('lanhdao.tinh', 'indicators?from=2026-11-01&to=2026-11-30'));
    const b = await briefing('lanhdao.tinh', units['Tỉnh Cà Mau']!);
    expect(b.text).toContain(`${formatRate(report.total.indicators.onTimeRate766, 'vi')} Tỷ lệ giải quyết đúng hạn (766)`);
    expect(b.text).toContain('của Tỉnh Cà Mau là 60,0%');
    expect(b.signed).toBe('false');
    expect(b.text).not.toContain('Ký số bởi');
    expect(b.sig).not.toContain('Signature Validation');
    // And any commune of the province.
    expect((await briefing('lanhdao.tinh', units['Phường An Xuyên']!)).text).toContain('của Phường An Xuyên là 60,0%');
  });

  it('a month without data says so rather than printing 0%', async () => {
    const b = await briefing('lanhdao.anxuyen', units['Phường An Xuyên']!, '2026-09');
    expect(b.text).toContain('Tháng 9/2026, Phường An Xuyên chưa có hồ sơ đã giải quyết nên chưa có tỷ lệ giải quyết đúng hạn.');
    expect(b.text).toContain('Chưa so sánh được với tháng trước vì tháng này chưa có dữ liệu.');
  });

  it('refuses a leader outside the unit, a role without analytics, and a bad or future month, in the error shape', async () => {
    const anXuyen = units['Phường An Xuyên']!;
    for (const unit of [units['Tỉnh Cà Mau']!, units['Phường Tân Thành']!]) {
      const r = await get('lanhdao.anxuyen', `briefing.pdf?unitId=${unit}&month=2026-11`);
      expect(r.status).toBe(403);
      expect(((await r.json()) as { error: { message: string } }).error.message).toBe('This unit is outside your scope');
    }
    expect((await get('canbo.anxuyen1', `briefing.pdf?unitId=${anXuyen}&month=2026-11`)).status).toBe(403);
    const bad = await get('lanhdao.anxuyen', `briefing.pdf?unitId=${anXuyen}&month=2026-13`);
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.details).toEqual([{ path: 'query.month', message: 'The month must look like YYYY-MM, e.g. 2026-11' }]);
    const future = await get('lanhdao.anxuyen', `briefing.pdf?unitId=${anXuyen}&month=2027-01`);
    expect(future.status).toBe(400);
    expect((await json(future)).error.details).toEqual([{ path: 'query.month', message: 'This month has not come yet; choose the current month or an earlier one' }]);
    expect((await get('lanhdao.anxuyen', `briefing.pdf?month=2026-11`)).status).toBe(400);
  });
});
