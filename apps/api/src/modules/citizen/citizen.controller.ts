import { CITIZEN_FLOW_COOKIE, CITIZEN_SESSION_COOKIE, negotiateLocale, routes, type CitizenRating, type CitizenSubmission, type CitizenSupplementAnswer } from '@motcua/contracts';
import { Controller, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { CitizenActor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentCitizen } from '../../common/current-actor.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { DossiersService } from '../dossiers/dossiers.service.js';
import { CitizenAuthService } from './citizen-auth.service.js';
import { CitizenPortalService } from './citizen-portal.service.js';
import { CitizenSessionService } from './citizen-session.service.js';

@Controller()
export class CitizenController {
  constructor(
    @Inject(CitizenAuthService) private readonly auth: CitizenAuthService,
    @Inject(CitizenSessionService) private readonly sessions: CitizenSessionService,
    @Inject(CitizenPortalService) private readonly portal: CitizenPortalService,
    @Inject(DossiersService) private readonly dossiers: DossiersService,
  ) {}

  @ApiRoute(routes.citizenSignIn)
  async signIn(@Input() input: ValidatedInput<unknown, { returnTo: string }>, @Res() res: Response) {
    const { url, state } = await this.auth.start(input.query.returnTo);
    const [name, options] = this.auth.flowCookie();
    res.cookie(name, state, options);
    res.redirect(302, url);
  }

  @ApiRoute(routes.citizenCallback)
  async callback(@Input() input: ValidatedInput<unknown, Record<string, string | undefined>>, @Req() req: Request, @Res() res: Response) {
    const [flowName, flowOptions] = this.auth.flowCookie();
    res.clearCookie(flowName, { path: flowOptions.path });
    // The citizen cancelled at the provider: back to the portal, nothing opened.
    if (input.query.error) return res.redirect(302, `/portal?signin=${input.query.error === 'access_denied' ? 'cancelled' : 'failed'}`);
    const { token, returnTo } = await this.auth.finish(input.query, req.cookies?.[CITIZEN_FLOW_COOKIE]);
    const [name, options] = this.sessions.cookie();
    res.cookie(name, token, options);
    res.redirect(302, returnTo);
  }

  @ApiRoute(routes.citizenMe)
  me(@CurrentCitizen() citizen: CitizenActor) {
    return { name: citizen.name, idNumber: citizen.idNumber, phone: citizen.phone, expiresAt: citizen.expiresAt.toISOString() };
  }

  @ApiRoute(routes.citizenSignOut)
  async signOut(@CurrentCitizen() citizen: CitizenActor, @Res({ passthrough: true }) res: Response) {
    await this.sessions.close(citizen.sessionId);
    res.clearCookie(CITIZEN_SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  }

  @ApiRoute(routes.citizenDossiers)
  list(@CurrentCitizen() citizen: CitizenActor) {
    return this.portal.list(citizen);
  }

  @ApiRoute(routes.citizenDossier)
  detail(@CurrentCitizen() citizen: CitizenActor, @Input() input: ValidatedInput<{ code: string }>, @Now() now: Date) {
    return this.portal.detail(citizen, input.params.code, now);
  }

  @ApiRoute(routes.citizenProcedures)
  procedures() {
    return this.portal.procedures();
  }

  @ApiRoute(routes.citizenSubmit)
  submit(@CurrentCitizen() citizen: CitizenActor, @Input() input: ValidatedInput<unknown, unknown, CitizenSubmission>, @Req() req: Request, @Now() now: Date) {
    return this.dossiers.intakeByCitizen(input.body, citizen, now, negotiateLocale(req.headers['accept-language']));
  }

  @ApiRoute(routes.citizenUploadComponentFile)
  upload(@CurrentCitizen() citizen: CitizenActor, @Input() input: ValidatedInput<{ code: string; index: number }>, @Req() req: Request, @Now() now: Date) {
    return this.portal.upload(citizen, input.params.code, input.params.index, req, now);
  }

  @ApiRoute(routes.citizenAnswerSupplement)
  answerSupplement(@CurrentCitizen() citizen: CitizenActor, @Input() input: ValidatedInput<{ code: string }, unknown, CitizenSupplementAnswer>, @Now() now: Date) {
    return this.portal.answerSupplement(citizen, input.params.code, input.body.note || null, now);
  }

  @ApiRoute(routes.citizenRateDossier)
  rate(@CurrentCitizen() citizen: CitizenActor, @Input() input: ValidatedInput<{ code: string }, unknown, CitizenRating>, @Now() now: Date) {
    return this.portal.rate(citizen, input.params.code, input.body, now);
  }

  @ApiRoute(routes.citizenReusableDocuments)
  reusable(@CurrentCitizen() citizen: CitizenActor) {
    return this.portal.reusable(citizen);
  }
}
