import type { Role } from '@motcua/contracts';
import { NotFoundView } from '@motcua/web';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { useAuthStore } from '../stores/auth.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (sign-in only). */
    public?: boolean;
    /** Shown in the side navigation: i18n key of its label, and who sees it (everyone signed in when absent). */
    nav?: { label: string; roles?: readonly Role[]; order: number };
  }
}

/** Each feature adds its pages here; the side navigation is built from their `meta.nav`. */
const pages: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('../views/SignInView.vue'), meta: { public: true } },
  { path: '/', name: 'status', component: () => import('../views/SystemStatusView.vue'), meta: { nav: { label: 'nav.status', order: 90 } } },
  { path: '/notifications', name: 'notifications', component: () => import('../views/NotificationsView.vue'), meta: { nav: { label: 'notifications.nav', order: 10 } } },
  { path: '/admin/deliveries', name: 'deliveries', component: () => import('../views/DeliveryLogView.vue'), meta: { nav: { label: 'deliveries.nav', roles: ['admin'], order: 80 } } },
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
  if (to.name === 'sign-in' && auth.me) return { name: 'status' };
  return true;
});
