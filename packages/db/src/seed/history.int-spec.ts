import { DEFAULT_TIME_ZONE, dossierIndicators, emptyCounts, isDigitised, type DossierCounts } from '@motcua/core';
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

  it('766 group 4 from the rows: the rollup counts of e-results, digitised-at-reception and reuse counts equal a direct count of the documents, at realistic rates', async () => {
    const q = { from: '2025-11-20', to: '2026-11-19', by: 'competent' as const };
    const rows = await analyticsRepository.dossierCounts(t.db, { ...q, groupBy: 'unit' });
    const total = rows.reduce<DossierCounts>((sum, r) => {
      const out = { ...sum };
      for (const k of ['received', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'eResults', 'digitisedAtReception', 'reusedData'] as const) out[k] += r[k];
      return out;
    }, emptyCounts());
    // Straight from the raw rows: the day each dossier was received and resolved, and its documents; 4.2 by core's own rule.
    const dossiers = await t.sql<Array<{ received_day: string | null; resolved_day: string | null; signed_result: boolean; reused: boolean; components: Array<{ required: boolean; exempt: boolean; hasFile: boolean }> | null }>>`
      select (select ((min(e.at) at time zone ${DEFAULT_TIME_ZONE})::date)::text from dossier_events e where e.dossier_id = d.id and e.kind = 'received') as received_day,
        (select ((min(e.at) at time zone ${DEFAULT_TIME_ZONE})::date)::text from dossier_events e where e.dossier_id = d.id and e.kind = 'resolved') as resolved_day,
        exists (select 1 from dossier_documents doc where doc.dossier_id = d.id and doc.kind = 'result' and doc.signed and doc.file_sha256 is not null) as signed_result,
        exists (select 1 from dossier_documents doc where doc.dossier_id = d.id and doc.file_source = 'reuse') as reused,
        (select json_agg(json_build_object('required', doc.required, 'exempt', doc.exempt, 'hasFile', doc.file_sha256 is not null))
           from dossier_documents doc where doc.dossier_id = d.id and doc.kind = 'component') as components
      from dossiers d`;
    const within = (day: string | null) => day !== null && day >= q.from && day <= q.to;
    const received = dossiers.filter((d) => within(d.received_day));
    const direct = {
      eResults: dossiers.filter((d) => within(d.resolved_day) && d.signed_result).length,
      digitisedAtReception: received.filter((d) => isDigitised(d.components ?? [])).length,
      reusedData: received.filter((d) => d.reused).length,
    };
    expect({ eResults: total.eResults, digitisedAtReception: total.digitisedAtReception, reusedData: total.reusedData }).toEqual(direct);
    expect(direct.eResults * direct.digitisedAtReception * direct.reusedData).toBeGreaterThan(0);
    // Realistic for a province part-way through digitising: most results signed, most dossiers scanned at reception, some reuse.
    const ind = dossierIndicators(total);
    console.log(`766 group 4 over the seeded year: 4.1 ${direct.eResults}/${ind.resolved} e-results, 4.2 ${direct.digitisedAtReception}/${total.received} digitised at reception, 4.3 ${direct.reusedData}/${total.received} reused`);
    expect(ind.eResultRate!).toBeGreaterThan(0.75);
    expect(ind.eResultRate!).toBeLessThan(0.95);
    expect(ind.digitisedAtReceptionRate!).toBeGreaterThan(0.7);
    expect(ind.digitisedAtReceptionRate!).toBeLessThan(0.95);
    expect(ind.dataReuseRate!).toBeGreaterThan(0.05);
    expect(ind.dataReuseRate!).toBeLessThan(0.2);
  });

  it('queue read model: Monday the busiest weekday, the morning peak the busiest hour', async () => {
    const perWeekday = await t.sql`select extract(isodow from day)::int as wd, sum(issued)::float / count(distinct day) as avg from queue_hourly_stats group by 1 order by 2 desc`;
    expect(perWeekday[0]!.wd).toBe(1);
    const perHour = await t.sql`select hour, sum(issued)::int as n from queue_hourly_stats group by 1 order by 2 desc`;
    expect([8, 9]).toContain(perHour[0]!.hour);
  });
});
