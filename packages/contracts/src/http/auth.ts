import { z } from 'zod';
import { ZRole } from '../enums.js';
import { msg } from '../i18n.js';
import { ZId } from './common.js';

export const SESSION_COOKIE = 'motcua_session';
export const DEVICE_COOKIE = 'motcua_device';

export const ZSignInRequest = z.object({
  username: z.string().trim().toLowerCase().min(1, { error: msg('Hãy nhập tên đăng nhập', 'Username is required') }).max(80),
  password: z.string().min(1, { error: msg('Hãy nhập mật khẩu', 'Password is required') }).max(200),
});
export type SignInRequest = z.infer<typeof ZSignInRequest>;

export const ZRoleGrant = z.object({
  role: ZRole,
  scopeUnitId: ZId.nullable(),
  scopeCenterId: ZId.nullable(),
});
export type RoleGrant = z.infer<typeof ZRoleGrant>;

export const ZMe = z.object({
  id: ZId,
  username: z.string(),
  fullName: z.string(),
  homeCenterId: ZId.nullable(),
  homeUnitId: ZId.nullable(),
  roles: z.array(ZRoleGrant),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof ZMe>;

export const ZNewPassword = z
  .string()
  .min(10, { error: msg('Mật khẩu mới phải có ít nhất 10 ký tự', 'The new password must have at least 10 characters') })
  .max(200, { error: msg('Mật khẩu tối đa 200 ký tự', 'The password must be at most 200 characters') });

export const ZChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1, { error: msg('Hãy nhập mật khẩu hiện tại', 'Enter your current password') }), newPassword: ZNewPassword })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ['newPassword'],
    error: msg('Mật khẩu mới phải khác mật khẩu hiện tại', 'The new password must differ from the current one'),
  });

export const ZTemporaryPassword = z.object({ temporaryPassword: z.string() });
