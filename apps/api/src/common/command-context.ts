import { negotiateLocale, type Locale } from '@motcua/contracts';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from './actor.js';

/** Who acts, in which language, from where and when: what a service needs to run and audit a command. */
export interface CommandContext {
  actor: Actor;
  locale: Locale;
  ip?: string;
  now: Date;
}

/** The command context of a staff route (the guard has set the actor; `now` honours the test clock). */
export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const req = ctx.switchToHttp().getRequest<Request & { actor: Actor; now?: Date }>();
  return { actor: req.actor, locale: negotiateLocale(req.headers['accept-language']), ip: req.ip, now: req.now ?? new Date() };
});
