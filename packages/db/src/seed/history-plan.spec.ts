import { createCalendar, defaultHolidays, timeliness } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import * as demo from './demo-catalogue.js';
import { generateDay, planDays, prepare, prng, TARGETS, type DayRows, type HistoryWorld } from './history-plan.js';

/** A small province in memory: the provincial center, six communes, the demo procedures. */
function world(): HistoryWorld {
  const cal = createCalendar({ timeZone: 'Asia/Ho_Chi_Minh', days: [2025, 2026, 2027].flatMap(defaultHolidays) });
  const units = ['P', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
  const agency = (id: string, unitId: string) => ({ id, unitId, electronicId: `H12.${id}` });
  const departments = demo.departments.map((d) => agency(d.code, 'P'));
  const committees = units.slice(1).map((u) => agency(`UBND-${u}`, u));
  return {
    cal,
    centers: units.map((u, i) => ({
      id: `center-${u}`, unitId: u, provincial: i === 0, disadvantaged: i === 6,
      services: demo.services.map((s) => ({ id: `${u}-${s.code}`, field: s.field, prefix: s.prefix, minutes: s.minutes })),
      counters: [1, 2, 3, 4].map((n) => ({ id: `${u}-k${n}`, number: n, officerId: `officer-${u}-${n}` })),
    })),
    procedures: demo.procedures.map((p) => ({
      versionId: `v-${p.code}`, code: p.code, name: p.name, field: p.field, limit: p.limit, feeVnd: p.feeVnd, online: p.online, boundaryFree: p.boundaryFree,
      rule: p.rule ?? 'fixed', fixedAgencyId: p.fixedAgency ?? null, obligationPausesClock: p.field === 'dat_dai', steps: p.steps, documents: p.requiredDocuments.map((d) => d.name),
    })),
    agencies: new Map([...departments, ...committees].map((a) => [a.id, a])),
    committees: new Map(committees.map((a) => [a.unitId, a])),
    staff: new Map(units.map((u) => [u, { officer: [`officer-${u}-1`], specialist: [`specialist-${u}`], leader: [`leader-${u}`] }])),
    priorityCategoryIds: ['elderly'],
  };
}

function year(total: number, seed: number): DayRows[] {
  const w = world();
  const plan = planDays(w.cal, '2025-11-25', '2026-11-25', total);
  const state = { rnd: prng(seed), dossierNumbers: new Map<string, number>() };
  const prepared = prepare(w);
  const end = new Date('2026-11-24T17:00:00Z');
  return plan.map((day) => generateDay(w, day, 12, end, state, prepared));
}

const ratio = (a: number, b: number) => (b ? a / b : 0);

describe('demo history generator', () => {
  const days = year(4000, 42);
  const dossiers = days.flatMap((d) => d.dossiers);
  const tickets = days.flatMap((d) => d.tickets);
  const w = world();
  const fieldOf = new Map(w.procedures.map((p) => [p.versionId, p.field]));

  it('makes exactly the dossiers asked for, with unique codes, the same ones for the same seed', () => {
    expect(dossiers).toHaveLength(4000);
    expect(new Set(dossiers.map((d) => d.code)).size).toBe(4000);
    const again = year(300, 7).flatMap((d) => d.dossiers.map((x) => `${x.code} ${x.status} ${x.dueAt?.toISOString()}`));
    expect(year(300, 7).flatMap((d) => d.dossiers.map((x) => `${x.code} ${x.status} ${x.dueAt?.toISOString()}`))).toEqual(again);
  });

  it('reproduces the late share per field within tolerance, land the worst', () => {
    const byField = new Map<string, { resolved: number; late: number }>();
    for (const d of dossiers) {
      if (!d.resolvedAt) continue;
      const f = fieldOf.get(d.procedureVersionId)!;
      const s = byField.get(f) ?? { resolved: 0, late: 0 };
      s.resolved++;
      if (d.flaggedLate || timeliness(w.cal, d.resolvedAt, d.dueAt!) === 'late') s.late++;
      byField.set(f, s);
    }
    const share = (f: string) => ratio(byField.get(f)!.late, byField.get(f)!.resolved);
    for (const f of ['ho_tich', 'chung_thuc', 'cu_tru', 'dat_dai']) expect(Math.abs(share(f) - TARGETS.lateShare[f]!)).toBeLessThan(0.02);
    for (const f of ['ho_tich', 'chung_thuc', 'cu_tru', 'kinh_doanh']) expect(share('dat_dai')).toBeGreaterThan(share(f));
    expect(share('dat_dai')).toBeLessThan(0.1);
  });

  it('plays every dossier through the state machine: events chain from state to state', () => {
    const events = days.flatMap((d) => d.events);
    const byDossier = new Map<string, typeof events>();
    for (const e of events) byDossier.set(e.dossierId, [...(byDossier.get(e.dossierId) ?? []), e]);
    for (const d of dossiers) {
      const list = byDossier.get(d.id)!;
      for (let i = 1; i < list.length; i++) expect(list[i]!.fromStatus).toBe(list[i - 1]!.toStatus);
      expect(list.at(-1)!.toStatus).toBe(d.status);
      for (let i = 1; i < list.length; i++) expect(list[i]!.at.getTime()).toBeGreaterThanOrEqual(list[i - 1]!.at.getTime());
    }
    const kinds = new Set(events.map((e) => e.kind));
    for (const k of ['received', 'assign', 'forward', 'supplement_requested', 'obligation_paid', 'extended', 'resolved', 'returned', 'withdrawn', 'refused']) expect(kinds).toContain(k);
    expect(dossiers.filter((d) => d.supplementCount >= 2 && d.flaggedLate).length).toBeGreaterThan(0);
    expect(dossiers.filter((d) => d.agencyId.startsWith('UBND-') && !d.receivingCenterId.endsWith(d.agencyId.slice(5))).length).toBeGreaterThan(0);
    // Every resolved row stamps the 766 verdict: a twice-supplemented dossier is late whatever the dates.
    const twice = new Set(dossiers.filter((d) => d.supplementCount >= 2).map((d) => d.id));
    const stamps = events.filter((e) => e.kind === 'resolved' && twice.has(e.dossierId)).map((e) => e.data?.result);
    expect(stamps.length).toBeGreaterThan(0);
    expect(new Set(stamps)).toEqual(new Set(['late']));
  }, 30_000); // a few seconds on a quiet machine; shared CI machines are slower

  it('online share rises over the year; most rated citizens are satisfied', () => {
    const online = (months: number[]) => {
      const list = dossiers.filter((d) => months.includes(Number(d.createdAt.toISOString().slice(5, 7))) );
      return ratio(list.filter((d) => d.channel === 'online').length, list.length);
    };
    expect(online([12, 1, 2])).toBeLessThan(online([8, 9, 10]) - 0.08);
    const ratings = days.flatMap((d) => d.ratings);
    const satisfied = ratio(ratings.filter((r) => r.level !== 'not_satisfied').length, ratings.length);
    expect(satisfied).toBeGreaterThan(0.9);
    expect(satisfied).toBeLessThan(0.99);
  });

  it('tickets: Monday is the busiest weekday, the morning peak the busiest hour', () => {
    const perWeekday = new Map<number, number>();
    const dayCount = new Map<number, number>();
    for (const d of days) {
      const wd = new Date(`${d.date}T00:00:00Z`).getUTCDay();
      perWeekday.set(wd, (perWeekday.get(wd) ?? 0) + d.tickets.length);
      dayCount.set(wd, (dayCount.get(wd) ?? 0) + 1);
    }
    const avg = (wd: number) => perWeekday.get(wd)! / dayCount.get(wd)!;
    for (const wd of [2, 3, 4, 5]) expect(avg(1)).toBeGreaterThan(avg(wd));
    const perHour = new Map<number, number>();
    for (const t of tickets) {
      const h = (t.arrivedAt.getUTCHours() + 7) % 24;
      perHour.set(h, (perHour.get(h) ?? 0) + 1);
    }
    const peak = [...perHour].sort((a, b) => b[1] - a[1])[0]![0];
    expect([8, 9]).toContain(peak);
    expect(perHour.get(9)!).toBeGreaterThan(perHour.get(14)!);
  });
});
