import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from '../harness.js';

/**
 * #15 item 12: `/track` was limited per address only; 30 addresses found the 4 phone digits of a real
 * dossier in 3 s. Wrong lookups are now capped per dossier code too (10 per 15 minutes, from any
 * address): then 429 with a message in both languages and Retry-After, even for the right digits.
 */
describe('dossier tracking is capped per code', () => {
  let stack: Stack;
  let code = '';
  let otherCode = '';
  const track = (c: string, last4: string, locale = 'vi') => fetch(`${stack.baseUrl}/api/track?code=${encodeURIComponent(c)}&phoneLast4=${last4}`, { headers: { 'accept-language': locale } });

  beforeAll(async () => {
    stack = await startStack();
    const accounts = await seed(stack);
    const cookie = await signIn(stack, 'canbo.anxuyen1', accounts.find((a) => a.username === 'canbo.anxuyen1')!.password);
    const sql = stack.database.sql;
    const [center] = await sql`select id, unit_id from centers where code = 'TT-32002'`;
    const [procedure] = await sql`select id from procedures where code = 'CTR-TT'`;
    const receive = async (phone: string) => {
      const res = await fetch(`${stack.baseUrl}/api/centers/${center!.id}/dossiers`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ procedureId: procedure!.id, applicant: { name: 'Lê Văn Tra', phone }, applicantUnitId: center!.unit_id, outcome: { kind: 'accept' } }),
      });
      expect(res.status).toBe(201);
      return (await json(res)).code as string;
    };
    code = await receive('0912345678');
    otherCode = await receive('0987650000');
  });
  afterAll(() => stack?.stop());

  it('ten wrong phone endings, then even the right one answers 429 with Retry-After; other codes are untouched', async () => {
    expect((await track(code, '5678')).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await track(code, String(1000 + i))).status).toBe(404);
    const blocked = await track(code, '5678');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    const body = await json(blocked);
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toMatch(/tra cứu sai quá nhiều lần.*15 phút/);
    expect((await json(await track(code, '5678', 'en'))).error.message).toMatch(/too many wrong lookups.*15 min/);
    expect((await track(otherCode, '0000')).status).toBe(200);
  });
});
