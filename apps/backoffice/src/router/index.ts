import { centerAdmins, orgAdmins, type Role } from '@motcua/contracts';
import { NotFoundView } from '@motcua/web';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { useAuthStore } from '../stores/auth.js';
import { landingFor } from './landing.js';
import { nextAfterSignIn } from './next.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (sign-in only). */
    public?: boolean;
    /** Shown in the side navigation: i18n key of its label, and who sees it (everyone signed in when absent). */
    nav?: { label: string; roles?: readonly Role[]; order: number };
    /** Rendered without the top bar and side navigation (print views). */
    bare?: boolean;
  }
}

/** Each feature adds its pages here; the side navigation is built from their `meta.nav`. */
const pages: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('../views/SignInView.vue'), meta: { public: true } },
  { path: '/my-counters', name: 'my-counters', component: () => import('../views/MyCountersView.vue'), meta: { nav: { label: 'mine.nav', roles: ['officer', 'specialist'], order: 5 } } },
  { path: '/assignments', name: 'assignments', component: () => import('../views/AssignmentBoardView.vue'), meta: { nav: { label: 'board.nav', roles: centerAdmins, order: 10 } } },
  { path: '/staff', name: 'staff', component: () => import('../views/StaffView.vue'), meta: { nav: { label: 'staff.nav', roles: centerAdmins, order: 20 } } },
  { path: '/devices', name: 'devices', component: () => import('../views/DevicesView.vue'), meta: { nav: { label: 'devices.nav', roles: centerAdmins, order: 30 } } },
  { path: '/centers', name: 'centers', component: () => import('../views/CenterSetupView.vue'), meta: { nav: { label: 'org.centers.nav', roles: centerAdmins, order: 40 } } },
  { path: '/units', name: 'units', component: () => import('../views/UnitsView.vue'), meta: { nav: { label: 'org.units.nav', roles: orgAdmins, order: 50 } } },
  { path: '/procedures', name: 'procedures', component: () => import('../views/ProceduresView.vue'), meta: { nav: { label: 'org.procedures.nav', roles: orgAdmins, order: 60 } } },
  { path: '/procedures/:id/guide', name: 'procedure-guide', component: () => import('../views/guide/GuideEditorView.vue'), props: true },
  { path: '/posters', name: 'posters', component: () => import('../views/guide/PostersView.vue'), meta: { nav: { label: 'posters.nav', roles: centerAdmins, order: 45 } } },
  { path: '/posters/:centerId/print', name: 'posters-print', component: () => import('../views/guide/PostersPrintView.vue'), props: true, meta: { bare: true } },
  { path: '/audit', name: 'audit', component: () => import('../views/AuditView.vue'), meta: { nav: { label: 'audit.nav', roles: orgAdmins, order: 80 } } },
  { path: '/dossiers', name: 'dossiers', component: () => import('../views/dossiers/DossierInboxView.vue'), meta: { nav: { label: 'dossierNav.dossiers', order: 10 } } },
  {
    path: '/dossiers/new', name: 'dossier-intake', component: () => import('../views/dossiers/DossierIntakeView.vue'),
    meta: { nav: { label: 'dossierNav.intake', roles: ['officer', 'center_manager'], order: 11 } },
  },
  { path: '/dossiers/:id', name: 'dossier', component: () => import('../views/dossiers/DossierView.vue') },
  { path: '/dossiers/:id/print/:form', name: 'dossier-print', component: () => import('../views/dossiers/DossierPrintView.vue'), meta: { bare: true } },
  // "/" is where people land: their work (landing.ts), decided once the session is known.
  { path: '/', name: 'home', component: () => import('../views/SystemStatusView.vue') },
  { path: '/status', name: 'status', component: () => import('../views/SystemStatusView.vue'), meta: { nav: { label: 'nav.status', order: 90 } } },
  { path: '/counter/:counterId', name: 'counter', component: () => import('../views/queue/WorkstationView.vue'), props: true },
  {
    path: '/live/:centerId?', name: 'live', component: () => import('../views/queue/LiveBoardView.vue'), props: true,
    meta: { nav: { label: 'queue.nav.live', roles: ['admin', 'province_admin', 'center_manager', 'leader'], order: 20 } },
  },
  { path: '/notifications', name: 'notifications', component: () => import('../views/NotificationsView.vue'), meta: { nav: { label: 'notifications.nav', order: 10 } } },
  { path: '/calendar', name: 'calendar', component: () => import('../views/CalendarView.vue'), meta: { nav: { label: 'calendar.nav', roles: orgAdmins, order: 70 } } },
  { path: '/admin/webhooks', name: 'webhooks', component: () => import('../views/WebhooksView.vue'), meta: { nav: { label: 'webhooks.nav', roles: orgAdmins, order: 81 } } },
  { path: '/admin/deliveries', name: 'deliveries', component: () => import('../views/DeliveryLogView.vue'), meta: { nav: { label: 'deliveries.nav', roles: ['admin'], order: 80 } } },
  { path: '/citizen/templates', name: 'citizen-templates', component: () => import('../views/CitizenTemplatesView.vue'), meta: { nav: { label: 'citizen.templates.nav', roles: orgAdmins, order: 82 } } },
  { path: '/citizen/deliveries', name: 'citizen-deliveries', component: () => import('../views/CitizenDeliveriesView.vue'), meta: { nav: { label: 'citizen.deliveries.nav', roles: centerAdmins, order: 83 } } },
  { path: '/account', name: 'account', component: () => import('../views/AccountView.vue'), meta: { nav: { label: 'nav.account', order: 100 } } },
];

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [...pages, { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView }],
});

// Every page but sign-in needs a live session; the server checks again on every call.
router.beforeEach(async (to) => {
  const auth = useAuthStore();
  if (!auth.loaded) await auth.load().catch(() => {});
  if (!to.meta.public && !auth.me) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { next: to.fullPath } };
  // A temporary password: the API answers PASSWORD_CHANGE_REQUIRED everywhere else until it is changed.
  if (auth.me?.mustChangePassword && !to.meta.public && to.name !== 'account') return { name: 'account' };
  if (to.name === 'sign-in' && auth.me) {
    // Already signed in: another app that sent us here gets its page back at once.
    const next = nextAfterSignIn(to.query.next);
    if ('href' in next) {
      window.location.assign(next.href);
      return false;
    }
    return { name: landingFor(auth.me.roles.map((r) => r.role)) };
  }
  if (to.name === 'home' && auth.me) return { name: landingFor(auth.me.roles.map((r) => r.role)), replace: true };
  return true;
});
