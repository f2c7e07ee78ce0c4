import type { DossierDetail, DossierStatus, DossierSummary } from '@motcua/contracts';
import { isDueSoon, isTerminal, nationalStatusCode, type WorkCalendar } from '@motcua/core';
import type { Dossier, ListRow } from '@motcua/db';

const DONE: ReadonlySet<DossierStatus> = new Set(['resolved', 'returned']);

export const iso = (v: Date | string | null | undefined): string | null => (v === null || v === undefined ? null : new Date(v).toISOString());

/** Overdue is derived, not a state: past due while no result exists. Due soon: less than one working day of office time left (core isDueSoon). */
export function dueFlags(cal: WorkCalendar, status: DossierStatus, dueAt: Date | string | null, now: Date) {
  if (!dueAt || isTerminal(status) || DONE.has(status)) return { overdue: false, dueSoon: false };
  const due = new Date(dueAt);
  if (now.getTime() > due.getTime()) return { overdue: true, dueSoon: false };
  return { overdue: false, dueSoon: isDueSoon(cal, due, now) };
}

export function summaryOfRow(row: ListRow, cal: WorkCalendar, now: Date): DossierSummary {
  const status = row.status as DossierStatus;
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    status,
    nationalCode: nationalStatusCode[status],
    channel: row.channel as DossierSummary['channel'],
    applicantName: row.applicant_name,
    applicantPhone: row.applicant_phone,
    receivedAt: iso(row.received_at),
    dueAt: iso(row.due_at),
    extendedDueAt: iso(row.extended_due_at),
    stepDueAt: iso(row.step_due_at),
    ...dueFlags(cal, status, row.due_at, now),
    flaggedLate: row.flagged_late,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    agency: { id: row.agency_id, name: row.agency_name },
  };
}

export function summaryOfDossier(d: Dossier, names: { agency: string; assignee: string | null }, cal: WorkCalendar, now: Date): DossierSummary {
  return {
    id: d.id,
    code: d.code,
    title: d.title,
    status: d.status,
    nationalCode: nationalStatusCode[d.status],
    channel: d.channel,
    applicantName: d.applicantName,
    applicantPhone: d.applicantPhone,
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    extendedDueAt: iso(d.extendedDueAt),
    stepDueAt: iso(d.stepDueAt),
    ...dueFlags(cal, d.status, d.dueAt, now),
    flaggedLate: d.flaggedLate,
    assignee: d.assigneeId ? { id: d.assigneeId, name: names.assignee ?? '' } : null,
    agency: { id: d.agencyId, name: names.agency },
  };
}

export type DetailExtras = Omit<DossierDetail, keyof DossierSummary | 'applicantIdNumber' | 'ticketId' | 'currentStep' | 'supplementCount' | 'deadlineVersion'>;
