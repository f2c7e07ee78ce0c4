import { Namespace, Room, ServerEvent, type AssignmentBoard, type Locale } from '@motcua/contracts';
import { businessDate, DEFAULT_TIME_ZONE } from '@motcua/core';
import { assignmentRepository, auditRepository, type DatabaseHandle, type Tx } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { RealtimeOutbox } from '../../infra/realtime-outbox.js';
import { DATABASE } from '../../infra/tokens.js';

type Ctx = { actor: Actor; locale: Locale; ip?: string };

/** The day board a manager builds; the counter workstation enforces it. */
@Injectable()
export class AssignmentsService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(RealtimeOutbox) private readonly outbox: RealtimeOutbox,
  ) {}

  async board(centerId: string, date: string, locale: Locale): Promise<AssignmentBoard> {
    const rows = await assignmentRepository.forDay(this.database.db, centerId, date);
    const overlap = await assignmentRepository.skillOverlap(this.database.db, rows.map((r) => ({ staffId: r.staffId, counterId: r.counterId })));
    return {
      centerId,
      date,
      assignments: rows.map((r) => ({ id: r.id, staffId: r.staffId, counterId: r.counterId, workDate: r.workDate, shift: r.shift })),
      warnings: overlap
        .filter((o) => o.shared === 0)
        .map((o) => ({
          counterId: o.counterId,
          staffId: o.staffId,
          message: locale === 'en' ? 'This person has no skill for any service of this counter' : 'Cán bộ chưa có kỹ năng phục vụ dịch vụ nào của quầy này',
        })),
    };
  }

  async assign(centerId: string, input: { date: string; counterId: string; staffId: string }, ctx: Ctx): Promise<AssignmentBoard> {
    await this.assertEditable(centerId, input.date);
    const db = this.database.db;
    if (!(await assignmentRepository.counterOfCenter(db, input.counterId, centerId))) throw fieldError('counterId', { vi: 'Quầy này không thuộc trung tâm', en: 'This counter is not in this center' });
    if (!(await assignmentRepository.staffOfCenter(db, input.staffId, centerId))) throw fieldError('staffId', { vi: 'Cán bộ này không thuộc trung tâm hoặc đã nghỉ', en: 'This person does not work at this center or is inactive' });
    const before = await assignmentRepository.forDay(db, centerId, input.date);
    await db.transaction(async (tx) => {
      const row = await assignmentRepository.assign(tx, { staffId: input.staffId, counterId: input.counterId, workDate: input.date });
      await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'assignment.assign', entity: 'assignment', entityId: row.id, before: before.filter((a) => a.counterId === input.counterId || a.staffId === input.staffId), after: row, ip: ctx.ip });
      await this.announce(tx, centerId, input.date, [input.staffId, ...before.filter((a) => a.counterId === input.counterId).map((a) => a.staffId)]);
    });
    this.outbox.kick();
    return this.board(centerId, input.date, ctx.locale);
  }

  async unassign(centerId: string, input: { date: string; counterId: string }, ctx: Ctx): Promise<AssignmentBoard> {
    await this.assertEditable(centerId, input.date);
    const removed = await this.database.db.transaction(async (tx) => {
      const row = await assignmentRepository.unassign(tx, input.counterId, input.date);
      if (row) {
        await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'assignment.unassign', entity: 'assignment', entityId: row.id, before: row, after: null, ip: ctx.ip });
        await this.announce(tx, centerId, input.date, [row.staffId]);
      }
      return row;
    });
    if (removed) this.outbox.kick();
    return this.board(centerId, input.date, ctx.locale);
  }

  async copy(centerId: string, input: { fromDate: string; toDate: string }, ctx: Ctx): Promise<AssignmentBoard> {
    await this.assertEditable(centerId, input.toDate);
    const db = this.database.db;
    const before = await assignmentRepository.forDay(db, centerId, input.toDate);
    await db.transaction(async (tx) => {
      const copied = await assignmentRepository.copyDay(tx, centerId, input.fromDate, input.toDate);
      await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'assignment.copy_day', entity: 'center', entityId: centerId, before, after: { fromDate: input.fromDate, toDate: input.toDate, copied }, ip: ctx.ip });
      const after = await assignmentRepository.forDay(tx, centerId, input.toDate);
      await this.announce(tx, centerId, input.toDate, [...before, ...after].map((a) => a.staffId));
    });
    this.outbox.kick();
    return this.board(centerId, input.toDate, ctx.locale);
  }

  async mine(actor: Actor, now = new Date()) {
    const date = businessDate(now, DEFAULT_TIME_ZONE);
    const rows = await assignmentRepository.mine(this.database.db, actor.staffId, date);
    return { date, assignments: rows };
  }

  /** Past days are history: the board of a day that is over cannot change. */
  private async assertEditable(centerId: string, date: string, now = new Date()) {
    const tz = (await assignmentRepository.centerTimeZone(this.database.db, centerId)) ?? DEFAULT_TIME_ZONE;
    if (date < businessDate(now, tz)) throw fieldError('date', { vi: 'Không thể sửa lịch của ngày đã qua', en: 'A day that is over cannot be changed' });
  }

  /** The board and the people on it refetch; written in the command's transaction (realtime outbox). */
  private announce(tx: Tx, centerId: string, date: string, staffIds: string[]) {
    const data = { centerId, date };
    const rooms = [Room.center(centerId), ...[...new Set(staffIds)].map((id) => Room.user(id))];
    return this.outbox.add(tx, rooms.map((room) => ({ namespace: Namespace.staff, room, event: ServerEvent.assignmentChanged, data })));
  }
}

function fieldError(field: string, message: { vi: string; en: string }) {
  return ApiError.validation([{ path: `body.${field}`, message }], message);
}
