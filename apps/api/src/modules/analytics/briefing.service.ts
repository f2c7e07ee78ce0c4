import type { BriefingQuery } from '@motcua/contracts';
import {
  BAND_NAMES, bandOf, briefingSentences, DEFAULT_TIME_ZONE, formatDay, dayOfInstant, formatPoints, formatRate, formatTarget, HEADLINE_NAME, INDICATOR_DEFINITIONS, monthLabel, pointsBetween,
  RATE_FORMULAS, shownIndicators, targetOf, type DossierCounts, type Ratio,
} from '@motcua/core';
import { analyticsRepository, documentRepository, type DatabaseHandle } from '@motcua/db';
import type { BriefingData, BriefingFigure, Signer } from '@motcua/documents';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { READ_DATABASE } from '../../infra/tokens.js';
import { AnalyticsService, OVERDUE_CAP } from './analytics.service.js';

/** PDF rendering and signing load on first use (about a second of start-up; a restarted API must answer fast). */
const documents = () => import('@motcua/documents');

const sumOf = (c: DossierCounts, keys: readonly (keyof DossierCounts)[]) => keys.reduce((s, k) => s + c[k], 0);
const partsOf = (c: DossierCounts) => ({ numerator: sumOf(c, RATE_FORMULAS.onTimeRate766.numerator), denominator: sumOf(c, RATE_FORMULAS.onTimeRate766.denominator) });
const NO_DATA = BAND_NAMES.none.vi;
const rateText = (r: Ratio | undefined) => (r === null || r === undefined ? NO_DATA : formatRate(r, 'vi'));
const nameOf = (key: string) => INDICATOR_DEFINITIONS.find((d) => d.key === key)?.name.vi ?? key;

export interface Briefing {
  pdf: Uint8Array;
  filename: string;
  /** Signed for the unit's People's Committee (false: no key for it, the PDF says nothing about a signature). */
  signed: boolean;
}

/**
 * The one-page monthly briefing (issue #19 item 10): the figures of AnalyticsService, the three
 * sentences of core's templates, laid out by the documents package and signed with the same
 * signer as the documents of record when the unit's People's Committee holds a key.
 */
@Injectable()
export class BriefingService implements OnApplicationShutdown {
  #signer?: Promise<Signer>;

  constructor(
    @Inject(AnalyticsService) private readonly analytics: AnalyticsService,
    @Inject(READ_DATABASE) private readonly database: DatabaseHandle,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  private signer(): Promise<Signer> {
    this.#signer ??= documents().then((d) => d.createSigner(d.signerConfigFromEnv(this.config as unknown as Record<string, string | undefined>, this.config.SIGNER_PKCS12_DIR)));
    return this.#signer;
  }

  async onApplicationShutdown() {
    if (this.#signer) await (await this.#signer).close();
  }

  async briefing(q: BriefingQuery, actor: Actor, now: Date): Promise<Briefing> {
    const f = await this.analytics.briefingFigures(q, actor, now);
    const db = this.database.db;
    const [committee, province] = await Promise.all([analyticsRepository.committeeOf(db, f.unit.id), documentRepository.provinceOf(db, f.unit.id)]);
    const signer = await this.signer();
    const signFor = committee && (await signer.canSignFor(committee.id)) ? committee : null;

    const shown = shownIndicators(f.total.indicators);
    const before = shownIndicators(f.previousTotal.indicators);
    const target = targetOf('onTimeRate766')!;
    const worst = f.procedures[0];
    const sentences = briefingSentences({
      unitName: f.unit.name, month: f.month, rate: shown.onTimeRate766, previousRate: before.onTimeRate766, target,
      fields: f.fields.map((x) => ({ label: x.label, current: partsOf(x.current), previous: partsOf(x.previous) })),
      overdue: f.overdue.length,
      worstProcedure: worst ? { label: worst.label, rate: worst.indicators.onTimeRate766! } : null,
    }).vi;

    const change = shown.onTimeRate766 !== null && before.onTimeRate766 !== null ? pointsBetween(shown.onTimeRate766, before.onTimeRate766) : null;
    const changeText = change === null ? 'chưa so sánh được' : change === 0 ? 'không đổi' : `${change < 0 ? 'giảm' : 'tăng'} ${formatPoints(change, 'vi')}`;
    const figure = (key: 'onTimeRate766' | 'onTimeRate766Original' | 'onlineRate' | 'onlinePaymentRate' | 'satisfaction766'): BriefingFigure => {
      const t = targetOf(key);
      return { name: nameOf(key), value: rateText(shown[key]), previous: rateText(before[key]), target: t === undefined ? '—' : formatTarget(t, 'vi'), assessment: t === undefined ? '—' : BAND_NAMES[bandOf(shown[key], t)].vi };
    };
    const count = (n: number) => n.toLocaleString('vi-VN');
    const place = province?.replace(/^(Tỉnh|Thành phố)\s+/u, '') ?? f.unit.name;
    const data = (signedBy: string | null): BriefingData => ({
      timeZone: DEFAULT_TIME_ZONE, issuedAt: now, place,
      issuer: { name: committee?.name ?? f.unit.name, parentName: province && province !== f.unit.name ? province : null },
      unitName: f.unit.name, monthLabel: monthLabel(f.month, 'vi'),
      headline: {
        name: HEADLINE_NAME.vi,
        value: rateText(shown.onTimeRate766),
        detail: `Chỉ tiêu ${formatTarget(target, 'vi')} · Tháng trước ${rateText(before.onTimeRate766)} · ${changeText} · ${count(f.total.indicators.toProcess)} hồ sơ đã xử lý trong tháng`,
      },
      figures: [
        figure('onTimeRate766'), figure('onTimeRate766Original'), figure('onlineRate'), figure('onlinePaymentRate'), figure('satisfaction766'),
        { name: 'Hồ sơ tiếp nhận trong tháng', value: count(f.total.counts.received), previous: count(f.previousTotal.counts.received), target: '—', assessment: '—' },
      ],
      sentences,
      worstProcedures: f.procedures.slice(0, 5).map((p) => ({ procedure: p.label, field: p.field, handled: p.indicators.toProcess, onTime: rateText(p.indicators.onTimeRate766) })),
      overdue: f.overdue.map((o) => ({
        code: o.code, procedure: o.procedure, dueAt: formatDay(dayOfInstant(new Date(o.dueAt), DEFAULT_TIME_ZONE)),
        daysOverdue: Math.floor((now.getTime() - new Date(o.dueAt).getTime()) / 86_400_000), holder: o.handler ?? o.agency,
      })),
      overdueMore: 0,
      signedBy,
      source:
        `Số liệu ${formatDay(f.from)} – ${formatDay(f.to)} từ bảng tổng hợp ngày của hệ thống Một Cửa (như trang Tổng quan), theo ${q.by === 'competent' ? 'cơ quan có thẩm quyền giải quyết' : 'nơi tiếp nhận'}; ` +
        `hồ sơ quá hạn tính tại lúc lập bản tin${f.overdue.length >= OVERDUE_CAP ? ` (ít nhất ${OVERDUE_CAP})` : ''}. Câu nhận xét được điền tự động từ số liệu theo mẫu cố định.`,
    });

    const d = await documents();
    const filename = `ban-tin-${f.month}.pdf`;
    if (!signFor) return { pdf: await d.renderBriefing(data(null)), filename, signed: false };
    try {
      const pdf = await d.renderBriefing(data(signFor.name));
      const signed = await signer.sign(pdf, { agencyId: signFor.id, agencyCode: signFor.code, agencyName: signFor.name }, { reason: `Bản tin tháng ${f.month.slice(5)}/${f.month.slice(0, 4)}`, location: place, signedAt: now });
      return { pdf: signed, filename, signed: true };
    } catch (e) {
      // A key the signer refuses (certificate not valid now): the briefing is still wanted, unsigned and saying nothing of a signature.
      if (!(e instanceof d.SignerRefusedError)) throw e;
      return { pdf: await d.renderBriefing(data(null)), filename, signed: false };
    }
  }
}
