import type { MatrixPart } from './matrix.js';

export const foundationMatrix: MatrixPart = {
  samples: {
    health: () => ({ path: '/health' }),
    createPing: () => ({ path: '/system/pings', body: { message: 'matrix' } }),
    getPing: () => ({ path: '/system/pings/00000000-0000-4000-8000-000000000000' }),
    signIn: (_t, accounts) => ({ path: '/auth/sign-in', body: { username: 'admin', password: accounts.find((a) => a.username === 'admin')!.password } }),
    signOut: () => ({ path: '/auth/sign-out', destructive: true }),
    me: () => ({ path: '/auth/me' }),
    changePassword: () => ({ path: '/auth/change-password', body: { currentPassword: 'wrong', newPassword: 'short' } }),
  },
};
