import { routes, type Me } from '@motcua/contracts';
import { ApiError } from '@motcua/web';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api/client.js';

/** Where people sign in: the backoffice, which sets the session cookie shared at path '/'. */
export const signInUrl = (next: string) => `/backoffice/sign-in?next=${encodeURIComponent(next)}`;

/** The signed-in leader (or manager, admin); null when there is no live session. */
export const useSessionStore = defineStore('analytics-session', () => {
  const me = ref<Me | null>(null);
  const loaded = ref(false);

  async function load() {
    try {
      me.value = await api.call(routes.me);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
      me.value = null;
    }
    loaded.value = true;
  }

  return { me, loaded, load };
});
