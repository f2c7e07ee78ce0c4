import {
  routes, type BriefingQuery, type ChannelsQuery, type CorrectionsQuery, type FigureDossiersQuery, type DrilldownQuery, type HeatmapQuery, type IndicatorsQuery, type OverdueQuery, type QueuePerformanceQuery, type RankingQuery, type TrendsQuery,
} from '@motcua/contracts';
import { Controller, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { AnalyticsService } from './analytics.service.js';
import { BriefingService } from './briefing.service.js';

type UnitParams = { unitId: string };

@Controller()
export class AnalyticsController {
  constructor(
    @Inject(AnalyticsService) private readonly analytics: AnalyticsService,
    @Inject(BriefingService) private readonly briefings: BriefingService,
  ) {}

  @ApiRoute(routes.analyticsBriefing)
  async briefing(@Input() input: ValidatedInput<unknown, BriefingQuery>, @CurrentActor() actor: Actor, @Now() now: Date, @Res() res: Response) {
    const b = await this.briefings.briefing(input.query, actor, now);
    res.status(200);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${b.filename}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Briefing-Signed', String(b.signed));
    res.end(Buffer.from(b.pdf));
  }

  @ApiRoute(routes.indicators)
  indicators(@Input() input: ValidatedInput<unknown, IndicatorsQuery>, @CurrentActor() actor: Actor) {
    return this.analytics.indicators(input.query, actor);
  }

  @ApiRoute(routes.analyticsScope)
  scope(@CurrentActor() actor: Actor) {
    return this.analytics.scopeUnits(actor);
  }

  @ApiRoute(routes.analyticsRanking)
  ranking(@Input() input: ValidatedInput<unknown, RankingQuery>, @CurrentActor() actor: Actor) {
    return this.analytics.ranking(input.query, actor);
  }

  @ApiRoute(routes.analyticsTrends)
  trends(@Input() input: ValidatedInput<unknown, TrendsQuery>, @CurrentActor() actor: Actor) {
    return this.analytics.trends(input.query, actor);
  }

  @ApiRoute(routes.analyticsChannels)
  channels(@Input() input: ValidatedInput<unknown, ChannelsQuery>, @CurrentActor() actor: Actor) {
    return this.analytics.channels(input.query, actor);
  }

  @ApiRoute(routes.analyticsDrilldown)
  drilldown(@Input() input: ValidatedInput<UnitParams, DrilldownQuery>, @CurrentActor() actor: Actor) {
    return this.analytics.drilldown(input.params.unitId, input.query, actor);
  }

  @ApiRoute(routes.analyticsOverdue)
  overdue(@Input() input: ValidatedInput<UnitParams, OverdueQuery>, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.analytics.overdue(input.params.unitId, input.query, actor, now);
  }

  @ApiRoute(routes.analyticsDossiers)
  dossiers(@Input() input: ValidatedInput<unknown, FigureDossiersQuery>, @CurrentActor() actor: Actor) {
    return this.analytics.dossiers(input.query, actor);
  }

  @ApiRoute(routes.analyticsCorrections)
  corrections(@Input() input: ValidatedInput<unknown, CorrectionsQuery>, @CurrentActor() actor: Actor) {
    return this.analytics.corrections(input.query, actor);
  }

  @ApiRoute(routes.analyticsHeatmap)
  heatmap(@Input() input: ValidatedInput<unknown, HeatmapQuery>, @CurrentActor() actor: Actor) {
    return this.analytics.heatmap(input.query, actor);
  }

  @ApiRoute(routes.analyticsQueue)
  queue(@Input() input: ValidatedInput<unknown, QueuePerformanceQuery>, @CurrentActor() actor: Actor) {
    return this.analytics.queuePerformance(input.query, actor);
  }
}
