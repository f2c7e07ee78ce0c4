import { routes, type RouteBody } from '@motcua/contracts';
import { Controller, Inject } from '@nestjs/common';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { Ctx, type CommandContext } from '../../common/command-context.js';
import { ProceduresService } from './procedures.service.js';

@Controller()
export class ProceduresController {
  constructor(@Inject(ProceduresService) private readonly procedures: ProceduresService) {}

  @ApiRoute(routes.listProcedures)
  list() {
    return this.procedures.list();
  }

  @ApiRoute(routes.createProcedure)
  create(@Input() input: ValidatedInput<unknown, unknown, RouteBody<'createProcedure'>>, @Ctx() ctx: CommandContext) {
    return this.procedures.create(input.body, ctx);
  }

  @ApiRoute(routes.addProcedureVersion)
  addVersion(@Input() input: ValidatedInput<{ id: string }, unknown, RouteBody<'addProcedureVersion'>>, @Ctx() ctx: CommandContext) {
    return this.procedures.addVersion(input.params.id, input.body, ctx);
  }

  @ApiRoute(routes.importProcedures)
  import(@Input() input: ValidatedInput<unknown, unknown, RouteBody<'importProcedures'>>, @Ctx() ctx: CommandContext) {
    return this.procedures.import(input.body.format, input.body.content, ctx);
  }
}
