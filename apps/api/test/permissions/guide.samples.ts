import type { MatrixPart } from './matrix.js';

export const guideMatrix: MatrixPart = {
  async fixtures({ sql, target, where }) {
    const [service] = await sql`select id from services where center_id = ${target.centerId!} order by sort_order limit 1`;
    const token = where === 'inside' ? 'matrix-appointment-inside-0001' : 'matrix-appointment-outside-001';
    await sql`insert into appointments (center_id, service_id, slot_start, code, manage_token)
      values (${target.centerId!}, ${service!.id}, now() + interval '1 day', ${where === 'inside' ? 'MATRIXIN' : 'MATRIXOU'}, ${token})`;
    const [procedure] = await sql`select id from procedures where code = 'CT-CK'`;
    return { guideProcedureId: procedure!.id, guideServiceId: service!.id, appointmentToken: token, appointmentCode: where === 'inside' ? 'MATRIXIN' : 'MATRIXOU' };
  },
  samples: {
    guideCatalogue: (t) => ({ path: `/public/centers/${t.centerId}/guide` }),
    guideProcedure: (t) => ({ path: `/public/centers/${t.centerId}/guide/2.000815` }),
    procedureGuide: (t) => ({ path: `/procedures/${t.guideProcedureId}/guide` }),
    updateProcedureGuide: (t) => ({ path: `/procedures/${t.guideProcedureId}/guide`, body: { steps: [{ vi: 'Bước', en: 'Step' }], documents: [], forms: [], notes: { vi: '', en: '' } } }),
    guideFormSheet: () => ({ path: '/public/guide/forms/TK-KS' }),
    appointmentSlots: (t) => ({ path: `/public/centers/${t.centerId}/appointment-slots?serviceId=${t.guideServiceId}&date=${t.date}` }),
    bookAppointment: (t) => ({ path: `/public/centers/${t.centerId}/appointments`, body: { serviceId: t.guideServiceId, slotStart: '2020-01-01T00:00:00Z' } }),
    appointment: (t) => ({ path: `/public/appointments/${t.appointmentToken}` }),
    cancelAppointment: (t) => ({ path: `/public/appointments/${t.appointmentToken}/cancel` }),
    rescheduleAppointment: (t) => ({ path: `/public/appointments/${t.appointmentToken}/reschedule`, body: { slotStart: '2020-01-01T00:00:00Z' } }),
    checkInAppointment: (t) => ({ path: `/centers/${t.centerId}/appointments/check-in`, body: { code: t.appointmentCode } }),
  },
};
