import { CITIZEN_SESSION_COOKIE } from '@motcua/contracts';
import { citizenSessionRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions } from 'express';
import type { CitizenActor } from '../../common/actor.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { DATABASE } from '../../infra/tokens.js';
import { hashToken, newSessionToken } from '../auth/session-token.js';

/**
 * Citizen sessions: stored like staff sessions (only the token's SHA-256, in PostgreSQL) but in a
 * table of their own under a cookie of their own, with a fixed, shorter life (no sliding expiry).
 */
@Injectable()
export class CitizenSessionService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  async open(identity: { subject: string; issuer: string; idNumber: string; name: string; phone: string | null }, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const { token, hash } = newSessionToken();
    const expiresAt = new Date(now.getTime() + this.config.CITIZEN_SESSION_TTL_SECONDS * 1000);
    await this.database.db.transaction(async (tx) => {
      await citizenSessionRepository.create(tx, { tokenHash: hash, ...identity, expiresAt }, now);
    });
    return { token, expiresAt };
  }

  async resolve(token: string | undefined, now = new Date()): Promise<CitizenActor | undefined> {
    if (!token) return undefined;
    const s = await citizenSessionRepository.findLive(this.database.db, hashToken(token), now);
    return s ? { sessionId: s.id, idNumber: s.idNumber, name: s.name, phone: s.phone, expiresAt: s.expiresAt } : undefined;
  }

  async close(sessionId: string): Promise<void> {
    await citizenSessionRepository.delete(this.database.db, sessionId);
  }

  cookie(maxAgeMs = this.config.CITIZEN_SESSION_TTL_SECONDS * 1000): [string, CookieOptions] {
    return [CITIZEN_SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: this.config.PUBLIC_URL.startsWith('https://'), path: '/', maxAge: maxAgeMs }];
  }
}
