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
    // "Lấy số từ xa" (#17): ?center=&service= preselect (the procedure guide links here).
    { path: '/remote', name: 'remote', component: () => import('../views/RemoteView.vue') },
    { path: '/t/:code', name: 'ticket', component: () => import('../views/TrackingView.vue'), props: true },
    { path: '/rate/:counterId', name: 'rate', component: () => import('../views/RatingView.vue'), props: true },
    { path: '/guide/:centerId', name: 'guide', component: () => import('../views/GuideView.vue'), props: true },
    { path: '/guide/:centerId/:code', name: 'guide-procedure', component: () => import('../views/GuideProcedureView.vue'), props: true },
    { path: '/book/:centerId/:serviceId', name: 'book', component: () => import('../views/BookingView.vue'), props: true },
    { path: '/appointment/:token', name: 'appointment', component: () => import('../views/AppointmentView.vue'), props: true },
    { path: '/opt-out/:token', name: 'opt-out', component: () => import('../views/OptOutView.vue'), props: true },
    { path: '/verify/:id?', name: 'verify', component: () => import('../views/VerifyView.vue'), props: true },
    { path: '/track', name: 'track-dossier', component: () => import('../views/TrackDossierView.vue') },
    // Online payment (issue #17): the gateway's return URL is /pay/result (PUBLIC_URL + /pay/result).
    { path: '/pay/result', name: 'pay-result', component: () => import('../views/PayResultView.vue') },
    { path: '/pay/:dossierCode', name: 'pay', component: () => import('../views/PayView.vue'), props: true },
    { path: '/portal', name: 'portal', component: () => import('../views/PortalView.vue') },
    { path: '/portal/dossiers/:code', name: 'portal-dossier', component: () => import('../views/PortalDossierView.vue'), props: true },
    { path: '/portal/submit/:procedure?', name: 'portal-submit', component: () => import('../views/PortalSubmitView.vue'), props: true },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
  ],
});
