import { routes, type PingRequest } from '@motcua/contracts';
import { Controller, Inject } from '@nestjs/common';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { SystemService } from './system.service.js';

@Controller()
export class SystemController {
  constructor(@Inject(SystemService) private readonly system: SystemService) {}

  @ApiRoute(routes.createPing)
  create(@Input() input: ValidatedInput<unknown, unknown, PingRequest>) {
    return this.system.createPing(input.body.message);
  }

  @ApiRoute(routes.getPing)
  get(@Input() input: ValidatedInput<{ id: string }>) {
    return this.system.getPing(input.params.id);
  }
}
