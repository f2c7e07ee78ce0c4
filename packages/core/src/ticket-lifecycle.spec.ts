import { TicketStatus, type CounterAction } from '@motcua/contracts';
import { describe, expect, it } from 'vitest';
import { allowedCounterActions, decideCounterAction, isTicketFinal, ticketTransition, type CounterSituation, type TicketEvent } from './ticket-lifecycle.js';

const at = (over: Partial<CounterSituation> = {}): CounterSituation => ({ state: 'open', current: null, maxRecalls: 2, allowCallSpecific: false, ...over });
const called = (recallCount = 0) => ({ code: 'A016', status: 'called' as const, recallCount });
const serving = { code: 'A016', status: 'serving' as const, recallCount: 0 };
const allowed = (s: CounterSituation, waitingTotal = 3, transferTargets = 1) => allowedCounterActions(s, { waitingTotal, transferTargets }).sort();
const refusal = (s: CounterSituation, a: CounterAction) => {
  const d = decideCounterAction(s, a);
  if (d.ok) throw new Error(`${a} was allowed`);
  return d.reason.en;
};

describe('ticket transitions', () => {
  const table: Array<[TicketEvent, TicketStatus[], TicketStatus]> = [
    ['call', ['waiting'], 'called'],
    ['recall', ['called'], 'called'],
    ['start', ['called'], 'serving'],
    ['finish', ['serving'], 'done'],
    ['no_show', ['called'], 'no_show'],
    ['transfer', ['serving'], 'transferred'],
    ['cancel', ['waiting'], 'cancelled'],
    ['expire', ['waiting'], 'expired'],
  ];

  it.each(table)('%s goes only from %j to %s; every other status is refused with a reason', (event, from, to) => {
    for (const status of TicketStatus) {
      const r = ticketTransition(status, event);
      if (from.includes(status)) expect(r).toEqual({ ok: true, to });
      else {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason.vi).toMatch(/^Không thể /);
      }
    }
  });

  it('done, no-show, transferred, cancelled and expired are final: nothing leaves them', () => {
    const final = TicketStatus.filter(isTicketFinal);
    expect(final.sort()).toEqual(['cancelled', 'done', 'expired', 'no_show', 'transferred']);
    for (const status of final) for (const [event] of table) expect(ticketTransition(status, event).ok).toBe(false);
  });

  it('a served ticket cannot go back to waiting or be called again', () => {
    expect(ticketTransition('serving', 'call')).toMatchObject({ ok: false });
    expect(ticketTransition('done', 'call')).toMatchObject({ ok: false });
  });
});

describe('counter actions', () => {
  it('an open idle counter calls next, pauses or closes; a chosen ticket only where the center allows it', () => {
    expect(allowed(at())).toEqual(['callNext', 'close', 'pause']);
    expect(allowed(at({ allowCallSpecific: true }))).toEqual(['callNext', 'callSpecific', 'close', 'pause']);
    expect(allowed(at(), 0)).toEqual(['close', 'pause']);
    expect(decideCounterAction(at(), 'callSpecific')).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('a closed counter offers "open" first and cannot call; a paused one can open or close', () => {
    expect(allowed(at({ state: 'closed' }))).toEqual(['open']);
    expect(refusal(at({ state: 'closed' }), 'callNext')).toBe('The counter is closed: press "Open counter" before calling a number.');
    expect(allowed(at({ state: 'paused' }))).toEqual(['close', 'open']);
    expect(refusal(at({ state: 'paused' }), 'callNext')).toMatch(/paused/);
  });

  it('a called ticket can be recalled up to the limit, started or marked no-show; nothing else is called meanwhile', () => {
    const s = at({ state: 'serving', current: called(0) });
    expect(allowed(s)).toEqual(['noShow', 'recall', 'start']);
    expect(refusal(s, 'callNext')).toBe('Ticket A016 is still called: start serving, recall it, or mark it as no-show.');
    expect(refusal(s, 'close')).toBe('Deal with ticket A016 before closing the counter.');
    expect(refusal(s, 'pause')).toBe('Deal with ticket A016 before pausing the counter.');
  });

  it('after the last recall the ticket cannot be recalled again; calling next marks it no-show', () => {
    const s = at({ state: 'serving', current: called(2) });
    expect(allowed(s)).toEqual(['callNext', 'noShow', 'start']);
    expect(refusal(s, 'recall')).toMatch(/recalled 2 times, the most this center allows/);
    expect(decideCounterAction(s, 'callNext')).toEqual({ ok: true, effect: { action: 'callNext', ticket: 'called', counter: 'serving', previousNoShow: true } });
    expect(decideCounterAction(at({ state: 'serving', current: called(1) }), 'recall')).toMatchObject({ ok: true });
  });

  it('a ticket being served is finished or transferred (when there is somewhere to send it); both free the counter', () => {
    const s = at({ state: 'serving', current: serving });
    expect(allowed(s)).toEqual(['done', 'transfer']);
    expect(allowed(s, 3, 0)).toEqual(['done']);
    expect(refusal(s, 'callNext')).toBe('Finish or transfer ticket A016 before calling another.');
    expect(refusal(s, 'noShow')).toBe('Only a called ticket can be marked as no-show.');
    expect(decideCounterAction(s, 'done')).toMatchObject({ ok: true, effect: { ticket: 'done', counter: 'open' } });
    expect(decideCounterAction(s, 'transfer')).toMatchObject({ ok: true, effect: { ticket: 'transferred', counter: 'open' } });
  });

  it('with nothing in hand, finishing, recalling, starting and transferring say what is wrong', () => {
    expect(refusal(at(), 'done')).toBe('No ticket is being served, so there is nothing to finish.');
    expect(refusal(at(), 'recall')).toBe('No ticket is being called, so there is nothing to recall.');
    expect(refusal(at(), 'start')).toBe('Only a called ticket can start being served.');
    expect(refusal(at(), 'transfer')).toBe('Only the ticket being served can be transferred.');
  });

  it('closing a counter sends the tickets transferred to it back to their service line; opening with a ticket in hand keeps it serving', () => {
    expect(decideCounterAction(at(), 'close')).toEqual({ ok: true, effect: { action: 'close', ticket: null, counter: 'closed', releaseTargeted: true } });
    expect(decideCounterAction(at({ state: 'serving', current: serving }), 'open')).toMatchObject({ ok: true, effect: { counter: 'serving' } });
    expect(decideCounterAction(at({ state: 'closed' }), 'pause')).toMatchObject({ ok: false });
  });

  it('every allowed action is one the API accepts, and every refused one has a bilingual reason', () => {
    const situations: CounterSituation[] = [];
    for (const state of ['closed', 'open', 'serving', 'paused'] as const)
      for (const current of [null, called(0), called(2), serving]) for (const allowCallSpecific of [true, false]) situations.push(at({ state, current, allowCallSpecific }));
    for (const s of situations) {
      for (const a of allowedCounterActions(s, { waitingTotal: 5, transferTargets: 2 })) expect(decideCounterAction(s, a).ok).toBe(true);
      for (const a of ['callNext', 'recall', 'start', 'done', 'noShow', 'transfer', 'pause', 'close'] as const) {
        const d = decideCounterAction(s, a);
        if (!d.ok) expect(d.reason.vi.length * d.reason.en.length).toBeGreaterThan(0);
      }
    }
  });
});
