import { routes, SESSION_COOKIE, type SignInRequest } from '@motcua/contracts';
import { Controller, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { AuthService } from './auth.service.js';
import { sessionCookie } from './session-token.js';

@Controller()
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  @ApiRoute(routes.signIn)
  async signIn(@Input() input: ValidatedInput<unknown, unknown, SignInRequest>, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { me, token } = await this.auth.signIn(input.body.username, input.body.password, { userAgent: req.headers['user-agent'], ip: req.ip });
    const [name, options] = sessionCookie(this.config.PUBLIC_URL, this.auth.sessionTtlMs);
    res.cookie(name, token, options);
    return me;
  }

  @ApiRoute(routes.signOut)
  async signOut(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    await this.auth.signOut(actor);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  }

  @ApiRoute(routes.me)
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }

  @ApiRoute(routes.changePassword)
  async changePassword(@CurrentActor() actor: Actor, @Input() input: ValidatedInput<unknown, unknown, { currentPassword: string; newPassword: string }>) {
    await this.auth.changePassword(actor, input.body.currentPassword, input.body.newPassword);
    return { ok: true as const };
  }
}
