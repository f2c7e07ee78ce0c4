import { Namespace, Room, ServerEvent, type AssignmentBoard, type AssignmentWeek, type CopyMode, type CopyResult, type CopySkip, type Locale, type Shift, type WeekSlot } from '@motcua/contracts';
import {
  businessDate, copySourceDay, createCalendar, isoWeekday, isWorkingDay, missingSkills, nextDate, nextWorkingDay, planConflicts, skillWarning,
  type PlanConflict, type WorkCalendar,
} from '@motcua/core';
import { assignmentRepository, auditRepository, calendarRepository, type DatabaseHandle, type Tx } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { RealtimeOutbox } from '../../infra/realtime-outbox.js';
import { DATABASE } from '../../infra/tokens.js';

type Ctx = { actor: Actor; locale: Locale; ip?: string; now: Date };
type Row = { staffId: string; counterId: string; workDate: string; shift: Shift };

const SHIFT_WORDS = {
  vi: { all_day: 'cả ngày', morning: 'buổi sáng', afternoon: 'buổi chiều' },
  en: { all_day: 'all day', morning: 'morning', afternoon: 'afternoon' },
} as const;
const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const mondayOf = (date: string) => nextDate(date, 1 - isoWeekday(date));

/** The day board and the week grid a manager builds; the counter workstation enforces them shift by shift. */
@Injectable()
export class AssignmentsService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(RealtimeOutbox) private readonly outbox: RealtimeOutbox,
  ) {}

  /** A day's board; without a date, the center's next working day (what a manager usually plans). */
  async board(centerId: string, date: string | undefined, locale: Locale, now: Date): Promise<AssignmentBoard> {
    const { cal } = await this.calendar(centerId);
    const day = date ?? nextWorkingDay(cal, businessDate(now, cal.timeZone));
    const rows = await assignmentRepository.forDay(this.database.db, centerId, day);
    return { centerId, date: day, weekday: isoWeekday(day), workingDay: isWorkingDay(cal, day), assignments: rows.map(view), warnings: await this.warnings(rows, locale) };
  }

  async assign(centerId: string, input: { date: string; counterId: string; staffId: string; shift: Shift; replace: boolean }, ctx: Ctx): Promise<AssignmentBoard> {
    await this.assertEditable(centerId, input.date, ctx.now);
    const db = this.database.db;
    const counter = await assignmentRepository.counterOfCenter(db, input.counterId, centerId);
    if (!counter) throw fieldError('counterId', { vi: 'Quầy này không thuộc trung tâm', en: 'This counter is not in this center' });
    if (!(await assignmentRepository.staffOfCenter(db, input.staffId, centerId))) throw fieldError('staffId', { vi: 'Cán bộ này không thuộc trung tâm hoặc đã nghỉ', en: 'This person does not work at this center or is inactive' });
    await db.transaction(async (tx) => {
      const held = (await assignmentRepository.holders(tx, input.counterId, input.date, input.shift)).filter((h) => h.staffId !== input.staffId);
      if (held.length && !input.replace) {
        const h = held[0]!;
        throw ApiError.conflict(
          {
            vi: `${counter.label} đã có ${h.staffName} (${SHIFT_WORDS.vi[h.shift]}) ngày ${dmy(input.date)}. Hãy để trống quầy hoặc chọn ca khác.`,
            en: `${counter.label} is already held by ${h.staffName} (${SHIFT_WORDS.en[h.shift]}) on ${dmy(input.date)}. Free the counter or pick another shift.`,
          },
          held.map((x) => ({ staffId: x.staffId, counterId: x.counterId, workDate: x.workDate, shift: x.shift })),
        );
      }
      const replaced = held.length ? await assignmentRepository.unassign(tx, input.counterId, input.date, input.shift) : [];
      const { row, moved } = await assignmentRepository.assign(tx, { staffId: input.staffId, counterId: input.counterId, workDate: input.date, shift: input.shift });
      await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'assignment.assign', entity: 'assignment', entityId: row.id, before: [...replaced, ...moved], after: row, ip: ctx.ip });
      await this.announce(tx, centerId, [input.date], [input.staffId, ...held.map((h) => h.staffId)]);
    });
    this.outbox.kick();
    return this.board(centerId, input.date, ctx.locale, ctx.now);
  }

  async unassign(centerId: string, input: { date: string; counterId: string; shift?: Shift }, ctx: Ctx): Promise<AssignmentBoard> {
    await this.assertEditable(centerId, input.date, ctx.now);
    const removed = await this.database.db.transaction(async (tx) => {
      const rows = await assignmentRepository.unassign(tx, input.counterId, input.date, input.shift);
      for (const row of rows) await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'assignment.unassign', entity: 'assignment', entityId: row.id, before: row, after: null, ip: ctx.ip });
      if (rows.length) await this.announce(tx, centerId, [input.date], rows.map((r) => r.staffId));
      return rows.length;
    });
    if (removed) this.outbox.kick();
    return this.board(centerId, input.date, ctx.locale, ctx.now);
  }

  /**
   * Replaces a day's board with the last working day's, or the same weekday's a week earlier. Who no
   * longer works here, a counter that serves nothing any more, and a person who can serve none of a
   * counter's services are left out, each with the reason.
   */
  async copy(centerId: string, input: { toDate: string; mode: CopyMode }, ctx: Ctx): Promise<CopyResult> {
    await this.assertEditable(centerId, input.toDate, ctx.now);
    const { cal } = await this.calendar(centerId);
    const fromDate = copySourceDay(cal, input.toDate, input.mode === 'last-working-day' ? 'last_working_day' : 'same_weekday_last_week');
    const db = this.database.db;
    const source = await assignmentRepository.forDay(db, centerId, fromDate);
    const [people, counters, inputs] = await Promise.all([
      assignmentRepository.people(db, source.map((s) => s.staffId)),
      assignmentRepository.countersOfCenter(db, centerId),
      assignmentRepository.skillInputs(db, source.map((s) => s.counterId), source.map((s) => s.staffId)),
    ]);
    const kept: Row[] = [];
    const skipped: CopySkip[] = [];
    for (const s of source) {
      const person = people.find((p) => p.id === s.staffId);
      const label = counters.find((c) => c.id === s.counterId)?.label ?? '';
      const offered = inputs.links.filter((l) => l.counterId === s.counterId).map((l) => ({ id: l.id, name: ctx.locale === 'en' ? l.nameEn : l.nameVi }));
      const missing = missingSkills(offered, inputs.skills.filter((k) => k.staffId === s.staffId).map((k) => k.serviceId));
      const base = { staffId: s.staffId, staffName: person?.fullName ?? '', counterId: s.counterId, counterLabel: label, shift: s.shift };
      const name = base.staffName;
      if (!person?.active || person.homeCenterId !== centerId) {
        skipped.push({ ...base, reason: 'staff_inactive', message: ctx.locale === 'en' ? `${name} no longer works at this center` : `${name} không còn làm việc tại trung tâm` });
      } else if (!offered.length) {
        skipped.push({ ...base, reason: 'counter_closed', message: ctx.locale === 'en' ? `${label} serves no service any more` : `${label} không còn phục vụ dịch vụ nào` });
      } else if (missing.length === offered.length) {
        skipped.push({ ...base, reason: 'skill_missing', message: `${name} — ${label}: ${skillWarning(missing, ctx.locale)}` });
      } else {
        kept.push({ staffId: s.staffId, counterId: s.counterId, workDate: input.toDate, shift: s.shift });
      }
    }
    await db.transaction(async (tx) => {
      const before = await assignmentRepository.forDay(tx, centerId, input.toDate);
      await assignmentRepository.replaceDays(tx, centerId, [input.toDate], kept);
      await auditRepository.append(tx, {
        actorId: ctx.actor.staffId, action: 'assignment.copy_day', entity: 'center', entityId: centerId, before,
        after: { fromDate, toDate: input.toDate, mode: input.mode, copied: kept.length, skipped: skipped.map((s) => ({ staffId: s.staffId, counterId: s.counterId, reason: s.reason })) }, ip: ctx.ip,
      });
      await this.announce(tx, centerId, [input.toDate], [...before.map((b) => b.staffId), ...kept.map((k) => k.staffId)]);
    });
    this.outbox.kick();
    return { ...(await this.board(centerId, input.toDate, ctx.locale, ctx.now)), fromDate, copied: kept.length, skipped };
  }

  /** The staff × day grid of the week holding `start` (default: the week of the next working day), Monday first. */
  async week(centerId: string, start: string | undefined, locale: Locale, now: Date): Promise<AssignmentWeek> {
    const { cal } = await this.calendar(centerId);
    const today = businessDate(now, cal.timeZone);
    const monday = mondayOf(start ?? nextWorkingDay(cal, today));
    const dates = Array.from({ length: 7 }, (_, i) => nextDate(monday, i));
    const db = this.database.db;
    const [rows, staff, counters] = await Promise.all([
      assignmentRepository.forDays(db, centerId, dates[0]!, dates[6]!),
      assignmentRepository.counterStaff(db, centerId),
      assignmentRepository.countersOfCenter(db, centerId),
    ]);
    // Someone on the plan who is no longer a counter officer here still shows, so the grid hides nothing.
    const others = await assignmentRepository.people(db, rows.map((r) => r.staffId).filter((id) => !staff.some((s) => s.id === id)));
    const { links } = await assignmentRepository.skillInputs(db, counters.map((c) => c.id), []);
    return {
      centerId,
      start: monday,
      days: dates.map((date) => ({ date, weekday: isoWeekday(date), workingDay: isWorkingDay(cal, date), editable: date >= today })),
      staff: [...staff, ...others.map((o) => ({ id: o.id, fullName: o.fullName, username: '' }))],
      counters: counters.map((c) => ({ ...c, services: links.filter((l) => l.counterId === c.id).map((l) => (locale === 'en' ? l.nameEn : l.nameVi)) })),
      assignments: rows.map(view),
      warnings: await this.warnings(rows, locale),
    };
  }

  /** Saves a week's plan at once: the days from today on are replaced by `slots`, in one transaction. */
  async saveWeek(centerId: string, input: { start: string; assignments: WeekSlot[] }, ctx: Ctx): Promise<AssignmentWeek> {
    const { cal } = await this.calendar(centerId);
    const today = businessDate(ctx.now, cal.timeZone);
    const monday = mondayOf(input.start);
    const dates = Array.from({ length: 7 }, (_, i) => nextDate(monday, i));
    const editable = dates.filter((d) => d >= today);
    const db = this.database.db;
    const [staff, counters] = await Promise.all([assignmentRepository.counterStaff(db, centerId), assignmentRepository.countersOfCenter(db, centerId)]);
    const issues: Array<{ path: string; message: { vi: string; en: string } }> = [];
    const outsiders = new Set<string>();
    const unknownStaff = input.assignments.map((a) => a.staffId).filter((id) => !staff.some((s) => s.id === id));
    // Any active person of the center may be planned (a manager who also serves), not only officers.
    for (const id of new Set(unknownStaff)) if (!(await assignmentRepository.staffOfCenter(db, id, centerId))) outsiders.add(id);
    input.assignments.forEach((a, i) => {
      const at = (field: string, vi: string, en: string) => issues.push({ path: `body.assignments.${i}.${field}`, message: { vi, en } });
      if (!dates.includes(a.date)) at('date', `Ngày ${dmy(a.date)} không thuộc tuần bắt đầu ${dmy(monday)}`, `${dmy(a.date)} is not in the week starting ${dmy(monday)}`);
      else if (a.date < today) at('date', `Ngày ${dmy(a.date)} đã qua, không thể sửa`, `${dmy(a.date)} is over and cannot be changed`);
      else if (!isWorkingDay(cal, a.date)) at('date', `Ngày ${dmy(a.date)} không phải ngày làm việc của trung tâm`, `${dmy(a.date)} is not a working day of the center`);
      if (!counters.some((c) => c.id === a.counterId)) at('counterId', 'Quầy này không thuộc trung tâm', 'This counter is not in this center');
      if (outsiders.has(a.staffId)) at('staffId', 'Cán bộ này không thuộc trung tâm hoặc đã nghỉ', 'This person does not work at this center or is inactive');
    });
    if (issues.length) throw ApiError.validation(issues);
    const slots = input.assignments.map((a) => ({ staffId: a.staffId, counterId: a.counterId, workDate: a.date, shift: a.shift }));
    const conflicts = planConflicts(slots);
    if (conflicts.length) {
      const names = new Map<string, string>((await assignmentRepository.people(db, slots.map((s) => s.staffId))).map((p) => [p.id, p.fullName]));
      const label = (id: string) => counters.find((c) => c.id === id)?.label ?? '';
      const say = (c: PlanConflict, lang: Locale) => conflictText(c, lang, names, label);
      throw ApiError.conflict(
        { vi: `Lịch tuần bị trùng: ${say(conflicts[0]!, 'vi')}${conflicts.length > 1 ? ` (và ${conflicts.length - 1} chỗ trùng khác)` : ''}`, en: `The week plan clashes: ${say(conflicts[0]!, 'en')}${conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : ''}` },
        conflicts.map((c) => ({ kind: c.kind, date: c.a.workDate, staffIds: [c.a.staffId, c.b.staffId], counterIds: [c.a.counterId, c.b.counterId], shifts: [c.a.shift, c.b.shift], message: say(c, ctx.locale) })),
      );
    }
    await db.transaction(async (tx) => {
      const before = editable.length ? await assignmentRepository.forDays(tx, centerId, editable[0]!, editable.at(-1)!) : [];
      const after = await assignmentRepository.replaceDays(tx, centerId, editable, slots);
      await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'assignment.save_week', entity: 'center', entityId: centerId, before, after: { start: monday, days: editable, assignments: after.map(view) }, ip: ctx.ip });
      await this.announce(tx, centerId, editable, [...before, ...after].map((a) => a.staffId));
    });
    this.outbox.kick();
    return this.week(centerId, monday, ctx.locale, ctx.now);
  }

  async mine(actor: Actor, now: Date) {
    const rows = await assignmentRepository.mine(this.database.db, actor.staffId, businessDate(now));
    return { date: businessDate(now), assignments: rows };
  }

  /** The center's working calendar: its opening hours with the holidays of its unit's calendar. */
  private async calendar(centerId: string): Promise<{ cal: WorkCalendar }> {
    const center = await assignmentRepository.center(this.database.db, centerId);
    if (!center) throw ApiError.notFound({ vi: 'trung tâm này', en: 'This center' });
    const unit = await calendarRepository.forUnit(this.database.db, center.unitId, center.timeZone);
    return { cal: createCalendar({ timeZone: center.timeZone, officeHours: center.openingHours, days: unit.days.values(), ...(unit.schedule ? { schedule: unit.schedule } : {}) }) };
  }

  /** "Thiếu kỹ năng: Hộ tịch, Đất đai" for each person on a counter whose services they lack (once per day and counter). */
  private async warnings(rows: readonly Row[], locale: Locale): Promise<AssignmentBoard['warnings']> {
    const { links, skills } = await assignmentRepository.skillInputs(this.database.db, rows.map((r) => r.counterId), rows.map((r) => r.staffId));
    const seen = new Set<string>();
    const out: AssignmentBoard['warnings'] = [];
    for (const r of rows) {
      const key = `${r.staffId}|${r.counterId}|${r.workDate}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const offered = links.filter((l) => l.counterId === r.counterId).map((l) => ({ id: l.id, name: locale === 'en' ? l.nameEn : l.nameVi }));
      const missing = missingSkills(offered, skills.filter((s) => s.staffId === r.staffId).map((s) => s.serviceId));
      const message = skillWarning(missing, locale);
      if (message) out.push({ staffId: r.staffId, counterId: r.counterId, workDate: r.workDate, missing, message });
    }
    return out;
  }

  /** Past days are history: the board of a day that is over cannot change. */
  private async assertEditable(centerId: string, date: string, now: Date) {
    const center = await assignmentRepository.center(this.database.db, centerId);
    if (date < businessDate(now, center?.timeZone)) throw fieldError('date', { vi: 'Không thể sửa lịch của ngày đã qua', en: 'A day that is over cannot be changed' });
  }

  /** The board and the people on it refetch; written in the command's transaction (realtime outbox). */
  private announce(tx: Tx, centerId: string, dates: readonly string[], staffIds: string[]) {
    const rooms = [Room.center(centerId), ...[...new Set(staffIds)].map((id) => Room.user(id))];
    return this.outbox.add(tx, dates.flatMap((date) => rooms.map((room) => ({ namespace: Namespace.staff, room, event: ServerEvent.assignmentChanged, data: { centerId, date } }))));
  }
}

const view = (r: { id: string; staffId: string; counterId: string; workDate: string; shift: Shift }) => ({ id: r.id, staffId: r.staffId, counterId: r.counterId, workDate: r.workDate, shift: r.shift });

function conflictText(c: PlanConflict, lang: Locale, names: Map<string, string>, label: (id: string) => string): string {
  const w = SHIFT_WORDS[lang];
  const day = dmy(c.a.workDate);
  if (c.kind === 'counter_twice') {
    return lang === 'en'
      ? `${label(c.a.counterId)} has both ${names.get(c.a.staffId)} (${w[c.a.shift]}) and ${names.get(c.b.staffId)} (${w[c.b.shift]}) on ${day}`
      : `${label(c.a.counterId)} có cả ${names.get(c.a.staffId)} (${w[c.a.shift]}) và ${names.get(c.b.staffId)} (${w[c.b.shift]}) ngày ${day}`;
  }
  return lang === 'en'
    ? `${names.get(c.a.staffId)} is on ${label(c.a.counterId)} (${w[c.a.shift]}) and ${label(c.b.counterId)} (${w[c.b.shift]}) on ${day}`
    : `${names.get(c.a.staffId)} vừa ở ${label(c.a.counterId)} (${w[c.a.shift]}) vừa ở ${label(c.b.counterId)} (${w[c.b.shift]}) ngày ${day}`;
}

function fieldError(field: string, message: { vi: string; en: string }) {
  return ApiError.validation([{ path: `body.${field}`, message }], message);
}
