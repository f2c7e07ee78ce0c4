import type { QueueTicket, Workstation } from '@motcua/contracts';
import { describe, expect, it } from 'vitest';
import { counterActions } from './counter-actions.js';

const id = (n: number) => `0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a${String(n).padStart(2, '0')}`;
const ticket = (status: QueueTicket['status']): QueueTicket => ({
  id: id(1), code: 'A001', serviceId: id(2), status, priority: false, arrivedAt: '2026-11-25T01:00:00Z', calledAt: null, servingAt: null, recallCount: 0, transferred: false, appointmentAt: null, appointmentOnTime: false,
});
const ws = (over: Partial<Workstation> = {}, state: Workstation['counter']['state'] = 'open'): Workstation => ({
  counter: { id: id(3), centerId: id(4), label: 'Quầy 1', number: 1, state, services: [{ serviceId: id(2), weight: 3 }] },
  centerName: 'TT', timeZone: 'Asia/Ho_Chi_Minh', allowCallSpecific: false, noShowAfterRecalls: 3, current: null, waiting: [], waitingTotal: 2, servedToday: 0,
  services: [{ serviceId: id(2), nameVi: 'A', nameEn: 'A', ticketPrefix: 'A', isOpen: true, waiting: 2 }], otherCounters: [{ id: id(5), label: 'Quầy 2', number: 2, state: 'open' }],
  ...over,
});
const enabled = (w: Workstation) => Object.entries(counterActions(w)).filter(([, on]) => on).map(([a]) => a).sort();

describe('counterActions', () => {
  it('an open idle counter calls next, pauses or closes; calling a chosen ticket only where allowed', () => {
    expect(enabled(ws())).toEqual(['callNext', 'close', 'pause']);
    expect(enabled(ws({ allowCallSpecific: true }))).toContain('callSpecific');
    expect(counterActions(ws({ waitingTotal: 0 })).callNext).toBe(false);
  });

  it('a called ticket can be recalled, started or marked no-show, but nothing new called and the counter not closed', () => {
    expect(enabled(ws({ current: ticket('called') }, 'serving'))).toEqual(['noShow', 'recall', 'start']);
  });

  it('after as many recalls as the center allows, calling the next ticket is possible again (the API marks the old one no-show)', () => {
    expect(counterActions(ws({ current: { ...ticket('called'), recallCount: 2 } }, 'serving')).callNext).toBe(false);
    expect(counterActions(ws({ current: { ...ticket('called'), recallCount: 3 } }, 'serving')).callNext).toBe(true);
  });

  it('a ticket being served can be finished or transferred', () => {
    expect(enabled(ws({ current: ticket('serving') }, 'serving'))).toEqual(['done', 'transfer']);
    expect(counterActions(ws({ current: ticket('serving'), otherCounters: [] }, 'serving')).transfer).toBe(false);
  });

  it('a paused or closed counter can only be opened (or closed when paused)', () => {
    expect(enabled(ws({}, 'paused'))).toEqual(['close', 'open']);
    expect(enabled(ws({}, 'closed'))).toEqual(['open']);
  });
});
