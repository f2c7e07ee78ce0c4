import { DossierStatus } from '@motcua/contracts';
import { describe, expect, it } from 'vitest';
import { allowedActions, isTerminal, nationalStatusCode, transition, type DossierAction } from './dossier-state.js';

const allowed: Array<[DossierStatus, DossierAction, DossierStatus]> = [
  ['submitted', 'accept', 'received'],
  ['submitted', 'request_intake_supplement', 'intake_supplement'],
  ['submitted', 'refuse_at_intake', 'refused_at_intake'],
  ['intake_supplement', 'accept', 'received'],
  ['intake_supplement', 'refuse_at_intake', 'refused_at_intake'],
  ['received', 'start_processing', 'in_process'],
  ['in_process', 'handover', 'in_process'],
  ['in_process', 'request_supplement', 'awaiting_supplement'],
  ['awaiting_supplement', 'supplement_received', 'in_process'],
  ['in_process', 'notify_obligation', 'awaiting_obligation'],
  ['awaiting_obligation', 'obligation_paid', 'in_process'],
  ['in_process', 'suspend', 'suspended'],
  ['suspended', 'resume', 'in_process'],
  ['in_process', 'resolve', 'resolved'],
  ['resolved', 'return_result', 'returned'],
  ...(['submitted', 'intake_supplement', 'received', 'in_process', 'awaiting_supplement', 'awaiting_obligation', 'suspended'] as const).flatMap(
    (s) => [[s, 'withdraw', 'withdrawn'], [s, 'stop', 'stopped']] as Array<[DossierStatus, DossierAction, DossierStatus]>,
  ),
];

describe('dossier state machine', () => {
  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(transition(from, action)).toEqual({ ok: true, to });
  });

  it('rejects every other pair with a reason in both languages', () => {
    const ok = new Set(allowed.map(([f, a]) => `${f}:${a}`));
    let rejected = 0;
    for (const from of DossierStatus) {
      for (const action of Object.keys(Object.fromEntries(allowed.map(([, a]) => [a, 1]))) as DossierAction[]) {
        if (ok.has(`${from}:${action}`)) continue;
        const r = transition(from, action);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.reason.vi).toMatch(/^Không thể /);
          expect(r.reason.en).toMatch(/^Cannot /);
        }
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(100);
  });

  it('explains a resolved dossier cannot be withdrawn and a returned one is final', () => {
    const r = transition('resolved', 'withdraw');
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.reason.en).toContain('resolved');
    const f = transition('returned', 'handover');
    if (!f.ok) expect(f.reason.en).toContain('final state');
    expect(isTerminal('returned')).toBe(true);
    expect(isTerminal('resolved')).toBe(false);
  });

  it('lists the actions allowed now and maps to national codes', () => {
    expect(allowedActions('resolved')).toEqual(['return_result']);
    expect(nationalStatusCode.awaiting_supplement).toBe(5);
    expect(nationalStatusCode.returned).toBe(10);
  });
});
