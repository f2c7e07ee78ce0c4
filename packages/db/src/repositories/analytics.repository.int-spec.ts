import {
  clockOf, computeDue, COUNT_KEYS, DEFAULT_TIME_ZONE, emptyCounts, judgeAt, localDate, nextDate, shiftByPause, type DossierCounts, type SlipEvent, type WorkCalendar,
} from '@motcua/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed/demo.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { rebuildReadModels } from '../maintenance/read-models.js';
import { analyticsRepository } from './analytics.repository.js';
import { calendarRepository } from './calendar.repository.js';

const TZ = DEFAULT_TIME_ZONE;
const MIN = 60_000;
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);
const dayEnd = (day: string) => dayStart(nextDate(day));

// ───────────── random control slips, played through core's deadline functions ─────────────

type Step = { kind: 'supplement' | 'obligation' | 'obligation_running' | 'suspension' | 'handover'; gap: number; pause: number };
interface Plan { start: number; limitDays: number; steps: Step[]; end: 'resolved' | 'withdrawn' | 'stopped' | 'open'; endGap: number; endWhilePaused: boolean; fee: boolean; paidOnline: boolean; obligationOnline: boolean }

const minutes = (max: number) => fc.integer({ min: 1, max });
const planArb: fc.Arbitrary<Plan> = fc.record({
  start: fc.integer({ min: 0, max: 20 * 24 * 60 }),
  limitDays: fc.constantFrom(0.5, 1, 3, 5, 10),
  steps: fc.array(fc.record({ kind: fc.constantFrom('supplement', 'obligation', 'obligation_running', 'suspension', 'handover'), gap: minutes(5 * 24 * 60), pause: minutes(6 * 24 * 60) }), { maxLength: 4 }),
  end: fc.constantFrom('resolved', 'withdrawn', 'stopped', 'open'),
  endGap: minutes(8 * 24 * 60),
  endWhilePaused: fc.boolean(),
  fee: fc.boolean(),
  paidOnline: fc.boolean(),
  obligationOnline: fc.boolean(),
});

interface Played { events: SlipEvent[]; receivedAt: Date; resolvedAt: Date | null; dueAt: Date; status: string; payments: Array<{ method: string; purpose: string; at: Date }> }

/** One dossier's slip as the API writes it: the received due from computeDue, each pause end carrying the moved due (shiftByPause). */
function play(cal: WorkCalendar, base: Date, p: Plan): Played {
  let t = new Date(base.getTime() + p.start * MIN);
  const receivedAt = t;
  let due = computeDue(cal, t, { unit: 'working_days', value: p.limitDays });
  const events: SlipEvent[] = [{ kind: 'received', at: t, data: { dueAt: due.toISOString() } }];
  const payments: Played['payments'] = [];
  if (p.fee) payments.push({ method: p.paidOnline ? 'portal' : 'cash', purpose: 'fee', at: t });
  const add = (kind: string, gap: number, data?: Record<string, unknown>) => {
    t = new Date(t.getTime() + gap * MIN);
    events.push({ kind, at: t, data: data ?? null });
  };
  let status = 'in_process';
  const last = p.steps.length - 1;
  for (const [i, s] of p.steps.entries()) {
    const leaveOpen = i === last && p.endWhilePaused && p.end !== 'resolved' && s.kind !== 'handover';
    const start = { supplement: 'supplement_requested', obligation: 'obligation_notified', obligation_running: 'obligation_notified', suspension: 'suspended', handover: 'forward' }[s.kind];
    add(start, s.gap, s.kind.startsWith('obligation') ? { pausesClock: s.kind === 'obligation' } : undefined);
    if (s.kind === 'handover') continue;
    const from = t;
    if (leaveOpen) {
      status = { supplement: 'awaiting_supplement', obligation: 'awaiting_obligation', obligation_running: 'awaiting_obligation', suspension: 'suspended' }[s.kind];
      break;
    }
    const endAt = new Date(t.getTime() + s.pause * MIN);
    if (s.kind !== 'obligation_running') due = shiftByPause(cal, due, from, endAt);
    const kind = { supplement: 'supplement_received', obligation: 'obligation_paid', obligation_running: 'obligation_paid', suspension: 'resume' }[s.kind];
    add(kind, s.pause, { dueAt: due.toISOString() });
    if (s.kind.startsWith('obligation')) payments.push({ method: p.obligationOnline ? 'gateway' : 'cash', purpose: 'obligation', at: t });
  }
  if (p.end === 'open') return { events, receivedAt, resolvedAt: null, dueAt: due, status, payments };
  add(p.end, p.endGap, p.end === 'resolved' ? { outcome: 'approved' } : undefined);
  return { events, receivedAt, resolvedAt: p.end === 'resolved' ? t : null, dueAt: due, status: p.end, payments };
}

/** What core says each day's read-model row should hold, summed over the dossiers (judged at each day's end). */
function expectedByDay(played: Played[], days: string[], fee: boolean[], paidOnline: boolean[]): Map<string, DossierCounts> {
  const out = new Map<string, DossierCounts>();
  for (const day of days) {
    const c = emptyCounts();
    played.forEach((p, i) => {
      const clock = clockOf(p.events)!;
      const j = judgeAt(clock, dayEnd(day), TZ);
      if (!j) return;
      if (localDate(clock.receivedAt, TZ) === day) {
        c.received++;
        if (fee[i]) c.withFee++;
        if (fee[i] && paidOnline[i]) c.paidOnline++;
      }
      if (j.ended) {
        if (localDate(clock.end!.at, TZ) !== day) return;
        const key = j.ended === 'resolved' ? ({ early: 'resolvedEarly', on_time: 'resolvedOnTime', late: 'resolvedLate' } as const)[j.verdict as 'early']
          : j.verdict === 'late' ? 'withdrawnLate' : 'withdrawnOnTime';
        c[key]++;
        if (j.original === 'on_time') c.originalOnTime++;
      } else {
        c[j.verdict === 'in_time' ? 'inProgressInTime' : 'inProgressOverdue']++;
        if (j.original === 'in_time') c.originalInTime++;
      }
    });
    out.set(day, c);
  }
  return out;
}

describe('analytics read model', () => {
  let database: TestDatabase;
  let cal: WorkCalendar;
  let agencies: Array<{ id: string; unit_id: string; center_id: string }>;
  let free: string;
  let paid: string;
  let next = 0;

  /** Writes a dossier and its control slip (and payments) the way the API would have. */
  async function insert(agency: { id: string; center_id: string }, p: Played, withFee: boolean): Promise<string> {
    const sql = database.sql;
    const [d] = await sql`
      insert into dossiers (code, agency_id, receiving_center_id, return_center_id, procedure_version_id, channel, status, applicant_name, received_at, due_at, resolved_at)
      values (${'P-' + next++}, ${agency.id}, ${agency.center_id}, ${agency.center_id}, ${withFee ? paid : free}, 'counter', ${p.status}, 'Nguyễn Văn A',
        ${p.receivedAt.toISOString()}, ${p.dueAt.toISOString()}, ${p.resolvedAt?.toISOString() ?? null}) returning id`;
    for (const e of p.events) await sql`insert into dossier_events (dossier_id, kind, at, data) values (${d!.id}, ${e.kind}, ${e.at.toISOString()}, ${e.data ? JSON.stringify(e.data) : null}::jsonb)`;
    for (const pay of p.payments) await sql`insert into dossier_payments (dossier_id, amount_vnd, method, purpose, paid_at) values (${d!.id}, 50000, ${pay.method}, ${pay.purpose}, ${pay.at.toISOString()})`;
    return d!.id as string;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    cal = await calendarRepository.forUnit(database.db, null);
    agencies = [...(await database.sql`select a.id, a.unit_id, c.id as center_id from agencies a join centers c on c.unit_id = a.unit_id where a.code like 'UBND-%' order by a.code`)] as never;
    const versions = await database.sql`select id, fee_vnd from procedure_versions order by fee_vnd`;
    free = versions.find((v) => v.fee_vnd === 0)!.id;
    paid = versions.find((v) => v.fee_vnd > 0)!.id;
  });
  afterAll(() => database?.drop());

  it('judges every day of random control slips exactly as core does (one definition: the rollup SQL and judgeAt agree)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ plan: planArb }), { minLength: 1, maxLength: 8 }), async (list) => {
        // Each run in its own agency and its own two months, so runs never see each other.
        const agency = agencies[5 + (run % (agencies.length - 5))]!;
        const first = nextDate('2019-01-07', run * 70);
        run++;
        const played = list.map(({ plan }) => play(cal, dayStart(first), plan));
        for (const [i, p] of played.entries()) await insert(agency, p, list[i]!.plan.fee);
        const days = Array.from({ length: 50 }, (_, i) => nextDate(first, i));
        await database.db.transaction((tx) => analyticsRepository.rollupDossierDays(tx, days[0]!, days.at(-1)!, TZ));
        const rows = await database.sql`select day::text as day, ${database.sql(COUNT_KEYS.filter((k) => k !== 'carriedOver' && k !== 'receivedOnline').map((k) => k.replace(/[A-Z]/g, (m) => '_' + m.toLowerCase())))}
          from dossier_daily_stats where agency_id = ${agency.id} and day between ${days[0]!} and ${days.at(-1)!}`;
        const expected = expectedByDay(played, days, list.map((x) => x.plan.fee), list.map((x) => x.plan.paidOnline));
        for (const day of days) {
          const actual = emptyCounts();
          for (const r of rows.filter((x) => x.day === day)) for (const k of COUNT_KEYS) actual[k] += Number(r[k.replace(/[A-Z]/g, (m) => '_' + m.toLowerCase())] ?? 0);
          expect({ day, ...actual }).toEqual({ day, ...expected.get(day)! });
        }
      }),
      { numRuns: 25, seed: 766, endOnFailure: true },
    );
  }, 300_000);

  it('keeps a closed day as it was: later withdrawals, second supplements and pauses do not move it, and an obligation paid online is not "paid online"', async () => {
    const agency = agencies[1]!;
    const base = dayStart('2026-10-27');
    // In progress on 31 October, withdrawn on 2 November.
    const withdrawn = play(cal, base, { start: 9 * 60, limitDays: 10, steps: [], end: 'open', endGap: 1, endWhilePaused: false, fee: false, paidOnline: false, obligationOnline: false });
    withdrawn.events.push({ kind: 'withdrawn', at: new Date('2026-11-02T03:00:00Z') });
    withdrawn.status = 'withdrawn';
    // One supplement completed in October, a second requested on 4 November.
    const twice = play(cal, base, { start: 9 * 60 + 5, limitDays: 10, steps: [{ kind: 'supplement', gap: 60, pause: 60 }], end: 'open', endGap: 1, endWhilePaused: false, fee: true, paidOnline: false, obligationOnline: true });
    twice.events.push({ kind: 'supplement_requested', at: new Date('2026-11-04T03:00:00Z') });
    // A land dossier whose obligation was paid online, the fee at the counter.
    const land = play(cal, base, { start: 9 * 60 + 10, limitDays: 10, steps: [{ kind: 'obligation', gap: 60, pause: 120 }], end: 'open', endGap: 1, endWhilePaused: false, fee: true, paidOnline: false, obligationOnline: true });
    for (const p of [withdrawn, twice, land]) await insert(agency, p, p !== withdrawn);
    const counts = async () => (await analyticsRepository.dossierCounts(database.db, { from: '2026-10-01', to: '2026-10-31', by: 'competent', groupBy: 'unit', unitIds: [agency.unit_id] }))[0]!;
    await database.db.transaction((tx) => analyticsRepository.rollupDossierDays(tx, '2026-10-01', '2026-11-10', TZ));
    const october = await counts();
    expect(october).toMatchObject({ received: 3, inProgressInTime: 3, inProgressOverdue: 0, withdrawnOnTime: 0, withFee: 2, paidOnline: 0 });
    // November sees the withdrawal and the second request (late by rule).
    const [november] = await analyticsRepository.dossierCounts(database.db, { from: '2026-11-01', to: '2026-11-05', by: 'competent', groupBy: 'unit', unitIds: [agency.unit_id] });
    expect(november).toMatchObject({ withdrawnOnTime: 1, inProgressOverdue: 1, inProgressInTime: 1 });
    // Rebuilding from scratch changes nothing in October, and logs no correction.
    const logged = async () => (await database.sql`select count(*)::int as n from analytics_corrections`)[0]!.n as number;
    const before = await logged();
    await rebuildReadModels(database.db, { from: '2026-10-01', to: '2026-11-10' });
    expect(await counts()).toEqual(october);
    expect(await logged()).toBe(before);
  });

  it('logs a correction of a closed day with the unit\'s figures before and after', async () => {
    const agency = agencies[2]!;
    const p = play(cal, dayStart('2025-03-02'), { start: 9 * 60, limitDays: 3, steps: [], end: 'resolved', endGap: 60, endWhilePaused: false, fee: false, paidOnline: false, obligationOnline: false });
    const id = await insert(agency, p, false);
    await database.db.transaction((tx) => analyticsRepository.rollupDossierDays(tx, '2025-03-01', '2025-03-10', TZ));
    expect(await database.sql`select * from analytics_corrections where day between '2025-03-01' and '2025-03-10'`).toEqual([]);
    // The record of that day is corrected: a second dossier received then is entered afterwards.
    await insert(agency, { ...p, events: p.events.map((e) => ({ ...e })) }, false);
    await database.db.transaction((tx) => analyticsRepository.rollupDossierDays(tx, '2025-03-01', '2025-03-10', TZ));
    const log = await analyticsRepository.corrections(database.db, { from: '2025-03-01', to: '2025-03-10', unitIds: [agency.unit_id], limit: 10 });
    expect(log.map((r) => [r.day, r.before?.received, r.after?.received])).toEqual([['2025-03-02', 1, 2]]);
    expect(id).toBeTruthy();
  });

  it('rebuilds a range in one statement with the same rows as day by day, and concurrent rewrites neither fail nor duplicate', async () => {
    const agency = agencies[3]!;
    const plans = fc.sample(fc.array(planArb, { minLength: 30, maxLength: 30 }), { seed: 42, numRuns: 1 })[0]!;
    for (const plan of plans) await insert(agency, play(cal, dayStart('2025-06-01'), plan), plan.fee);
    const days = Array.from({ length: 40 }, (_, i) => nextDate('2025-06-01', i));
    const snapshot = () => database.sql`select * from dossier_daily_stats where agency_id = ${agency.id} and day between ${days[0]!} and ${days.at(-1)!} order by day, receiving_center_id, procedure_id, channel`;
    for (const day of days) await database.db.transaction((tx) => analyticsRepository.rollupDossierDay(tx, day, TZ));
    const strip = (rows: Array<Record<string, unknown>>) => rows.map(({ created_at: _c, updated_at: _u, ...r }) => r);
    const dayByDay = strip(await snapshot());
    expect(dayByDay.length).toBeGreaterThan(20);
    await Promise.all(Array.from({ length: 4 }, () => database.db.transaction((tx) => analyticsRepository.rollupDossierDays(tx, days[0]!, days.at(-1)!, TZ))));
    expect(strip(await snapshot())).toEqual(dayByDay);
    await rebuildReadModels(database.db, { from: days[0]!, to: days.at(-1)!, chunkDays: 7 });
    expect(strip(await snapshot())).toEqual(dayByDay);
  });

  it('gives the overview\'s channel mix from the channel model with the same numbers as the detailed rows, field by field', async () => {
    const agency = agencies[4]!;
    const plans = fc.sample(fc.array(planArb, { minLength: 24, maxLength: 24 }), { seed: 7, numRuns: 1 })[0]!;
    const ids: string[] = [];
    for (const plan of plans) ids.push(await insert(agency, play(cal, dayStart('2025-08-01'), plan), plan.fee));
    // A third online, a sixth by post: each channel has rows.
    await database.sql`update dossiers set channel = (case when code ~ '[0-2]$' then 'online' when code ~ '[3-4]$' then 'post' else 'counter' end)::channel where id = any(${ids}::uuid[])`;
    await rebuildReadModels(database.db, { from: '2025-08-01', to: '2025-09-30' });
    const q = { from: '2025-08-05', to: '2025-09-20', by: 'competent' as const, unitIds: [agency.unit_id] };
    const fromChannelModel = await analyticsRepository.dossierCounts(database.db, { ...q, groupBy: 'channel' });
    expect(fromChannelModel.map((r) => r.key)).toEqual(['counter', 'online', 'post']);
    const fields = (await database.sql`select distinct p.field from procedures p`).map((r) => r.field as string);
    const summed = new Map<string, Record<string, number>>();
    for (const field of fields) {
      for (const { key, ...counts } of await analyticsRepository.dossierCounts(database.db, { ...q, field, groupBy: 'channel' })) {
        const into = summed.get(key) ?? {};
        for (const [k, v] of Object.entries(counts)) into[k] = (into[k] ?? 0) + v;
        summed.set(key, into);
      }
    }
    expect(fromChannelModel.map(({ key, ...counts }) => ({ key, ...counts }))).toEqual([...summed].sort(([a], [b]) => a.localeCompare(b)).map(([key, counts]) => ({ key, ...counts })));
    expect(fromChannelModel.reduce((n, r) => n + r.received, 0)).toBeGreaterThan(0);
  });
});
