import type { MatrixPart } from './matrix.js';

export const calendarMatrix: MatrixPart = {
  samples: {
    calendarDays: () => ({ path: '/calendar/days?year=2026' }),
    setCalendarDay: () => ({ path: '/calendar/days/2031-06-02', body: { kind: 'day_off', name: 'Thử quyền' } }),
    clearCalendarDay: () => ({ path: '/calendar/days/2031-06-03' }),
    officeWindows: (t) => ({ path: `/calendar/units/${t.unitId}/office-windows` }),
    setOfficeWindows: (t) => ({ path: `/calendar/units/${t.unitId}/office-windows`, body: { effectiveFrom: '2031-06-02', officeWindows: { '1': [{ start: '07:30', end: '11:30' }] } } }),
  },
};
