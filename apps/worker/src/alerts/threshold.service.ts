import { addCounts, DEFAULT_TIME_ZONE, dossierIndicators, emptyCounts, histogramPercentile, shownIndicators, thresholdAlertText, thresholdFigure, thresholdPeriodDays, thresholdStep } from '@motcua/core';
import { alertRepository, analyticsRepository, thresholdRepository, type DatabaseHandle, type ThresholdRow } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DeliveryService } from '../deliveries/delivery.service.js';
import { DATABASE, LOGGER } from '../infra/tokens.js';
import { AlertService } from './alert.service.js';

export interface ThresholdRun {
  evaluated: number;
  crossed: number;
  recovered: number;
  notified: number;
}

/**
 * Compares each enabled alert threshold with the figure the dashboards show (the same read
 * models and core formulas) and tells the unit's leaders, and those above, once per crossing.
 * "Once" is the database's: the crossing is a conditional update of the threshold row, in the
 * transaction that inserts the notifications, so concurrent runs or a crash cannot double it.
 */
@Injectable()
export class ThresholdService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(AlertService) private readonly alerts: AlertService,
    @Inject(DeliveryService) private readonly deliveries: DeliveryService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async evaluate(now: Date): Promise<ThresholdRun> {
    const run: ThresholdRun = { evaluated: 0, crossed: 0, recovered: 0, notified: 0 };
    // Two lines on the same figure (a warning and a stricter one) read it once per run.
    const figures = new Map<string, Promise<number | null>>();
    for (const t of await thresholdRepository.enabled(this.database.db)) {
      const key = `${t.unitId}|${t.indicator}|${t.period}`;
      if (!figures.has(key)) figures.set(key, this.figure(t, now));
      const figure = await figures.get(key)!;
      run.evaluated++;
      const step = thresholdStep(t, figure, t.state);
      if (step === 'crossed') {
        const created = await this.cross(t, figure!, now);
        if (created !== undefined) {
          run.crossed++;
          run.notified += created;
        }
      } else if (step === 'recovered') {
        if (await thresholdRepository.recover(this.database.db, t.id, figure!, now)) run.recovered++;
      } else await thresholdRepository.touch(this.database.db, t.id, figure, now);
    }
    if (run.crossed || run.recovered) this.logger.info(run, `alert thresholds: ${run.crossed} crossed, ${run.recovered} recovered`);
    return run;
  }

  /** Undefined when another run took this crossing first. */
  private async cross(t: ThresholdRow, figure: number, now: Date): Promise<number | undefined> {
    const recipients = await thresholdRepository.recipients(this.database.db, t.unitId);
    const text = thresholdAlertText(t, t.unitName, figure);
    const result = await this.database.db.transaction(async (tx) => {
      const crossing = await thresholdRepository.cross(tx, t, figure, now);
      if (crossing === undefined) return undefined;
      const rows = await alertRepository.insertOnce(tx, recipients.map((recipientId) => ({ recipientId, dossierId: null, thresholdId: t.id, kind: 'threshold' as const, deadlineVersion: 0, stage: crossing, ...text })));
      return { created: rows, deliveries: await alertRepository.createDeliveries(tx, rows, t.unitId, this.deliveries.emailEnabled) };
    });
    if (!result) return undefined;
    // A crash from here on leaves unpushed rows and pending deliveries: the alert sweep sends them.
    await this.alerts.push(result.created);
    await this.deliveries.enqueue(result.deliveries.map((d) => d.id));
    return result.created.length;
  }

  /** The threshold's figure in its unit, over its period, for the unit and every unit below it; null without data. */
  private async figure(t: ThresholdRow, now: Date): Promise<number | null> {
    const { from, to } = thresholdPeriodDays(t.period, now, DEFAULT_TIME_ZONE);
    const unitIds = await analyticsRepository.unitsInScope(this.database.db, [t.unitId], []);
    if (t.indicator === 'on_time_rate') {
      const rows = await analyticsRepository.dossierCounts(this.database.db, { from, to, by: 'competent', unitIds, groupBy: 'unit' });
      const counts = rows.reduce((sum, r) => addCounts(sum, r), emptyCounts());
      return thresholdFigure(t.indicator, { onTimeRate766: shownIndicators(dossierIndicators(counts)).onTimeRate766, p90WaitMinutes: null });
    }
    // The centers' wait histograms summed: the p90 of every ticket called in the unit, as one queue.
    const centers = await analyticsRepository.queueSums(this.database.db, { from, to, unitIds, per: 'center' });
    const histogram: number[] = [];
    for (const c of centers) c.histogram.forEach((n, i) => (histogram[i] = (histogram[i] ?? 0) + n));
    return thresholdFigure(t.indicator, { onTimeRate766: null, p90WaitMinutes: histogram.length ? histogramPercentile(histogram, 90) : null });
  }
}
