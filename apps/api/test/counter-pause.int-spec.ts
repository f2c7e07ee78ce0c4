import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from './harness.js';

// Wednesday 2026-11-25, 09:00 in Hồ Chí Minh City: within the default office windows.
const MORNING = '2026-11-25T02:00:00.000Z';

/** Issue #18 item 9: a counter paused with a reason; the board and the hall say why; opening clears it; a paused counter cannot call. */
describe('pausing a counter with a reason', () => {
  let stack: Stack;
  let admin = '';

  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${path}`, {
      method,
      headers: { cookie: admin, 'content-type': 'application/json', 'accept-language': 'vi', 'x-test-now': MORNING },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function center(code: string) {
    const sql = stack.database.sql;
    const [unit] = await sql`select unit_id from centers where code = 'TT-32002'`;
    const hours = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }]])));
    const [c] = await sql`insert into centers (code, name, unit_id, opening_hours) values (${code}, ${'Trung tâm ' + code}, ${unit!.unit_id}, ${hours}::jsonb) returning id`;
    const [s] = await sql`insert into services (center_id, code, name_vi, name_en, ticket_prefix, typical_service_minutes, field, sort_order)
      values (${c!.id}, 'HT', 'Hộ tịch', 'Civil status', 'A', 8, 'ho_tich', 0) returning id`;
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const [row] = await sql`insert into counters (center_id, label, number, state) values (${c!.id}, ${'Quầy ' + n}, ${n}, 'open') returning id`;
      await sql`insert into counter_services (counter_id, service_id, weight) values (${row!.id}, ${s!.id}, 1)`;
      ids.push(row!.id as string);
    }
    return { id: c!.id as string, serviceId: s!.id as string, counters: ids };
  }

  beforeAll(async () => {
    stack = await startStack();
    const accounts = await seed(stack);
    admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
  });
  afterAll(() => stack?.stop());

  it('stores the reason with the counter, shows it on the live board and the hall display, refuses calls, and clears it on open', async () => {
    const c = await center('P-PAUSE');
    const [k1, k2] = c.counters as [string, string];
    expect((await send('POST', `/centers/${c.id}/tickets`, { serviceId: c.serviceId })).status).toBe(201);

    const paused = await send('POST', `/counters/${k1}/state`, { state: 'paused', reason: '  Nghỉ trưa ' });
    expect(paused.status).toBe(200);
    const ws = await json(paused);
    expect(ws.counter).toMatchObject({ state: 'paused', pauseReason: 'Nghỉ trưa' });
    expect(ws.allowedActions).not.toContain('callNext');
    const [row] = await stack.database.sql`select state, pause_reason from counters where id = ${k1}`;
    expect(row).toEqual({ state: 'paused', pause_reason: 'Nghỉ trưa' });

    // The lifecycle in core decides: a paused counter cannot call, and says how to go on.
    const call = await send('POST', `/counters/${k1}/call-next`);
    expect(call.status).toBe(409);
    expect((await json(call)).error.message).toMatch(/tạm dừng/);

    const board = await json(await send('GET', `/centers/${c.id}/live`));
    expect(board.counters.find((k: { id: string }) => k.id === k1)).toMatchObject({ state: 'paused', pauseReason: 'Nghỉ trưa' });
    expect(board.counters.find((k: { id: string }) => k.id === k2)).toMatchObject({ state: 'open', pauseReason: null });

    const hall = await json(await send('GET', `/public/centers/${c.id}/display`));
    expect(hall.paused).toEqual([{ label: 'Quầy 1', number: 1, reason: 'Nghỉ trưa' }]);

    // Any other text is a reason too; more than 80 characters is refused with a message a person can act on.
    const long = await send('POST', `/counters/${k2}/state`, { state: 'paused', reason: 'x'.repeat(81) });
    expect(long.status).toBe(400);
    // The field's own message says what to fix.
    expect(JSON.stringify((await json(long)).error.details)).toContain('Lý do tạm dừng tối đa 80 ký tự');
    expect((await json(await send('POST', `/counters/${k2}/state`, { state: 'paused', reason: 'Hỗ trợ công dân tại sảnh' }))).counter.pauseReason).toBe('Hỗ trợ công dân tại sảnh');

    const opened = await json(await send('POST', `/counters/${k1}/state`, { state: 'open' }));
    expect(opened.counter).toMatchObject({ state: 'open', pauseReason: null });
    const [after] = await stack.database.sql`select pause_reason from counters where id = ${k1}`;
    expect(after!.pause_reason).toBeNull();
    expect((await json(await send('GET', `/public/centers/${c.id}/display`))).paused).toEqual([{ label: 'Quầy 2', number: 2, reason: 'Hỗ trợ công dân tại sảnh' }]);
    expect((await send('POST', `/counters/${k1}/call-next`)).status).toBe(200);
  });
});
