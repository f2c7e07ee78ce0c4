import type { DossierStatus } from '@motcua/contracts';

/** National status codes synced to the National Public Service Portal (DVCQG). */
export const nationalStatusCode: Record<DossierStatus, number> = {
  submitted: 1,
  intake_supplement: 1,
  received: 2,
  refused_at_intake: 3,
  in_process: 4,
  awaiting_supplement: 5,
  awaiting_obligation: 6,
  suspended: 4,
  withdrawn: 7,
  stopped: 8,
  resolved: 9,
  returned: 10,
};

export type DossierAction =
  | 'accept'
  | 'request_intake_supplement'
  | 'refuse_at_intake'
  | 'start_processing'
  | 'handover'
  | 'request_supplement'
  | 'supplement_received'
  | 'notify_obligation'
  | 'obligation_paid'
  | 'suspend'
  | 'resume'
  | 'resolve'
  | 'return_result'
  | 'withdraw'
  | 'stop';

const TERMINAL: ReadonlySet<DossierStatus> = new Set(['refused_at_intake', 'withdrawn', 'stopped', 'returned']);
/** States in which the legal clock does not run. */
export const PAUSED_STATES: ReadonlySet<DossierStatus> = new Set(['awaiting_supplement', 'awaiting_obligation', 'suspended']);

const transitions: Record<DossierAction, { from: readonly DossierStatus[]; to: DossierStatus }> = {
  accept: { from: ['submitted', 'intake_supplement'], to: 'received' },
  request_intake_supplement: { from: ['submitted'], to: 'intake_supplement' },
  refuse_at_intake: { from: ['submitted', 'intake_supplement'], to: 'refused_at_intake' },
  start_processing: { from: ['received'], to: 'in_process' },
  handover: { from: ['in_process'], to: 'in_process' },
  request_supplement: { from: ['in_process'], to: 'awaiting_supplement' },
  supplement_received: { from: ['awaiting_supplement'], to: 'in_process' },
  notify_obligation: { from: ['in_process'], to: 'awaiting_obligation' },
  obligation_paid: { from: ['awaiting_obligation'], to: 'in_process' },
  suspend: { from: ['in_process'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'in_process' },
  resolve: { from: ['in_process'], to: 'resolved' },
  return_result: { from: ['resolved'], to: 'returned' },
  // A stop or withdrawal is possible only while no decision exists yet.
  withdraw: { from: ['submitted', 'intake_supplement', 'received', 'in_process', 'awaiting_supplement', 'awaiting_obligation', 'suspended'], to: 'withdrawn' },
  stop: { from: ['submitted', 'intake_supplement', 'received', 'in_process', 'awaiting_supplement', 'awaiting_obligation', 'suspended'], to: 'stopped' },
};

export type TransitionResult = { ok: true; to: DossierStatus } | { ok: false; reason: { vi: string; en: string } };

const statusName: Record<DossierStatus, { vi: string; en: string }> = {
  submitted: { vi: 'mới đăng ký', en: 'submitted' },
  intake_supplement: { vi: 'chờ bổ sung khi tiếp nhận', en: 'awaiting completion at intake' },
  received: { vi: 'đã tiếp nhận', en: 'received' },
  refused_at_intake: { vi: 'từ chối tiếp nhận', en: 'refused at intake' },
  in_process: { vi: 'đang xử lý', en: 'in process' },
  awaiting_supplement: { vi: 'chờ bổ sung', en: 'awaiting supplement' },
  awaiting_obligation: { vi: 'chờ thực hiện nghĩa vụ tài chính', en: 'awaiting payment of obligations' },
  suspended: { vi: 'tạm dừng', en: 'suspended' },
  withdrawn: { vi: 'đã rút', en: 'withdrawn' },
  stopped: { vi: 'đã dừng', en: 'stopped' },
  resolved: { vi: 'đã có kết quả', en: 'resolved' },
  returned: { vi: 'đã trả kết quả', en: 'returned' },
};

export function isTerminal(status: DossierStatus): boolean {
  return TERMINAL.has(status);
}

/** Where an action takes a dossier, or why it cannot (in both languages). */
export function transition(from: DossierStatus, action: DossierAction): TransitionResult {
  const rule = transitions[action];
  if (rule.from.includes(from)) return { ok: true, to: rule.to };
  const allowed = rule.from.map((s) => statusName[s]);
  const why = isTerminal(from)
    ? { vi: `hồ sơ đã ở trạng thái kết thúc "${statusName[from].vi}"`, en: `the dossier is already ${statusName[from].en}, a final state` }
    : {
        vi: `chỉ thực hiện được khi hồ sơ ${allowed.map((s) => `"${s.vi}"`).join(' hoặc ')}, hiện là "${statusName[from].vi}"`,
        en: `only possible when the dossier is ${allowed.map((s) => s.en).join(' or ')}; it is ${statusName[from].en}`,
      };
  return { ok: false, reason: { vi: `Không thể ${actionName[action].vi}: ${why.vi}.`, en: `Cannot ${actionName[action].en}: ${why.en}.` } };
}

/** Actions allowed right now, for building the action buttons of a dossier page. */
export function allowedActions(from: DossierStatus): DossierAction[] {
  return (Object.keys(transitions) as DossierAction[]).filter((a) => transitions[a].from.includes(from));
}

const actionName: Record<DossierAction, { vi: string; en: string }> = {
  accept: { vi: 'tiếp nhận hồ sơ', en: 'accept the dossier' },
  request_intake_supplement: { vi: 'yêu cầu bổ sung khi tiếp nhận', en: 'request completion at intake' },
  refuse_at_intake: { vi: 'từ chối tiếp nhận', en: 'refuse at intake' },
  start_processing: { vi: 'chuyển xử lý', en: 'start processing' },
  handover: { vi: 'chuyển bước xử lý', en: 'hand over' },
  request_supplement: { vi: 'yêu cầu bổ sung', en: 'request a supplement' },
  supplement_received: { vi: 'nhận hồ sơ bổ sung', en: 'record the supplement' },
  notify_obligation: { vi: 'thông báo nghĩa vụ tài chính', en: 'notify the financial obligation' },
  obligation_paid: { vi: 'ghi nhận đã nộp nghĩa vụ tài chính', en: 'record the payment' },
  suspend: { vi: 'tạm dừng', en: 'suspend' },
  resume: { vi: 'tiếp tục xử lý', en: 'resume' },
  resolve: { vi: 'ra kết quả', en: 'resolve' },
  return_result: { vi: 'trả kết quả', en: 'return the result' },
  withdraw: { vi: 'rút hồ sơ', en: 'withdraw' },
  stop: { vi: 'dừng giải quyết', en: 'stop the procedure' },
};
