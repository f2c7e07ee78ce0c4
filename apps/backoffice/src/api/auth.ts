import { routes, ZMe, type Me } from '@motcua/contracts';
import { ApiError } from '@motcua/web';
import { api } from './client.js';

export const signIn = (username: string, password: string) => api.request('POST', routes.signIn.path, { body: { username, password }, schema: ZMe });
export const signOut = () => api.request('POST', routes.signOut.path);
export const changePassword = (currentPassword: string, newPassword: string) => api.request('POST', routes.changePassword.path, { body: { currentPassword, newPassword } });

/** The signed-in person, or null when there is no live session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.request('GET', routes.me.path, { schema: ZMe });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}
