import { createCalendar, deviceOfflineAlertText, isOpenAt } from '@motcua/core';
import { alertRepository, calendarRepository, deviceRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AlertService } from '../alerts/alert.service.js';
import { CONFIG, type WorkerConfig } from '../config/config.js';
import { DeliveryService } from '../deliveries/delivery.service.js';
import { DATABASE, LOGGER } from '../infra/tokens.js';

/**
 * Tells a center's managers when one of its paired devices (hall display, kiosk, rating tablet) has
 * been silent for DEVICE_OFFLINE_AFTER_MS while the center is open (#18 item 12). Once per outage:
 * the outage row (device, last sighting) is inserted in the transaction that inserts the
 * notifications, so concurrent runs or a retry cannot double it.
 */
@Injectable()
export class DeviceOutageService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CONFIG) private readonly config: WorkerConfig,
    @Inject(AlertService) private readonly alerts: AlertService,
    @Inject(DeliveryService) private readonly deliveries: DeliveryService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async sweep(now: Date): Promise<{ silent: number; alerted: number; notified: number }> {
    const run = { silent: 0, alerted: 0, notified: 0 };
    const silent = await deviceRepository.silentSince(this.database.db, new Date(now.getTime() - this.config.DEVICE_OFFLINE_AFTER_MS));
    const open = new Map<string, boolean>();
    for (const d of silent) {
      run.silent++;
      const c = d.center;
      if (!open.has(c.id)) {
        const unit = await calendarRepository.forUnit(this.database.db, c.unitId, c.timeZone);
        const cal = createCalendar({ timeZone: c.timeZone, officeHours: c.openingHours, days: unit.days.values(), ...(unit.schedule ? { schedule: unit.schedule } : {}) });
        open.set(c.id, isOpenAt(cal, now));
      }
      // A device switched off after hours is expected; if it stays off, it is alerted once the center opens.
      if (!open.get(c.id)) continue;
      const created = await this.alert(d, d.lastSeenAt!);
      if (created !== undefined) {
        run.alerted++;
        run.notified += created;
      }
    }
    if (run.alerted) this.logger.info(run, `device outages: ${run.alerted} alerted`);
    return run;
  }

  /** Undefined when another run took this outage first. */
  private async alert(d: Awaited<ReturnType<typeof deviceRepository.silentSince>>[number], since: Date): Promise<number | undefined> {
    const recipients = await deviceRepository.managers(this.database.db, d.center.id, d.center.unitId);
    const text = deviceOfflineAlertText(d, d.center.name, since, d.center.timeZone);
    const result = await this.database.db.transaction(async (tx) => {
      const outage = await deviceRepository.recordOutage(tx, d.id, since);
      if (!outage) return undefined;
      const rows = await alertRepository.insertOnce(tx, recipients.map((recipientId) => ({ recipientId, dossierId: null, deviceOutageId: outage.id, kind: 'device_offline' as const, deadlineVersion: 0, stage: 0, ...text })));
      // Email to the managers; the unit's webhooks carry dossier alerts only.
      return { created: rows, deliveries: await alertRepository.createDeliveries(tx, rows, null, this.deliveries.emailEnabled) };
    });
    if (!result) return undefined;
    // A crash from here on leaves unpushed rows and pending deliveries: the alert sweep sends them.
    await this.alerts.push(result.created);
    await this.deliveries.enqueue(result.deliveries.map((x) => x.id));
    return result.created.length;
  }
}
