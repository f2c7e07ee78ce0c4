import type { Workstation } from '@motcua/contracts';
import { describe, expect, it } from 'vitest';
import { counterActions } from './counter-actions.js';

const id = (n: number) => `0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a${String(n).padStart(2, '0')}`;
const ws = (allowedActions: Workstation['allowedActions'], state: Workstation['counter']['state'] = 'open'): Workstation => ({
  counter: { id: id(3), centerId: id(4), label: 'Quầy 1', number: 1, state, services: [{ serviceId: id(2), weight: 3 }] },
  centerName: 'TT', timeZone: 'Asia/Ho_Chi_Minh', allowCallSpecific: true, noShowAfterRecalls: 3, current: null, waiting: [], waitingTotal: 2, servedToday: 0,
  services: [{ serviceId: id(2), nameVi: 'A', nameEn: 'A', ticketPrefix: 'A', isOpen: true, waiting: 2, field: 'ho_tich' }], otherCounters: [{ id: id(5), label: 'Quầy 2', number: 2, state: 'open' }],
  allowedActions,
});
const enabled = (w: Workstation) => Object.entries(counterActions(w)).filter(([, on]) => on).map(([a]) => a).sort();

describe('counterActions', () => {
  it('enables exactly the actions the API allows, whatever else the snapshot suggests', () => {
    // People wait and calling a chosen ticket is allowed, but the counter is closed: the API allows only "open".
    expect(enabled(ws(['open'], 'closed'))).toEqual(['open']);
    expect(enabled(ws(['callNext', 'pause', 'close']))).toEqual(['callNext', 'close', 'pause']);
    expect(enabled(ws([]))).toEqual([]);
  });
});
