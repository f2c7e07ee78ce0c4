import { routes, type Role, type RouteDef, type RouteId } from '@motcua/contracts';
import { businessDate } from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCounters, seed, signIn, startStack, type Account, type Stack } from './harness.js';
import { expected } from './permissions.expected.js';
import { matrixParts } from './permissions/index.js';
import type { Sample, Target } from './permissions/matrix.js';

/**
 * The permission matrix: every route of the contract table × anonymous and every
 * role × a resource inside and outside the caller's scope, answered as the reviewed
 * expectation file (permissions.expected.ts) says, not as the table under test says.
 * A route added to the table without a sample request (permissions/*.samples.ts) or
 * without an expectation fails the test.
 */
describe('permission matrix', () => {
  let stack: Stack;
  let accounts: Account[];
  const cookies = new Map<string, string>();
  const targets: Record<'inside' | 'outside', Target> = { inside: {}, outside: {} };
  // One person per role, all scoped to An Xuyên (province roles cover every center).
  const people: Record<Role, string> = { admin: 'admin', province_admin: 'tinh.quantri', center_manager: 'quanly.anxuyen', officer: 'canbo.anxuyen1', specialist: 'chuyenvien.anxuyen', leader: 'lanhdao.anxuyen' };
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

  it('has a reviewed expectation for every route in the table, and none for a route that is gone', () => {
    const inTable = Object.values(routes).map((def) => `${def.method} ${def.path}`);
    const missing = inTable.filter((key) => !(key in expected));
    expect(missing, `add ${missing.join(', ')} to apps/api/test/permissions.expected.ts (who may call it, reviewed, not copied from the table)`).toEqual([]);
    expect(Object.keys(expected).filter((key) => !inTable.includes(key)), 'remove these from apps/api/test/permissions.expected.ts: no such route').toEqual([]);
  });

  /** The answer the reviewed expectation file wants: 'allowed', or 401/403. */
  const expectation = (key: string, role: Role | null, where: 'inside' | 'outside') => {
    const rule = expected[key];
    if (rule === undefined) return `no expectation: add ${key} to permissions.expected.ts`;
    if (rule === 'public') return 'allowed';
    // Citizen and device routes take no staff session at all.
    if (role === null || rule === 'citizen' || rule === 'device') return 401;
    const verdict = rule[role];
    if (verdict === 'unauthenticated') return 401;
    if (verdict === 'refused') return 403;
    if (verdict === 'scoped') return where === 'inside' ? 'allowed' : 403;
    return 'allowed';
  };
  const hasScoped = (key: string) => {
    const rule = expected[key];
    return typeof rule === 'object' && Object.values(rule).includes('scoped');
  };

  for (const [id, def] of Object.entries(routes) as Array<[RouteId, RouteDef]>) {
    it(`${def.method} ${def.path}`, async () => {
      const key = `${def.method} ${def.path}`;
      // Outside the caller's scope too where the table scopes the route or the expectation says some role is scoped.
      const scoped = ((def.access.kind === 'staff' || def.access.kind === 'device') && def.access.scope) || hasScoped(key);
      for (const where of scoped ? (['inside', 'outside'] as const) : (['inside'] as const)) {
        for (const role of [null, ...(Object.keys(people) as Role[])]) {
          const sample = samples[id](targets[where], accounts);
          const cookie = role === null ? '' : sample.destructive ? await signIn(stack, people[role]!, password(people[role]!)) : cookies.get(role)!;
          const res = await fetch(`${stack.baseUrl}/api${sample.path}`, {
            method: def.method,
            headers: { cookie, ...(sample.body !== undefined ? { 'content-type': 'application/json' } : {}) },
            body: sample.body !== undefined ? JSON.stringify(sample.body) : undefined,
          });
          // A sample that crashes the server proves nothing about access: 5xx fails the test.
          const verdict = res.status === 401 || res.status === 403 ? res.status : res.status >= 500 ? `server error ${res.status}` : 'allowed';
          expect({ role, where, status: verdict }, `${def.method} ${def.path} (${where}) as ${role ?? 'anonymous'} answered ${res.status}`).toEqual({ role, where, status: expectation(key, role, where) });
        }
      }
    });
  }
});
