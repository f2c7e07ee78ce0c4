import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, openCounters, seed, signIn, startStack, type Account, type Stack } from './harness.js';

// Wednesday 2026-11-25, 09:00 in Hồ Chí Minh City: the demo centers are open.
const MORNING = '2026-11-25T02:00:00.000Z';

describe('procedure guide', () => {
  let stack: Stack;
  let accounts: Account[];
  let centerId = '';
  const get = (path: string) => fetch(`${stack.baseUrl}/api${path}`, { headers: { 'accept-language': 'en', 'x-test-now': MORNING } });

  beforeAll(async () => {
    stack = await startStack();
    accounts = await seed(stack);
    // The kiosk issues only for services an open counter serves (#18 item 1).
    await openCounters(stack);
    const [row] = await stack.database.sql`select id from centers where code = 'TT-32002'`;
    centerId = row!.id;
  });
  afterAll(() => stack?.stop());

  it('lists the center’s procedures by field, with same-day and no-appointment called out', async () => {
    const res = await get(`/public/centers/${centerId}/guide`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.fields.map((f: { field: string }) => f.field)).toEqual(['ho_tich', 'chung_thuc', 'dat_dai', 'kinh_doanh', 'cu_tru']);
    const copy = body.procedures.find((p: { code: string }) => p.code === '2.000815');
    expect(copy).toMatchObject({ field: 'chung_thuc', sameDay: true, noAppointment: true, boundaryFree: true, feeVnd: 2000 });
    const land = body.procedures.find((p: { code: string }) => p.code === 'DD-LD');
    expect(land).toMatchObject({ sameDay: false, noAppointment: false, boundaryFree: false, timeLimit: { unit: 'working_days', value: 17 }, timeLimitText: { vi: '17 ngày làm việc', en: '17 working days' } });
  });

  it('a procedure page carries documents, forms and today’s live wait for its service', async () => {
    const before = await json(await get(`/public/centers/${centerId}/guide/1.001193`));
    expect(before.documents).toContainEqual({ name: { vi: 'Giấy chứng sinh', en: 'Certificate of birth from the hospital or midwife' }, original: true, reusable: false });
    expect(before.documents.some((d: { reusable: boolean }) => d.reusable)).toBe(true);
    expect(before.forms).toEqual([{ code: 'TK-KS', title: { vi: 'Tờ khai đăng ký khai sinh', en: 'Birth registration form' } }]);
    expect(before.steps.length).toBeGreaterThan(2);
    expect(before.notes.vi).toContain('60 ngày');
    expect(before.service).toMatchObject({ nameEn: 'Civil status', waiting: 0 });

    const admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${stack.baseUrl}/api/centers/${centerId}/tickets`, {
        method: 'POST', headers: { cookie: admin, 'content-type': 'application/json', 'x-test-now': MORNING }, body: JSON.stringify({ serviceId: before.service.serviceId }),
      });
      expect(res.status).toBe(201);
    }
    const after = await json(await get(`/public/centers/${centerId}/guide/1.001193`));
    expect(after.service.waiting).toBe(3);
    expect(after.service.estimate.peopleAhead).toBe(3);
    expect(after.service.estimate.maxMinutes).toBeGreaterThan(0);
  });

  it('every seeded procedure has a guide with steps in both languages, and each listed form a code and a title', async () => {
    const rows = await stack.database.sql<Array<{ code: string; steps: Array<{ vi: string; en: string }>; forms: Array<{ code: string; title: { vi: string; en: string } }> | null }>>`
      select p.code, g.steps, g.forms from procedures p left join procedure_guides g on g.procedure_id = p.id order by p.code`;
    expect(rows.length).toBe(37);
    for (const r of rows) {
      expect(r.steps?.length, r.code).toBeGreaterThanOrEqual(3);
      expect(r.steps.every((s) => s.vi.trim() && s.en.trim()), r.code).toBe(true);
      for (const f of r.forms ?? []) {
        expect(f.code, r.code).toMatch(/^[A-Z0-9-]+$/);
        expect(f.title.vi && f.title.en, r.code).toBeTruthy();
      }
    }
    // The public page of a procedure that had no guide before carries the new content.
    const death = await json(await get(`/public/centers/${centerId}/guide/HT-KT`));
    expect(death.steps.at(-1).en).toContain('death extract');
    expect(death.forms.map((f: { code: string }) => f.code)).toEqual(['TK-KT']);
  });

  it('serves every form a guide lists as a printable A4 page, public and rate-limited, and 404/400 for unknown or malformed codes', async () => {
    const [row] = await stack.database.sql<Array<{ codes: string[] }>>`
      select array_agg(distinct f->>'code') as codes from procedure_guides g, jsonb_array_elements(g.forms) f`;
    const codes = row!.codes;
    expect(codes.length).toBeGreaterThan(15);
    for (const code of codes) {
      const res = await get(`/public/guide/forms/${code}`);
      expect(res.status, code).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
      const html = await res.text();
      expect(html, code).toContain('@page { size: A4;');
      expect(html, code).toContain(`<p class="code">${code}</p>`);
      expect(html).toContain('Tôi cam đoan');
    }
    const death = await (await get('/public/guide/forms/TK-KT')).text();
    expect(death).toContain('<h1>Tờ khai đăng ký khai tử</h1>');
    expect(death).toContain('Nguyên nhân chết');
    expect((await get('/public/guide/forms/NO-SUCH')).status).toBe(404);
    const bad = await get('/public/guide/forms/a%3Cb');
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBe('VALIDATION_FAILED');
    // The public limit holds per address: keep asking until it answers 429, with a Retry-After.
    let limited: Response | null = null;
    for (let i = 0; i < 300 && !limited; i++) {
      const res = await fetch(`${stack.baseUrl}/api/public/guide/forms/TK-KS`, { headers: { 'x-forwarded-for': '203.0.113.77' } });
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(limited?.headers.get('retry-after')).toBeTruthy();
  });

  it('answers 404 for a procedure the center does not receive, and 400 for a bad center id', async () => {
    expect((await get(`/public/centers/${centerId}/guide/9.999999`)).status).toBe(404);
    expect((await get(`/public/centers/not-a-uuid/guide`)).status).toBe(400);
  });
});
