import { NotFoundView } from '@motcua/web';
import { createRouter, createWebHistory } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** Kiosk and hall display own the whole screen: no top bar. */
    fullscreen?: boolean;
  }
}

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'home', component: () => import('../views/HomeView.vue') },
    { path: '/kiosk/:centerId', name: 'kiosk', component: () => import('../views/KioskView.vue'), props: true, meta: { fullscreen: true } },
    { path: '/display/:centerId', name: 'display', component: () => import('../views/DisplayView.vue'), props: true, meta: { fullscreen: true } },
    { path: '/t/:code', name: 'track', component: () => import('../views/TrackingView.vue'), props: true },
    { path: '/rate/:counterId', name: 'rate', component: () => import('../views/RatingView.vue'), props: true },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
  ],
});
