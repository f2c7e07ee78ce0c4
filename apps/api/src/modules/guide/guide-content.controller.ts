import { routes, type RouteBody } from '@motcua/contracts';
import { Controller, Inject } from '@nestjs/common';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { Ctx, type CommandContext } from '../../common/command-context.js';
import { GuideContentService } from './guide-content.service.js';

/** The guide editor of the backoffice (admins and provincial managers). */
@Controller()
export class GuideContentController {
  constructor(@Inject(GuideContentService) private readonly content: GuideContentService) {}

  @ApiRoute(routes.procedureGuide)
  get(@Input() input: ValidatedInput<{ id: string }>) {
    return this.content.get(input.params.id);
  }

  @ApiRoute(routes.updateProcedureGuide)
  update(@Input() input: ValidatedInput<{ id: string }, unknown, RouteBody<'updateProcedureGuide'>>, @Ctx() ctx: CommandContext) {
    return this.content.update(input.params.id, input.body, ctx);
  }
}
