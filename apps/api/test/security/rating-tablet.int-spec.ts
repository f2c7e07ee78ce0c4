import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, openCounters, seed, signIn, startStack, type Stack } from '../harness.js';

const MORNING = '2026-11-25T02:00:00.000Z';
const ALL_DAY = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]])));

/**
 * #15 item 13: the counter rating tablet (`/rate/:counterId`) was public while its ratings feed the
 * Decision 766 satisfaction score: anyone could rate any counter. Now only a paired rating tablet
 * bound to that counter reads the prompt and rates, like the kiosk's pairing.
 */
describe('the rating tablet is a paired device bound to its counter', () => {
  let stack: Stack;
  let admin = '';
  let centerId = '';
  let counterA = '';
  let counterB = '';
  let ticketId = '';
  const send = (method: string, path: string, body?: unknown, cookie = admin) =>
    fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie, 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': MORNING }, body: body === undefined ? undefined : JSON.stringify(body) });
  const pairAs = async (kind: string, counterId?: string) => {
    const created = await send('POST', `/centers/${centerId}/devices`, { kind, name: `Máy ${kind}`, ...(counterId ? { counterId } : {}) });
    expect(created.status).toBe(201);
    const paired = await send('POST', '/devices/pair', { code: (await json(created)).pairingCode }, '');
    expect(paired.status).toBe(200);
    return paired.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  };
  const ratings = async () => (await stack.database.sql`select count(*)::int as n from ratings`)[0]!.n as number;

  beforeAll(async () => {
    stack = await startStack();
    const accounts = await seed(stack);
    // The kiosk issues only for services an open counter serves (#18 item 1).
    await openCounters(stack);
    admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
    const sql = stack.database.sql;
    const [unit] = await sql`select unit_id from centers where code = 'TT-32002'`;
    const [c] = await sql`insert into centers (code, name, unit_id, opening_hours) values ('Q-RATE-SEC', 'Trung tâm thử đánh giá', ${unit!.unit_id}, ${ALL_DAY}::jsonb) returning id`;
    centerId = c!.id as string;
    const [service] = await sql`insert into services (center_id, code, name_vi, name_en, ticket_prefix, typical_service_minutes, field, sort_order) values (${centerId}, 'HT', 'Hộ tịch', 'Civil status', 'A', 8, 'ho_tich', 0) returning id`;
    for (const n of [1, 2]) {
      const [k] = await sql`insert into counters (center_id, label, number, state) values (${centerId}, ${'Quầy ' + n}, ${n}, 'open') returning id`;
      await sql`insert into counter_services (counter_id, service_id, weight) values (${k!.id}, ${service!.id}, 1)`;
      if (n === 1) counterA = k!.id as string;
      else counterB = k!.id as string;
    }
    expect((await send('POST', `/centers/${centerId}/tickets`, { serviceId: service!.id, priorityCategoryId: null })).status).toBe(201);
    for (const step of ['call-next', 'start', 'done']) expect((await send('POST', `/counters/${counterA}/${step}`)).status).toBe(200);
  });
  afterAll(() => stack?.stop());

  it('anonymous callers and other devices can neither read the prompt nor rate', async () => {
    const kiosk = await pairAs('kiosk');
    for (const cookie of ['', kiosk]) {
      expect((await send('GET', `/public/counters/${counterA}/rating`, undefined, cookie)).status).toBe(401);
      const rate = await send('POST', `/public/counters/${counterA}/ratings`, { ticketId: '0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b', level: 'very_satisfied' }, cookie);
      expect(rate.status).toBe(401);
    }
    expect(await ratings()).toBe(0);
  });

  it('a rating tablet needs a counter of its center', async () => {
    const none = await send('POST', `/centers/${centerId}/devices`, { kind: 'rating', name: 'Máy đánh giá' });
    expect(none.status).toBe(400);
    expect((await json(none)).error.details[0].path).toBe('body.counterId');
    const [elsewhere] = await stack.database.sql`select k.id from counters k join centers c on c.id = k.center_id where c.code = 'TT-32002' limit 1`;
    const foreign = await send('POST', `/centers/${centerId}/devices`, { kind: 'rating', name: 'Máy đánh giá', counterId: elsewhere!.id });
    expect(foreign.status).toBe(400);
  });

  it('the tablet paired to counter A rates there once, and is refused at counter B', async () => {
    const tablet = await pairAs('rating', counterA);
    expect((await send('GET', `/public/counters/${counterB}/rating`, undefined, tablet)).status).toBe(403);
    const prompt = await json(await send('GET', `/public/counters/${counterA}/rating`, undefined, tablet));
    ticketId = prompt.ticket.id;
    expect((await send('POST', `/public/counters/${counterB}/ratings`, { ticketId, level: 'not_satisfied' }, tablet)).status).toBe(403);
    expect((await send('POST', `/public/counters/${counterA}/ratings`, { ticketId, level: 'very_satisfied' }, tablet)).status).toBe(201);
    expect(await ratings()).toBe(1);
    expect((await json(await send('GET', '/devices/me', undefined, tablet))).counterId).toBe(counterA);
  });
});
