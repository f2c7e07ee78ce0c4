import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, signIn, startStack, type Account, type Stack } from './harness.js';

/**
 * An inspector's recount: the four headline rates recomputed straight from the raw tables with SQL
 * written from the written definitions (docs/indicators.md) — not from the read model — for the
 * province and three communes over October and June–August of a seeded year, against the API.
 */
const TZ = 'Asia/Ho_Chi_Minh';
const PERIODS = [['2026-10-01', '2026-10-31'], ['2026-06-01', '2026-08-31']] as const;

describe('indicators an inspector can reproduce', () => {
  let stack: Stack;
  let accounts: Account[];
  let cookie: string;
  let communes: Array<{ id: string; name: string }>;

  beforeAll(async () => {
    stack = await startStack({ empty: true });
    const { seedDemo, seedHistory } = await import('@motcua/db');
    const now = new Date('2026-12-01T03:00:00Z');
    const seeded = await seedDemo(stack.database.db, { now: () => now });
    if (!seeded.created) throw new Error('database was already seeded');
    accounts = seeded.accounts;
    await seedHistory(stack.database, { dossiers: 4000, seed: 11, now });
    cookie = await signIn(stack, 'lanhdao.tinh', accounts.find((a) => a.username === 'lanhdao.tinh')!.password);
    communes = [...(await stack.database.sql`
      select u.id, u.name from dossiers d join agencies a on a.id = d.agency_id join administrative_units u on u.id = a.unit_id
      where u.level = 'commune' group by u.id, u.name order by count(*) desc, u.name limit 3`)] as never;
  }, 300_000);
  afterAll(() => stack?.stop());

  const get = async (path: string) => json(await fetch(`${stack.baseUrl}/api/analytics/${path}`, { headers: { cookie } }));

  /** The recount, from dossiers, the control slip and payments only. */
  async function recount(from: string, to: string, unitId: string | null) {
    const [r] = await stack.database.sql`
      with p as (select (${from}::date::timestamp at time zone ${TZ}) as s, ((${to}::date + 1)::timestamp at time zone ${TZ}) as e),
      x as (
        select d.id, d.channel, a.unit_id, pv.fee_vnd > 0 as fee,
          (select at from dossier_events r where r.dossier_id = d.id and r.kind = 'received') as rec,
          (select (r.data->>'dueAt')::timestamptz from dossier_events r where r.dossier_id = d.id and r.kind = 'received') as due0,
          (select min(at) from dossier_events f where f.dossier_id = d.id and f.kind in ('resolved', 'withdrawn', 'stopped')) as fin,
          (select f.kind from dossier_events f where f.dossier_id = d.id and f.kind in ('resolved', 'withdrawn', 'stopped') order by f.at limit 1) as fin_kind,
          exists (select 1 from dossier_payments pay where pay.dossier_id = d.id and pay.purpose = 'fee' and pay.method in ('portal', 'gateway')) as paid_online
        from dossiers d join agencies a on a.id = d.agency_id join procedure_versions pv on pv.id = d.procedure_version_id
        where ${unitId}::uuid is null or a.unit_id = ${unitId}::uuid
      ),
      -- handled in the period: received before its end and not finished before its start; judged at the finish, or at the period's end
      j as (
        select x.*, p.s, p.e, fin is not null and fin < p.e as finished, case when fin < p.e then fin else p.e end as t
        from x, p where rec is not null and rec < p.e and (fin is null or fin >= p.s)
      ),
      k as (
        select j.*,
          (select count(*) from dossier_events q where q.dossier_id = j.id and q.kind = 'supplement_requested' and (q.at < j.t or (j.finished and q.at = j.t))) as supplements,
          greatest(j.due0, (select max((q.data->>'dueAt')::timestamptz) from dossier_events q where q.dossier_id = j.id
            and q.kind in ('supplement_received', 'resume', 'obligation_paid') and q.at < j.t)) as due,
          (select max(q.at) from dossier_events q where q.dossier_id = j.id and q.at < j.t
            and (q.kind in ('supplement_requested', 'suspended') or (q.kind = 'obligation_notified' and q.data->>'pausesClock' = 'true'))
            and not exists (select 1 from dossier_events r where r.dossier_id = j.id and r.kind in ('supplement_received', 'resume', 'obligation_paid') and r.at > q.at and r.at < j.t)) as paused_from
        from j
      ),
      v as (select k.*, supplements <= 1 and coalesce(paused_from, t) <= due as in_time, supplements <= 1 and t <= due0 as by_original from k)
      select count(*)::int as handled,
        count(*) filter (where in_time)::int as on_time,
        count(*) filter (where by_original)::int as on_time_original,
        count(*) filter (where finished and fin_kind = 'resolved')::int as resolved,
        count(*) filter (where finished and fin_kind = 'resolved' and in_time)::int as resolved_on_time,
        count(*) filter (where rec >= s)::int as received,
        count(*) filter (where rec >= s and channel = 'online')::int as online,
        count(*) filter (where rec >= s and fee)::int as with_fee,
        count(*) filter (where rec >= s and fee and paid_online)::int as paid_online
      from v`;
    const rate = (a: number, b: number) => (b ? a / b : null);
    return {
      counts: r!,
      onTimeRate766: rate(r!.on_time, r!.handled),
      onTimeRate766Original: rate(r!.on_time_original, r!.handled),
      onTimeRate: rate(r!.resolved_on_time, r!.resolved),
      onlineRate: rate(r!.online, r!.received),
      onlinePaymentRate: rate(r!.paid_online, r!.with_fee),
    };
  }

  const close = (api: number | null, mine: number | null) => {
    if (mine === null) return expect(api).toBeNull();
    expect(Math.abs(api! - mine), `API ${api} vs recount ${mine}`).toBeLessThanOrEqual(0.001);
  };

  it('gives the province and three communes the rates of an independent SQL recount, to 0.1 point, in October and June–August', async () => {
    for (const [from, to] of PERIODS) {
      const report = await get(`indicators?from=${from}&to=${to}&groupBy=unit`);
      const cases = [{ name: 'province', indicators: report.total.indicators, counts: report.total.counts, unitId: null as string | null }];
      for (const c of communes) {
        const row = report.rows.find((r: { key: string }) => r.key === c.id);
        cases.push({ name: c.name, indicators: row.indicators, counts: row.counts, unitId: c.id });
      }
      for (const c of cases) {
        const mine = await recount(from, to, c.unitId);
        expect(mine.counts.handled, `${c.name} ${from}`).toBeGreaterThan(c.unitId ? 8 : 150);
        expect(c.indicators.toProcess, `${c.name} ${from}: dossiers handled`).toBe(mine.counts.handled);
        for (const k of ['onTimeRate766', 'onTimeRate766Original', 'onTimeRate', 'onlineRate', 'onlinePaymentRate'] as const) close(c.indicators[k], mine[k]);
      }
    }
  });

  it('lists the dossiers behind a commune\'s month, numerator and denominator, adding up to the figure, with no applicant data', async () => {
    const [from, to] = PERIODS[0];
    const c = communes[0]!;
    const report = await get(`indicators?from=${from}&to=${to}&groupBy=unit`);
    const row = report.rows.find((r: { key: string }) => r.key === c.id);
    const all = async (part: string) => {
      const rows: Array<{ code: string; verdict: string; countsIn: string[] }> = [];
      for (let page = 1; ; page++) {
        const r = await get(`dossiers?from=${from}&to=${to}&unitId=${c.id}&figure=onTimeRate766&part=${part}&page=${page}&pageSize=50`);
        expect(r.rows, JSON.stringify(r)).toBeDefined();
        rows.push(...r.rows);
        if (rows.length >= r.total) return { total: r.total as number, rows };
      }
    };
    const denominator = await all('denominator');
    const numerator = await all('numerator');
    expect(denominator.total).toBe(row.indicators.toProcess);
    expect(numerator.total).toBe(Math.round(row.indicators.onTimeRate766 * row.indicators.toProcess));
    expect(new Set(denominator.rows.map((r) => r.code)).size).toBe(denominator.total);
    expect(numerator.rows.every((r) => ['early', 'on_time', 'in_time'].includes(r.verdict))).toBe(true);
    expect(denominator.rows.filter((r) => ['late', 'overdue'].includes(r.verdict))).toHaveLength(denominator.total - numerator.total);
    const names = await stack.database.sql`select applicant_name, applicant_phone from dossiers limit 50`;
    const text = JSON.stringify(denominator);
    for (const n of names) expect(text).not.toContain(n.applicant_phone);
    expect(text).not.toContain(names[0]!.applicant_name);
    // Another commune's leader may not list this one.
    const other = accounts.find((a) => a.username === 'lanhdao.anxuyen')!;
    if (c.name !== 'Phường An Xuyên') {
      const res = await fetch(`${stack.baseUrl}/api/analytics/dossiers?from=${from}&to=${to}&unitId=${c.id}&figure=received`, { headers: { cookie: await signIn(stack, other.username, other.password) } });
      expect(res.status).toBe(403);
    }
  });
});
