import { NotFoundView } from '@motcua/web';
import { createRouter, createWebHistory } from 'vue-router';
import { useAuthStore } from '../stores/auth.js';

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/sign-in', name: 'sign-in', component: () => import('../views/SignInView.vue'), meta: { public: true } },
    { path: '/', name: 'status', component: () => import('../views/SystemStatusView.vue') },
    { path: '/account', name: 'account', component: () => import('../views/AccountView.vue') },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
  ],
});

// Every page but sign-in needs a live session; the server checks again on every call.
router.beforeEach(async (to) => {
  const auth = useAuthStore();
  if (!auth.loaded) await auth.load().catch(() => {});
  if (!to.meta.public && !auth.me) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { next: to.fullPath } };
  if (to.name === 'sign-in' && auth.me) return { name: 'status' };
  return true;
});
