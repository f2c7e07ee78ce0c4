import type { MatrixPart } from './matrix.js';

const nextDay = (date: string, days = 1) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export const staffMatrix: MatrixPart = {
  async fixtures({ sql, target }) {
    const [device] = await sql`insert into devices (center_id, kind, name) values (${target.centerId!}, 'display', 'Màn hình') returning id`;
    return { deviceId: device!.id };
  },
  samples: {
    listCenters: () => ({ path: '/centers' }),
    getCenter: (t) => ({ path: `/centers/${t.centerId}` }),
    getBoard: (t) => ({ path: `/centers/${t.centerId}/assignments?date=${t.date}` }),
    // Counter 2 and a non-officer: the officer on counter 1 keeps it for the workstation samples.
    assign: (t) => ({ path: `/centers/${t.centerId}/assignments`, body: { date: t.date, counterId: t.boardCounterId, staffId: t.staffId } }),
    unassign: (t) => ({ path: `/centers/${t.centerId}/assignments/unassign`, body: { date: t.date, counterId: t.boardCounterId } }),
    copyBoard: (t) => ({ path: `/centers/${t.centerId}/assignments/copy`, body: { toDate: nextDay(t.date!), mode: 'last-working-day' } }),
    getWeek: (t) => ({ path: `/centers/${t.centerId}/assignments/week?start=${t.date}` }),
    // A week well ahead: saving it empty leaves today's board (and the workstation samples) alone.
    putWeek: (t) => ({ path: `/centers/${t.centerId}/assignments/week`, body: { start: nextDay(t.date!, 21), assignments: [] } }),
    myAssignments: () => ({ path: '/me/assignments' }),
    listAudit: () => ({ path: '/audit?limit=5' }),
    resetPassword: (t) => ({ path: `/staff/${t.otherStaffId}/reset-password` }),
    listDevices: (t) => ({ path: `/centers/${t.centerId}/devices` }),
    createDevice: (t) => ({ path: `/centers/${t.centerId}/devices`, body: { kind: 'display', name: 'TV sảnh' } }),
    revokeDevice: (t) => ({ path: `/devices/${t.deviceId}/revoke` }),
    pairDevice: () => ({ path: '/devices/pair', body: { code: 'ZZZZZZZZ' } }),
    deviceMe: () => ({ path: '/devices/me' }),
  },
};
