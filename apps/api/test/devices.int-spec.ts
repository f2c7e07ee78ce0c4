import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

describe('device pairing and revocation', () => {
  let stack: Stack;
  let accounts: Account[];
  let manager = '';
  let centerId = '';
  const call = (method: string, path: string, cookie: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie, 'content-type': 'application/json', 'accept-language': 'en' }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    stack = await startStack();
    accounts = await seed(stack);
    manager = await signIn(stack, 'quanly.anxuyen', accounts.find((a) => a.username === 'quanly.anxuyen')!.password);
    const [c] = await stack.database.sql`select id from centers where code = 'TT-32002'`;
    centerId = c!.id;
  });
  afterAll(() => stack?.stop());

  it('a TV pairs once with the manager’s short code, gets a device cookie scoped to the center, and loses it on revocation', async () => {
    const created = await json(await call('POST', `/centers/${centerId}/devices`, manager, { kind: 'display', name: 'TV sảnh chờ' }));
    expect(created.pairingCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const paired = await call('POST', '/devices/pair', '', { code: created.pairingCode.toLowerCase() });
    expect(paired.status).toBe(200);
    expect(await json(paired)).toEqual({ deviceId: created.device.id, centerId, kind: 'display', counterId: null });
    const deviceCookie = paired.headers.getSetCookie()[0]!;
    expect(deviceCookie).toMatch(/^motcua_device=.+HttpOnly/i);
    const cookie = deviceCookie.split(';')[0]!;
    expect((await call('GET', '/devices/me', cookie)).status).toBe(200);
    // The code works once.
    const again = await call('POST', '/devices/pair', '', { code: created.pairingCode });
    expect(again.status).toBe(400);
    expect((await json(again)).error.details[0]).toEqual({ path: 'body.code', message: 'Wrong or expired pairing code; ask the manager for a new one' });
    // A device cookie is not a staff session.
    expect((await call('GET', '/auth/me', cookie)).status).toBe(401);
    expect((await call('POST', `/devices/${created.device.id}/revoke`, manager)).status).toBe(200);
    expect((await call('GET', '/devices/me', cookie)).status).toBe(401);
    const list = await json(await call('GET', `/centers/${centerId}/devices`, manager));
    expect(list.find((d: { id: string }) => d.id === created.device.id).revokedAt).not.toBeNull();
  });

  it('refuses an expired pairing code', async () => {
    const created = await json(await call('POST', `/centers/${centerId}/devices`, manager, { kind: 'kiosk', name: 'Ki-ốt 1' }));
    await stack.database.sql`update devices set pairing_expires_at = now() - interval '1 second' where id = ${created.device.id}`;
    expect((await call('POST', '/devices/pair', '', { code: created.pairingCode })).status).toBe(400);
  });

  it('an admin password reset unlocks, ends sessions and asks for a new password', async () => {
    const officer = accounts.find((a) => a.username === 'canbo.anxuyen2')!;
    const session = await signIn(stack, officer.username, officer.password);
    await stack.database.sql`update staff set locked_until = now() + interval '1 hour', failed_logins = 9 where username = ${officer.username}`;
    const reset = await json(await call('POST', `/staff/${(await json(await call('GET', '/auth/me', session))).id}/reset-password`, manager));
    expect(reset.temporaryPassword).toHaveLength(17);
    expect((await call('GET', '/auth/me', session)).status).toBe(401);
    const fresh = await signIn(stack, officer.username, reset.temporaryPassword);
    expect((await json(await call('GET', '/auth/me', fresh))).mustChangePassword).toBe(true);
    const [audit] = await stack.database.sql`select count(*)::int as n from audit_log where action = 'staff.reset_password'`;
    expect(audit!.n).toBe(1);
  });
});
