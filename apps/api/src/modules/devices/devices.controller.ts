import { DEVICE_COOKIE, routes, type RouteBody } from '@motcua/contracts';
import { Controller, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import type { DeviceIdentity } from '../../common/actor.js';
import { DevicesService } from './devices.service.js';

const YEAR_MS = 365 * 24 * 3600 * 1000;

@Controller()
export class DevicesController {
  constructor(
    @Inject(DevicesService) private readonly devices: DevicesService,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  @ApiRoute(routes.listDevices)
  list(@Input() input: ValidatedInput<{ centerId: string }>) {
    return this.devices.list(input.params.centerId);
  }

  @ApiRoute(routes.createDevice)
  create(@Input() input: ValidatedInput<{ centerId: string }, unknown, RouteBody<'createDevice'>>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.devices.create(input.params.centerId, input.body, actor, req.ip);
  }

  @ApiRoute(routes.revokeDevice)
  revoke(@Input() input: ValidatedInput<{ id: string }>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.devices.revoke(input.params.id, actor, req.ip);
  }

  @ApiRoute(routes.pairDevice)
  async pair(@Input() input: ValidatedInput<unknown, unknown, { code: string }>, @Res({ passthrough: true }) res: Response) {
    const { identity, token } = await this.devices.pair(input.body.code);
    // A wall-mounted TV stays paired until a manager revokes it.
    res.cookie(DEVICE_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: this.config.PUBLIC_URL.startsWith('https://'), path: '/', maxAge: YEAR_MS });
    return identity;
  }

  @ApiRoute(routes.deviceMe)
  me(@Req() req: Request & { device?: DeviceIdentity }) {
    return req.device!;
  }
}
