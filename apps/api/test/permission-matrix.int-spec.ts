import { routes, type RouteDef, type RouteId } from '@motcua/contracts';
import { businessDate } from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCounters, seed, signIn, startStack, type Account, type Stack } from './harness.js';
import { matrixParts } from './permissions/index.js';
import type { Sample, Target } from './permissions/matrix.js';

/**
 * The permission matrix: every route of the contract table × anonymous and every
 * role × a resource inside and outside the caller's scope. A route added to the
 * table without a sample request (permissions/*.samples.ts) fails the test.
 */
describe('permission matrix', () => {
  let stack: Stack;
  let accounts: Account[];
  const cookies = new Map<string, string>();
  const targets: Record<'inside' | 'outside', Target> = { inside: {}, outside: {} };
  // One person per role, all scoped to An Xuyên (province roles cover every center).
  const people: Record<string, string> = { admin: 'admin', province_admin: 'tinh.quantri', center_manager: 'quanly.anxuyen', officer: 'canbo.anxuyen1', specialist: 'chuyenvien.anxuyen', leader: 'lanhdao.anxuyen' };
  const samples = Object.assign({}, ...matrixParts.map((p) => p.samples)) as Record<RouteId, (t: Target, a: Account[]) => Sample>;
  const password = (username: string) => accounts.find((a) => a.username === username)!.password;

  beforeAll(async () => {
    stack = await startStack();
    accounts = await seed(stack);
    // The kiosk issues only for services an open counter serves (#18 item 1).
    await openCounters(stack);
    for (const [role, username] of Object.entries(people)) cookies.set(role, await signIn(stack, username, password(username)));
    const date = businessDate(new Date());
    for (const [where, code, other] of [['inside', 'TT-32002', 'canbo.anxuyen2'], ['outside', 'TT-32014', 'quanly.tanthanh']] as const) {
      const [row] = await stack.database.sql`
        select c.id as center_id, (select id from counters where center_id = c.id order by number limit 1) as counter_id,
               (select id from counters where center_id = c.id order by number offset 1 limit 1) as board_counter_id,
               (select id from staff where home_center_id = c.id order by (username like 'canbo%'), username limit 1) as staff_id,
               (select id from staff where username = ${other}) as other_staff_id
        from centers c where c.code = ${code}`;
      const target: Target = { centerId: row!.center_id, counterId: row!.counter_id, boardCounterId: row!.board_counter_id, staffId: row!.staff_id, otherStaffId: row!.other_staff_id, date };
      for (const part of matrixParts) if (part.fixtures) Object.assign(target, await part.fixtures({ sql: stack.database.sql, accounts, where, target }));
      targets[where] = target;
    }
  });
  afterAll(() => stack?.stop());

  it('has a sample request for every route in the table', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(routes).sort());
  });

  const expectation = (def: RouteDef, role: string | null, where: 'inside' | 'outside') => {
    if (def.access.kind === 'public') return 'allowed';
    // Citizen routes take a citizen session only: no staff session opens them.
    if (def.access.kind === 'citizen') return 401;
    // Device routes admit staff only where they name the roles that may act in the device's place.
    const roles = def.access.kind === 'staff' ? def.access.roles : def.access.staffRoles;
    if (role === null || !roles) return 401;
    if (roles !== 'any' && !(roles as readonly string[]).includes(role)) return 403;
    if (!def.access.scope || role === 'admin' || role === 'province_admin') return 'allowed';
    return where === 'inside' ? 'allowed' : 403;
  };

  for (const [id, def] of Object.entries(routes) as Array<[RouteId, RouteDef]>) {
    it(`${def.method} ${def.path}`, async () => {
      for (const where of (def.access.kind === 'staff' || def.access.kind === 'device') && def.access.scope ? (['inside', 'outside'] as const) : (['inside'] as const)) {
        for (const role of [null, ...Object.keys(people)]) {
          const sample = samples[id](targets[where], accounts);
          const cookie = role === null ? '' : sample.destructive ? await signIn(stack, people[role]!, password(people[role]!)) : cookies.get(role)!;
          const res = await fetch(`${stack.baseUrl}/api${sample.path}`, {
            method: def.method,
            headers: { cookie, ...(sample.body !== undefined ? { 'content-type': 'application/json' } : {}) },
            body: sample.body !== undefined ? JSON.stringify(sample.body) : undefined,
          });
          // A sample that crashes the server proves nothing about access: 5xx fails the test.
          const verdict = res.status === 401 || res.status === 403 ? res.status : res.status >= 500 ? `server error ${res.status}` : 'allowed';
          expect({ role, where, status: verdict }, `${def.method} ${def.path} (${where}) as ${role ?? 'anonymous'} answered ${res.status}`).toEqual({ role, where, status: expectation(def, role, where) });
        }
      }
    });
  }
});
