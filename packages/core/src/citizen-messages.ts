import type { CitizenChannel, CitizenEvent, Language } from '@motcua/contracts';

/** Subject (email only) and body of a message to a citizen; `{{name}}` placeholders are filled per event. */
export interface MessageTemplate {
  subject: string;
  body: string;
}

/** What each event fills in. A template may use only these (checked when an admin saves one). */
export const CITIZEN_PLACEHOLDERS: Record<CitizenEvent, readonly string[]> = {
  ticket_called: ['code', 'counter', 'center'],
  ticket_soon: ['code', 'ahead', 'center'],
  dossier_received: ['code', 'title', 'dueDate', 'center'],
  supplement_requested: ['code', 'title', 'items'],
  obligation_to_pay: ['code', 'title', 'amount', 'howToPay', 'dueAfterPayment'],
  result_ready: ['code', 'title', 'returnPoint', 'returnAddress'],
  apology: ['code', 'title', 'newDate', 'reason'],
  returned: ['code', 'title'],
};

/** Dossier control-slip kinds that a citizen hears about (a refusal is handed over in person with Mẫu 03). */
const DOSSIER_EVENT_KINDS: Record<string, CitizenEvent> = {
  received: 'dossier_received',
  intake_supplement: 'supplement_requested',
  supplement_requested: 'supplement_requested',
  obligation_notified: 'obligation_to_pay',
  resolved: 'result_ready',
  extended: 'apology',
  returned: 'returned',
};

/** Events about a queue ticket (sent to the phone left at the kiosk), not about a dossier. */
export const isTicketEvent = (event: CitizenEvent): boolean => event === 'ticket_called' || event === 'ticket_soon';

/** "3 ahead": the text goes out once when 1 to 3 people are still ahead of a ticket that left a phone. */
export const TICKET_SOON_AHEAD = 3;

export const CITIZEN_DOSSIER_EVENT_KINDS: readonly string[] = Object.keys(DOSSIER_EVENT_KINDS);

export function citizenEventOf(dossierEventKind: string): CitizenEvent | undefined {
  return DOSSIER_EVENT_KINDS[dossierEventKind];
}

type Texts = Record<Language, { subject: string; long: string; short: string }>;

// `long` for email and webhook, `short` for SMS and Zalo (one SMS is 160 characters without accents).
const DEFAULTS: Record<CitizenEvent, Texts> = {
  ticket_called: {
    vi: { subject: 'Đến lượt số {{code}}', long: 'Mời số {{code}} đến {{counter}} tại {{center}}.', short: 'Moi so {{code}} den {{counter}} - {{center}}.' },
    en: { subject: 'Ticket {{code}} is called', long: 'Ticket {{code}}: please go to {{counter}} at {{center}}.', short: 'Ticket {{code}}: please go to {{counter}} - {{center}}.' },
  },
  ticket_soon: {
    vi: { subject: 'Sắp đến lượt số {{code}}', long: 'Còn {{ahead}} người nữa đến lượt số {{code}} tại {{center}}. Xin mời có mặt gần quầy.', short: 'Con {{ahead}} nguoi nua den luot so {{code}} - {{center}}.' },
    en: { subject: 'Ticket {{code}} is nearly up', long: '{{ahead}} more before ticket {{code}} at {{center}}. Please be near the counters.', short: '{{ahead}} more before ticket {{code}} - {{center}}.' },
  },
  dossier_received: {
    vi: {
      subject: 'Đã tiếp nhận hồ sơ {{code}}',
      long: 'Hồ sơ {{code}} ({{title}}) đã được tiếp nhận tại {{center}}.\nNgày hẹn trả kết quả: {{dueDate}}.',
      short: 'Ho so {{code}} da duoc tiep nhan. Hen tra ket qua: {{dueDate}}.',
    },
    en: {
      subject: 'Dossier {{code}} received',
      long: 'Your dossier {{code}} ({{title}}) was received at {{center}}.\nAppointment for the result: {{dueDate}}.',
      short: 'Dossier {{code}} received. Result appointment: {{dueDate}}.',
    },
  },
  supplement_requested: {
    vi: {
      subject: 'Hồ sơ {{code}} cần bổ sung',
      long: 'Hồ sơ {{code}} ({{title}}) cần bổ sung đầy đủ các giấy tờ sau:\n{{items}}\nThời hạn giải quyết được tính lại khi hồ sơ đủ.',
      short: 'Ho so {{code}} can bo sung: {{items}}',
    },
    en: {
      subject: 'Dossier {{code}} needs more documents',
      long: 'Your dossier {{code}} ({{title}}) needs all of the following:\n{{items}}\nThe time limit starts again once the dossier is complete.',
      short: 'Dossier {{code}} needs: {{items}}',
    },
  },
  obligation_to_pay: {
    vi: {
      subject: 'Hồ sơ {{code}}: nghĩa vụ tài chính cần nộp',
      long: 'Hồ sơ {{code}} ({{title}}): ông/bà cần nộp {{amount}}.\nCách nộp: {{howToPay}}\n{{dueAfterPayment}}',
      short: 'Ho so {{code}}: can nop {{amount}}. {{howToPay}}. {{dueAfterPayment}}',
    },
    en: {
      subject: 'Dossier {{code}}: amount to pay',
      long: 'Dossier {{code}} ({{title}}): please pay {{amount}}.\nHow to pay: {{howToPay}}\n{{dueAfterPayment}}',
      short: 'Dossier {{code}}: please pay {{amount}}. {{howToPay}}. {{dueAfterPayment}}',
    },
  },
  result_ready: {
    vi: {
      subject: 'Hồ sơ {{code}} đã có kết quả',
      long: 'Hồ sơ {{code}} ({{title}}) đã có kết quả.\nMời ông/bà nhận tại {{returnPoint}}, {{returnAddress}}.',
      short: 'Ho so {{code}} da co ket qua. Nhan tai {{returnPoint}}.',
    },
    en: {
      subject: 'The result of dossier {{code}} is ready',
      long: 'The result of your dossier {{code}} ({{title}}) is ready.\nPlease collect it at {{returnPoint}}, {{returnAddress}}.',
      short: 'Dossier {{code}} result ready. Collect at {{returnPoint}}.',
    },
  },
  apology: {
    vi: {
      subject: 'Xin lỗi và hẹn lại ngày trả hồ sơ {{code}}',
      long: 'Chúng tôi xin lỗi vì hồ sơ {{code}} ({{title}}) chưa thể trả đúng hẹn.\nLý do: {{reason}}\nNgày hẹn mới: {{newDate}}.',
      short: 'Xin loi: ho so {{code}} tre hen. Ngay hen moi: {{newDate}}.',
    },
    en: {
      subject: 'Apology and new date for dossier {{code}}',
      long: 'We apologise: dossier {{code}} ({{title}}) cannot be returned on the appointed date.\nReason: {{reason}}\nNew date: {{newDate}}.',
      short: 'Sorry: dossier {{code}} is late. New date: {{newDate}}.',
    },
  },
  returned: {
    vi: { subject: 'Đã trả kết quả hồ sơ {{code}}', long: 'Kết quả hồ sơ {{code}} ({{title}}) đã được trả. Cảm ơn ông/bà.', short: 'Da tra ket qua ho so {{code}}. Cam on ong/ba.' },
    en: { subject: 'Dossier {{code}} returned', long: 'The result of dossier {{code}} ({{title}}) has been handed over. Thank you.', short: 'Dossier {{code}} result handed over. Thank you.' },
  },
};

const isShort = (channel: CitizenChannel) => channel === 'sms' || channel === 'zalo';

export function defaultTemplate(event: CitizenEvent, channel: CitizenChannel, language: Language): MessageTemplate {
  const t = DEFAULTS[event][language];
  return { subject: channel === 'email' ? t.subject : '', body: isShort(channel) ? t.short : t.long };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Placeholders a text uses that its event does not fill. */
export function unknownPlaceholders(event: CitizenEvent, text: string): string[] {
  const known = new Set(CITIZEN_PLACEHOLDERS[event]);
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((p) => !known.has(p)))];
}

/** Fills `{{name}}` placeholders; a missing value leaves an empty string, never the raw braces. */
export function renderTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}

/** Short channels get the list on one line. */
export function formatItems(items: readonly string[], channel: CitizenChannel): string {
  return isShort(channel) ? items.join('; ') : items.map((i) => `- ${i}`).join('\n');
}

export function formatVnd(amount: number, language: Language): string {
  return `${new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US').format(amount)} VND`;
}

/** Whether the return date waits for the payment (procedures whose law pauses the clock). */
export function dueAfterPaymentText(pausesClock: boolean, dueDate: string, language: Language): string {
  if (pausesClock) {
    return language === 'vi' ? 'Ngày hẹn trả kết quả được tính lại kể từ khi ông/bà nộp xong.' : 'The return date is counted from when the payment is made.';
  }
  return language === 'vi' ? `Ngày hẹn trả kết quả không đổi: ${dueDate}.` : `The return date stays ${dueDate}.`;
}

/** Footer every message carries, so nobody can edit the way out of a template. */
export function optOutFooter(url: string, channel: CitizenChannel, language: Language): string {
  if (channel === 'webhook') return '';
  if (isShort(channel)) return language === 'vi' ? `\nHuy nhan tin: ${url}` : `\nStop messages: ${url}`;
  return language === 'vi' ? `\n\nKhông muốn nhận thông báo nữa: ${url}` : `\n\nTo stop these messages: ${url}`;
}

/** Example values for the template editor's preview. */
export function sampleValues(event: CitizenEvent, language: Language): Record<string, string> {
  const vi = language === 'vi';
  const all: Record<string, string> = {
    code: isTicketEvent(event) ? 'A023' : 'H12.32002-261201-0001',
    ahead: '3',
    counter: vi ? 'Quầy 5' : 'Counter 5',
    center: vi ? 'Trung tâm Phục vụ hành chính công phường An Xuyên' : 'An Xuyên public service center',
    title: vi ? 'Đăng ký thường trú' : 'Permanent residence registration',
    dueDate: '09:00 10/12/2026',
    newDate: '15:00 14/12/2026',
    items: formatItems(vi ? ['Bản sao giấy khai sinh', 'Giấy tờ chứng minh chỗ ở'] : ['Copy of the birth certificate', 'Proof of residence'], 'email'),
    amount: formatVnd(1_250_000, language),
    howToPay: vi ? 'Nộp tại quầy hoặc qua Cổng Dịch vụ công quốc gia' : 'At the counter or on the National Public Service Portal',
    dueAfterPayment: dueAfterPaymentText(true, '', language),
    returnPoint: vi ? 'Trung tâm Phục vụ hành chính công phường An Xuyên' : 'An Xuyên public service center',
    returnAddress: vi ? '2 Hùng Vương, phường An Xuyên' : '2 Hùng Vương, An Xuyên ward',
    reason: vi ? 'Cần xác minh thêm nguồn gốc đất' : 'The land origin needs further verification',
  };
  return Object.fromEntries(CITIZEN_PLACEHOLDERS[event].map((p) => [p, all[p] ?? '']));
}

/** Where a message went, without the whole number or address: for staff, and for logs that outlive the contact. Idempotent. */
export function maskTarget(channel: CitizenChannel, target: string): string {
  if (channel === 'email') return target.replace(/^(.)[^@]*(@.*)$/, '$1***$2');
  if (channel === 'webhook') return URL.canParse(target) ? new URL(target).host : '***';
  return target.length > 6 ? `${target.slice(0, 3)}****${target.slice(-3)}` : '***';
}

/** A Web Push notification (#17): title and body the service worker shows, and the tag that replaces an older one. */
export interface PushMessage {
  title: string;
  body: string;
  tag: string;
}

/** "3 ahead" (sent once, at 3 or fewer ahead) and the call, in the citizen's language. */
export function pushMessage(m: { kind: 'ahead'; code: string; ahead: number } | { kind: 'called'; code: string; counter: string }, language: Language): PushMessage {
  const en = language === 'en';
  if (m.kind === 'ahead') {
    return { title: en ? `Ticket ${m.code}` : `Số ${m.code}`, body: en ? `${m.ahead} ${m.ahead === 1 ? 'person' : 'people'} ahead of you` : `Còn ${m.ahead} người nữa đến lượt bạn`, tag: `ticket-${m.code}` };
  }
  return { title: en ? `Ticket ${m.code}` : `Số ${m.code}`, body: en ? `Number ${m.code}, please come to ${m.counter}` : `Mời số ${m.code} đến ${m.counter}`, tag: `ticket-${m.code}` };
}
