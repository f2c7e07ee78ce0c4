import type { Center, Counter, Service } from '@motcua/contracts';
import type { Center as CenterRow, CounterWithProfile, PriorityCategory, Service as ServiceRow } from '@motcua/db';

export const toCenter = (c: CenterRow): Center => ({
  id: c.id,
  code: c.code,
  name: c.name,
  unitId: c.unitId,
  timeZone: c.timeZone,
  openingHours: c.openingHours,
  address: c.address,
  allowCallSpecific: c.allowCallSpecific,
  priorityRatio: c.priorityRatio,
  noShowAfterRecalls: c.noShowAfterRecalls,
  appointmentSlotMinutes: c.appointmentSlotMinutes,
  appointmentsPerCounter: c.appointmentsPerCounter,
  appointmentOnTimeMinutes: c.appointmentOnTimeMinutes,
  appointmentBookingDays: c.appointmentBookingDays,
  remotePerHour: c.remotePerHour,
  remoteStopMinutes: c.remoteStopMinutes,
  remoteConfirmMinutes: c.remoteConfirmMinutes,
});

export const toService = (s: ServiceRow): Service => ({
  id: s.id,
  centerId: s.centerId,
  code: s.code,
  nameVi: s.nameVi,
  nameEn: s.nameEn,
  ticketPrefix: s.ticketPrefix,
  typicalServiceMinutes: s.typicalServiceMinutes,
  field: s.field,
  isOpen: s.isOpen,
  sortOrder: s.sortOrder,
});

export const toCounter = (c: CounterWithProfile): Counter => ({ id: c.id, centerId: c.centerId, label: c.label, number: c.number, state: c.state, services: c.services });

export const toPriority = (p: PriorityCategory) => ({ id: p.id, centerId: p.centerId, code: p.code, nameVi: p.nameVi, nameEn: p.nameEn, weight: p.weight });
