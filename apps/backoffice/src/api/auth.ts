import { routes, type Me } from '@motcua/contracts';
import { ApiError } from '@motcua/web';
import { api } from './client.js';

export const signIn = (username: string, password: string) => api.call(routes.signIn, { body: { username, password } });
export const signOut = () => api.call(routes.signOut);
export const changePassword = (currentPassword: string, newPassword: string) => api.call(routes.changePassword, { body: { currentPassword, newPassword } });

/** The signed-in person, or null when there is no live session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.call(routes.me);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}
