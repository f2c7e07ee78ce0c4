import { ErrorCode, Room, type Me } from '@motcua/contracts';
import { hashPassword, sessionRepository, staffRepository, verifyPassword, type DatabaseHandle, type StaffWithRoles } from '@motcua/db';
import { RealtimePublisher } from '@motcua/platform';
import { SIGN_IN_FAILURE_WINDOW_SECONDS, signInThrottled } from '@motcua/core';
import { Inject, Injectable } from '@nestjs/common';
import { FailureCounter } from '../../common/failure-counter.js';
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

@Injectable()
export class AuthService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CONFIG) private readonly config: ApiConfig,
    @Inject(RealtimePublisher) private readonly realtime: RealtimePublisher,
    @Inject(FailureCounter) private readonly failures: FailureCounter,
  ) {}

  /**
   * No lock (anyone could lock anyone out): wrong tries of one account from one address slow down
   * (core `signInDelayMs`). Unknown user, wrong password and a try made too soon get the same 401,
   * and each costs one password hash, so neither the answer nor its time tells them apart.
   */
  async signIn(username: string, password: string, context: { userAgent?: string; ip?: string }, now = new Date()): Promise<{ me: Me; token: string }> {
    const db = this.database.db;
    const key = `signin:${username.trim().toLowerCase()}|${context.ip ?? 'unknown'}`;
    const [seen, row] = await Promise.all([this.failures.get(key, now.getTime()), staffRepository.findByUsername(db, username)]);
    const throttled = signInThrottled(seen, now.getTime());
    const known = row?.active ? row : undefined;
    const ok = await verifyPassword(known && !throttled ? known.passwordHash : await DUMMY_HASH, password);
    if (!known || throttled || !ok) {
      // A try refused for being too soon does not count: waiting is enough to be heard again.
      if (!throttled) await this.failures.fail(key, SIGN_IN_FAILURE_WINDOW_SECONDS, now.getTime());
      throw invalid();
    }
    await this.failures.clear(key);
    const { token, hash } = newSessionToken();
    await db.transaction(async (tx) => {
      await staffRepository.recordSuccessfulLogin(tx, known.id);
      await sessionRepository.create(tx, { staffId: known.id, tokenHash: hash, expiresAt: this.expiry(now), userAgent: context.userAgent?.slice(0, 300), ip: context.ip });
    });
    return { me: toMe((await staffRepository.findWithRoles(db, known.id))!), token };
  }

  /** The actor behind a session cookie; sliding expiry, refreshed at most once a minute. */
  async resolve(token: string | undefined, now = new Date()): Promise<Actor | undefined> {
    if (!token) return undefined;
    const session = await sessionRepository.findLiveWithRoles(this.database.db, hashToken(token), now);
    if (!session) return undefined;
    const expiresAt = this.expiry(now);
    if (expiresAt.getTime() - session.expiresAt.getTime() > 60_000) await sessionRepository.extend(this.database.db, session.id, now, expiresAt);
    return { staffId: session.staffId, sessionId: session.id, roles: session.roles, mustChangePassword: session.mustChangePassword };
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
}
