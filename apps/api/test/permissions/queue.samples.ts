import type { MatrixPart } from './matrix.js';

export const queueMatrix: MatrixPart = {
  async fixtures({ sql, target, where }) {
    // Calling a chosen ticket must be allowed for the sample to reach the role check.
    await sql`update centers set allow_call_specific = true where id = ${target.centerId!}`;
    const [service] = await sql`select id, ticket_prefix from services where center_id = ${target.centerId!} order by sort_order limit 1`;
    const trackingCode = where === 'inside' ? 'MATRIXAAAA' : 'MATRIXBBBB';
    const [ticket] = await sql`
      insert into tickets (center_id, service_id, business_date, number, code, arrived_at, tracking_code)
      values (${target.centerId!}, ${service!.id}, ${target.date!}, 900, ${service!.ticket_prefix + '900'}, now(), ${trackingCode}) returning id`;
    return { serviceId: service!.id, ticketId: ticket!.id, trackingCode };
  },
  samples: {
    kiosk: (t) => ({ path: `/public/centers/${t.centerId}/kiosk` }),
    issueTicket: (t) => ({ path: `/centers/${t.centerId}/tickets`, body: { serviceId: t.serviceId } }),
    publicCenters: () => ({ path: '/public/centers' }),
    issueRemoteTicket: (t) => ({ path: `/public/centers/${t.centerId}/remote-tickets`, body: { serviceId: t.serviceId } }),
    confirmRemoteArrival: (t) => ({ path: `/public/tickets/${t.trackingCode}/arrived` }),
    pushKey: () => ({ path: '/public/push/key' }),
    subscribeTicketPush: (t) => ({ path: `/public/tickets/${t.trackingCode}/push`, body: { endpoint: 'https://push.example.com/sub/1', keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) } } }),
    ticketContact: (t) => ({ path: `/centers/${t.centerId}/tickets/${t.ticketId}/contact`, body: { phone: '0905111222' } }),
    display: (t) => ({ path: `/public/centers/${t.centerId}/display` }),
    trackTicket: (t) => ({ path: `/public/tickets/${t.trackingCode}` }),
    ratingPrompt: (t) => ({ path: `/public/counters/${t.counterId}/rating` }),
    rate: (t) => ({ path: `/public/counters/${t.counterId}/ratings`, body: { ticketId: t.ticketId, level: 'satisfied' } }),
    workstation: (t) => ({ path: `/counters/${t.counterId}/workstation` }),
    callNext: (t) => ({ path: `/counters/${t.counterId}/call-next` }),
    callSpecific: (t) => ({ path: `/counters/${t.counterId}/call`, body: { ticketId: t.ticketId } }),
    recall: (t) => ({ path: `/counters/${t.counterId}/recall` }),
    startServing: (t) => ({ path: `/counters/${t.counterId}/start` }),
    finish: (t) => ({ path: `/counters/${t.counterId}/done` }),
    noShow: (t) => ({ path: `/counters/${t.counterId}/no-show` }),
    transfer: (t) => ({ path: `/counters/${t.counterId}/transfer`, body: { serviceId: t.serviceId } }),
    setCounterState: (t) => ({ path: `/counters/${t.counterId}/state`, body: { state: 'open' } }),
    liveBoard: (t) => ({ path: `/centers/${t.centerId}/live` }),
    setServiceAvailability: (t) => ({ path: `/services/${t.serviceId}/availability`, body: { isOpen: true } }),
  },
};
