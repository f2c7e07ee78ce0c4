import { routes } from '@motcua/contracts';
import { Controller, Header, Inject } from '@nestjs/common';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { GuideService } from './guide.service.js';
import { FORM_SHEET_CSP } from '../../infra/security-headers.js';

/** The public procedure guide behind the QR posters. */
@Controller()
export class GuideController {
  constructor(@Inject(GuideService) private readonly guide: GuideService) {}

  @ApiRoute(routes.guideCatalogue)
  catalogue(@Input() input: ValidatedInput<{ centerId: string }>, @Now() now: Date) {
    return this.guide.catalogue(input.params.centerId, now);
  }

  @ApiRoute(routes.guideProcedure)
  procedure(@Input() input: ValidatedInput<{ centerId: string; code: string }>, @Now() now: Date) {
    return this.guide.procedure(input.params.centerId, input.params.code, now);
  }

  @ApiRoute(routes.guideFormSheet)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  @Header('Content-Security-Policy', FORM_SHEET_CSP)
  formSheet(@Input() input: ValidatedInput<{ code: string }>) {
    return this.guide.formSheet(input.params.code);
  }
}
