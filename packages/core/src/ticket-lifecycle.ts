import type { CounterAction, CounterState, TicketStatus } from '@motcua/contracts';

/**
 * The queue ticket lifecycle (docs/domain.md "Queue tickets"), like the dossier state machine:
 *
 *   waiting → called → serving → done
 *   called → called (recall, at most `maxRecalls` times) → no_show (by hand, or automatically
 *            when the counter calls the next number after the last recall)
 *   serving → transferred (a waiting copy keeps the number and the arrival time)
 *   waiting → cancelled | expired (end of day)
 *
 * and what each button of a counter does to the counter: calling makes it `serving`; finishing,
 * no-show and transfer make it `open` again; a counter pauses or closes only with nothing in hand,
 * and closing it sends the tickets transferred to it back to their service's line (they keep
 * their arrival time). The API decides with `decideCounterAction` and sends
 * `allowedCounterActions` to the workstation, which draws its buttons from that list.
 */

import type { Bilingual } from './indicator-definitions.js';

export type TicketEvent = 'call' | 'recall' | 'start' | 'finish' | 'no_show' | 'transfer' | 'cancel' | 'expire';

const ticketRules: Record<TicketEvent, { from: readonly TicketStatus[]; to: TicketStatus }> = {
  call: { from: ['waiting'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  finish: { from: ['serving'], to: 'done' },
  no_show: { from: ['called'], to: 'no_show' },
  transfer: { from: ['serving'], to: 'transferred' },
  cancel: { from: ['waiting'], to: 'cancelled' },
  expire: { from: ['waiting'], to: 'expired' },
};

const TICKET_FINAL: ReadonlySet<TicketStatus> = new Set(['done', 'no_show', 'transferred', 'cancelled', 'expired']);

export const ticketStatusName: Record<TicketStatus, Bilingual> = {
  waiting: { vi: 'đang chờ', en: 'waiting' },
  called: { vi: 'đã gọi', en: 'called' },
  serving: { vi: 'đang phục vụ', en: 'being served' },
  done: { vi: 'đã xong', en: 'done' },
  no_show: { vi: 'vắng mặt', en: 'a no-show' },
  transferred: { vi: 'đã chuyển', en: 'transferred' },
  cancelled: { vi: 'đã huỷ', en: 'cancelled' },
  expired: { vi: 'hết hạn', en: 'expired' },
};

const eventName: Record<TicketEvent, Bilingual> = {
  call: { vi: 'gọi', en: 'call' },
  recall: { vi: 'gọi lại', en: 'recall' },
  start: { vi: 'bắt đầu phục vụ', en: 'start serving' },
  finish: { vi: 'hoàn thành', en: 'finish' },
  no_show: { vi: 'đánh dấu vắng mặt', en: 'mark as no-show' },
  transfer: { vi: 'chuyển', en: 'transfer' },
  cancel: { vi: 'huỷ', en: 'cancel' },
  expire: { vi: 'đóng cuối ngày', en: 'expire' },
};

export function isTicketFinal(status: TicketStatus): boolean {
  return TICKET_FINAL.has(status);
}

/** Where an event takes one ticket, or why it cannot (in both languages). */
export function ticketTransition(from: TicketStatus, event: TicketEvent): { ok: true; to: TicketStatus } | { ok: false; reason: Bilingual } {
  const rule = ticketRules[event];
  if (rule.from.includes(from)) return { ok: true, to: rule.to };
  const need = rule.from.map((s) => ticketStatusName[s]);
  return {
    ok: false,
    reason: {
      vi: `Không thể ${eventName[event].vi} vé ${ticketStatusName[from].vi}: chỉ ${eventName[event].vi} được vé ${need.map((s) => s.vi).join(' hoặc ')}.`,
      en: `Cannot ${eventName[event].en} a ticket that is ${ticketStatusName[from].en}: only a ticket that is ${need.map((s) => s.en).join(' or ')} can.`,
    },
  };
}

/** What a counter looks like when someone presses a button. */
export interface CounterSituation {
  state: CounterState;
  /** The ticket in hand (called or being served), if any. */
  current: { code: string; status: TicketStatus; recallCount: number } | null;
  /** How many recalls the center allows before the ticket counts as a no-show. */
  maxRecalls: number;
  allowCallSpecific: boolean;
}

/** What the allowed button does; the queue service writes exactly this. */
export type CounterEffect =
  | { action: 'callNext' | 'callSpecific'; ticket: 'called'; counter: 'serving'; previousNoShow: boolean }
  | { action: 'recall'; ticket: 'called'; counter: null }
  | { action: 'start'; ticket: 'serving'; counter: null }
  | { action: 'done'; ticket: 'done'; counter: 'open' }
  | { action: 'noShow'; ticket: 'no_show'; counter: 'open' }
  | { action: 'transfer'; ticket: 'transferred'; counter: 'open' }
  | { action: 'pause'; ticket: null; counter: 'paused' }
  | { action: 'open'; ticket: null; counter: 'open' | 'serving' }
  | { action: 'close'; ticket: null; counter: 'closed'; releaseTargeted: true };

export type CounterDecision = { ok: true; effect: CounterEffect } | { ok: false; reason: Bilingual; code: 'invalid_transition' | 'forbidden' };

const refuse = (vi: string, en: string, code: 'invalid_transition' | 'forbidden' = 'invalid_transition'): CounterDecision => ({ ok: false, reason: { vi, en }, code });

/** Whether the counter may do `action` now, and what it does; the reason says what to do instead. */
export function decideCounterAction(s: CounterSituation, action: CounterAction): CounterDecision {
  const t = s.current;
  switch (action) {
    case 'callNext':
    case 'callSpecific': {
      if (s.state === 'closed' || s.state === 'paused') {
        return s.state === 'closed'
          ? refuse('Quầy đang đóng: hãy bấm "Mở quầy" trước khi gọi số.', 'The counter is closed: press "Open counter" before calling a number.')
          : refuse('Quầy đang tạm dừng: hãy bấm "Mở quầy" trước khi gọi số.', 'The counter is paused: press "Open counter" before calling a number.');
      }
      if (action === 'callSpecific' && !s.allowCallSpecific) {
        return refuse('Trung tâm không cho phép gọi số theo lựa chọn; hãy dùng "Gọi số tiếp theo".', 'This center does not allow calling a chosen ticket; use "Call next".', 'forbidden');
      }
      if (t?.status === 'serving') return refuse(`Hãy hoàn thành hoặc chuyển vé ${t.code} trước khi gọi số mới.`, `Finish or transfer ticket ${t.code} before calling another.`);
      if (t?.status === 'called' && t.recallCount < s.maxRecalls) {
        return refuse(`Vé ${t.code} vẫn đang được mời: bắt đầu phục vụ, gọi lại, hoặc đánh dấu vắng mặt.`, `Ticket ${t.code} is still called: start serving, recall it, or mark it as no-show.`);
      }
      // Recalled as often as the center allows: the absent citizen becomes a no-show.
      return { ok: true, effect: { action, ticket: 'called', counter: 'serving', previousNoShow: t?.status === 'called' } };
    }
    case 'recall':
      if (t?.status !== 'called') return refuse('Không có vé nào đang được mời để gọi lại.', 'No ticket is being called, so there is nothing to recall.');
      if (t.recallCount >= s.maxRecalls) {
        return refuse(
          `Vé ${t.code} đã được gọi lại ${t.recallCount} lần, tối đa trung tâm cho phép: hãy đánh dấu vắng mặt hoặc gọi số tiếp theo.`,
          `Ticket ${t.code} has been recalled ${t.recallCount} times, the most this center allows: mark it as no-show or call the next number.`,
        );
      }
      return { ok: true, effect: { action, ticket: 'called', counter: null } };
    case 'start':
      if (t?.status !== 'called') return refuse('Chỉ bắt đầu phục vụ được vé đang được mời.', 'Only a called ticket can start being served.');
      return { ok: true, effect: { action, ticket: 'serving', counter: null } };
    case 'done':
      if (t?.status !== 'serving') return refuse('Không có vé nào đang được phục vụ để hoàn thành.', 'No ticket is being served, so there is nothing to finish.');
      return { ok: true, effect: { action, ticket: 'done', counter: 'open' } };
    case 'noShow':
      if (t?.status !== 'called') return refuse('Chỉ đánh dấu vắng mặt được vé đang được mời.', 'Only a called ticket can be marked as no-show.');
      return { ok: true, effect: { action, ticket: 'no_show', counter: 'open' } };
    case 'transfer':
      if (t?.status !== 'serving') return refuse('Chỉ chuyển được vé đang được phục vụ.', 'Only the ticket being served can be transferred.');
      return { ok: true, effect: { action, ticket: 'transferred', counter: 'open' } };
    case 'pause':
    case 'close': {
      const verb = action === 'pause' ? { vi: 'tạm dừng', en: 'pausing' } : { vi: 'đóng', en: 'closing' };
      if (t) return refuse(`Hãy xử lý xong vé ${t.code} trước khi ${verb.vi} quầy.`, `Deal with ticket ${t.code} before ${verb.en} the counter.`);
      if (action === 'pause' && s.state === 'closed') return refuse('Quầy đang đóng; không cần tạm dừng.', 'The counter is closed; there is nothing to pause.');
      return action === 'pause' ? { ok: true, effect: { action, ticket: null, counter: 'paused' } } : { ok: true, effect: { action, ticket: null, counter: 'closed', releaseTargeted: true } };
    }
    case 'open':
      // Opening an open counter changes nothing and is not an error (two tabs, a double click); with a ticket in hand it stays serving.
      return { ok: true, effect: { action, ticket: null, counter: t ? 'serving' : 'open' } };
  }
}

/** The buttons worth showing as enabled: allowed by the lifecycle, and with something to act on. */
export function allowedCounterActions(s: CounterSituation, context: { waitingTotal: number; transferTargets: number }): CounterAction[] {
  const all: CounterAction[] = ['callNext', 'callSpecific', 'recall', 'start', 'done', 'noShow', 'transfer', 'pause', 'close', 'open'];
  return all.filter((a) => {
    if (!decideCounterAction(s, a).ok) return false;
    if (a === 'callNext' || a === 'callSpecific') return context.waitingTotal > 0;
    if (a === 'transfer') return context.transferTargets > 0;
    // "Open" is the way out of paused or closed; on an open counter it would be a button that does nothing.
    if (a === 'open') return s.state === 'paused' || s.state === 'closed';
    if (a === 'close') return s.state !== 'closed';
    if (a === 'pause') return s.state !== 'paused';
    return true;
  });
}
