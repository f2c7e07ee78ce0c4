import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

describe('organisation and staff administration', () => {
  let stack: Stack;
  let accounts: Account[];
  const cookies: Record<string, string> = {};
  let anXuyen: { id: string; unitId: string };
  let tanThanh: { id: string; unitId: string };
  const count = async (table: string) => Number((await stack.database.sql`select count(*)::int as n from ${stack.database.sql(table)}`)[0]!.n);
  const send = (who: string, method: string, path: string, body?: unknown, lang = 'vi') =>
    fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie: cookies[who]!, 'content-type': 'application/json', 'accept-language': lang }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    stack = await startStack();
    accounts = await seed(stack);
    for (const u of ['admin', 'tinh.quantri', 'quanly.anxuyen', 'lanhdao.anxuyen']) cookies[u] = await signIn(stack, u, accounts.find((a) => a.username === u)!.password);
    const rows = await stack.database.sql`select id, unit_id, code from centers where code in ('TT-32002', 'TT-32014')`;
    const pick = (code: string) => rows.find((r) => r.code === code)!;
    anXuyen = { id: pick('TT-32002').id, unitId: pick('TT-32002').unit_id };
    tanThanh = { id: pick('TT-32014').id, unitId: pick('TT-32014').unit_id };
  });
  afterAll(() => stack?.stop());

  describe('scope', () => {
    it('a center manager sees and changes only their own center’s staff and setup', async () => {
      const staff = (await json(await send('quanly.anxuyen', 'GET', '/staff'))) as Array<{ homeCenterId: string }>;
      expect(staff.length).toBeGreaterThan(2);
      expect(new Set(staff.map((s) => s.homeCenterId))).toEqual(new Set([anXuyen.id]));
      const [foreign] = await stack.database.sql`select id from staff where home_center_id = ${tanThanh.id} limit 1`;
      expect((await send('quanly.anxuyen', 'PATCH', `/staff/${foreign!.id}`, { phone: '0912345678' })).status).toBe(403);
      expect((await send('quanly.anxuyen', 'PATCH', `/centers/${tanThanh.id}`, { allowCallSpecific: true })).status).toBe(403);
      expect((await send('quanly.anxuyen', 'PATCH', `/centers/${anXuyen.id}`, { allowCallSpecific: true })).status).toBe(200);
    });

    it('a center manager cannot hand out roles beyond their reach, nor move someone to another center', async () => {
      const [own] = await stack.database.sql`select id from staff where username = 'canbo.anxuyen1'`;
      const manager = await send('quanly.anxuyen', 'PATCH', `/staff/${own!.id}`, { roles: [{ role: 'center_manager', scopeUnitId: null, scopeCenterId: anXuyen.id }] });
      expect(manager.status).toBe(403);
      const elsewhere = await send('quanly.anxuyen', 'PATCH', `/staff/${own!.id}`, { homeCenterId: tanThanh.id });
      expect(elsewhere.status).toBe(403);
      const roles = await stack.database.sql`select role from staff_roles where staff_id = ${own!.id}`;
      expect(roles.map((r) => r.role)).toEqual(['officer']);
    });

    it('a commune leader sees that commune only; a province admin sees the province', async () => {
      const units = (await json(await send('lanhdao.anxuyen', 'GET', '/units'))) as Array<{ id: string }>;
      expect(units.map((u) => u.id)).toEqual([anXuyen.unitId]);
      const agencies = (await json(await send('lanhdao.anxuyen', 'GET', '/agencies'))) as Array<{ unitId: string }>;
      expect(agencies.length).toBeGreaterThan(0);
      expect(agencies.every((a) => a.unitId === anXuyen.unitId)).toBe(true);
      const all = (await json(await send('tinh.quantri', 'GET', '/units'))) as unknown[];
      expect(all.length).toBe(await count('administrative_units'));
    });
  });

  describe('unit CSV import', () => {
    it('creates and updates all lines when every line is good, parents first, each audited', async () => {
      const csv = 'code,name,level,parent_code,disadvantaged\nX-1,Xã Thử Một,commune,96,có\n32002,Phường An Xuyên (mới),commune,96,\n';
      const before = await count('audit_log');
      const res = await send('tinh.quantri', 'POST', '/units/import', { csv });
      expect(res.status).toBe(200);
      expect(await json(res)).toEqual({ created: 1, updated: 1, errors: [] });
      const [x] = await stack.database.sql`select disadvantaged, parent_id from administrative_units where code = 'X-1'`;
      expect(x!.disadvantaged).toBe(true);
      const [renamed] = await stack.database.sql`select name from administrative_units where code = '32002'`;
      expect(renamed!.name).toBe('Phường An Xuyên (mới)');
      expect(await count('audit_log')).toBe(before + 2);
    });

    it('writes nothing when one line is bad, and says which lines and why, in the caller’s language', async () => {
      const csv = 'code,name,level,parent_code\nX-2,Xã Hai,commune,96\nX-3,,commune,96\nX-4,Xã Bốn,village,96\nX-5,Xã Năm,commune,NOPE\n';
      const units = await count('administrative_units');
      const audit = await count('audit_log');
      const en = await json(await send('tinh.quantri', 'POST', '/units/import', { csv }, 'en'));
      expect(en.created).toBe(0);
      expect(en.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);
      expect(en.errors[0].message).toContain('Required');
      expect(en.errors[2].message).toContain('No parent unit with code NOPE');
      const vi = await json(await send('tinh.quantri', 'POST', '/units/import', { csv }));
      expect(vi.errors[0].message).toContain('Không được để trống');
      expect(await count('administrative_units')).toBe(units);
      expect(await count('audit_log')).toBe(audit);
    });

    it('five identical imports at once: the unit exists once, and each import either landed whole or was refused with 409', async () => {
      const csv = 'code,name,level,parent_code\nX-PAR,Xã Song Song,commune,96\n';
      const results = await Promise.all(Array.from({ length: 5 }, () => send('tinh.quantri', 'POST', '/units/import', { csv })));
      const statuses = results.map((r) => r.status);
      expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
      const landed = (await Promise.all(results.filter((r) => r.status === 200).map((r) => json(r)))) as Array<{ created: number; updated: number }>;
      expect(landed.filter((r) => r.created === 1)).toHaveLength(1);
      const [row] = await stack.database.sql`select count(*)::int as n, (select count(*)::int from audit_log where entity = 'unit' and after->>'code' = 'X-PAR') as audited from administrative_units where code = 'X-PAR'`;
      expect(row).toEqual({ n: 1, audited: landed.length });
    });

    it('refuses a province admin’s line outside their province', async () => {
      const res = await json(await send('tinh.quantri', 'POST', '/units/import', { csv: 'code,name,level,parent_code\nP-2,Tỉnh khác,province,\n' }, 'en'));
      expect(res.errors).toEqual([{ line: 2, message: 'This unit is outside your scope' }]);
    });
  });

  describe('procedures', () => {
    const v = (effectiveFrom: string) => ({ effectiveFrom, effectiveTo: null, timeLimit: { unit: 'working_days', value: 5 }, feeVnd: 10000, onlineLevel: 'full', boundaryFree: false });

    it('a new version closes the previous one the day before it takes effect; an earlier date is refused', async () => {
      const created = await json(await send('tinh.quantri', 'POST', '/procedures', { code: 'TEST.1', name: 'Thủ tục thử', field: 'Thử', version: v('2026-01-01') }));
      const res = await send('tinh.quantri', 'POST', `/procedures/${created.id}/versions`, v('2026-07-01'));
      expect(res.status).toBe(201);
      const p = await json(res);
      expect(p.versions.map((x: { version: number; effectiveFrom: string; effectiveTo: string | null }) => [x.version, x.effectiveFrom, x.effectiveTo])).toEqual([
        [1, '2026-01-01', '2026-06-30'],
        [2, '2026-07-01', null],
      ]);
      const early = await send('tinh.quantri', 'POST', `/procedures/${created.id}/versions`, v('2026-03-01'), 'en');
      expect(early.status).toBe(400);
      expect((await json(early)).error.details).toEqual([{ path: 'body.effectiveFrom', message: 'The effective date must be after 2026-07-01 (version 2)' }]);
    });

    it('two versions added at the same moment: exactly one wins, the history stays a chain', async () => {
      const created = await json(await send('tinh.quantri', 'POST', '/procedures', { code: 'TEST.2', name: 'Thủ tục song song', field: 'Thử', version: v('2026-01-01') }));
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => send('tinh.quantri', 'POST', `/procedures/${created.id}/versions`, v(`2026-02-0${i + 1}`))));
      const ok = results.filter((r) => r.status === 201).length;
      expect(ok).toBeGreaterThanOrEqual(1);
      const rows = await stack.database.sql`select version, effective_from::text as f, effective_to::text as t from procedure_versions where procedure_id = ${created.id} order by version`;
      expect(rows.length).toBe(ok + 1);
      // Each version ends the day before the next starts; only the last is open.
      for (let i = 0; i < rows.length - 1; i++) expect(rows[i]!.t < rows[i + 1]!.f && rows[i]!.t !== null).toBe(true);
      expect(rows[rows.length - 1]!.t).toBeNull();
    });

    it('imports a JSON catalogue all or nothing, and CSV too', async () => {
      const procedures = await count('procedures');
      const bad = await json(await send('tinh.quantri', 'POST', '/procedures/import', { format: 'json', content: JSON.stringify([{ code: 'IMP.1', name: 'A', field: 'F', version: v('2026-01-01') }, { code: 'IMP.2', name: '', field: 'F', version: v('2026-01-01') }]) }, 'en'));
      expect(bad).toEqual({ created: 0, updated: 0, errors: [{ line: 2, message: 'name: Required' }] });
      expect(await count('procedures')).toBe(procedures);
      const csv = 'code,name,field,effective_from,limit_unit,limit_value,fee_vnd,online_level,boundary_free\nIMP.1,Thủ tục một,Hộ tịch,2026-01-01,working_days,3,0,full,x\nTEST.1,Thủ tục thử (sửa),Thử,2027-01-01,working_days,4,0,partial,\n';
      expect(await json(await send('tinh.quantri', 'POST', '/procedures/import', { format: 'csv', content: csv }))).toEqual({ created: 1, updated: 1, errors: [] });
      const [t1] = await stack.database.sql`select name, (select count(*)::int from procedure_versions where procedure_id = p.id) as versions from procedures p where code = 'TEST.1'`;
      expect(t1).toEqual({ name: 'Thủ tục thử (sửa)', versions: 3 });
    });
  });

  describe('staff', () => {
    it('creates an account with a temporary password shown once; deactivating it ends its sessions and live connection at once', async () => {
      const [service] = await stack.database.sql`select id from services where center_id = ${anXuyen.id} order by sort_order limit 1`;
      const res = await send('quanly.anxuyen', 'POST', '/staff', {
        username: 'Canbo.Moi',
        fullName: 'Cán bộ Mới',
        phone: '0912345678',
        homeCenterId: anXuyen.id,
        roles: [{ role: 'officer', scopeUnitId: null, scopeCenterId: anXuyen.id }],
        skills: [{ serviceId: service!.id, weight: 2 }],
      });
      expect(res.status).toBe(201);
      const { staff, temporaryPassword } = await json(res);
      expect(staff).toMatchObject({ username: 'canbo.moi', homeUnitId: anXuyen.unitId, active: true, skills: [{ serviceId: service!.id, weight: 2 }] });
      const [stored] = await stack.database.sql`select must_change_password, password_hash from staff where id = ${staff.id}`;
      expect(stored!.must_change_password).toBe(true);
      expect(stored!.password_hash).not.toContain(temporaryPassword);

      const cookie = await signIn(stack, 'canbo.moi', temporaryPassword);
      expect((await fetch(`${stack.baseUrl}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
      // Sockets open only once the temporary password is changed (#15 item 3); this session stays.
      const changed = await fetch(`${stack.baseUrl}/api/auth/change-password`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ currentPassword: temporaryPassword, newPassword: 'Mat-khau-rieng-2026' }) });
      expect(changed.status).toBe(200);
      const socket = io(`${stack.baseUrl}/staff`, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
      await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
      const dropped = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));
      try {
        const off = await send('quanly.anxuyen', 'PATCH', `/staff/${staff.id}`, { active: false });
        expect((await json(off)).active).toBe(false);
        // The live connection ends too, not only the cookie.
        expect(await dropped).toBe('io server disconnect');
      } finally {
        socket.close();
      }
      expect((await fetch(`${stack.baseUrl}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
      expect(await stack.database.sql`select 1 from sessions where staff_id = ${staff.id}`).toHaveLength(0);
      const [audit] = await stack.database.sql`select before, after from audit_log where action = 'staff.deactivate' and entity_id = ${staff.id}`;
      expect([audit!.before.active, audit!.after.active]).toEqual([true, false]);
      const again = await fetch(`${stack.baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'canbo.moi', password: temporaryPassword }) });
      expect(again.status).not.toBe(200);
    });

    it('the same username created ten times at once: one account, nine field errors', async () => {
      const body = { username: 'canbo.songsong', fullName: 'Cán bộ Song Song', homeCenterId: anXuyen.id, roles: [{ role: 'officer', scopeUnitId: null, scopeCenterId: anXuyen.id }] };
      const results = await Promise.all(Array.from({ length: 10 }, () => send('quanly.anxuyen', 'POST', '/staff', body, 'en')));
      expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(400)]);
      const refused = await Promise.all(results.filter((r) => r.status === 400).map((r) => json(r)));
      expect(new Set(refused.map((r) => JSON.stringify(r.error.details)))).toEqual(new Set([JSON.stringify([{ path: 'body.username', message: 'This username is already in use' }])]));
      const [row] = await stack.database.sql`select count(*)::int as n, (select count(*)::int from audit_log where action = 'staff.create' and after->>'username' = 'canbo.songsong') as audited from staff where username = 'canbo.songsong'`;
      expect(row).toEqual({ n: 1, audited: 1 });
    });

    it('refuses bad input field by field, in Vietnamese or English, writing nothing', async () => {
      const [foreignService] = await stack.database.sql`select id from services where center_id = ${tanThanh.id} limit 1`;
      const staffRows = await count('staff');
      const body = { username: 'x', fullName: '', email: 'not-mail', homeCenterId: anXuyen.id, roles: [] };
      const vi = await json(await send('quanly.anxuyen', 'POST', '/staff', body));
      const en = await json(await send('quanly.anxuyen', 'POST', '/staff', body, 'en'));
      const byPath = (r: { error: { details: Array<{ path: string; message: string }> } }) => Object.fromEntries(r.error.details.map((d) => [d.path, d.message]));
      expect(byPath(vi)).toMatchObject({ 'body.username': 'Tên đăng nhập 3–40 ký tự: chữ không dấu, số, ". _ -"', 'body.fullName': 'Không được để trống', 'body.email': 'Email không hợp lệ', 'body.roles': 'Hãy chọn ít nhất một vai trò' });
      expect(byPath(en)).toMatchObject({ 'body.username': 'Username: 3–40 letters, digits, ". _ -"', 'body.fullName': 'Required', 'body.email': 'Invalid email address', 'body.roles': 'Choose at least one role' });
      const skill = await json(await send('quanly.anxuyen', 'POST', '/staff', { username: 'canbo.sai', fullName: 'Sai', homeCenterId: anXuyen.id, roles: [{ role: 'officer', scopeUnitId: null, scopeCenterId: anXuyen.id }], skills: [{ serviceId: foreignService!.id, weight: 1 }] }, 'en'));
      expect(skill.error.details).toEqual([{ path: 'body.skills.0.serviceId', message: 'A skill must be a service of the person’s home center' }]);
      const taken = await json(await send('quanly.anxuyen', 'POST', '/staff', { username: 'canbo.anxuyen1', fullName: 'Trùng', homeCenterId: anXuyen.id, roles: [{ role: 'officer', scopeUnitId: null, scopeCenterId: anXuyen.id }] }, 'en'));
      expect(taken.error.details).toEqual([{ path: 'body.username', message: 'This username is already in use' }]);
      expect(await count('staff')).toBe(staffRows);
    });
  });

  describe('center setup', () => {
    it('pauses a service without touching its other fields, and audits before/after', async () => {
      const [service] = await stack.database.sql`select id, ticket_prefix, typical_service_minutes from services where center_id = ${anXuyen.id} order by sort_order limit 1`;
      const res = await json(await send('quanly.anxuyen', 'PATCH', `/services/${service!.id}`, { isOpen: false }));
      expect(res).toMatchObject({ isOpen: false, ticketPrefix: service!.ticket_prefix, typicalServiceMinutes: service!.typical_service_minutes });
      const [audit] = await stack.database.sql`select before, after from audit_log where action = 'service.pause' and entity_id = ${service!.id}`;
      expect([audit!.before.isOpen, audit!.after.isOpen]).toEqual([true, false]);
    });

    it('refuses a taken counter number, a service of another center, a taken ticket prefix; nothing written', async () => {
      const [own] = await stack.database.sql`select id, ticket_prefix from services where center_id = ${anXuyen.id} order by sort_order limit 1`;
      const [foreign] = await stack.database.sql`select id from services where center_id = ${tanThanh.id} limit 1`;
      const counters = await count('counters');
      const services = await count('services');
      const taken = await json(await send('quanly.anxuyen', 'POST', `/centers/${anXuyen.id}/counters`, { label: 'Quầy 1 bis', number: 1, services: [{ serviceId: own!.id, weight: 2 }] }, 'en'));
      expect(taken.error.details).toEqual([{ path: 'body.number', message: 'This counter number is already in use' }]);
      const alien = await json(await send('quanly.anxuyen', 'POST', `/centers/${anXuyen.id}/counters`, { label: 'Quầy 9', number: 9, services: [{ serviceId: foreign!.id, weight: 2 }] }));
      expect(alien.error.details).toEqual([{ path: 'body.services.0.serviceId', message: 'Dịch vụ này không thuộc trung tâm' }]);
      const prefix = await json(await send('quanly.anxuyen', 'POST', `/centers/${anXuyen.id}/services`, { code: 'NEW', nameVi: 'Mới', nameEn: 'New', ticketPrefix: own!.ticket_prefix, typicalServiceMinutes: 5, field: 'X' }, 'en'));
      expect(prefix.error.details).toEqual([{ path: 'body.ticketPrefix', message: 'This ticket prefix is already in use' }]);
      const shape = await json(await send('quanly.anxuyen', 'POST', `/centers/${anXuyen.id}/services`, { code: 'NEW', nameVi: 'Mới', nameEn: 'New', ticketPrefix: 'a1', typicalServiceMinutes: 0, field: 'X' }));
      expect(shape.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.ticketPrefix', 'body.typicalServiceMinutes']);
      expect([await count('counters'), await count('services')]).toEqual([counters, services]);
    });

    it('a counter’s service profile is replaced as a whole, with weights', async () => {
      const svc = (await stack.database.sql`select id from services where center_id = ${anXuyen.id} order by sort_order limit 3`).map((r) => r.id as string);
      const created = await json(await send('quanly.anxuyen', 'POST', `/centers/${anXuyen.id}/counters`, { label: 'Quầy 20', number: 20, services: [{ serviceId: svc[0], weight: 3 }] }));
      const updated = await json(await send('quanly.anxuyen', 'PATCH', `/counters/${created.id}`, { services: [{ serviceId: svc[1], weight: 5 }, { serviceId: svc[2], weight: 1 }] }));
      expect(updated).toMatchObject({ label: 'Quầy 20', number: 20, services: [{ serviceId: svc[1], weight: 5 }, { serviceId: svc[2], weight: 1 }] });
    });
  });
});
