import { createTestDatabase, type TestDatabase } from '@motcua/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from './harness.js';

describe('DATABASE_READ_URL', () => {
  let stack: Stack;
  let replica: TestDatabase;
  let cookie = '';

  beforeAll(async () => {
    // A "replica" that is visibly not the primary: the same schema, no data.
    replica = await createTestDatabase();
    stack = await startStack({ env: { DATABASE_READ_URL: replica.url } });
    const admin = (await seed(stack)).find((a) => a.role === 'admin')!;
    cookie = await signIn(stack, admin.username, admin.password);
  });
  afterAll(async () => {
    await stack?.stop();
    await replica?.drop();
  });

  it('analytics read from the replica, while sign-in and commands use the primary', async () => {
    const [{ units }] = (await stack.database.sql`select count(*)::int as units from administrative_units`) as unknown as [{ units: number }];
    expect(units).toBeGreaterThan(0);
    // The units exist on the primary only: read from the replica, the leader's scope is empty.
    const scope = await fetch(`${stack.baseUrl}/api/analytics/scope`, { headers: { cookie } });
    expect(scope.status).toBe(200);
    expect((await json(scope)).units).toEqual([]);
    const [{ n }] = (await replica.sql`select count(*)::int as n from pg_stat_activity where application_name = 'motcua-api-read'`) as unknown as [{ n: number }];
    expect(n).toBeGreaterThan(0);
  });
});
