import { routes } from '@motcua/contracts';
import { Controller, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiRoute } from '../../common/api-route.decorator.js';
import { HealthService } from './health.service.js';

@Controller()
export class HealthController {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  @ApiRoute(routes.health)
  async get(@Res({ passthrough: true }) res: Response) {
    const health = await this.health.check();
    // Load balancers read the status code: 503 takes this instance out of rotation.
    if (health.status !== 'ok') res.status(503);
    return health;
  }
}
