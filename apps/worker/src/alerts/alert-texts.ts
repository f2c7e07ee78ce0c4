import type { AlertKind } from '@motcua/contracts';

/**
 * The stored text of a notification (Vietnamese, the language of emails and webhooks);
 * the backoffice renders its own bilingual line from kind + title.
 */
export function alertText(kind: AlertKind, code: string, stage: number, at: Date): { title: string; body: string } {
  const when = at.toISOString();
  switch (kind) {
    case 'due_soon':
      return { title: code, body: `Hồ sơ ${code} còn 1 ngày làm việc đến hạn (${when}); nếu trễ, cần thư xin lỗi và hẹn lại ngay hôm nay.` };
    case 'overdue':
      return { title: code, body: `Hồ sơ ${code} đã quá hạn từ ${when}.` };
    case 'step_overdue':
      return { title: code, body: `Bước ${stage} của hồ sơ ${code} đã quá hạn từ ${when}.` };
    case 'intake_sla':
      return { title: code, body: `Hồ sơ trực tuyến ${code} chưa được tiếp nhận sau ${stage} giờ làm việc.` };
  }
}
