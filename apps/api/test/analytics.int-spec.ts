import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

describe('analytics indicators', () => {
  let stack: Stack;
  let accounts: Account[];
  const password = (u: string) => accounts.find((a) => a.username === u)!.password;
  const report = async (username: string, query: string) =>
    json(await fetch(`${stack.baseUrl}/api/analytics/indicators?${query}`, { headers: { cookie: await signIn(stack, username, password(username)), 'accept-language': 'en' } }));

  beforeAll(async () => {
    stack = await startStack({ worker: true });
    accounts = await seed(stack);
    const sql = stack.database.sql;
    const agencies = await sql`select a.id, a.unit_id, c.id as center_id from agencies a join centers c on c.unit_id = a.unit_id where a.code like 'UBND-%' order by a.code`;
    const [version] = await sql`select id from procedure_versions order by fee_vnd limit 1`;
    // Two resolved on time in the first commune, one late in the second, one still open in the first.
    const rows = [
      [0, '2026-03-02T02:00:00Z', '2026-03-04T10:00:00Z', '2026-03-03T03:00:00Z'],
      [0, '2026-03-02T03:00:00Z', '2026-03-04T10:00:00Z', '2026-03-04T09:00:00Z'],
      [1, '2026-03-02T03:00:00Z', '2026-03-03T10:00:00Z', '2026-03-05T03:00:00Z'],
      [0, '2026-03-03T03:00:00Z', '2026-03-20T10:00:00Z', null],
    ] as const;
    for (const [i, [a, received, due, resolved]] of rows.entries()) {
      const agency = agencies[a]!;
      await sql`insert into dossiers (code, agency_id, receiving_center_id, return_center_id, procedure_version_id, channel, status, applicant_name, received_at, due_at, resolved_at)
        values (${'A-' + i}, ${agency.id}, ${agency.center_id}, ${agency.center_id}, ${version!.id}, ${i === 3 ? 'online' : 'counter'}, ${resolved ? 'resolved' : 'in_process'}, 'Trần Thị B', ${received}, ${due}, ${resolved})`;
    }
    // The worker rewrites the read model of the days asked for.
    const { JobProducer, createRedis, closeRedis } = await import('@motcua/platform');
    const redis = createRedis(process.env.MOTCUA_TEST_REDIS_URL!, 'bullmq');
    const producer = new JobProducer(redis, stack.prefix);
    await producer.enqueue('analytics.rollup', { days: ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'] });
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const [row] = await sql`select count(distinct day)::int as n from dossier_daily_stats`;
      if (row!.n >= 5) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await producer.close();
    await closeRedis(redis);
  });
  afterAll(() => stack?.stop());

  it('gives a provincial leader every commune, with rates and "no data" kept apart', async () => {
    const r = await report('lanhdao.tinh', 'from=2026-03-02&to=2026-03-06&groupBy=unit');
    expect(r.rows.map((x: { label: string }) => x.label).sort()).toEqual(['Phường An Xuyên', 'Phường Tân Thành']);
    const anXuyen = r.rows.find((x: { label: string }) => x.label === 'Phường An Xuyên');
    expect(anXuyen.counts).toMatchObject({ received: 3, resolvedEarly: 1, resolvedOnTime: 1, resolvedLate: 0, inProgressInTime: 1 });
    expect(anXuyen.indicators.onTimeRate).toBe(1);
    expect(anXuyen.indicators.onlineRate).toBeCloseTo(1 / 3);
    // Nothing with a fee: the online payment rate is "no data", not 0%.
    expect(anXuyen.indicators.onlinePaymentRate).toBeNull();
    expect(r.total.counts.resolvedLate).toBe(1);
    expect(r.total.indicators.onTimeRate).toBeCloseTo(2 / 3);
  });

  it('shows a commune leader only their own commune', async () => {
    const r = await report('lanhdao.anxuyen', 'from=2026-03-02&to=2026-03-06&groupBy=unit');
    expect(r.rows.map((x: { label: string }) => x.label)).toEqual(['Phường An Xuyên']);
    expect(r.total.counts.received).toBe(3);
  });

  it('refuses a period that ends before it starts, with a field message', async () => {
    const r = await report('lanhdao.tinh', 'from=2026-03-06&to=2026-03-02');
    expect(r.error.details).toEqual([{ path: 'query.to', message: 'The end date must not be before the start date' }]);
  });
});
