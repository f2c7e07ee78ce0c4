import { NotFoundView } from '@motcua/web';
import { createRouter, createWebHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'home', component: () => import('../views/HomeView.vue') },
    { path: '/track', name: 'track', component: () => import('../views/TrackDossierView.vue') },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
  ],
});
