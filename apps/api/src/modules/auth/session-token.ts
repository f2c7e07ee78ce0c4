import { createHash, randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from '@motcua/contracts';
import type { CookieOptions } from 'express';

/** 256 random bits for the cookie; only its SHA-256 is stored, so a database leak hands out no sessions. */
export function newSessionToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sessionCookie(publicUrl: string, maxAgeMs: number): [string, CookieOptions] {
  return [SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: publicUrl.startsWith('https://'), path: '/', maxAge: maxAgeMs }];
}
