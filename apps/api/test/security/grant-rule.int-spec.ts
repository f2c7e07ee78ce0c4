import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from '../harness.js';

/**
 * #15 item 1: a center manager could reset the password of, edit and deactivate any account whose
 * home center is theirs, even one that also holds province_admin at province scope; the temporary
 * password then signed in with those roles. The rule now: act on a person only if you could grant
 * every role that person holds, at that person's scope.
 */
describe('grant rule on staff administration', () => {
  let stack: Stack;
  let accounts: Account[];
  let manager = '';
  let provinceAdmin = '';
  let strongId = '';
  let plainId = '';
  let provinceUnitId = '';
  let anXuyenId = '';
  const send = (cookie: string, method: string, path: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie, 'content-type': 'application/json', 'accept-language': 'en' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const pw = (u: string) => accounts.find((a) => a.username === u)!.password;
  const hashOf = async (id: string) => (await stack.database.sql`select password_hash, active, full_name from staff where id = ${id}`)[0]!;

  beforeAll(async () => {
    stack = await startStack();
    accounts = await seed(stack);
    const rows = await stack.database.sql`select id, username, home_center_id from staff where username in ('canbo.anxuyen1', 'canbo.anxuyen2')`;
    strongId = rows.find((r) => r.username === 'canbo.anxuyen1')!.id as string;
    plainId = rows.find((r) => r.username === 'canbo.anxuyen2')!.id as string;
    anXuyenId = rows[0]!.home_center_id as string;
    const [unit] = await stack.database.sql`select scope_unit_id from staff_roles r join staff s on s.id = r.staff_id where s.username = 'tinh.quantri'`;
    provinceUnitId = unit!.scope_unit_id as string;
    // The officer at An Xuyen also administers the province.
    await stack.database.sql`insert into staff_roles (staff_id, role, scope_unit_id) values (${strongId}, 'province_admin', ${provinceUnitId})`;
    manager = await signIn(stack, 'quanly.anxuyen', pw('quanly.anxuyen'));
    provinceAdmin = await signIn(stack, 'tinh.quantri', pw('tinh.quantri'));
  });
  afterAll(() => stack?.stop());

  it('a center manager cannot reset, edit, deactivate or change the roles of a person holding a province role', async () => {
    const before = await hashOf(strongId);
    const attempts = [
      send(manager, 'POST', `/staff/${strongId}/reset-password`),
      send(manager, 'PATCH', `/staff/${strongId}`, { fullName: 'Bị chiếm' }),
      send(manager, 'PATCH', `/staff/${strongId}`, { active: false }),
      send(manager, 'PATCH', `/staff/${strongId}`, { roles: [{ role: 'officer', scopeUnitId: null, scopeCenterId: anXuyenId }] }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      const body = await json(res);
      expect(body.error.code).toBe('FORBIDDEN');
      expect(body.error.message).toMatch(/role you cannot grant/);
    }
    expect(await hashOf(strongId)).toEqual(before);
    // The person still signs in with their own password, so nothing was taken over.
    await signIn(stack, 'canbo.anxuyen1', pw('canbo.anxuyen1'));
  });

  it('the same manager still administers plain officers of the center', async () => {
    const res = await send(manager, 'POST', `/staff/${plainId}/reset-password`);
    expect(res.status).toBe(200);
    expect((await json(res)).temporaryPassword).toEqual(expect.any(String));
    const patched = await send(manager, 'PATCH', `/staff/${plainId}`, { fullName: 'Ngô Thị Mai Anh' });
    expect(patched.status).toBe(200);
  });

  it('a province administrator, who could grant every role the person holds, may act on them', async () => {
    const res = await send(provinceAdmin, 'POST', `/staff/${strongId}/reset-password`);
    expect(res.status).toBe(200);
  });

  it('nobody but an admin acts on an admin', async () => {
    const [adminRow] = await stack.database.sql`select id from staff where username = 'admin'`;
    // Give the admin a home at An Xuyen so that only the grant rule stands in the way.
    await stack.database.sql`update staff set home_center_id = ${anXuyenId} where id = ${adminRow!.id}`;
    expect((await send(manager, 'POST', `/staff/${adminRow!.id}/reset-password`)).status).toBe(403);
    expect((await send(provinceAdmin, 'PATCH', `/staff/${adminRow!.id}`, { phone: '0900000000' })).status).toBe(403);
  });
});
