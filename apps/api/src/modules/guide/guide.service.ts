import type { GuideCatalogue, GuideProcedure, GuideProcedureSummary, ServiceWait } from '@motcua/contracts';
import { businessDate, guideForm, procedureChecklist, renderGuideFormSheet, timeLimitText } from '@motcua/core';
import { guideRepository, ticketRepository, type DatabaseHandle, type Procedure, type ProcedureVersion } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../../common/api-error.js';
import { DATABASE } from '../../infra/tokens.js';
import { CenterContext } from '../queue/center-context.js';

type Center = NonNullable<Awaited<ReturnType<CenterContext['config']>>>;

const summary = (p: Procedure, v: ProcedureVersion, serviceId: string): GuideProcedureSummary => ({
  code: p.code,
  name: p.name,
  field: p.field,
  serviceId,
  timeLimit: { unit: v.timeLimitUnit, value: v.timeLimitValue },
  timeLimitText: timeLimitText({ unit: v.timeLimitUnit, value: v.timeLimitValue }),
  feeVnd: v.feeVnd,
  sameDay: v.timeLimitUnit === 'same_day',
  noAppointment: v.noAppointment,
  boundaryFree: v.boundaryFree,
  onlineLevel: v.onlineLevel,
});

/** The public procedure guide (the QR posters' pages): catalogue facts plus the center's live queue. */
@Injectable()
export class GuideService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CenterContext) private readonly context: CenterContext,
  ) {}

  async catalogue(centerId: string, now: Date): Promise<GuideCatalogue> {
    const config = await this.center(centerId);
    const date = businessDate(now, config.center.timeZone);
    const [rows, waits] = await Promise.all([guideRepository.centerProcedures(this.database.db, centerId, date), this.waits(config, date)]);
    return {
      centerId,
      centerName: config.center.name,
      address: config.center.address,
      fields: config.services.map((s) => ({ field: s.field, service: waits.get(s.id)! })),
      procedures: rows.map((r) => summary(r.procedure, r.version, r.serviceId)),
      at: now.toISOString(),
    };
  }

  async procedure(centerId: string, code: string, now: Date): Promise<GuideProcedure> {
    const config = await this.center(centerId);
    const date = businessDate(now, config.center.timeZone);
    const row = await guideRepository.centerProcedure(this.database.db, centerId, code, date);
    if (!row) throw ApiError.notFound({ vi: 'thủ tục này tại trung tâm', en: 'This procedure at this center' });
    const waits = await this.waits(config, date);
    const v = row.version;
    return {
      ...summary(row.procedure, v, row.serviceId),
      centerId,
      centerName: config.center.name,
      steps: row.guide?.steps ?? [],
      // A procedure without a written guide still shows the intake checklist, in Vietnamese.
      // The same list the counter intake offers as checkboxes (core procedureChecklist).
      documents: procedureChecklist(row.guide?.documents, v.requiredDocuments).map((d) => ({ name: d.name, original: d.form === 'original', reusable: d.reusable })),
      forms: row.guide?.forms ?? [],
      notes: row.guide?.notes ?? { vi: '', en: '' },
      service: waits.get(row.serviceId)!,
      appointments: config.center.appointmentsPerCounter > 0,
      at: now.toISOString(),
    };
  }

  /** A blank form of the library, printable; the same for every center, so it carries no center data. */
  formSheet(code: string): string {
    const form = guideForm(code.toUpperCase());
    if (!form) throw ApiError.notFound({ vi: 'biểu mẫu này', en: 'This form' });
    return renderGuideFormSheet(form);
  }

    private async center(centerId: string): Promise<Center> {
    const config = await this.context.config(centerId);
    if (!config) throw ApiError.notFound({ vi: 'trung tâm này', en: 'This center' });
    return config;
  }

  /** What a citizen arriving now would face in each service: people waiting and the estimate. */
  private async waits(config: Center, date: string): Promise<Map<string, ServiceWait>> {
    const waiting = await ticketRepository.waitingCounts(this.database.db, config.center.id, date);
    const entries = await Promise.all(
      config.services.map(async (s) => {
        const n = waiting.get(s.id) ?? 0;
        const wait: ServiceWait = { serviceId: s.id, nameVi: s.nameVi, nameEn: s.nameEn, ticketPrefix: s.ticketPrefix, isOpen: s.isOpen, waiting: n, estimate: await this.context.estimate(config.center, s, n) };
        return [s.id, wait] as const;
      }),
    );
    return new Map(entries);
  }
}
