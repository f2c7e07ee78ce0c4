import { DEFAULT_TIME_ZONE, localDate } from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed/demo.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { rebuildReadModels } from '../maintenance/read-models.js';
import { analyticsRepository } from './analytics.repository.js';

const TZ = DEFAULT_TIME_ZONE;
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);

/** A small deterministic generator: the same data set on every run. */
function* lcg(seed: number) {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x / 2 ** 31;
  }
}

interface Raw {
  agencyUnitId: string;
  channel: 'counter' | 'online' | 'post';
  receivedAt: Date;
  dueAt: Date;
  resolvedAt: Date | null;
  flaggedLate: boolean;
  fee: boolean;
  paidOnline: boolean;
  withResult: boolean;
}

describe('analytics read model', () => {
  let database: TestDatabase;
  const raw: Raw[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    const sql = database.sql;
    const agencies = await sql`select a.id, a.unit_id, c.id as center_id from agencies a join centers c on c.unit_id = a.unit_id where a.code like 'UBND-%' order by a.code limit 3`;
    const versions = await sql`select id, fee_vnd from procedure_versions order by fee_vnd`;
    const free = versions.find((v) => v.fee_vnd === 0)!;
    const paid = versions.find((v) => v.fee_vnd > 0)!;
    const rnd = lcg(42);
    const r = () => rnd.next().value as number;
    for (let i = 0; i < 120; i++) {
      const agency = agencies[Math.floor(r() * agencies.length)]!;
      const day = DAYS[Math.floor(r() * DAYS.length)]!;
      const receivedAt = at(day, `0${8 + Math.floor(r() * 2)}:${String(Math.floor(r() * 60)).padStart(2, '0')}`);
      const dueAt = new Date(receivedAt.getTime() + (1 + Math.floor(r() * 3)) * 86_400_000);
      const outcome = r();
      // Resolved early, on the due day, late, or not yet; some beyond the period.
      const resolvedAt = outcome < 0.3 ? new Date(receivedAt.getTime() + 3_600_000) : outcome < 0.5 ? new Date(dueAt.getTime() - 600_000) : outcome < 0.65 ? new Date(dueAt.getTime() + 7_200_000) : null;
      const channel = (['counter', 'online', 'post'] as const)[Math.floor(r() * 3)]!;
      const fee = r() < 0.5;
      const row: Raw = { agencyUnitId: agency.unit_id, channel, receivedAt, dueAt, resolvedAt, flaggedLate: r() < 0.1, fee, paidOnline: fee && r() < 0.4, withResult: resolvedAt !== null && r() < 0.7 };
      raw.push(row);
      const [d] = await sql`
        insert into dossiers (code, agency_id, receiving_center_id, return_center_id, procedure_version_id, channel, status, applicant_name, received_at, due_at, resolved_at, flagged_late)
        values (${'T-' + i}, ${agency.id}, ${agency.center_id}, ${agency.center_id}, ${fee ? paid.id : free.id}, ${channel}, ${resolvedAt ? 'resolved' : 'in_process'}, 'Nguyễn Văn A',
          ${receivedAt.toISOString()}, ${dueAt.toISOString()}, ${resolvedAt?.toISOString() ?? null}, ${row.flaggedLate})
        returning id`;
      if (row.paidOnline) await sql`insert into dossier_payments (dossier_id, amount_vnd, method, paid_at) values (${d!.id}, 50000, 'portal', ${receivedAt.toISOString()})`;
      if (row.withResult) await sql`insert into dossier_documents (dossier_id, kind, name) values (${d!.id}, 'result', 'Kết quả')`;
    }
    for (const day of ['2026-03-01', ...DAYS]) await database.db.transaction((tx) => analyticsRepository.rollupDossierDay(tx, day, TZ));
  });
  afterAll(() => database?.drop());

  it('gives, per commune, the same numbers as a direct count over the raw dossiers', async () => {
    const from = '2026-03-03';
    const to = '2026-03-05';
    const end = new Date(`2026-03-06T00:00:00+07:00`);
    const start = new Date(`${from}T00:00:00+07:00`);
    const inPeriod = (d: Date | null) => d !== null && d >= start && d < end;
    const open = (r: Raw, t: Date) => r.receivedAt < t && (r.resolvedAt === null || r.resolvedAt >= t);
    const expected = new Map<string, Record<string, number>>();
    for (const r of raw) {
      const e = expected.get(r.agencyUnitId) ?? { received: 0, receivedOnline: 0, carriedOver: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, inProgressInTime: 0, inProgressOverdue: 0, withFee: 0, paidOnline: 0, dissatisfied: 0, digitised: 0 };
      if (inPeriod(r.receivedAt)) {
        e.received!++;
        if (r.channel === 'online') e.receivedOnline!++;
        if (r.fee) e.withFee!++;
        if (r.paidOnline) e.paidOnline!++;
      }
      if (inPeriod(r.resolvedAt)) {
        const late = r.flaggedLate || r.resolvedAt! > r.dueAt;
        if (late) e.resolvedLate!++;
        else if (localDate(r.resolvedAt!, TZ) < localDate(r.dueAt, TZ)) e.resolvedEarly!++;
        else e.resolvedOnTime!++;
        if (r.withResult) e.digitised!++;
      }
      if (open(r, start)) e.carriedOver!++;
      if (open(r, end)) {
        if (r.flaggedLate || r.dueAt < end) e.inProgressOverdue!++;
        else e.inProgressInTime!++;
      }
      expected.set(r.agencyUnitId, e);
    }
    const rows = await analyticsRepository.dossierCounts(database.db, { from, to, by: 'competent', groupBy: 'unit' });
    const actual = new Map(rows.map(({ key, ...counts }) => [key, counts]));
    for (const [unit, counts] of expected) if (Object.values(counts).every((v) => v === 0)) expected.delete(unit);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    // The data set exercises every column.
    const total = rows.reduce((t, r) => t + r.resolvedEarly * r.resolvedOnTime * r.resolvedLate * r.inProgressOverdue * r.paidOnline, 0);
    expect(total).toBeGreaterThan(0);
  });

  it('rebuilds a range in one statement with the same rows as day by day', async () => {
    const snapshot = () => database.sql`select day::text, agency_id, receiving_center_id, procedure_id, channel, received, resolved_early, resolved_on_time, resolved_late,
      in_progress_in_time, in_progress_overdue, with_fee, paid_online, dissatisfied, digitised from dossier_daily_stats order by 1, 2, 3, 4, 5`;
    const dayByDay = await snapshot();
    await database.db.transaction((tx) => analyticsRepository.rollupDossierDays(tx, '2026-03-01', DAYS[4]!, TZ));
    expect(await snapshot()).toEqual(dayByDay);
    expect(dayByDay.length).toBeGreaterThan(20);
    // The one-command rebuild, in chunks that split the period, ends with the same rows.
    await database.sql`delete from dossier_daily_stats`;
    const done = await rebuildReadModels(database.db, { to: DAYS[4]!, chunkDays: 2 });
    expect(done.from).toBe('2026-03-02');
    expect((await snapshot()).filter((r) => r.day >= '2026-03-02')).toEqual(dayByDay.filter((r) => r.day >= '2026-03-02'));
  });

  it('runs rollups one at a time: concurrent rewrites of the same days neither fail nor duplicate', async () => {
    const count = async () => (await database.sql`select count(*)::int as n from dossier_daily_stats where day between '2026-03-01' and ${DAYS[4]!}`)[0]!.n as number;
    const before = await count();
    await Promise.all(Array.from({ length: 6 }, () => database.db.transaction((tx) => analyticsRepository.rollupDossierDays(tx, '2026-03-01', DAYS[4]!, TZ))));
    expect(await count()).toBe(before);
  });

  it('is idempotent: rolling a day up again changes nothing', async () => {
    const before = await analyticsRepository.dossierCounts(database.db, { from: DAYS[0]!, to: DAYS[4]!, by: 'receiving', groupBy: 'channel' });
    await database.db.transaction((tx) => analyticsRepository.rollupDossierDay(tx, DAYS[2]!, TZ));
    expect(await analyticsRepository.dossierCounts(database.db, { from: DAYS[0]!, to: DAYS[4]!, by: 'receiving', groupBy: 'channel' })).toEqual(before);
  });
});
