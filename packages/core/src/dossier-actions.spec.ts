import { describe, expect, it } from 'vitest';
import { createCalendar, instantOf } from './calendar.js';
import {
  assigned, assigneeRole, extended, forwarded, forwardStep, obligationNotified, paymentRecorded, processingTransition, resolved, resumeAfterPause, resumed,
  sendBackStep, sentBack, supplementRequested, type ProcessedDossier,
} from './dossier-actions.js';
import { transition } from './dossier-state.js';
import { defaultHolidays } from './holidays.js';

const TZ = 'Asia/Ho_Chi_Minh';
const cal = createCalendar({ timeZone: TZ, days: defaultHolidays(2026) });
const vn = (s: string) => instantOf(s.slice(0, 10), s.slice(11, 16), TZ);

// Office hours 07:30–11:30 and 13:00–17:00, Monday to Friday; 1–12 June 2026 has no holiday.
const steps = [
  { code: 'B1', role: 'intake', durationDays: 0.5 },
  { code: 'B2', role: 'specialist', durationDays: 2 },
  { code: 'B3', role: 'leader', durationDays: 1 },
];
const dossier = (over: Partial<ProcessedDossier> = {}): ProcessedDossier => ({
  status: 'in_process', currentStep: 1, receivedAt: vn('2026-06-01 08:00'), dueAt: vn('2026-06-12 17:00'), stepDueAt: vn('2026-06-03 17:00'),
  extendedDueAt: null, pausedSince: null, supplementCount: 0, flaggedLate: false, deadlineVersion: 3, ...over,
});

describe('which transition a processing action asks for', () => {
  it('assigning starts processing a received dossier and is a handover once in process', () => {
    expect(processingTransition('received', 'assign')).toEqual({ ok: true, to: 'in_process' });
    expect(processingTransition('in_process', 'assign')).toEqual({ ok: true, to: 'in_process' });
    expect(processingTransition('suspended', 'assign')).toEqual({ ...transition('suspended', 'handover'), details: { status: 'suspended', action: 'handover' } });
  });

  it('a payment while awaiting the obligation settles it; the fee is paid in received, in process and resolved without a move', () => {
    expect(processingTransition('awaiting_obligation', 'record_payment')).toEqual({ ok: true, to: 'in_process' });
    for (const status of ['received', 'in_process', 'resolved'] as const) expect(processingTransition(status, 'record_payment')).toEqual({ ok: true, to: status });
  });

  it('a payment in a closed or unaccepted dossier is refused in the words of "record the payment"', () => {
    for (const status of ['withdrawn', 'returned', 'submitted', 'suspended'] as const) {
      const r = processingTransition(status, 'record_payment');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.details).toEqual({ status, action: 'obligation_paid' });
        expect(r.reason.en).toMatch(/^Cannot record the payment/);
      }
    }
  });

  it('an extension is possible only in process, refused elsewhere as a handover would be', () => {
    expect(processingTransition('in_process', 'extend')).toEqual({ ok: true, to: 'in_process' });
    for (const status of ['awaiting_supplement', 'suspended', 'resolved'] as const) {
      const r = processingTransition(status, 'extend');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.details).toEqual({ status, action: 'handover' });
        expect(r.reason.en).toMatch(/^Cannot hand over/);
      }
    }
  });

  it('the other actions ask for the transition of their name', () => {
    expect(processingTransition('in_process', 'forward')).toEqual({ ok: true, to: 'in_process' });
    expect(processingTransition('received', 'send_back')).toMatchObject({ ok: false, details: { action: 'handover' } });
    expect(processingTransition('suspended', 'resume')).toEqual({ ok: true, to: 'in_process' });
    expect(processingTransition('awaiting_supplement', 'supplement_received')).toEqual({ ok: true, to: 'in_process' });
    expect(processingTransition('in_process', 'resolve')).toEqual({ ok: true, to: 'resolved' });
    expect(processingTransition('resolved', 'suspend')).toMatchObject({ ok: false, details: { status: 'resolved', action: 'suspend' } });
  });
});

describe('steps', () => {
  it('assigns the role of the current step, a specialist when the procedure has no steps', () => {
    expect(assigneeRole(steps, 2)).toBe('leader');
    expect(assigneeRole([], 0)).toBe('specialist');
  });

  it('the assignment slip names the current step (numbered from 1) and keeps its due', () => {
    expect(assigned(dossier(), 'in_process', { assigneeId: 's1' })).toEqual({
      patch: { status: 'in_process', assigneeId: 's1' },
      slip: { kind: 'assign', toStatus: 'in_process', toStaffId: 's1', step: 2, stepDueAt: vn('2026-06-03 17:00'), note: null },
    });
  });

  it('forwards to the next step, to another agency at the same step, never past the last', () => {
    expect(forwardStep(steps, 1, false)).toEqual({ ok: true, next: 2, step: steps[2] });
    expect(forwardStep(steps, 2, true)).toEqual({ ok: true, next: 2, step: steps[2] });
    expect(forwardStep(steps, 2, false)).toEqual({ ok: false, reason: { vi: 'Đây là bước cuối của quy trình: hãy ra kết quả', en: 'This is the last step of the process: resolve the dossier' } });
  });

  it('the next step is due its duration after the previous step was due; another agency keeps the due', () => {
    const now = vn('2026-06-02 10:00');
    const next = forwarded(cal, dossier(), now, { to: 'in_process', next: 2, step: steps[2]!, toOtherAgency: false, agency: { id: 'a1', unitId: 'u1' }, assigneeId: null });
    expect(next.patch).toEqual({ status: 'in_process', currentStep: 2, currentAgencyId: 'a1', assigneeId: null, stepDueAt: vn('2026-06-04 17:00') });
    expect(next.slip).toEqual({
      kind: 'forward', toStatus: 'in_process', step: 2, stepDueAt: vn('2026-06-03 17:00'), stepResult: 'early', toUnitId: 'u1', toStaffId: null, note: null,
      data: { toStep: 'B3', nextStepDueAt: vn('2026-06-04 17:00').toISOString() },
    });
    const elsewhere = forwarded(cal, dossier(), now, { to: 'in_process', next: 1, step: steps[1]!, toOtherAgency: true, agency: { id: 'a2', unitId: 'u2' }, assigneeId: 's2' });
    expect(elsewhere.patch.stepDueAt).toEqual(vn('2026-06-03 17:00'));
  });

  it('the next step is never due after the dossier', () => {
    const late = forwarded(cal, dossier({ dueAt: vn('2026-06-04 09:00') }), vn('2026-06-02 10:00'), { to: 'in_process', next: 2, step: steps[2]!, toOtherAgency: false, agency: { id: 'a1', unitId: 'u1' }, assigneeId: null });
    expect(late.patch.stepDueAt).toEqual(vn('2026-06-04 09:00'));
  });

  it('sends back to the previous step, not from the first', () => {
    expect(sendBackStep(steps, 2)).toEqual({ ok: true, back: 1, step: steps[1] });
    expect(sendBackStep(steps, 0)).toEqual({ ok: false, reason: { vi: 'Hồ sơ đang ở bước đầu tiên, không thể trả lại bước trước', en: 'The dossier is at the first step; there is no step to send it back to' } });
  });

  it('the step sent back to is due its duration from now, to the one who did it', () => {
    const now = vn('2026-06-04 10:00');
    const back = sentBack(cal, dossier({ currentStep: 2, stepDueAt: vn('2026-06-04 17:00') }), now, { to: 'in_process', back: 1, step: steps[1]!, previousId: 's1', note: 'thiếu chữ ký' });
    expect(back.patch).toEqual({ status: 'in_process', currentStep: 1, assigneeId: 's1', stepDueAt: vn('2026-06-08 10:00') });
    expect(back.slip).toMatchObject({ kind: 'send_back', step: 3, stepResult: 'on_time', toStaffId: 's1', note: 'thiếu chữ ký', data: { toStep: 'B2' } });
  });
});

describe('pauses', () => {
  it('a second supplement request flags the dossier late for good and stops the clock', () => {
    const now = vn('2026-06-02 10:00');
    expect(supplementRequested(dossier(), 'awaiting_supplement', now, ['CCCD']).patch).toEqual({ status: 'awaiting_supplement', pausedSince: now, supplementCount: 1, flaggedLate: false });
    const second = supplementRequested(dossier({ supplementCount: 1 }), 'awaiting_supplement', now, ['CCCD']);
    expect(second.patch).toMatchObject({ supplementCount: 2, flaggedLate: true });
    expect(second.slip).toEqual({ kind: 'supplement_requested', toStatus: 'awaiting_supplement', data: { missingItems: ['CCCD'], request: 2, flaggedLate: true } });
  });

  it('resuming moves every due by the paused working time and says the new due', () => {
    const d = dossier({ status: 'suspended', pausedSince: vn('2026-06-02 08:00'), extendedDueAt: vn('2026-06-19 17:00') });
    const r = resumed(cal, d, vn('2026-06-03 08:00'), { to: 'in_process', kind: 'resume' });
    expect(r.patch).toEqual({
      status: 'in_process', pausedSince: null, dueAt: vn('2026-06-15 17:00'), stepDueAt: vn('2026-06-04 17:00'), extendedDueAt: vn('2026-06-22 17:00'), deadlineVersion: 4,
    });
    expect(r.slip).toEqual({ kind: 'resume', toStatus: 'in_process', note: null, data: { dueAt: vn('2026-06-15 17:00').toISOString() } });
  });

  it('without a running pause nothing moves', () => {
    expect(resumeAfterPause(cal, dossier(), vn('2026-06-03 08:00'))).toEqual({ pausedSince: null });
  });

  it('an obligation stops the clock only when the procedure says so', () => {
    const now = vn('2026-06-02 10:00');
    expect(obligationNotified('awaiting_obligation', now, { amountVnd: 500000, note: 'lệ phí trước bạ', pausesClock: true }).patch).toEqual({ status: 'awaiting_obligation', pausedSince: now });
    const running = obligationNotified('awaiting_obligation', now, { amountVnd: 500000, note: 'lệ phí trước bạ', pausesClock: false });
    expect(running.patch.pausedSince).toBeNull();
    expect(running.slip).toEqual({ kind: 'obligation_notified', toStatus: 'awaiting_obligation', note: 'lệ phí trước bạ', data: { amountVnd: 500000, pausesClock: false } });
  });
});

describe('payments', () => {
  it('a payment while awaiting the obligation settles it, back in process with the pause ended', () => {
    const d = dossier({ status: 'awaiting_obligation', pausedSince: vn('2026-06-02 08:00') });
    const r = paymentRecorded(cal, d, vn('2026-06-03 08:00'), { to: 'in_process', amountVnd: 500000, method: 'cash' });
    expect(r.purpose).toBe('obligation');
    expect(r.patch).toMatchObject({ status: 'in_process', pausedSince: null, dueAt: vn('2026-06-15 17:00'), deadlineVersion: 4 });
    expect(r.slip).toEqual({
      kind: 'obligation_paid', toStatus: 'in_process', data: { amountVnd: 500000, method: 'cash', online: false, purpose: 'obligation', dueAt: vn('2026-06-15 17:00').toISOString() },
    });
  });

  it('any other payment is the fee and leaves the dossier as it is', () => {
    const r = paymentRecorded(cal, dossier({ status: 'resolved' }), vn('2026-06-03 08:00'), { to: 'resolved', amountVnd: 30000, method: 'bank' });
    expect(r).toEqual({ purpose: 'fee', patch: {}, slip: { kind: 'payment', toStatus: 'resolved', data: { amountVnd: 30000, method: 'bank', online: true, purpose: 'fee' } } });
  });
});

describe('extension and result', () => {
  it('extends once, keeping the original due on the slip', () => {
    const r = extended(cal, dossier(), vn('2026-06-10 10:00'), { newDueAt: vn('2026-06-19 17:00'), reason: 'chờ ý kiến liên ngành' });
    expect(r).toEqual({
      ok: true,
      patch: { extendedDueAt: vn('2026-06-19 17:00'), deadlineVersion: 4 },
      slip: { kind: 'extended', toStatus: 'in_process', note: 'chờ ý kiến liên ngành', data: { originalDueAt: vn('2026-06-12 17:00').toISOString(), newDueAt: vn('2026-06-19 17:00').toISOString() } },
    });
    const again = extended(cal, dossier({ extendedDueAt: vn('2026-06-19 17:00') }), vn('2026-06-10 10:00'), { newDueAt: vn('2026-06-26 17:00'), reason: 'x' });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.reason.en).toMatch(/already extended/);
  });

  it('refuses an extension asked less than a working day before due', () => {
    expect(extended(cal, dossier(), vn('2026-06-12 09:00'), { newDueAt: vn('2026-06-19 17:00'), reason: 'x' }).ok).toBe(false);
  });

  it('the result goes to the return point, judged against the original due; two supplement requests make it late', () => {
    const now = vn('2026-06-05 10:00');
    const r = resolved(cal, dossier({ extendedDueAt: vn('2026-06-19 17:00') }), now, { to: 'resolved', returnUnitId: 'u9', outcome: 'approved' });
    expect(r.patch).toEqual({ status: 'resolved', resolvedAt: now, assigneeId: null });
    expect(r.slip).toEqual({
      kind: 'resolved', toStatus: 'resolved', step: 2, stepDueAt: vn('2026-06-03 17:00'), stepResult: 'late', toUnitId: 'u9', note: null, data: { outcome: 'approved', result: 'early' },
    });
    expect(resolved(cal, dossier({ supplementCount: 2 }), now, { to: 'resolved', returnUnitId: 'u9', outcome: 'refused' }).slip.data).toEqual({ outcome: 'refused', result: 'late' });
  });
});
