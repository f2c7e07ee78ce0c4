import { ErrorCode, Room, type Me } from '@motcua/contracts';
import { hashPassword, sessionRepository, staffRepository, verifyPassword, type DatabaseHandle, type StaffWithRoles } from '@motcua/db';
import { RealtimePublisher } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../../common/api-error.js';
import type { Actor } from '../../common/actor.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { DATABASE } from '../../infra/tokens.js';
import { closeSignedInSockets } from '../../realtime/session-sockets.js';
import { hashToken, newSessionToken } from './session-token.js';

// Verifying against a real hash for unknown usernames keeps the answer time the same, so names cannot be probed.
const DUMMY_HASH = hashPassword('not-a-real-password-0000');

const invalid = () => new ApiError(401, ErrorCode.unauthenticated, { vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'Wrong username or password' });

export function toMe(s: StaffWithRoles): Me {
  return {
    id: s.id,
    username: s.username,
    fullName: s.fullName,
    homeCenterId: s.homeCenterId,
    homeUnitId: s.homeUnitId,
    roles: s.roles.map((r) => ({ role: r.role, scopeUnitId: r.scopeUnitId, scopeCenterId: r.scopeCenterId })),
    mustChangePassword: s.mustChangePassword,
  };
}

const hhmm = (d: Date) => d.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });

@Injectable()
export class AuthService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CONFIG) private readonly config: ApiConfig,
    @Inject(RealtimePublisher) private readonly realtime: RealtimePublisher,
  ) {}

  async signIn(username: string, password: string, context: { userAgent?: string; ip?: string }, now = new Date()): Promise<{ me: Me; token: string }> {
    const db = this.database.db;
    const row = await staffRepository.findByUsername(db, username);
    if (!row || !row.active) {
      await verifyPassword(await DUMMY_HASH, password);
      throw invalid();
    }
    if (row.lockedUntil && row.lockedUntil > now) throw this.locked(row.lockedUntil);
    if (!(await verifyPassword(row.passwordHash, password))) {
      const state = await staffRepository.recordFailedLogin(db, row.id, this.config.LOGIN_MAX_FAILURES, new Date(now.getTime() + this.config.LOCKOUT_MINUTES * 60_000));
      if (state.lockedUntil && state.lockedUntil > now) throw this.locked(state.lockedUntil);
      throw invalid();
    }
    const { token, hash } = newSessionToken();
    await db.transaction(async (tx) => {
      await staffRepository.recordSuccessfulLogin(tx, row.id);
      await sessionRepository.create(tx, { staffId: row.id, tokenHash: hash, expiresAt: this.expiry(now), userAgent: context.userAgent?.slice(0, 300), ip: context.ip });
    });
    return { me: toMe((await staffRepository.findWithRoles(db, row.id))!), token };
  }

  /** The actor behind a session cookie; sliding expiry, refreshed at most once a minute. */
  async resolve(token: string | undefined, now = new Date()): Promise<Actor | undefined> {
    if (!token) return undefined;
    const session = await sessionRepository.findLiveWithRoles(this.database.db, hashToken(token), now);
    if (!session) return undefined;
    const expiresAt = this.expiry(now);
    if (expiresAt.getTime() - session.expiresAt.getTime() > 60_000) await sessionRepository.extend(this.database.db, session.id, now, expiresAt);
    return { staffId: session.staffId, sessionId: session.id, roles: session.roles };
  }

  async me(actor: Actor): Promise<Me> {
    const staff = await staffRepository.findWithRoles(this.database.db, actor.staffId);
    if (!staff) throw ApiError.unauthenticated();
    return toMe(staff);
  }

  async signOut(actor: Actor): Promise<void> {
    await sessionRepository.delete(this.database.db, actor.sessionId);
    closeSignedInSockets(this.realtime, Room.session(actor.sessionId));
  }

  /** A new password ends every other session of the person (a stolen cookie dies with it). */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, now = new Date()): Promise<void> {
    const staff = await staffRepository.findWithRoles(this.database.db, actor.staffId);
    if (!staff || !(await verifyPassword(staff.passwordHash, currentPassword))) {
      throw ApiError.validation([{ path: 'body.currentPassword', message: { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' } }], { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' });
    }
    const hash = await hashPassword(newPassword);
    await this.database.db.transaction(async (tx) => {
      await staffRepository.setPassword(tx, actor.staffId, hash, now, false);
      await sessionRepository.deleteForStaff(tx, actor.staffId, actor.sessionId);
    });
    closeSignedInSockets(this.realtime, Room.user(actor.staffId), Room.session(actor.sessionId));
  }

  get sessionTtlMs(): number {
    return this.config.SESSION_TTL_SECONDS * 1000;
  }

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.sessionTtlMs);
  }

  private locked(until: Date) {
    return new ApiError(423, ErrorCode.accountLocked, {
      vi: `Tài khoản tạm khoá đến ${hhmm(until)} vì nhập sai mật khẩu nhiều lần. Hãy thử lại sau hoặc nhờ quản trị viên đặt lại mật khẩu.`,
      en: `The account is locked until ${hhmm(until)} after repeated wrong passwords. Try again later or ask an administrator to reset the password.`,
    }, { lockedUntil: until.toISOString() });
  }
}
