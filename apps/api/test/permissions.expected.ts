import type { Role } from '@motcua/contracts';

/**
 * Who may call each route, written down and reviewed apart from the route table (packages/contracts
 * src/http/routes), so that the permission matrix checks the table's behaviour against intent rather
 * than against itself. A route added to the table fails the matrix until it has a line here.
 *
 * - 'public': anyone, signed in or not (rate-limited where the table says so);
 * - 'citizen' / 'device': only a citizen session or a paired device's cookie; every staff session is 401;
 * - per role: 'allowed' (on any target; a list filters by scope in its service), 'scoped' (inside the
 *   person's centers/units, 403 outside), 'refused' (403), 'unauthenticated' (401: no staff session counts).
 * Anonymous callers of any route that is not 'public' get 401.
 *
 * Reviewed 2026-12 (#22): admin and province admin reach every center; counter work (calling, tickets) is
 * the officers' and their managers', never the province's; dossier work stays with the center's staff,
 * admins only read; analytics is for leaders and managers, each within their units (the analytics service
 * refuses a unit outside them, so those four routes are 'scoped' though the table names no scope).
 */
export type Verdict = 'allowed' | 'scoped' | 'refused' | 'unauthenticated';
export type Expectation = 'public' | 'citizen' | 'device' | Record<Role, Verdict>;

export const expected: Record<string, Expectation> = {
  // system
  'GET /health': 'public',
  'POST /system/pings': { admin: 'allowed', province_admin: 'refused', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'GET /system/pings/:id': { admin: 'allowed', province_admin: 'refused', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  // auth
  'POST /auth/sign-in': 'public',
  'POST /auth/sign-out': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  'GET /auth/me': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  'POST /auth/change-password': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  // organisation
  'GET /centers': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  'GET /centers/:centerId': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'scoped', specialist: 'scoped', leader: 'scoped' },
  'GET /units': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  'POST /units': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'PATCH /units/:id': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /units/import': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'GET /agencies': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  'POST /agencies': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'PATCH /agencies/:id': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /centers': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'PATCH /centers/:centerId': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /centers/:centerId/services': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'PATCH /services/:id': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /centers/:centerId/counters': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'PATCH /counters/:id': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /centers/:centerId/priority-categories': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'PATCH /priority-categories/:id': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  // assignments
  'GET /centers/:centerId/assignments': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'PUT /centers/:centerId/assignments': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /centers/:centerId/assignments/unassign': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /centers/:centerId/assignments/copy': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'GET /centers/:centerId/assignments/week': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'PUT /centers/:centerId/assignments/week': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'GET /me/assignments': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  // audit
  'GET /audit': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  // staff
  'POST /staff/:id/reset-password': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'GET /staff': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /staff': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'PATCH /staff/:id': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  // devices
  'GET /centers/:centerId/devices': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /centers/:centerId/devices': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /devices/:id/revoke': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /devices/pair': 'public',
  'GET /devices/me': 'device',
  // queue
  'GET /public/centers/:centerId/kiosk': 'public',
  'POST /centers/:centerId/tickets': { admin: 'allowed', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  'GET /public/centers': 'public',
  'POST /centers/:centerId/tickets/:ticketId/contact': { admin: 'allowed', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  'GET /public/centers/:centerId/display': 'public',
  'GET /public/tickets/:code': 'public',
  'GET /public/counters/:counterId/rating': 'device',
  'POST /public/counters/:counterId/ratings': 'device',
  'GET /centers/:centerId/live': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'scoped' },
  'PUT /services/:serviceId/availability': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /public/centers/:centerId/remote-tickets': 'public',
  'POST /public/tickets/:code/arrived': 'public',
  'GET /public/push/key': 'public',
  'POST /public/tickets/:code/push': 'public',
  // counter
  'GET /counters/:counterId/workstation': { admin: 'allowed', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  'POST /counters/:counterId/call-next': { admin: 'allowed', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  'POST /counters/:counterId/call': { admin: 'allowed', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  'POST /counters/:counterId/recall': { admin: 'allowed', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  'POST /counters/:counterId/start': { admin: 'allowed', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  'POST /counters/:counterId/done': { admin: 'allowed', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  'POST /counters/:counterId/no-show': { admin: 'allowed', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  'POST /counters/:counterId/transfer': { admin: 'allowed', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  'POST /counters/:counterId/state': { admin: 'allowed', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  // dossiers
  'GET /dossiers/intake-options': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  'POST /centers/:centerId/dossiers': { admin: 'refused', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  'POST /intake/online': 'public',
  'GET /dossiers': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  'GET /dossiers/:id': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'scoped', specialist: 'scoped', leader: 'scoped' },
  'POST /dossiers/:id/intake-decision': { admin: 'refused', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  'POST /dossiers/:id/actions': { admin: 'refused', province_admin: 'refused', center_manager: 'scoped', officer: 'refused', specialist: 'scoped', leader: 'refused' },
  'POST /dossiers/:id/return': { admin: 'refused', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  'POST /dossiers/:id/close': { admin: 'refused', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'scoped', leader: 'refused' },
  'POST /dossiers/:id/components/:index/file': { admin: 'refused', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'scoped', leader: 'refused' },
  'GET /dossiers/:id/reusable-documents': { admin: 'refused', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'scoped', leader: 'refused' },
  'POST /dossiers/:id/components/:index/reuse': { admin: 'refused', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'scoped', leader: 'refused' },
  'POST /dossiers/:id/components/:index/uploads': { admin: 'refused', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'scoped', leader: 'refused' },
  'GET /dossiers/:id/components/:index/uploads/:uploadId': { admin: 'refused', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'scoped', leader: 'refused' },
  'PATCH /dossiers/:id/components/:index/uploads/:uploadId': { admin: 'refused', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'scoped', leader: 'refused' },
  'DELETE /dossiers/:id/components/:index/uploads/:uploadId': { admin: 'refused', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'scoped', leader: 'refused' },
  'GET /dossiers/:id/documents/:documentId/file': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'scoped', specialist: 'scoped', leader: 'scoped' },
  'POST /dossiers/:id/documents/:documentId/link': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'scoped', specialist: 'scoped', leader: 'scoped' },
  'GET /files/:documentId': 'public',
  'GET /verify/:documentId': 'public',
  'POST /verify': 'public',
  'GET /track': 'public',
  // analytics
  'GET /analytics/indicators': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'refused', specialist: 'refused', leader: 'allowed' },
  'GET /analytics/scope': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'refused', specialist: 'refused', leader: 'allowed' },
  'GET /analytics/ranking': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'refused', specialist: 'refused', leader: 'allowed' },
  'GET /analytics/trends': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'refused', specialist: 'refused', leader: 'allowed' },
  'GET /analytics/channels': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'refused', specialist: 'refused', leader: 'allowed' },
  'GET /analytics/units/:unitId/drilldown': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'scoped' },
  'GET /analytics/units/:unitId/overdue': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'scoped' },
  'GET /analytics/dossiers': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'scoped' },
  'GET /analytics/corrections': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'refused', specialist: 'refused', leader: 'allowed' },
  'GET /analytics/queue/heatmap': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'refused', specialist: 'refused', leader: 'allowed' },
  'GET /analytics/queue/performance': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'refused', specialist: 'refused', leader: 'allowed' },
  'GET /analytics/briefing.pdf': { admin: 'allowed', province_admin: 'allowed', center_manager: 'scoped', officer: 'refused', specialist: 'refused', leader: 'scoped' },
  // calendar
  'GET /calendar/days': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  'PUT /calendar/days/:date': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'DELETE /calendar/days/:date': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'GET /calendar/units/:id/office-windows': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'PUT /calendar/units/:id/office-windows': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  // procedures
  'GET /procedures': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  'POST /procedures': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /procedures/:id/versions': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /procedures/import': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  // notifications
  'GET /me/notifications': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  'GET /me/notifications/unread-count': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  'POST /me/notifications/read': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'allowed', specialist: 'allowed', leader: 'allowed' },
  'GET /admin/notification-deliveries': { admin: 'allowed', province_admin: 'refused', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'GET /units/:id/webhooks': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /units/:id/webhooks': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'POST /units/:id/webhooks/:webhookId/disable': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'GET /units/:id/thresholds': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'scoped' },
  'POST /units/:id/thresholds': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'scoped' },
  'PUT /units/:id/thresholds/:thresholdId': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'scoped' },
  'DELETE /units/:id/thresholds/:thresholdId': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'scoped' },
  // guide
  'GET /public/centers/:centerId/guide': 'public',
  'GET /public/centers/:centerId/guide/:code': 'public',
  'GET /public/guide/forms/:code': 'public',
  'GET /procedures/:id/guide': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'PUT /procedures/:id/guide': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  // appointments
  'GET /public/centers/:centerId/appointment-slots': 'public',
  'POST /public/centers/:centerId/appointments': 'public',
  'GET /public/appointments/:token': 'public',
  'POST /public/appointments/:token/cancel': 'public',
  'POST /public/appointments/:token/reschedule': 'public',
  'POST /centers/:centerId/appointments/check-in': { admin: 'allowed', province_admin: 'refused', center_manager: 'scoped', officer: 'scoped', specialist: 'refused', leader: 'refused' },
  // citizen-notifications
  'GET /citizen-notifications/templates': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'PUT /citizen-notifications/templates/:event/:channel/:language': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'DELETE /citizen-notifications/templates/:event/:channel/:language': { admin: 'allowed', province_admin: 'allowed', center_manager: 'refused', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'GET /citizen-notifications/deliveries': { admin: 'allowed', province_admin: 'allowed', center_manager: 'allowed', officer: 'refused', specialist: 'refused', leader: 'refused' },
  'GET /public/notifications/opt-out/:token': 'public',
  'POST /public/notifications/opt-out/:token': 'public',
  // payments
  'GET /payments/due': 'public',
  'POST /payments': 'public',
  'GET /payments/vnpay/ipn': 'public',
  'GET /payments/vnpay/return': 'public',
  // citizen
  'GET /citizen/auth/sign-in': 'public',
  'GET /citizen/auth/callback': 'public',
  'GET /citizen/me': 'citizen',
  'POST /citizen/auth/sign-out': 'citizen',
  'GET /citizen/dossiers': 'citizen',
  'GET /citizen/dossiers/:code': 'citizen',
  'GET /citizen/procedures': 'citizen',
  'POST /citizen/dossiers': 'citizen',
  'POST /citizen/dossiers/:code/components/:index/file': 'citizen',
  'POST /citizen/dossiers/:code/supplement': 'citizen',
  'POST /citizen/dossiers/:code/rating': 'citizen',
  'GET /citizen/reusable-documents': 'citizen',
};
