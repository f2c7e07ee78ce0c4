import type { DossierStatus } from '@motcua/contracts';
import type { RuleResult } from './dossier-rules.js';

type Bilingual = { vi: string; en: string };

/** Statuses in which the applicant answers a supplement request (at intake, or during processing). */
export const SUPPLEMENT_STATUSES: ReadonlySet<DossierStatus> = new Set(['intake_supplement', 'awaiting_supplement']);

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('vi') === b.trim().toLocaleLowerCase('vi');

/**
 * Whether the applicant may say "supplement done" online (issue #17). The request lists items in
 * free text: an item named like a checklist component is answered by a file attached to it since
 * the request; any other item (a paper to explain, a correction) needs the citizen's note.
 */
export function supplementAnswer(input: {
  status: DossierStatus;
  asked: readonly string[];
  askedAt: Date | null;
  components: ReadonlyArray<{ name: string; attachedAt: Date | null }>;
  note: string | null;
}): RuleResult & { missing?: string[] } {
  if (!SUPPLEMENT_STATUSES.has(input.status)) {
    return { ok: false, reason: { vi: 'Hồ sơ không ở trạng thái chờ bổ sung: không có gì cần bổ sung lúc này.', en: 'The dossier is not waiting for a supplement: nothing is asked of you now.' } };
  }
  const note = input.note?.trim() ?? '';
  const missing: string[] = [];
  for (const item of input.asked) {
    const component = input.components.find((c) => same(c.name, item));
    const answered = component ? Boolean(component.attachedAt && (!input.askedAt || component.attachedAt.getTime() >= input.askedAt.getTime())) : note.length > 0;
    if (!answered) missing.push(item);
  }
  if (missing.length) {
    const reason: Bilingual = {
      vi: `Chưa bổ sung đủ: ${missing.join('; ')}. Hãy đính kèm tệp cho từng giấy tờ được yêu cầu, hoặc ghi chú cách bạn đã bổ sung.`,
      en: `Not everything asked is supplied yet: ${missing.join('; ')}. Attach a file to each paper asked for, or add a note saying how you supplied it.`,
    };
    return { ok: false, reason, missing };
  }
  return { ok: true };
}

/** A file digitised for an earlier dossier fits a checklist item of the same kind of paper (same name in the checklist). */
export function sameDocumentKind(componentName: string, earlierName: string): boolean {
  return same(componentName, earlierName);
}

/**
 * A citizen rates a dossier once, after the result was handed over (`returned`); the rating feeds
 * the satisfaction indicator as the counter tablet's does (a "not satisfied" counts against 766 group 5).
 */
export function ratingAllowed(status: DossierStatus, alreadyRated: boolean): RuleResult {
  if (alreadyRated) return { ok: false, reason: { vi: 'Bạn đã đánh giá hồ sơ này; mỗi hồ sơ chỉ đánh giá một lần.', en: 'You have already rated this dossier; each dossier is rated once.' } };
  if (status !== 'returned') return { ok: false, reason: { vi: 'Chỉ đánh giá được sau khi đã nhận kết quả.', en: 'You can rate the dossier once its result has been handed over.' } };
  return { ok: true };
}
