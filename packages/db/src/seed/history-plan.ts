import {
  addWorkingTime, checkExtension, computeDue, finishVerdict, formatDossierCode, instantOf, isoWeekday, isWorkingDay, localDate, lunarToSolar, nextDate, shiftByPause, stepDueTimes,
  supplementRequest, timeliness, transition, workingDayLength, workingTimeBetween, type DossierAction, type StepPlan, type TimeLimit, type WorkCalendar,
} from '@motcua/core';
import { createHash } from 'node:crypto';
import type { DossierStatus } from '@motcua/contracts';

/**
 * Pure part of the demo history: which dossiers and tickets a year of a province holds,
 * and the life of each one, played through the core state machine and deadline functions.
 * No database here; `history.ts` streams what this produces into the tables.
 */

/** What the seeded year aims at; the tests check the generated rows reproduce these. */
export const TARGETS = {
  /** Late share of resolved dossiers per field (Decision 766: after due, or a second supplement). */
  lateShare: { ho_tich: 0.015, chung_thuc: 0.01, cu_tru: 0.03, kinh_doanh: 0.035, dat_dai: 0.075 } as Record<string, number>,
  lateShareOther: 0.05,
  /** Online share of dossiers received, first and last month (procedures allowing it fully; partial ones half). */
  onlineBase: { first: 0.35, last: 0.75 },
  /** Rated tickets that were "not satisfied" (before the long-wait penalty). */
  dissatisfied: 0.035,
  /** Relative volume per ISO weekday: the Monday rush. */
  weekday: { 1: 1.4, 2: 1.1, 3: 1.0, 4: 0.95, 5: 0.85 } as Record<number, number>,
  /** Working days before Tết with the year-end surge, and its factor. */
  preTet: { days: 15, factor: 1.6 },
} as const;

/** Arrival weight per half hour of the office day (07:30…16:30): morning peak, smaller afternoon one. */
export const HALF_HOURS: Array<{ at: string; weight: number }> = [
  { at: '07:30', weight: 0.6 }, { at: '08:00', weight: 1.0 }, { at: '08:30', weight: 1.3 }, { at: '09:00', weight: 1.4 }, { at: '09:30', weight: 1.25 },
  { at: '10:00', weight: 1.0 }, { at: '10:30', weight: 0.75 }, { at: '11:00', weight: 0.45 },
  { at: '13:00', weight: 0.45 }, { at: '13:30', weight: 0.65 }, { at: '14:00', weight: 0.8 }, { at: '14:30', weight: 0.75 }, { at: '15:00', weight: 0.6 },
  { at: '15:30', weight: 0.45 }, { at: '16:00', weight: 0.3 }, { at: '16:30', weight: 0.2 },
];

// ───────────── randomness ─────────────

export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence for a seed on every machine. */
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = '0123456789abcdef';
/** A version-4-shaped UUID drawn from the seeded generator, so ids repeat with the seed. */
export function uuidOf(rnd: Rng): string {
  let s = '';
  for (let i = 0; i < 32; i++) {
    const v = i === 12 ? 4 : i === 16 ? 8 + Math.floor(rnd() * 4) : Math.floor(rnd() * 16);
    s += HEX[v];
    if (i === 7 || i === 11 || i === 15 || i === 19) s += '-';
  }
  return s;
}

function pick<T>(rnd: Rng, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/** Index drawn in proportion to the weights (cumulative sums precomputed). */
export function weighted(rnd: Rng, cumulative: readonly number[]): number {
  const x = rnd() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const cumulate = (weights: readonly number[]) => weights.reduce<number[]>((acc, w) => [...acc, (acc.at(-1) ?? 0) + w], []);
const expo = (rnd: Rng, mean: number) => -Math.log(1 - rnd()) * mean;

// ───────────── the world the history happens in ─────────────

export interface WorldProcedure {
  versionId: string;
  code: string;
  name: string;
  field: string;
  limit: TimeLimit;
  feeVnd: number;
  online: string;
  boundaryFree: boolean;
  rule: string;
  /** Set for procedures a provincial department decides. */
  fixedAgencyId: string | null;
  obligationPausesClock: boolean;
  steps: StepPlan[];
  documents: string[];
}
export interface WorldAgency { id: string; unitId: string; electronicId: string }
export interface WorldCenter {
  id: string;
  unitId: string;
  provincial: boolean;
  disadvantaged: boolean;
  services: Array<{ id: string; field: string; prefix: string; minutes: number }>;
  counters: Array<{ id: string; number: number; officerId: string | null }>;
}
export interface HistoryWorld {
  cal: WorkCalendar;
  centers: WorldCenter[];
  procedures: WorldProcedure[];
  agencies: Map<string, WorldAgency>;
  /** Commune People's Committee by unit. */
  committees: Map<string, WorldAgency>;
  /** Staff who work for a unit, by role. */
  staff: Map<string, Partial<Record<string, string[]>>>;
  priorityCategoryIds: string[];
}

/** How often each procedure is asked for (relative); unknown codes count 1. */
export const DEMAND: Record<string, number> = {
  '2.000815': 30, '1.001193': 9, 'CTR-XN': 8, 'CT-CK': 7, '2.000635': 5, 'CT-HD': 5, 'DD-BD': 5, 'CTR-TTR': 4, 'HT-KT': 3, '1.004873': 4, '1.000894': 3,
  'CTR-TT': 3, 'KD-HKD': 3, 'DD-CCTT': 3, 'DD-LD': 2, 'DD-GCNLD': 1.5, 'LT-KS-TT-BHYT': 2, 'HT-CC': 1.5, 'DD-CLGCN': 1, 'DD-DCGCN': 1, 'CT-CKND': 1,
  'YT-BNGDV': 0.05, 'YT-MNGDV': 0.05, 'YT-HTLO': 0.03, 'GT-NGDN': 0.2, 'VH-KARAOKE': 0.3, 'HT-KHNN': 0.3, 'HT-NCNN': 0.1, 'HT-GCNN': 0.2, 'HT-KTNN': 0.05,
};

// ───────────── the calendar of the year ─────────────

export interface DayPlan { date: string; dossiers: number; month: number }

/**
 * Dossiers per working day over [from, to): weekday factor × pre-Tết surge × slow growth,
 * rounded so the days add up to exactly `total`.
 */
export function planDays(cal: WorkCalendar, from: string, to: string, total: number): DayPlan[] {
  const tets = new Set<string>();
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)) + 1; y++) tets.add(lunarToSolar(1, 1, y));
  const days: Array<{ date: string; weight: number; month: number }> = [];
  const firstMonth = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7));
  for (let d = from; d < to; d = nextDate(d)) {
    if (!isWorkingDay(cal, d)) continue;
    const weekday = isoWeekday(d);
    days.push({ date: d, weight: (TARGETS.weekday[weekday] ?? 0.5), month: Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - firstMonth });
  }
  // The last working days before each Tết: people settle papers before the holiday.
  for (const tet of tets) {
    const before = days.filter((d) => d.date < tet).slice(-TARGETS.preTet.days);
    if (before.length && before.at(-1)!.date >= nextDate(tet, -14)) for (const d of before) d.weight *= TARGETS.preTet.factor;
  }
  const n = days.length;
  days.forEach((d, i) => (d.weight *= 0.9 + (0.2 * i) / Math.max(1, n - 1)));
  const sum = days.reduce((s, d) => s + d.weight, 0);
  let carried = 0;
  return days.map((d) => {
    const exact = (total * d.weight) / sum + carried;
    const count = Math.round(exact);
    carried = exact - count;
    return { date: d.date, dossiers: count, month: d.month };
  });
}

// ───────────── rows produced ─────────────

export interface DossierRow {
  id: string; code: string; agencyId: string; receivingCenterId: string; returnCenterId: string; currentAgencyId: string; applicantUnitId: string | null; parcelUnitId: string | null;
  title: string; procedureVersionId: string; channel: 'counter' | 'online' | 'post'; status: DossierStatus; ticketId: string | null;
  applicantName: string; applicantPhone: string; applicantIdNumber: string; receivedAt: Date | null; dueAt: Date | null; extendedDueAt: Date | null;
  resolvedAt: Date | null; returnedAt: Date | null; assigneeId: string | null; currentStep: number; stepDueAt: Date | null; deadlineVersion: number;
  supplementCount: number; pausedSince: Date | null; flaggedLate: boolean; createdAt: Date;
}
export interface EventRow {
  dossierId: string; kind: string; fromStatus: DossierStatus | null; toStatus: DossierStatus; fromUnitId: string | null; toUnitId: string | null;
  fromStaffId: string | null; toStaffId: string | null; at: Date; step: number | null; stepDueAt: Date | null; stepResult: 'early' | 'on_time' | 'late' | null;
  note: string | null; data: Record<string, unknown> | null;
}
export interface TicketRow {
  id: string; centerId: string; serviceId: string; businessDate: string; number: number; code: string; status: 'done' | 'no_show'; priorityCategoryId: string | null;
  arrivedAt: Date; calledAt: Date; servingAt: Date | null; doneAt: Date | null; counterId: string; officerId: string | null; trackingCode: string;
}
export interface TicketEventRow { ticketId: string; kind: string; fromStatus: string | null; toStatus: string; counterId: string | null; actorId: string | null; at: Date }
/** A dossier document: checklist components with their scan (or reuse), results signed or not, letters. No bytes: the history is rows only. */
export interface DocumentRow {
  dossierId: string; kind: string; name: string; createdById: string | null; createdAt: Date;
  componentIndex: number | null; required: boolean; provided: boolean; exempt: boolean;
  fileSha256: string | null; fileSize: number | null; fileMime: string | null; filePages: number | null; fileSource: string | null; signed: boolean; fileAttachedAt: Date | null;
}
const NO_FILE = { componentIndex: null, required: false, provided: false, exempt: false, fileSha256: null, fileSize: null, fileMime: null, filePages: null, fileSource: null, signed: false, fileAttachedAt: null };

/**
 * A share in [0, 1) drawn from the dossier id and a salt, not from the day's generator: the
 * documents' figures do not shift every other random choice of the history.
 */
const drawOf = (id: string, salt: string) => createHash('sha256').update(`${id}:${salt}`).digest().readUInt32BE(0) / 2 ** 32;
/** A plausible content address for a file of the history (its bytes are not generated). */
const addressOf = (id: string, salt: string) => createHash('sha256').update(`motcua-history-file:${id}:${salt}`).digest('hex');

/** 766 group 4 in the history: online dossiers come with their files, most counter ones are scanned at reception, some reuse a document, most results are signed. */
const DIGITISED_AT_RECEPTION = { online: 0.96, counter: 0.8, post: 0.55 } as const;
const REUSE = 0.14;
const SIGNED_RESULT = 0.94;

/** The checklist of a new dossier: every item required; all with a file when it was digitised at reception, else the last one still on paper. */
function componentRows(dossierId: string, names: readonly string[], channel: 'online' | 'counter' | 'post', createdById: string | null, at: Date): DocumentRow[] {
  const digitised = drawOf(dossierId, 'digitised') < DIGITISED_AT_RECEPTION[channel];
  const reused = digitised && names.length > 0 && drawOf(dossierId, 'reuse') < REUSE;
  return names.map((name, i) => {
    const hasFile = digitised || i < names.length - 1;
    const source = reused && i === 0 ? 'reuse' : channel === 'online' ? 'upload' : 'scan';
    return {
      ...NO_FILE, dossierId, kind: 'component', name, createdById, createdAt: at, componentIndex: i, required: true, provided: true,
      ...(hasFile ? { fileSha256: addressOf(dossierId, `c${i}`), fileSize: 60_000 + Math.floor(drawOf(dossierId, `s${i}`) * 340_000), fileMime: 'application/pdf', filePages: 1 + Math.floor(drawOf(dossierId, `p${i}`) * 3), fileSource: source, fileAttachedAt: at } : {}),
    };
  });
}

export interface DayRows {
  date: string;
  dossiers: DossierRow[];
  events: EventRow[];
  documents: DocumentRow[];
  payments: Array<{ dossierId: string; amountVnd: number; method: string; purpose: 'fee' | 'obligation'; paidAt: Date; recordedById: string | null }>;
  tickets: TicketRow[];
  ticketEvents: TicketEventRow[];
  ratings: Array<{ ticketId: string; counterId: string; level: 'very_satisfied' | 'satisfied' | 'not_satisfied'; createdAt: Date }>;
}

// ───────────── one dossier's life ─────────────

const MIN = 60_000;

/**
 * A dossier driven through the core state machine: every action is checked by
 * `transition`, every due time comes from the deadline functions. Actions after `end`
 * are not played, so the dossier stays in the state it had then.
 */
class DossierLife {
  readonly events: EventRow[] = [];
  ended = false;
  constructor(readonly row: DossierRow, private readonly cal: WorkCalendar, private readonly end: Date) {}

  /** Plays an action at `at` (or stops the life if `at` is after the end); false when stopped. */
  act(action: DossierAction | null, at: Date, event: Omit<EventRow, 'dossierId' | 'fromStatus' | 'toStatus' | 'at'>, patch: Partial<DossierRow> = {}): boolean {
    if (this.ended || at.getTime() > this.end.getTime()) {
      this.ended = true;
      return false;
    }
    const from = this.row.status;
    let to = from;
    if (action) {
      const r = transition(from, action);
      if (!r.ok) throw new Error(`demo history: ${r.reason.en}`);
      to = r.to;
    }
    this.events.push({ dossierId: this.row.id, fromStatus: from, toStatus: to, at, ...event });
    Object.assign(this.row, patch, { status: to });
    return true;
  }

  /** End of a pause: due times move by the paused working time, as the API's resume does. */
  resumePatch(at: Date): Partial<DossierRow> {
    const since = this.row.pausedSince;
    if (!since) return { pausedSince: null };
    const shift = (d: Date | null) => (d ? shiftByPause(this.cal, d, since, at) : null);
    return { pausedSince: null, dueAt: shift(this.row.dueAt), stepDueAt: shift(this.row.stepDueAt), extendedDueAt: shift(this.row.extendedDueAt), deadlineVersion: this.row.deadlineVersion + 1 };
  }
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Lâm', 'Tô', 'Quách'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Hoàng', 'Kim', 'Hữu', 'Thị Thu', 'Văn Hoàng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Duyên', 'Giang', 'Hà', 'Hải', 'Hằng', 'Hiếu', 'Hoa', 'Hùng', 'Khang', 'Lan', 'Linh', 'Lộc', 'Mai', 'Nam', 'Nga', 'Nhân', 'Phúc', 'Phương', 'Quý', 'Sơn', 'Tài', 'Thảo', 'Thắm', 'Trang', 'Tuấn', 'Vân', 'Yến'];
const TRACKING = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

const digits = (rnd: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

export interface GeneratorState {
  rnd: Rng;
  /** Dossier numbers taken per agency × local date (dossier_sequences). */
  dossierNumbers: Map<string, number>;
}

/**
 * Everything that happened on one working day: counter tickets (with and without a dossier),
 * dossiers received at counters, by post and online, each played to its end or to `end`.
 */
export function generateDay(world: HistoryWorld, plan: DayPlan, months: number, end: Date, state: GeneratorState, prepared = prepare(world)): DayRows {
  const { rnd } = state;
  const { cal } = world;
  const tz = cal.timeZone;
  const out: DayRows = { date: plan.date, dossiers: [], events: [], documents: [], payments: [], tickets: [], ticketEvents: [], ratings: [] };
  const weekdayLoad = TARGETS.weekday[isoWeekday(plan.date)] ?? 1;
  const onlineBase = TARGETS.onlineBase.first + ((TARGETS.onlineBase.last - TARGETS.onlineBase.first) * plan.month) / Math.max(1, months - 1);
  const slots = HALF_HOURS.map((h) => ({ start: instantOf(plan.date, h.at, tz).getTime(), weight: h.weight }));
  const staffOf = (unitId: string, role: string) => {
    const s = world.staff.get(unitId);
    const list = s?.[role] ?? s?.['specialist'] ?? s?.['officer'] ?? s?.['leader'] ?? [];
    return list.length ? pick(rnd, list) : null;
  };

  type Visit = { center: WorldCenter; serviceField: string; at: number; slotWeight: number; dossier: ((ticket: TicketRow) => void) | null };
  const visits: Visit[] = [];
  const pending: Array<() => void> = [];

  for (let i = 0; i < plan.dossiers; i++) {
    const proc = prepared.procedures[weighted(rnd, prepared.procedureWeights)]!;
    // Competent agency: a department for fixed procedures, else the committee of the applicant's or parcel's commune.
    const homeCenter = prepared.communeCenters[weighted(rnd, prepared.communeWeights)]!;
    const agency = proc.fixedAgencyId ? world.agencies.get(proc.fixedAgencyId)! : world.committees.get(homeCenter.unitId)!;
    let receiving: WorldCenter = proc.fixedAgencyId ? (rnd() < 0.55 ? prepared.provincial : homeCenter) : homeCenter;
    // Boundary-free: some are received elsewhere (another commune or the provincial center).
    if (proc.boundaryFree && !proc.fixedAgencyId && rnd() < 0.1) receiving = rnd() < 0.4 ? prepared.provincial : prepared.communeCenters[weighted(rnd, prepared.communeWeights)]!;
    if (!proc.boundaryFree && proc.fixedAgencyId) receiving = prepared.provincial;
    const level = proc.online === 'full' ? 1 : proc.online === 'partial' ? 0.5 : 0;
    const channel = rnd() < onlineBase * level ? 'online' : rnd() < 0.03 ? 'post' : 'counter';
    const residence = proc.rule === 'applicant_residence' ? homeCenter.unitId : null;
    const parcel = proc.rule === 'parcel_location' ? homeCenter.unitId : null;
    const make = (submittedAt: Date, ticket: TicketRow | null) =>
      lifeOf(world, state, { proc, agency, receiving, channel, submittedAt, ticket, residence, parcel, staffOf, end, out });
    if (channel === 'counter') {
      const slot = slots[weighted(rnd, prepared.slotWeights)]!;
      const service = receiving.services.find((s) => s.field === proc.field) ?? receiving.services[0]!;
      visits.push({ center: receiving, serviceField: service.field, at: slot.start + rnd() * 30 * MIN, slotWeight: slot.weight, dossier: (t) => make(new Date(t.servingAt!.getTime() + (t.doneAt!.getTime() - t.servingAt!.getTime()) * 0.7), t) });
    } else {
      // Online: submitted from early morning to late evening; post arrives in office hours.
      const submittedAt = channel === 'online'
        ? new Date(instantOf(plan.date, '06:00', tz).getTime() + rnd() * 17 * 60 * MIN)
        : new Date(slots[weighted(rnd, prepared.slotWeights)]!.start + rnd() * 30 * MIN);
      pending.push(() => make(submittedAt, null));
    }
  }
  // Visits without a dossier: questions, picking up results, (about a third more tickets).
  const extra = Math.round(visits.length * 0.35);
  for (let i = 0; i < extra; i++) {
    const center = prepared.communeCenters[weighted(rnd, prepared.communeWeights)]!;
    const slot = slots[weighted(rnd, prepared.slotWeights)]!;
    visits.push({ center, serviceField: pick(rnd, center.services).field, at: slot.start + rnd() * 30 * MIN, slotWeight: slot.weight, dossier: null });
  }

  // Tickets: numbered per center × service in arrival order; waits grow with the hour's and the weekday's load.
  visits.sort((a, b) => a.at - b.at);
  const numbers = new Map<string, number>();
  for (const v of visits) {
    const service = v.center.services.find((s) => s.field === v.serviceField)!;
    const key = `${v.center.id}|${service.id}`;
    const number = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, number);
    const counter = pick(rnd, v.center.counters);
    const arrivedAt = new Date(Math.floor(v.at / 1000) * 1000);
    const wait = Math.min(110, expo(rnd, 2 + 9 * v.slotWeight * weekdayLoad * (v.center.provincial ? 1.3 : 1)));
    const calledAt = new Date(arrivedAt.getTime() + wait * MIN);
    // Citizens who came to submit a dossier stayed; some of the others left before their turn.
    const noShow = !v.dossier && rnd() < 0.1;
    const servingAt = noShow ? null : new Date(calledAt.getTime() + (0.3 + rnd()) * MIN);
    const doneAt = servingAt ? new Date(servingAt.getTime() + service.minutes * (0.5 + rnd()) * MIN) : null;
    const ticket: TicketRow = {
      id: uuidOf(rnd), centerId: v.center.id, serviceId: service.id, businessDate: plan.date, number, code: `${service.prefix}${String(number).padStart(3, '0')}`,
      status: noShow ? 'no_show' : 'done', priorityCategoryId: rnd() < 0.08 && world.priorityCategoryIds.length ? pick(rnd, world.priorityCategoryIds) : null,
      arrivedAt, calledAt, servingAt, doneAt, counterId: counter.id, officerId: counter.officerId,
      trackingCode: Array.from({ length: 12 }, () => TRACKING[Math.floor(rnd() * TRACKING.length)]).join(''),
    };
    out.tickets.push(ticket);
    const ev = (kind: string, from: string | null, to: string, at: Date, actor: string | null) => out.ticketEvents.push({ ticketId: ticket.id, kind, fromStatus: from, toStatus: to, counterId: kind === 'issued' ? null : counter.id, actorId: actor, at });
    ev('issued', null, 'waiting', arrivedAt, null);
    ev('call_next', 'waiting', 'called', calledAt, counter.officerId);
    if (noShow) {
      ev('no_show', 'called', 'no_show', new Date(calledAt.getTime() + 3 * MIN), counter.officerId);
      continue;
    }
    ev('start', 'called', 'serving', servingAt!, counter.officerId);
    ev('done', 'serving', 'done', doneAt!, counter.officerId);
    // About half rate the service; long waits make unhappy citizens.
    if (rnd() < 0.5) {
      const unhappy = TARGETS.dissatisfied + Math.max(0, wait - 20) * 0.004;
      const x = rnd();
      out.ratings.push({ ticketId: ticket.id, counterId: counter.id, level: x < unhappy ? 'not_satisfied' : x < 0.6 ? 'very_satisfied' : 'satisfied', createdAt: new Date(doneAt!.getTime() + MIN) });
    }
    v.dossier?.(ticket);
  }
  for (const p of pending) p();
  return out;
}

interface LifeInput {
  proc: WorldProcedure; agency: WorldAgency; receiving: WorldCenter; channel: 'counter' | 'online' | 'post'; submittedAt: Date; ticket: TicketRow | null;
  residence: string | null; parcel: string | null; staffOf: (unitId: string, role: string) => string | null; end: Date; out: DayRows;
}

/** One dossier from submission to return (or to `end`), as the API's commands would have written it. */
function lifeOf(world: HistoryWorld, state: GeneratorState, input: LifeInput): void {
  const { rnd, dossierNumbers } = state;
  const { cal } = world;
  const { proc, agency, receiving, channel, submittedAt, ticket, out, staffOf } = input;
  const day = localDate(submittedAt, cal.timeZone);
  const seqKey = `${agency.id}|${day}`;
  const number = (dossierNumbers.get(seqKey) ?? 0) + 1;
  dossierNumbers.set(seqKey, number);
  const officer = ticket?.officerId ?? staffOf(receiving.unitId, 'officer');
  const row: DossierRow = {
    id: uuidOf(rnd), code: formatDossierCode(agency.electronicId, submittedAt, cal.timeZone, number), agencyId: agency.id, receivingCenterId: receiving.id, returnCenterId: receiving.id,
    currentAgencyId: agency.id, applicantUnitId: input.residence, parcelUnitId: input.parcel, title: proc.name, procedureVersionId: proc.versionId, channel, status: 'submitted',
    ticketId: ticket?.id ?? null, applicantName: `${pick(rnd, FAMILY)} ${pick(rnd, MIDDLE)} ${pick(rnd, GIVEN)}`, applicantPhone: `09${digits(rnd, 8)}`, applicantIdNumber: `0960${digits(rnd, 8)}`,
    receivedAt: null, dueAt: null, extendedDueAt: null, resolvedAt: null, returnedAt: null, assigneeId: null, currentStep: 0, stepDueAt: null, deadlineVersion: 0,
    supplementCount: 0, pausedSince: null, flaggedLate: false, createdAt: submittedAt,
  };
  const life = new DossierLife(row, cal, input.end);
  const none = { fromUnitId: null, toUnitId: null, fromStaffId: null, toStaffId: null, step: null, stepDueAt: null, stepResult: null, note: null, data: null };
  life.act(null, submittedAt, { ...none, kind: 'submitted', fromUnitId: receiving.unitId, toUnitId: agency.unitId, fromStaffId: channel === 'counter' ? officer : null, data: { channel, ticketId: row.ticketId } });
  // submitted is the initial state: the event's from is null.
  life.events[0]!.fromStatus = null;
  out.documents.push(...componentRows(row.id, proc.documents, channel, channel === 'counter' ? officer : null, submittedAt));

  const work = (from: Date, hours: number) => addWorkingTime(cal, from, hours * 3_600_000);
  const dayMs = workingDayLength(cal);
  let t = channel === 'counter' ? new Date(submittedAt.getTime() + 2 * MIN) : work(submittedAt, 0.2 + rnd() * (rnd() < 0.9 ? 4 : 12));
  const intake = { ...none, fromStaffId: officer, fromUnitId: receiving.unitId };

  // Intake: a few refused, some asked to complete the file first (Mẫu 02).
  const r = rnd();
  if (r < 0.015) {
    life.act('refuse_at_intake', t, { ...intake, kind: 'refused', data: { reasons: ['Hồ sơ không thuộc thẩm quyền giải quyết'] } });
    return finish(out, life);
  }
  if (r < 0.06) {
    if (!life.act('request_intake_supplement', t, { ...intake, kind: 'intake_supplement', data: { missingItems: [proc.documents[0] ?? 'Tờ khai'] } })) return finish(out, life);
    t = work(t, 8 * (1 + rnd() * 4));
    if (rnd() < 0.15) {
      life.act('withdraw', t, { ...none, kind: 'withdrawn', note: 'Công dân không bổ sung hồ sơ' }, { assigneeId: null, pausedSince: null });
      return finish(out, life);
    }
  }

  // Accept: due time and step plan from the core functions, exactly as the API computes them.
  const dueAt = computeDue(cal, t, proc.limit);
  const stepDues = stepDueTimes(cal, t, proc.steps, dueAt);
  const currentStep = proc.steps.length > 1 ? 1 : 0;
  if (!life.act('accept', t, { ...intake, kind: 'received', toUnitId: agency.unitId, step: 1, stepDueAt: stepDues[0] ?? dueAt, stepResult: timeliness(cal, t, stepDues[0] ?? dueAt), data: { dueAt: dueAt.toISOString() } },
    { receivedAt: t, dueAt, currentStep, stepDueAt: stepDues[currentStep] ?? dueAt, deadlineVersion: row.deadlineVersion + 1 })) return finish(out, life);
  const unit = agency.unitId;
  const slip = { ...none, fromUnitId: unit, toUnitId: unit };

  if (proc.feeVnd > 0) {
    const method = channel === 'online' ? (rnd() < 0.75 ? 'portal' : 'gateway') : rnd() < 0.12 ? 'gateway' : 'cash';
    out.payments.push({ dossierId: row.id, amountVnd: proc.feeVnd, method, purpose: 'fee', paidAt: t, recordedById: officer });
    life.act(null, t, { ...slip, kind: 'payment', fromStaffId: officer, data: { amountVnd: proc.feeVnd, method, online: method !== 'cash', purpose: 'fee' } });
  }

  // The plan of this dossier: late or not (per field target), pauses, apology, withdrawal.
  const fieldLate = TARGETS.lateShare[proc.field] ?? TARGETS.lateShareOther;
  const double = rnd() < fieldLate * 0.15;
  const late = !double && rnd() < fieldLate * 0.85;
  const supplement = double || rnd() < (proc.field === 'dat_dai' ? 0.12 : 0.05);
  const obligation = proc.obligationPausesClock && rnd() < 0.6;
  const withdrawAt = rnd() < 0.012 ? rnd() : null;
  const apology = late && rnd() < 0.4;

  const stepRole = (k: number) => proc.steps[k]?.role ?? 'specialist';
  // Same-day work starts within the hour; longer procedures within a day or two.
  const startDelay = proc.limit.unit === 'same_day' || proc.limit.value <= 0.5 ? 0.1 + rnd() * 0.5 : 0.5 + rnd() * 8;
  t = work(t, Math.min(startDelay, Math.max(0.05, (workingTimeBetween(cal, t, dueAt) / 3_600_000) * 0.2)));
  let assignee = staffOf(unit, stepRole(row.currentStep));
  if (!life.act('start_processing', t, { ...slip, kind: 'assign', fromStaffId: officer, toStaffId: assignee, step: row.currentStep + 1, stepDueAt: row.stepDueAt }, { assigneeId: assignee })) return finish(out, life);

  // Where it finishes: a share of the time left before due, or after it when late.
  const finishAt = () => {
    const left = workingTimeBetween(cal, t, row.dueAt!);
    if (late) return addWorkingTime(cal, new Date(Math.max(t.getTime(), row.dueAt!.getTime())), 3_600_000 + rnd() * dayMs * 2.5);
    const share = proc.limit.unit === 'same_day' ? 0.2 + rnd() * 0.75 : 0.25 + 0.7 * Math.sqrt(rnd());
    return addWorkingTime(cal, t, Math.max(5 * MIN, left * share - 16 * MIN));
  };
  const pause = (kind: 'supplement' | 'obligation'): boolean => {
    const at = addWorkingTime(cal, t, workingTimeBetween(cal, t, finishAt()) * (kind === 'supplement' ? 0.3 : 0.8));
    if (kind === 'supplement') {
      const s = supplementRequest(row.supplementCount);
      if (!life.act('request_supplement', at, { ...slip, kind: 'supplement_requested', fromStaffId: row.assigneeId, data: { missingItems: ['Bản vẽ, giấy tờ còn thiếu'], request: s.count, flaggedLate: s.flaggedLate } },
        { pausedSince: at, supplementCount: s.count, flaggedLate: row.flaggedLate || s.flaggedLate })) return false;
      t = work(at, 8 * (0.5 + rnd() * 5));
      const resumed = life.resumePatch(t);
      return life.act('supplement_received', t, { ...slip, kind: 'supplement_received', fromStaffId: row.assigneeId, data: { dueAt: resumed.dueAt?.toISOString() ?? null } }, resumed);
    }
    const amountVnd = 500_000 + Math.floor(rnd() * 40) * 250_000;
    if (!life.act('notify_obligation', at, { ...slip, kind: 'obligation_notified', fromStaffId: row.assigneeId, note: 'Thông báo nộp nghĩa vụ tài chính về đất đai', data: { amountVnd, pausesClock: proc.obligationPausesClock } },
      { pausedSince: proc.obligationPausesClock ? at : null })) return false;
    t = work(at, 8 * (1 + rnd() * 4));
    const method = rnd() < 0.3 ? 'gateway' : 'cash';
    const resumed = life.resumePatch(t);
    if (!life.act('obligation_paid', t, { ...slip, kind: 'obligation_paid', fromStaffId: row.assigneeId, data: { amountVnd, method, online: method !== 'cash', purpose: 'obligation', dueAt: (resumed.dueAt ?? row.dueAt)?.toISOString() ?? null } }, resumed)) return false;
    out.payments.push({ dossierId: row.id, amountVnd, method, purpose: 'obligation', paidAt: t, recordedById: row.assigneeId });
    return true;
  };

  if (withdrawAt !== null) {
    t = addWorkingTime(cal, t, workingTimeBetween(cal, t, finishAt()) * withdrawAt);
    life.act('withdraw', t, { ...none, kind: 'withdrawn', fromStaffId: officer, note: 'Công dân rút hồ sơ' }, { assigneeId: null, pausedSince: null });
    return finish(out, life);
  }
  if (supplement && !pause('supplement')) return finish(out, life);
  if (double && !pause('supplement')) return finish(out, life);
  if (obligation && !pause('obligation')) return finish(out, life);

  // Apology letter: at least one working day before due, with a new date a few days later.
  const spare = workingTimeBetween(cal, t, row.dueAt!) - dayMs * 1.2;
  if (apology && spare > 0) {
    const at = addWorkingTime(cal, t, spare * rnd());
    const newDueAt = addWorkingTime(cal, row.dueAt!, dayMs * (2 + Math.floor(rnd() * 4)));
    if (checkExtension(cal, { dueAt: row.dueAt!, alreadyExtended: row.extendedDueAt !== null, now: at, newDueAt }).ok) {
      if (!life.act(null, at, { ...slip, kind: 'extended', fromStaffId: row.assigneeId, note: 'Hồ sơ cần xác minh thêm', data: { originalDueAt: row.dueAt!.toISOString(), newDueAt: newDueAt.toISOString() } },
        { extendedDueAt: newDueAt, deadlineVersion: row.deadlineVersion + 1 })) return finish(out, life);
      out.documents.push({ ...NO_FILE, dossierId: row.id, kind: 'apology', name: 'Văn bản xin lỗi và hẹn lại ngày trả kết quả', createdById: row.assigneeId, createdAt: at });
      t = at;
    }
  }

  // Steps B2…Bn handed over one after another, then the result.
  const resolveAt = finishAt();
  const remaining = proc.steps.length - 1 - row.currentStep;
  for (let k = 1; k <= remaining; k++) {
    const at = new Date(t.getTime() + ((resolveAt.getTime() - t.getTime()) * k) / (remaining + 1));
    const next = row.currentStep + 1;
    const stepDueAt = stepDueTimes(cal, row.stepDueAt ?? row.receivedAt!, [proc.steps[next]!], row.dueAt!)[0]!;
    const result = row.stepDueAt ? timeliness(cal, at, row.stepDueAt) : null;
    const from = assignee;
    assignee = staffOf(unit, stepRole(next));
    if (!life.act('handover', at, { ...slip, kind: 'forward', fromStaffId: from, toStaffId: assignee, step: row.currentStep + 1, stepDueAt: row.stepDueAt, stepResult: result, data: { toStep: proc.steps[next]!.code, nextStepDueAt: stepDueAt.toISOString() } },
      { currentStep: next, assigneeId: assignee, stepDueAt })) return finish(out, life);
  }
  const outcome = finishVerdict({ supplements: row.supplementCount, finishedAt: resolveAt, dueAt: row.dueAt! }, cal.timeZone);
  if (!life.act('resolve', resolveAt, { ...slip, kind: 'resolved', fromStaffId: assignee, toUnitId: receiving.unitId, step: row.currentStep + 1, stepDueAt: row.stepDueAt, stepResult: row.stepDueAt ? timeliness(cal, resolveAt, row.stepDueAt) : null, data: { outcome: 'approved', result: outcome } },
    { resolvedAt: resolveAt, assigneeId: null })) return finish(out, life);
  // Most results are digitised (a result document), the 766 digitisation indicator.
  if (rnd() < 0.9) {
    // Most are issued electronically, signed by the deciding agency (766 4.1); the rest were signed on paper and scanned.
    const signed = drawOf(row.id, 'signed') < SIGNED_RESULT;
    out.documents.push({
      ...NO_FILE, dossierId: row.id, kind: 'result', name: `Kết quả: ${proc.name}`, createdById: assignee, createdAt: resolveAt,
      fileSha256: addressOf(row.id, 'result'), fileSize: 40_000 + Math.floor(drawOf(row.id, 'rs') * 60_000), fileMime: 'application/pdf', filePages: 1, fileSource: signed ? 'generated' : 'scan', signed, fileAttachedAt: resolveAt,
    });
  }
  if (rnd() < 0.92) {
    const at = work(resolveAt, rnd() < 0.6 ? 0.5 + rnd() * 4 : 8 + rnd() * 32);
    life.act('return_result', at, { ...none, kind: 'returned', fromStaffId: officer, fromUnitId: receiving.unitId, toUnitId: receiving.unitId, data: { method: channel === 'online' && rnd() < 0.5 ? 'online' : channel === 'post' ? 'post' : 'counter', receivedBy: row.applicantName } }, { returnedAt: at });
  }
  return finish(out, life);
}

function finish(out: DayRows, life: DossierLife): void {
  out.dossiers.push(life.row);
  for (const e of life.events) out.events.push(e);
}

/** Cumulative weights of procedures, communes and half hours, computed once per world. */
export function prepare(world: HistoryWorld) {
  const provincial = world.centers.find((c) => c.provincial)!;
  const communeCenters = world.centers.filter((c) => !c.provincial);
  const procedures = world.procedures;
  return {
    provincial,
    communeCenters,
    procedures,
    // Urban wards are busier; disadvantaged communes quieter.
    communeWeights: cumulate(communeCenters.map((c, i) => (c.disadvantaged ? 0.5 : 1) * (i < 5 ? 1.8 : 1) * (0.7 + ((i * 37) % 10) / 15))),
    procedureWeights: cumulate(procedures.map((p) => DEMAND[p.code] ?? 1)),
    slotWeights: cumulate(HALF_HOURS.map((h) => h.weight)),
  };
}
