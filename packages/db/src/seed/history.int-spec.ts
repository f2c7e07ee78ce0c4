import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsRepository } from '../repositories/analytics.repository.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { seedDemo } from './demo.js';
import { seedHistory, type HistoryResult } from './history.js';

describe('demo history in the database', () => {
  let t: TestDatabase;
  let result: HistoryResult;
  const now = new Date('2026-11-20T03:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDemo(t.db, { now: () => now });
    result = await seedHistory(t, { dossiers: 3000, seed: 3, now });
  }, 240_000);
  afterAll(() => t.drop());

  it('writes the year before today: every dossier, its control slip, tickets and sequences; today stays empty', async () => {
    expect(result).toMatchObject({ from: '2025-11-20', to: '2026-11-20', dossiers: 3000 });
    const [c] = await t.sql`select (select count(*)::int from dossiers) as dossiers, (select count(distinct dossier_id)::int from dossier_events) as slipped,
      (select count(*)::int from tickets where business_date >= '2026-11-20') as today, (select count(*)::int from dossiers d where status in ('resolved', 'returned')
        and not exists (select 1 from dossier_events e where e.dossier_id = d.id and e.kind = 'resolved')) as unexplained`;
    expect(c).toEqual({ dossiers: 3000, slipped: 3000, today: 0, unexplained: 0 });
    await expect(seedHistory(t, { dossiers: 10, now })).rejects.toThrow(/seeded once/);
  });

  it('the dashboards read model gives the targets back: land the latest field, online share rising, satisfaction high', async () => {
    const byField = await analyticsRepository.dossierCounts(t.db, { from: '2025-11-20', to: '2026-11-19', by: 'competent', groupBy: 'field' });
    const resolved = (r: (typeof byField)[number]) => r.resolvedEarly + r.resolvedOnTime + r.resolvedLate;
    // Fields with a few dozen results at least (the rare provincial procedures have a handful).
    const late = new Map(byField.filter((r) => resolved(r) >= 30).map((r) => [r.key, r.resolvedLate / resolved(r)]));
    for (const f of ['ho_tich', 'chung_thuc', 'cu_tru']) expect(late.get('dat_dai')!).toBeGreaterThan(late.get(f)!);
    for (const [, share] of late) expect(share).toBeLessThan(0.15);
    const share = async (from: string, to: string) => {
      const [all] = await analyticsRepository.dossierCounts(t.db, { from, to, by: 'competent', groupBy: 'channel' }).then((rows) => [rows.reduce((s, r) => ({ n: s.n + r.received, online: s.online + r.receivedOnline }), { n: 0, online: 0 })]);
      return all!.online / all!.n;
    };
    expect(await share('2025-11-20', '2026-02-19')).toBeLessThan((await share('2026-08-20', '2026-11-19')) - 0.05);
    const [sat] = await t.sql`select avg((level <> 'not_satisfied')::int)::float as s from ratings`;
    expect(sat!.s).toBeGreaterThan(0.9);
  });

  it('queue read model: Monday the busiest weekday, the morning peak the busiest hour', async () => {
    const perWeekday = await t.sql`select extract(isodow from day)::int as wd, sum(issued)::float / count(distinct day) as avg from queue_hourly_stats group by 1 order by 2 desc`;
    expect(perWeekday[0]!.wd).toBe(1);
    const perHour = await t.sql`select hour, sum(issued)::int as n from queue_hourly_stats group by 1 order by 2 desc`;
    expect([8, 9]).toContain(perHour[0]!.hour);
  });
});
