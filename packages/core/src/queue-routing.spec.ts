import { describe, expect, it } from 'vitest';
import { pickNextTicket, type WaitingTicket } from './queue-routing.js';
import { estimateWait } from './wait-estimate.js';

const now = new Date('2026-03-10T03:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const t = (id: string, serviceId: string, waitedMin: number, priorityWeight?: number): WaitingTicket => ({ id, serviceId, arrivedAt: ago(waitedMin), priorityWeight });
const profile = { services: [{ serviceId: 'A', weight: 1 }] };

describe('pickNextTicket', () => {
  it('serves only services of the counter profile, oldest first', () => {
    const tickets = [t('b1', 'B', 50), t('a2', 'A', 5), t('a1', 'A', 10)];
    expect(pickNextTicket(tickets, profile, { normalsSinceLastPriority: 0, priorityRatio: 2 }, now)?.id).toBe('a1');
    expect(pickNextTicket([t('b1', 'B', 50)], profile, { normalsSinceLastPriority: 0, priorityRatio: 2 }, now)).toBeUndefined();
  });

  it('prefers the heavier service but lets a long wait in a lighter one age up', () => {
    const weighted = { services: [{ serviceId: 'A', weight: 3 }, { serviceId: 'B', weight: 1 }] };
    const state = { normalsSinceLastPriority: 0, priorityRatio: 2 };
    expect(pickNextTicket([t('a', 'A', 5), t('b', 'B', 10)], weighted, state, now)?.id).toBe('a');
    expect(pickNextTicket([t('a', 'A', 5), t('b', 'B', 40)], weighted, state, now)?.id).toBe('b');
  });

  it('interleaves priority tickets 2 normal : 1 priority and never starves the normal line', () => {
    const waiting = [
      ...Array.from({ length: 6 }, (_, i) => t(`n${i}`, 'A', 60 - i)),
      ...Array.from({ length: 6 }, (_, i) => t(`p${i}`, 'A', 30 - i, 2)),
    ];
    const order: string[] = [];
    let normals = 2; // the first call may take a priority ticket
    for (let i = 0; i < 9; i++) {
      const next = pickNextTicket(waiting.filter((w) => !order.includes(w.id)), profile, { normalsSinceLastPriority: normals, priorityRatio: 2 }, now)!;
      order.push(next.id);
      normals = next.priorityWeight ? 0 : normals + 1;
    }
    expect(order.map((id) => id[0]).join('')).toBe('pnnpnnpnn');
    expect(order.filter((id) => id.startsWith('n'))).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5']);
  });

  it('serves priority tickets when nobody normal waits, and normal ones when no priority waits', () => {
    const state = { normalsSinceLastPriority: 0, priorityRatio: 2 };
    expect(pickNextTicket([t('p', 'A', 1, 2)], profile, state, now)?.id).toBe('p');
    expect(pickNextTicket([t('n', 'A', 1)], profile, { ...state, normalsSinceLastPriority: 5 }, now)?.id).toBe('n');
  });
});

describe('estimateWait', () => {
  it('shares the people ahead among open counters at the recent service time', () => {
    const e = estimateWait({ peopleAhead: 9, openCounters: 3, recentServiceMs: Array(20).fill(10 * 60_000), typicalServiceMinutes: 5 });
    expect(e.peopleAhead).toBe(9);
    // 9.5 people × 10 min / 3 counters ≈ 31.7 min
    expect(e.minMinutes).toBe(23);
    expect(e.maxMinutes).toBe(42);
  });

  it('leans on the typical time while there are few measurements', () => {
    const few = estimateWait({ peopleAhead: 4, openCounters: 1, recentServiceMs: [60 * 60_000], typicalServiceMinutes: 5 });
    // (60 + 19×5)/20 = 7.75 min average
    expect(few.maxMinutes).toBe(Math.ceil(4.5 * 7.75 * 1.3));
  });

  it('treats a closed service as one counter, so the estimate stays finite', () => {
    const e = estimateWait({ peopleAhead: 2, openCounters: 0, recentServiceMs: [], typicalServiceMinutes: 10 });
    expect(e.maxMinutes).toBe(Math.ceil(2.5 * 10 * 1.3));
  });
});

describe('pickNextTicket with appointments', () => {
  const state = { normalsSinceLastPriority: 5, priorityRatio: 2 };
  const booked = (id: string, waitedMin: number, slotMinAgo: number): WaitingTicket => ({ ...t(id, 'A', waitedMin), appointmentAt: ago(slotMinAgo) });
  it('calls an on-time appointment before earlier walk-ins and priority tickets, earliest slot first', () => {
    const waiting = [t('walk', 'A', 40), t('prio', 'A', 30, 2), booked('late-slot', 2, 0), booked('early-slot', 1, 10)];
    expect(pickNextTicket(waiting, profile, state, now)?.id).toBe('early-slot');
    expect(pickNextTicket(waiting.filter((x) => x.id !== 'early-slot'), profile, state, now)?.id).toBe('late-slot');
  });
  it('ignores appointments of services the counter does not serve', () => {
    const waiting = [t('walk', 'A', 40), { ...t('other', 'B', 1), appointmentAt: now }];
    expect(pickNextTicket(waiting, profile, state, now)?.id).toBe('walk');
  });
});
