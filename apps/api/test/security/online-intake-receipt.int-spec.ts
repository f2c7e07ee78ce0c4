import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, startStack, type Stack } from '../harness.js';

/**
 * #15 item 2: `POST /api/intake/online` with a key used before returned the original dossier —
 * name, phone, ID number, documents, staff — whatever the new body said. Now the key is bound to
 * a hash of the request: same key + other body → 409 with nothing disclosed; same key + same
 * body → the same receipt; and any answer is a receipt, never the dossier.
 */
describe('online intake answers a receipt bound to its request', () => {
  let stack: Stack;
  let body: Record<string, unknown>;
  const post = (b: unknown) =>
    fetch(`${stack.baseUrl}/api/intake/online`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify(b) });
  const victim = { name: 'Nguyễn Thị Bí Mật', phone: '0912888777', idNumber: '079301009999' };

  beforeAll(async () => {
    stack = await startStack();
    await seed(stack);
    const sql = stack.database.sql;
    const [center] = await sql`select id, unit_id from centers where code = 'TT-32002'`;
    const [procedure] = await sql`select id from procedures where code = 'CTR-TT'`;
    body = { procedureId: procedure!.id, receivingCenterId: center!.id, applicantUnitId: center!.unit_id, applicant: victim, documents: [{ name: 'Giấy khai sinh của con' }], idempotencyKey: 'portal-guessable-0001' };
  });
  afterAll(() => stack?.stop());

  it('the first submission gets a receipt with no personal data', async () => {
    const res = await post(body);
    expect(res.status).toBe(200);
    const receipt = await json(res);
    expect(Object.keys(receipt).sort()).toEqual(['appointmentAt', 'code', 'receivingCenter', 'status', 'submittedAt', 'trackingHint', 'trackingPath']);
    expect(receipt.code).toMatch(/^H12\.32002-/);
    expect(receipt.trackingPath).toBe(`/track?code=${encodeURIComponent(receipt.code)}`);
    const text = JSON.stringify(receipt);
    for (const secret of [victim.name, victim.phone, victim.idNumber, 'Giấy khai sinh']) expect(text).not.toContain(secret);
  });

  it('the same key with another body answers 409 and discloses nothing; no dossier is written', async () => {
    const attacker = { ...body, applicant: { name: 'Kẻ Dò', phone: '0900000001' }, documents: [] };
    const res = await post(attacker);
    expect(res.status).toBe(409);
    const answer = await json(res);
    expect(answer.error.code).toBe('CONFLICT');
    expect(answer.error.message).toMatch(/idempotency key was already used/);
    const text = JSON.stringify(answer);
    for (const secret of [victim.name, victim.phone, victim.idNumber, 'H12.']) expect(text).not.toContain(secret);
    const [n] = await stack.database.sql`select count(*)::int as n from dossiers where channel = 'online'`;
    expect(n!.n).toBe(1);
  });

  it('the same key with the same request (keys in another order) returns the same receipt', async () => {
    const first = await json(await post(body));
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await post(reordered);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(first);
  });
});
