import { CITIZEN_FLOW_COOKIE, ErrorCode } from '@motcua/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CookieOptions } from 'express';
import type { Redis } from 'ioredis';
import * as oidc from 'openid-client';
import { ApiError } from '../../common/api-error.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { REDIS } from '../../infra/tokens.js';
import { CitizenSessionService } from './citizen-session.service.js';

/** A sign-in attempt must come back within this time. */
const FLOW_TTL_SECONDS = 600;
const ID_NUMBER = /^\d{9}(\d{3})?$/;

const refused = (why: string) =>
  new ApiError(401, ErrorCode.unauthenticated, { vi: 'Không xác thực được danh tính; hãy đăng nhập lại từ cổng dịch vụ công', en: 'Your identity could not be verified; sign in again from the portal' }, { reason: why });

/**
 * The product as an OpenID Connect relying party (issue #17), through openid-client (certified):
 * authorization code with PKCE (S256), state and nonce. The attempt (verifier, nonce, where to go
 * back) waits in Redis under its state, used once; a cookie binds it to the browser that started it.
 * The ID token's signature (non-repudiation checks on), issuer, audience, expiry and nonce are checked by the library.
 */
@Injectable()
export class CitizenAuthService {
  private readonly log = new Logger('CitizenAuth');
  #discovered?: Promise<oidc.Configuration>;

  constructor(
    @Inject(CONFIG) private readonly config: ApiConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CitizenSessionService) private readonly sessions: CitizenSessionService,
  ) {}

  get redirectUri(): string {
    return this.config.OIDC_REDIRECT_URI ?? `${this.config.PUBLIC_URL.replace(/\/$/, '')}/api/citizen/auth/callback`;
  }

  /** The provider's metadata, fetched once (again after a failure). */
  private provider(): Promise<oidc.Configuration> {
    const c = this.config;
    if (!c.OIDC_ISSUER || !c.OIDC_CLIENT_ID || !c.OIDC_CLIENT_SECRET) {
      throw ApiError.notFound({ vi: 'đăng nhập công dân (máy chủ này chưa cấu hình nhà cung cấp định danh)', en: 'Citizen sign-in (no identity provider is configured on this server)' });
    }
    // Plain http is allowed by the config only for a provider on this machine (the demo's).
    // The ID token's signature is checked against the provider's JWKS even though it comes straight from
    // the token endpoint (openid-client skips that by default, trusting TLS): a forged token is refused.
    const execute = [...(c.OIDC_ISSUER.startsWith('http://') ? [oidc.allowInsecureRequests] : []), oidc.enableNonRepudiationChecks];
    this.#discovered ??= oidc.discovery(new URL(c.OIDC_ISSUER), c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET, undefined, { execute }).catch((e: unknown) => {
      this.#discovered = undefined;
      this.log.error(`identity provider discovery failed: ${(e as Error).message}`);
      throw ApiError.unavailable(30);
    });
    return this.#discovered;
  }

  private key(state: string): string {
    return `${this.config.REDIS_PREFIX}:citizen-flow:${state}`;
  }

  /** Where to send the browser, and the state to keep in the flow cookie. */
  async start(returnTo: string): Promise<{ url: string; state: string }> {
    const config = await this.provider();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.redis.set(this.key(state), JSON.stringify({ codeVerifier, nonce, returnTo }), 'EX', FLOW_TTL_SECONDS).catch(redisDown);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.config.OIDC_SCOPES,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * The provider's answer: the state must be the one this browser started, and unused; the code is
   * exchanged with the verifier; the ID token must verify. Opens a citizen session.
   */
  async finish(query: Record<string, string | undefined>, flowState: string | undefined): Promise<{ token: string; expiresAt: Date; returnTo: string }> {
    const config = await this.provider();
    if (!query.state || !flowState || query.state !== flowState) throw refused('state does not match this browser');
    // GETDEL: an attempt is used once, so a replayed callback finds nothing.
    const raw = await this.redis.getdel(this.key(query.state)).catch(redisDown);
    if (!raw) throw refused('sign-in attempt unknown, expired or already used');
    const flow = JSON.parse(raw) as { codeVerifier: string; nonce: string; returnTo: string };
    const current = new URL(this.redirectUri);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) current.searchParams.set(k, v);
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: flow.codeVerifier, expectedState: query.state, expectedNonce: flow.nonce, idTokenExpected: true });
      claims = tokens.claims();
    } catch (e) {
      this.log.warn(`citizen sign-in refused: ${(e as Error).message}`);
      throw refused((e as Error).message);
    }
    const idNumber = String(claims?.[this.config.OIDC_ID_NUMBER_CLAIM] ?? '');
    if (!claims || !ID_NUMBER.test(idNumber)) throw refused(`the ID token has no valid ${this.config.OIDC_ID_NUMBER_CLAIM} claim`);
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : idNumber;
    const phone = typeof claims.phone_number === 'string' ? normalisePhone(claims.phone_number) : null;
    const opened = await this.sessions.open({ subject: claims.sub, issuer: claims.iss, idNumber, name, phone });
    return { ...opened, returnTo: flow.returnTo };
  }

  flowCookie(): [string, CookieOptions] {
    return [CITIZEN_FLOW_COOKIE, { httpOnly: true, sameSite: 'lax', secure: this.config.PUBLIC_URL.startsWith('https://'), path: '/api/citizen/auth', maxAge: FLOW_TTL_SECONDS * 1000 }];
  }
}

/** Without Redis no attempt can be kept or checked: 503, try again. */
function redisDown(): never {
  throw ApiError.unavailable();
}

/** +84 912… → 0912…, as the dossiers store phones; anything else is dropped (the citizen types one). */
function normalisePhone(p: string): string | null {
  const digits = p.replace(/[\s.-]/g, '');
  const local = digits.startsWith('+84') ? `0${digits.slice(3)}` : digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
  return /^0\d{9,10}$/.test(local) ? local : null;
}
