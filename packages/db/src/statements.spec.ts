import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import './index.js';
import { statements } from './statement.js';

// Fixed sample arguments of every raw statement; the values only fill parameters ($1, $2, …), the shapes pick the SQL.
const id = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';
const day = '2026-03-02';
const at = new Date('2026-03-02T03:00:00Z');
const tz = 'Asia/Ho_Chi_Minh';
const scoped = { unitIds: [id], centerIds: [other] };
const counts = { from: day, to: '2026-03-31', by: 'competent' as const, unitIds: [id], field: 'Tư pháp' };

const samples: Record<string, unknown[][]> = {
  'readModels.firstDay': [[]],
  'alert.digest': [[id, at, tz]],
  'analytics.lockRollups': [[]],
  'analytics.rollupQueuePer.delete': [[day, day, 'counter'], [day, day, 'officer']],
  'analytics.rollupQueuePer.insert': [[day, day, 'counter'], [day, day, 'officer']],
  'analytics.snapshotClosedDays.drop': [[]],
  'analytics.snapshotClosedDays.create': [[day, day, tz]],
  'analytics.logCorrections': [[day, day]],
  'analytics.rollupDossierDays.delete': [[day, day]],
  'analytics.rollupDossierDays.insert': [[day, day, tz]],
  'analytics.rollupDossierDays.deleteSummed': [[day, day, 'unit'], [day, day, 'channel']],
  'analytics.rollupDossierDays.insertSummed': [[day, day, 'unit'], [day, day, 'channel']],
  'analytics.rollupQueueDays.delete': [[day, day]],
  'analytics.rollupQueueDays.insert': [[day, day]],
  'analytics.dossierCounts': [[{ ...counts, groupBy: 'unit' }], [{ ...counts, groupBy: 'field', by: 'receiving', unitIds: undefined, field: undefined }], [{ ...counts, groupBy: 'channel', field: undefined }]],
  'analytics.dossierTrend': [[{ ...counts, bucket: 'week' }]],
  'analytics.queueHeatmap': [[{ from: day, to: day, unitIds: [id] }]],
  'analytics.queueSums': [[{ from: day, to: day, per: 'center' }], [{ from: day, to: day, unitIds: [id], per: 'counter' }], [{ from: day, to: day, per: 'officer' }]],
  'analytics.overdueDossiers': [[{ unitIds: [id], by: 'competent', now: at, field: 'Tư pháp', procedureId: other, limit: 20 }]],
  'analytics.dossierList': [[{ ...counts, procedureId: other, channel: 'online', keys: ['resolvedLate', 'inProgressOverdue'], limit: 50, offset: 0, timeZone: tz }]],
  'analytics.corrections': [[{ from: day, to: day, unitIds: [id], limit: 20 }]],
  'analytics.units': [[undefined], [[id]]],
  'analytics.unitsAbove': [[[id]]],
  'analytics.activityOf': [[id]],
  'analytics.unitDigests': [[day]],
  'analytics.unitsInScope': [[[id], [other]]],
  'analytics.committeeOf': [[id]],
  'analytics.labels.units': [[]],
  'analytics.labels.procedures': [[]],
  'analytics.labels.fields': [[]],
  'appointment.plannedCounters': [[id, other, day]],
  'appointment.booked': [[id, other, at, at]],
  'appointment.take': [[{ centerId: id, serviceId: other, slotStart: at }, 4]],
  'appointment.release': [[{ centerId: id, serviceId: other, slotStart: at }]],
  'appointment.ofTickets': [[[id, other]]],
  'appointment.expireMissed': [[at]],
  'citizenNotification.purgeTicketContacts': [[at]],
  'citizenNotification.ticketsNearTheFront': [[id, 3]],
  'citizenNotification.aheadOfTicket': [[id]],
  'citizenNotification.eventsWithoutDeliveries': [[{ from: at, before: at, kinds: ['received', 'resolved'], phone: true, email: false, limit: 100 }]],
  'citizenSession.reusableOf': [['001200000001', 100]],
  'device.managers': [[id, other]],
  'document.provinceOf': [[id]],
  'document.reusable': [[{ all: true }, '001200000001', id, 50], [scoped, '001200000001', id, 50]],
  'document.eventsWithoutRecord': [[{ from: at, before: at, kinds: ['received', 'resolved'], limit: 100 }]],
  'dossier.lastActorOfStep': [[id, 2]],
  'dossier.intakeUnits': [[]],
  'dossier.unitExists': [[id]],
  'dossier.servingTicket': [[id, other]],
  'dossier.lockIdempotencyKey': [['key-1']],
  'dossier.events': [[id]],
  'dossier.staffName': [[id]],
  'dossier.roundRobinCandidates': [['specialist', id]],
  'dossier.assignable': [[id]],
  'dossier.staffCoversAgency': [[id, other]],
  'dossier.list': [[{ all: true }, { limit: 50 }], [scoped, { assigneeId: id, status: 'in_process', dueBefore: at, q: 'Nguyễn', limit: 50 }]],
  'floor.counters': [[id, day]],
  'floor.openCountersFor': [[id, other]],
  'floor.transferTargets': [[id, day]],
  'floor.ticketOfCenter': [[id, other]],
  'floor.nextWaiting': [[id, day, 3]],
  'floor.publicCenters': [[]],
  'outbox.lockRelay': [[]],
  'outbox.take': [[100]],
  'outbox.pending': [[]],
  'push.save': [[id, 'https://push.example/1']],
  'push.centerHasFollowers': [[id]],
  'push.nearTheFront': [[id]],
  'remoteTicket.takePlace': [[id, '2026-03-02T09', 10]],
  'scope.place': ['unit', 'center', 'counter', 'service', 'staff', 'device', 'agency', 'priority_category', 'dossier', 'dossier_agency', 'dossier_intake', 'dossier_return'].map((type) => [type, id]),
  'scope.ancestry': [[id]],
  'session.findLiveWithRoles': [['hash', at]],
  'threshold.recipients': [[id]],
  'ticket.issue': [[{ centerId: id, serviceId: other, businessDate: day, prefix: 'A' }, [
    { priorityCategoryId: null, arrivedAt: at, trackingCode: 'T1', actorId: null },
    { priorityCategoryId: other, arrivedAt: at, trackingCode: 'T2', actorId: id, appointmentAt: at },
  ]]],
  'ticket.recentServiceMs': [[id, [other], 20]],
  'ticket.aheadOf': [[{ centerId: id, serviceId: other, businessDate: day, arrivedAt: at, number: 7, id }]],
  'ticket.lockCandidates': [[{ centerId: id, businessDate: day, counterId: other, serviceIds: [other] }]],
  'ticket.counterStats': [[id, day]],
  'ticket.serviceStats': [[id, day]],
  'ticket.lastUnrated': [[id, at]],
  'ticket.rate': [[{ ticketId: id, counterId: other, level: 'satisfied', reason: null }]],
  'ticket.expirePastDays': [[at]],
  'unit.isInSubtree': [[id, other]],
};

/** The statement's text without the indentation of the source it sits in. */
function text(sqlText: string): string {
  const lines = sqlText.trim().split('\n').map((l) => l.trimEnd());
  const indent = Math.min(...lines.slice(1).filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l, i) => (i === 0 ? l : l.slice(indent))).join('\n');
}

describe('raw SQL statements', () => {
  it('has a sample for each statement and no other', () => {
    expect(Object.keys(samples).sort()).toEqual([...statements.keys()].sort());
  });

  // A changed statement changes this file: review the diff, then `vitest -u` to accept it.
  it('renders each statement as reviewed', async () => {
    const dialect = new PgDialect();
    const rendered = [...statements]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([name, build]) => (samples[name] ?? []).map((args) => `-- ${name}\n${text(dialect.sqlToQuery(build(...(args as never))).sql)};\n`))
      .join('\n');
    await expect(rendered).toMatchFileSnapshot('./__snapshots__/statements.sql');
  });
});
