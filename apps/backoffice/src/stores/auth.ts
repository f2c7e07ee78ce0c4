import type { Me, Role } from '@motcua/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as authApi from '../api/auth.js';

export const useAuthStore = defineStore('backoffice-auth', () => {
  const me = ref<Me | null>(null);
  const loaded = ref(false);

  async function load() {
    me.value = await authApi.fetchMe();
    loaded.value = true;
  }
  async function signIn(username: string, password: string) {
    me.value = await authApi.signIn(username, password);
    loaded.value = true;
  }
  async function signOut() {
    await authApi.signOut().catch(() => {});
    me.value = null;
  }
  const hasRole = (...roles: Role[]) => !!me.value?.roles.some((r) => roles.includes(r.role));

  return { me, loaded, load, signIn, signOut, hasRole, isAdmin: computed(() => hasRole('admin')) };
});
