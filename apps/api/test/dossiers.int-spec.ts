import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startSecondApi, startStack, type Account, type Stack } from './harness.js';

/** Tuesday 1 Dec 2026, 09:00 in Hà Nội; every request carries its instant in x-test-now. */
const T0 = '2026-12-01T09:00:00+07:00';

describe('dossiers', () => {
  let stack: Stack;
  let accounts: Account[];
  const cookie: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const send = (who: string | null, method: string, path: string, body?: unknown, at = T0, base = stack.baseUrl) =>
    fetch(`${base}/api${path}`, {
      method,
      headers: { ...(who ? { cookie: cookie[who]! } : {}), 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': at },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const ok = async (res: Response, status = 200) => {
    const body = await json(res);
    expect(res.status, JSON.stringify(body)).toBe(status);
    return body;
  };
  const applicant = { name: 'Nguyễn Thị Lan', phone: '0912345678' };
  const receive = (procedure: string, extra: Record<string, unknown> = {}, who = 'canbo.anxuyen1', at = T0) =>
    send(who, 'POST', `/centers/${ids.anXuyen}/dossiers`, { procedureId: ids[procedure], applicant, applicantUnitId: ids.unitAnXuyen, outcome: { kind: 'accept' }, ...extra }, at);
  const act = (who: string, id: string, body: unknown, at = T0) => send(who, 'POST', `/dossiers/${id}/actions`, body, at);

  beforeAll(async () => {
    stack = await startStack();
    accounts = await seed(stack);
    for (const u of ['canbo.anxuyen1', 'chuyenvien.anxuyen', 'quanly.anxuyen', 'quanly.tanthanh', 'quanly.tinh', 'lanhdao.anxuyen']) {
      cookie[u] = await signIn(stack, u, accounts.find((a) => a.username === u)!.password);
    }
    const sql = stack.database.sql;
    for (const r of await sql`select code, id from centers`) ids[r.code === 'TT-32002' ? 'anXuyen' : r.code === 'TT-32014' ? 'tanThanh' : r.code === 'TT-96' ? 'province' : r.code] = r.id;
    for (const r of await sql`select code, id from procedures`) ids[r.code] = r.id;
    for (const r of await sql`select code, id from administrative_units`) ids[`unit${r.code}`] = r.id;
    ids.unitAnXuyen = ids.unit32002!;
    for (const r of await sql`select username, id from staff`) ids[r.username] = r.id;
  });
  afterAll(() => stack?.stop());

  it('receives at the counter from the ticket being served: code, appointment on the agency calendar, the ticket link and the receipt row', async () => {
    const sql = stack.database.sql;
    const [counter] = await sql`select id from counters where center_id = ${ids.anXuyen!} order by number limit 1`;
    const [service] = await sql`select id from services where center_id = ${ids.anXuyen!} limit 1`;
    const [ticket] = await sql`
      insert into tickets (center_id, service_id, business_date, number, code, status, arrived_at, serving_at, counter_id, officer_id, tracking_code)
      values (${ids.anXuyen!}, ${service!.id}, '2026-12-01', 1, 'E001', 'serving', now(), now(), ${counter!.id}, ${ids['canbo.anxuyen1']!}, 'DOSSIERT01') returning id`;
    const d = await ok(await receive('CTR-TT', { ticketId: ticket!.id, documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }] }), 201);
    expect(d.code).toBe('H12.32002-261201-0001');
    expect(d.status).toBe('received');
    // 7 working days from Tue 1/12 09:00 → Thu 10/12 09:00 (Hà Nội).
    expect(d.dueAt).toBe(new Date('2026-12-10T09:00:00+07:00').toISOString());
    expect(d.ticketId).toBe(ticket!.id);
    expect(d.events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'received']);
    expect(d.events[1]).toMatchObject({ step: 1, stepResult: 'on_time', fromStaff: 'Huỳnh Văn Dũng' });
    expect(d.documents).toEqual([expect.objectContaining({ kind: 'submitted', name: 'Tờ khai thay đổi thông tin cư trú' })]);
    ids.first = d.id;

    await sql`update tickets set status = 'done' where id = ${ticket!.id}`;
    const stale = await receive('CTR-TT', { ticketId: ticket!.id });
    expect(stale.status).toBe(400);
    expect((await json(stale)).error.details).toEqual([{ path: 'body.ticketId', message: 'This ticket is not being served at a counter of this center' }]);
  });

  it('asks for the missing items at intake (in one list) or refuses with reasons; the competent agency rule needs the residence', async () => {
    const s = await ok(await receive('CTR-TT', { outcome: { kind: 'request_supplement', missingItems: ['Bản sao giấy khai sinh', 'Giấy tờ chứng minh chỗ ở'] } }), 201);
    expect(s.status).toBe('intake_supplement');
    expect(s.events.at(-1).data.missingItems).toHaveLength(2);
    const accepted = await ok(await send('canbo.anxuyen1', 'POST', `/dossiers/${s.id}/intake-decision`, { kind: 'accept' }));
    expect(accepted.status).toBe('received');
    const r = await ok(await receive('CTR-TT', { outcome: { kind: 'refuse', reasons: ['Không thuộc thẩm quyền'] } }), 201);
    expect(r.status).toBe('refused_at_intake');
    const missing = await send('canbo.anxuyen1', 'POST', `/centers/${ids.anXuyen}/dossiers`, { procedureId: ids['CTR-TT'], applicant, outcome: { kind: 'accept' } });
    expect((await json(missing)).error.details[0].path).toBe('body.applicantUnitId');
  });

  it('an online submission repeated 50 times at once yields one dossier and consumes one number', async () => {
    const body = { procedureId: ids['CTR-TT'], receivingCenterId: ids.anXuyen, applicant, applicantUnitId: ids.unitAnXuyen, idempotencyKey: 'portal-2026-000123' };
    const results = await Promise.all(Array.from({ length: 50 }, () => send(null, 'POST', '/intake/online', body).then(async (r) => ({ status: r.status, body: await json(r) }))));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    // The portal gets a receipt (no personal data), the same one each time.
    expect(new Set(results.map((r) => r.body.code)).size).toBe(1);
    expect(results[0]!.body).toMatchObject({ status: 'submitted', appointmentAt: null });
    expect(results[0]!.body).not.toHaveProperty('applicantName');
    const [online] = await stack.database.sql`select id, channel from dossiers where code = ${results[0]!.body.code}`;
    expect(online!.channel).toBe('online');
    const [n] = await stack.database.sql`select count(*)::int as n from dossiers where idempotency_key = 'portal-2026-000123'`;
    expect(n!.n).toBe(1);
    const codes = (await stack.database.sql`select code from dossiers where code like 'H12.32002-261201-%' order by code`).map((r) => r.code);
    // Three counter dossiers before it (refused requests take no number), so the online one is number 4: the repeats burnt none.
    expect(codes.at(-1)).toBe('H12.32002-261201-0004');
    // The officer of the receiving center then accepts it: the appointment starts at acceptance.
    const accepted = await ok(await send('canbo.anxuyen1', 'POST', `/dossiers/${online!.id}/intake-decision`, { kind: 'accept' }, '2026-12-01T10:00:00+07:00'));
    expect(accepted).toMatchObject({ status: 'received', receivedAt: new Date('2026-12-01T10:00:00+07:00').toISOString() });
  });

  it('round-robin alternates between the specialists of the agency; a post intake keeps its channel', async () => {
    const sql = stack.database.sql;
    const [second] = await sql`insert into staff (username, password_hash, full_name, home_center_id, home_unit_id) values ('chuyenvien.anxuyen2', 'x', 'Phan Thị Thu', ${ids.anXuyen!}, ${ids.unitAnXuyen!}) returning id`;
    await sql`insert into staff_roles (staff_id, role, scope_center_id) values (${second!.id}, 'specialist', ${ids.anXuyen!})`;
    const a = await ok(await receive('CTR-TT', { channel: 'post' }), 201);
    const b = await ok(await receive('CTR-TT'), 201);
    expect(a.channel).toBe('post');
    const first = await ok(await act('quanly.anxuyen', a.id, { action: 'assign' }));
    const next = await ok(await act('quanly.anxuyen', b.id, { action: 'assign' }));
    // Neither was assigned yet (ties go by username); then the one assigned least recently.
    expect([first.assignee.id, next.assignee.id]).toEqual([ids['chuyenvien.anxuyen'], second!.id]);
    const third = await ok(await act('quanly.anxuyen', (await ok(await receive('CTR-TT'), 201)).id, { action: 'assign' }));
    expect(third.assignee.id).toBe(ids['chuyenvien.anxuyen']);
    await sql`update staff set active = false where id = ${second!.id}`;
  });

  it('assigns round-robin, forwards with control-slip rows, refuses invalid transitions with the state machine reason', async () => {
    const d = await ok(await act('chuyenvien.anxuyen', ids.first!, { action: 'assign' }));
    expect(d.status).toBe('in_process');
    expect(d.assignee.id).toBe(ids['chuyenvien.anxuyen']);
    const wrong = await send('canbo.anxuyen1', 'POST', `/dossiers/${ids.first}/return`, { method: 'counter', receivedBy: 'Nguyễn Thị Lan' });
    expect(wrong.status).toBe(409);
    const err = (await json(wrong)).error;
    expect(err.message).toMatch(/^Cannot return the result: only possible when the dossier is resolved/);
    const f = await ok(await act('chuyenvien.anxuyen', ids.first!, { action: 'forward', note: 'Đã thẩm định' }, '2026-12-03T10:00:00+07:00'));
    expect(f.currentStep).toBe(2);
    const slip = f.events.at(-1);
    expect(slip).toMatchObject({ kind: 'forward', step: 2, stepResult: 'early', fromStaff: 'Bùi Quốc Khánh', fromUnit: 'Phường An Xuyên', toUnit: 'Phường An Xuyên' });
    const back = await ok(await act('chuyenvien.anxuyen', ids.first!, { action: 'send_back', note: 'Thiếu chữ ký' }, '2026-12-03T11:00:00+07:00'));
    expect(back.currentStep).toBe(1);
    expect(back.assignee?.id).toBe(ids['chuyenvien.anxuyen']);
  });

  it('a supplement request pauses the clock: the due moves by the paused working time; a second request is flagged late', async () => {
    const before = await ok(await send('chuyenvien.anxuyen', 'GET', `/dossiers/${ids.first}`));
    await ok(await act('chuyenvien.anxuyen', ids.first!, { action: 'request_supplement', missingItems: ['Giấy xác nhận chỗ ở hợp pháp'] }, '2026-12-04T09:00:00+07:00'));
    // Friday 09:00 → Monday 09:00: one working day paused (the weekend does not count).
    const resumed = await ok(await act('chuyenvien.anxuyen', ids.first!, { action: 'supplement_received' }, '2026-12-07T09:00:00+07:00'));
    expect(new Date(resumed.dueAt).getTime() - new Date(before.dueAt).getTime()).toBe(24 * 3600_000);
    expect(resumed.dueAt).toBe(new Date('2026-12-11T09:00:00+07:00').toISOString());
    expect(resumed.deadlineVersion).toBe(before.deadlineVersion + 1);
    expect(resumed.flaggedLate).toBe(false);
    await ok(await act('chuyenvien.anxuyen', ids.first!, { action: 'request_supplement', missingItems: ['Bản sao sổ đỏ'] }, '2026-12-07T10:00:00+07:00'));
    const second = await ok(await act('chuyenvien.anxuyen', ids.first!, { action: 'supplement_received' }, '2026-12-07T10:00:00+07:00'));
    expect(second).toMatchObject({ supplementCount: 2, flaggedLate: true });
  });

  it('extension with apology: once, at least 1 working day before due; the original due stays', async () => {
    // Due Fri 11/12 09:00; Thu 10/12 09:15 is less than one working day before.
    const late = await act('chuyenvien.anxuyen', ids.first!, { action: 'extend', newDueAt: '2026-12-15T17:00:00+07:00', reason: 'Cần xác minh' }, '2026-12-10T09:15:00+07:00');
    expect(late.status).toBe(409);
    expect((await json(late)).error.message).toMatch(/at least 1 working day before/);
    const d = await ok(await act('chuyenvien.anxuyen', ids.first!, { action: 'extend', newDueAt: '2026-12-15T17:00:00+07:00', reason: 'Cần xác minh' }, '2026-12-09T16:00:00+07:00'));
    expect(d.dueAt).toBe(new Date('2026-12-11T09:00:00+07:00').toISOString());
    expect(d.extendedDueAt).toBe(new Date('2026-12-15T17:00:00+07:00').toISOString());
    expect(d.documents.some((doc: { kind: string }) => doc.kind === 'apology')).toBe(true);
    const again = await act('chuyenvien.anxuyen', ids.first!, { action: 'extend', newDueAt: '2026-12-18T17:00:00+07:00', reason: 'Lần hai' }, '2026-12-09T16:00:00+07:00');
    expect(again.status).toBe(409);
    expect((await json(again)).error.message).toMatch(/already extended/);
  });

  it('resolves with result documents, returns at the counter, and the citizen tracks it without personal data', async () => {
    const r = await ok(await act('chuyenvien.anxuyen', ids.first!, { action: 'resolve', outcome: 'approved', documents: [{ name: 'Xác nhận đăng ký thường trú' }] }, '2026-12-10T10:00:00+07:00'));
    expect(r.status).toBe('resolved');
    // Two days before due, but it had a second supplement request: the control slip stamps it late (Decision 766 §2.1).
    expect(r.events.at(-1).data).toMatchObject({ outcome: 'approved', result: 'late' });
    const ret = await ok(await send('canbo.anxuyen1', 'POST', `/dossiers/${ids.first}/return`, { method: 'counter', receivedBy: 'Nguyễn Thị Lan' }, '2026-12-10T14:00:00+07:00'));
    expect(ret.status).toBe('returned');
    const t = await ok(await send(null, 'GET', `/track?code=${ret.code}&phoneLast4=5678`));
    expect(t).toMatchObject({ code: ret.code, status: 'returned', collectAt: { name: expect.stringContaining('An Xuyên') } });
    expect(t.timeline.map((e: { status: string }) => e.status)).toContain('resolved');
    expect(JSON.stringify(t)).not.toMatch(/Lan|0912|Huỳnh|Bùi/);
    expect((await send(null, 'GET', `/track?code=${ret.code}&phoneLast4=0000`)).status).toBe(404);
    // Guessing the second factor is rate-limited (20 a minute per address).
    const statuses = await Promise.all(Array.from({ length: 25 }, (_, i) => send(null, 'GET', `/track?code=${ret.code}&phoneLast4=${String(1000 + i)}`).then((res) => res.status)));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
  });

  it('boundary-free: received in Tân Thành, decided by the provincial land office, returned in An Xuyên', async () => {
    const d = await ok(await send('quanly.tanthanh', 'POST', `/centers/${ids.tanThanh}/dossiers`, {
      procedureId: ids['DD-BD'], applicant: { name: 'Lê Văn Đất', phone: '0909000111' }, returnCenterId: ids.anXuyen, outcome: { kind: 'accept' },
    }), 201);
    expect(d.code).toMatch(/^G12\.96\.VPDKDD-261201-\d{4}$/);
    expect([d.receivingCenter.id, d.returnCenter.id, d.agency.name]).toEqual([ids.tanThanh, ids.anXuyen, 'Văn phòng Đăng ký đất đai tỉnh Cà Mau']);
    expect(d.events.at(-1)).toMatchObject({ kind: 'received', fromUnit: 'Phường Tân Thành', toUnit: 'Tỉnh Cà Mau' });
    // Processing belongs to the competent agency, not to the receiving center: no button, and 403.
    expect(d.actions).not.toContain('assign');
    const asProvince = await ok(await send('quanly.tinh', 'GET', `/dossiers/${d.id}`));
    expect(asProvince.actions).toContain('assign');
    // The picker offers people of the competent agency only.
    expect(asProvince.assignable.map((p: { id: string }) => p.id)).toContain(ids['quanly.tinh']);
    expect(asProvince.assignable.map((p: { id: string }) => p.id)).not.toContain(ids['chuyenvien.anxuyen']);
    expect(d.assignable).toEqual([]);
    expect((await act('quanly.tanthanh', d.id, { action: 'assign', staffId: ids['quanly.tinh'] })).status).toBe(403);
    await ok(await act('quanly.tinh', d.id, { action: 'assign', staffId: ids['quanly.tinh'] }));
    // Financial obligation pauses this procedure's clock until paid.
    const o = await ok(await act('quanly.tinh', d.id, { action: 'notify_obligation', amountVnd: 500000, note: 'Lệ phí trước bạ' }, '2026-12-02T09:00:00+07:00'));
    expect(o.status).toBe('awaiting_obligation');
    const paid = await ok(await act('quanly.tinh', d.id, { action: 'record_payment', amountVnd: 500000, method: 'portal' }, '2026-12-03T09:00:00+07:00'));
    expect(paid.status).toBe('in_process');
    // One working day paused moves Fri 11/12 09:00 over the weekend to Mon 14/12 09:00.
    expect([d.dueAt, paid.dueAt]).toEqual([new Date('2026-12-11T09:00:00+07:00').toISOString(), new Date('2026-12-14T09:00:00+07:00').toISOString()]);
    expect(paid.payments).toEqual([expect.objectContaining({ amountVnd: 500000, method: 'portal' })]);
    // The slip carries the due time from then on, and the payment is the obligation, not the fee (766 group 3b counts fees only).
    expect(paid.events.at(-1)).toMatchObject({ kind: 'obligation_paid', data: { purpose: 'obligation', dueAt: new Date('2026-12-14T09:00:00+07:00').toISOString() } });
    expect((await stack.database.sql`select purpose from dossier_payments where dossier_id = ${d.id}`).map((p) => p.purpose)).toEqual(['obligation']);
    await ok(await act('quanly.tinh', d.id, { action: 'resolve', outcome: 'approved', documents: [{ name: 'Giấy chứng nhận' }] }, '2026-12-04T09:00:00+07:00'));
    // The Tân Thành center cannot hand it out; An Xuyên, the return point, does.
    expect((await send('quanly.tanthanh', 'POST', `/dossiers/${d.id}/return`, { method: 'counter', receivedBy: 'Lê Văn Đất' })).status).toBe(403);
    const ret = await ok(await send('canbo.anxuyen1', 'POST', `/dossiers/${d.id}/return`, { method: 'counter', receivedBy: 'Lê Văn Đất' }, '2026-12-04T14:00:00+07:00'));
    expect(ret.events.at(-1)).toMatchObject({ kind: 'returned', fromUnit: 'Phường An Xuyên', data: { method: 'counter', receivedBy: 'Lê Văn Đất' } });
  });

  it('suspension needs a legal ground and its days do not count; withdrawal only before a decision', async () => {
    const d = await ok(await receive('CTR-TT'), 201);
    await ok(await act('chuyenvien.anxuyen', d.id, { action: 'assign' }));
    const noGround = await act('chuyenvien.anxuyen', d.id, { action: 'suspend', legalReason: ' ' });
    expect((await json(noGround)).error.details[0].path).toBe('body.legalReason');
    await ok(await act('chuyenvien.anxuyen', d.id, { action: 'suspend', legalReason: 'Niêm yết công khai 15 ngày (Điều 14 Nghị định 62/2021)' }, '2026-12-02T09:00:00+07:00'));
    // Wed 09:00 → Wed 09:00 a week later: 5 working days paused.
    const resumed = await ok(await act('chuyenvien.anxuyen', d.id, { action: 'resume' }, '2026-12-09T09:00:00+07:00'));
    expect(resumed.dueAt).toBe(new Date('2026-12-17T09:00:00+07:00').toISOString());
    expect(resumed.events.find((e: { kind: string }) => e.kind === 'suspended').note).toMatch(/Niêm yết/);
    const w = await ok(await send('canbo.anxuyen1', 'POST', `/dossiers/${d.id}/close`, { kind: 'withdraw', reason: 'Người nộp xin rút' }));
    expect(w.status).toBe('withdrawn');
    const again = await send('chuyenvien.anxuyen', 'POST', `/dossiers/${d.id}/actions`, { action: 'resume' });
    expect(again.status).toBe(409);
    expect((await json(again)).error.message).toMatch(/final state/);
    const resolvedStop = await send('canbo.anxuyen1', 'POST', `/dossiers/${ids.first}/close`, { kind: 'stop', reason: 'Thử' });
    expect(resolvedStop.status).toBe(409);
  });

  it('the control slip is append-only in the database', async () => {
    const sql = stack.database.sql;
    await expect(sql`update dossier_events set note = 'sửa' where dossier_id = ${ids.first!}`).rejects.toThrow(/append-only/);
    await expect(sql`delete from dossier_events where dossier_id = ${ids.first!}`).rejects.toThrow(/append-only/);
  });

  it('the inbox lists open dossiers by due time, then finished ones; finds by code, name or phone; overdue is flagged', async () => {
    const mine = await ok(await send('chuyenvien.anxuyen', 'GET', '/dossiers?scope=all&q=0912345678', undefined, '2026-12-20T09:00:00+07:00'));
    expect(mine.length).toBeGreaterThan(2);
    const closed = (d: { status: string }) => ['resolved', 'returned', 'refused_at_intake', 'withdrawn', 'stopped'].includes(d.status);
    const firstClosed = mine.findIndex(closed);
    const open = firstClosed === -1 ? mine : mine.slice(0, firstClosed);
    expect(open.length).toBeGreaterThan(1);
    // No open dossier comes after a finished one, and the open ones are most urgent first.
    expect(mine.slice(open.length).every(closed)).toBe(true);
    const dues = open.map((d: { dueAt: string | null }) => d.dueAt).filter(Boolean);
    expect([...dues].sort()).toEqual(dues);
    const overdue = await ok(await send('quanly.anxuyen', 'GET', '/dossiers?scope=all&due=overdue', undefined, '2026-12-20T09:00:00+07:00'));
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((d: { overdue: boolean }) => d.overdue)).toBe(true);
    const tanThanh = await ok(await send('quanly.tanthanh', 'GET', '/dossiers?scope=all&q=H12.32002'));
    expect(tanThanh).toEqual([]);
  });

  it('500 concurrent intakes across two API processes get unique, gap-free codes', async () => {
    const second = await startSecondApi(stack);
    try {
      const at = '2026-12-02T09:00:00+07:00';
      const started = Date.now();
      let retried = 0;
      // A client does what a 503 says: nothing was saved, try again after Retry-After. On a loaded machine the
      // database connect timeout answers some of 500 at once that way; a retry must not leave a gap in the numbers.
      const intake = async (i: number) => {
        for (let attempt = 1; ; attempt++) {
          const r = await send('canbo.anxuyen1', 'POST', `/centers/${ids.anXuyen}/dossiers`, { procedureId: ids['CTR-XN'], applicant, applicantUnitId: ids.unitAnXuyen, outcome: { kind: 'accept' } }, at, i % 2 ? second.baseUrl : stack.baseUrl);
          const result = { status: r.status, body: await json(r) };
          if (r.status !== 503 || attempt === 4) return result;
          retried++;
          await new Promise((done) => setTimeout(done, Number(r.headers.get('retry-after') ?? 1) * 1000));
        }
      };
      const results = await Promise.all(Array.from({ length: 500 }, (_, i) => intake(i)));
      console.log(`500 intakes over two API processes: ${Date.now() - started} ms (${retried} retried after a 503)`);
      expect(results.filter((r) => r.status !== 201)).toEqual([]);
      const codes = results.map((r) => r.body.code as string);
      expect(new Set(codes).size).toBe(500);
      const numbers = codes.map((c) => Number(c.split('-').at(-1))).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    } finally {
      await second.stop();
    }
  }, 180_000);
});
