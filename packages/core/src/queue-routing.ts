/** A waiting ticket as routing sees it: no personal data, just what decides the order. */
export interface WaitingTicket {
  id: string;
  serviceId: string;
  arrivedAt: Date;
  /** Weight of its priority category; absent for the normal line. */
  priorityWeight?: number;
  /** Slot of an appointment checked in on time: such tickets go first, earliest slot first. */
  appointmentAt?: Date;
}

export interface CounterProfile {
  /** Services this counter may serve, with a preference weight (higher = preferred). */
  services: ReadonlyArray<{ serviceId: string; weight: number }>;
}

export interface RoutingState {
  /** Normal tickets this counter called since its last priority ticket. */
  normalsSinceLastPriority: number;
  /** Normal tickets served for every priority ticket (the center's ratio, default 2). */
  priorityRatio: number;
}

/**
 * Which waiting ticket a counter calls next (docs/domain.md "Routing and priority"):
 * only services of its profile; among them the longest wait scaled by the
 * service's weight, so a preferred service goes first but an unpreferred one
 * ages up instead of starving. Priority tickets interleave: one after every
 * `priorityRatio` normal calls, and only then, so the normal line never starves.
 * Appointments checked in on time come before both lines, earliest slot first
 * (late ones were issued as walk-ins and carry no slot).
 */
export function pickNextTicket(tickets: readonly WaitingTicket[], profile: CounterProfile, state: RoutingState, now: Date): WaitingTicket | undefined {
  const weights = new Map(profile.services.map((s) => [s.serviceId, s.weight]));
  const eligible = tickets.filter((t) => weights.has(t.serviceId));
  const score = (t: WaitingTicket) => (now.getTime() - t.arrivedAt.getTime() + 60_000) * weights.get(t.serviceId)! * (t.priorityWeight ?? 1);
  const best = (list: WaitingTicket[]) =>
    list.reduce<WaitingTicket | undefined>((top, t) => {
      if (!top) return t;
      const diff = score(t) - score(top);
      return diff > 0 || (diff === 0 && t.arrivedAt < top.arrivedAt) ? t : top;
    }, undefined);

  const booked = eligible.filter((t) => t.appointmentAt !== undefined);
  const slot = (t: WaitingTicket) => t.appointmentAt!.getTime();
  if (booked.length) return booked.reduce((a, b) => (slot(b) < slot(a) || (slot(b) === slot(a) && b.arrivedAt < a.arrivedAt) ? b : a));
  const priority = eligible.filter((t) => t.priorityWeight !== undefined);
  const normal = eligible.filter((t) => t.priorityWeight === undefined);
  const priorityTurn = state.normalsSinceLastPriority >= state.priorityRatio;
  if (priority.length && (priorityTurn || !normal.length)) return best(priority);
  return best(normal) ?? best(priority);
}
