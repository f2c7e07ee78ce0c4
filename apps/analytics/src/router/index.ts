import { NotFoundView } from '@motcua/web';
import { createRouter, createWebHistory } from 'vue-router';
import { signInUrl, useSessionStore } from '../stores/session.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** Rendered without the top bar (conference screens, print reports). */
    bare?: boolean;
  }
}

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'overview', component: () => import('../views/OverviewView.vue') },
    { path: '/ranking', name: 'ranking', component: () => import('../views/RankingView.vue') },
    { path: '/map', name: 'map', component: () => import('../views/MapView.vue') },
    { path: '/trends', name: 'trends', component: () => import('../views/TrendsView.vue') },
    { path: '/queue', name: 'queue', component: () => import('../views/QueueView.vue') },
    { path: '/units/:unitId', name: 'drilldown', component: () => import('../views/DrilldownView.vue'), props: true },
    { path: '/units/:unitId/report', name: 'report', component: () => import('../views/ReportView.vue'), props: true, meta: { bare: true } },
    { path: '/dossiers', name: 'dossiers', component: () => import('../views/DossiersView.vue') },
    { path: '/thresholds', name: 'thresholds', component: () => import('../views/ThresholdsView.vue') },
    { path: '/how', name: 'how', component: () => import('../views/HowView.vue') },
    { path: '/conference', name: 'conference', component: () => import('../views/ConferenceView.vue'), meta: { bare: true } },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
  ],
});

// Every page needs a session (the API checks role and scope again on every call); signing in happens in the backoffice.
router.beforeEach(async (to) => {
  const session = useSessionStore();
  if (!session.loaded) await session.load().catch(() => {});
  if (!session.me && session.loaded) {
    window.location.assign(signInUrl(`${import.meta.env.BASE_URL.replace(/\/$/, '')}${to.fullPath}`));
    return false;
  }
  return true;
});
