import { routes } from '@motcua/contracts';
import { Controller, Inject } from '@nestjs/common';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { AuditService } from './audit.service.js';

@Controller()
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @ApiRoute(routes.listAudit)
  list(@Input() input: ValidatedInput<unknown, { entity?: string; actorId?: string; from?: string; to?: string; before?: string; limit: number }>) {
    return this.audit.page(input.query);
  }
}
