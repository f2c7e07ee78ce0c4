import type {
  ApologyData,
  DocumentBase,
  DocumentData,
  DocumentKind,
  ReceiptData,
  RefusalData,
  RenderOptions,
  ResultData,
  SupplementRequestData,
} from '../types.js';
import { formatDateTime } from './format.js';
import { clean, Sheet } from './sheet.js';
import { vi } from './texts.js';

/** Renders a document of record: A4, Vietnamese, Noto Serif embedded, PDF/A-2b, QR code of `qrUrl`. */
export async function renderDocument<K extends DocumentKind>(kind: K, data: DocumentData[K], _opts: RenderOptions = {}): Promise<Uint8Array> {
  const title = kind === 'result' ? (data as ResultData).title : vi.title[kind as Exclude<DocumentKind, 'result'>];
  const sheet = new Sheet(data, { title: `${clean(title)} — ${data.dossierCode}`, subject: clean(data.procedure) });
  sheet.heading(vi.formNo[kind]);
  switch (kind) {
    case 'receipt':
      receipt(sheet, data as ReceiptData);
      break;
    case 'supplement_request':
      supplement(sheet, data as SupplementRequestData);
      break;
    case 'refusal':
      refusal(sheet, data as RefusalData);
      break;
    case 'apology':
      apology(sheet, data as ApologyData);
      break;
    case 'result':
      result(sheet, data as ResultData);
      break;
    default:
      throw new TypeError(`Unknown document kind: ${String(kind)}`);
  }
  sheet.footer(kind === 'result' ? vi.qrCaption.verify : vi.qrCaption.track);
  return sheet.end();
}

function applicantLines(s: Sheet, d: DocumentBase) {
  const a = d.applicant;
  s.para(a.name, { label: vi.applicant });
  if (a.idNumber) s.para(a.idNumber, { label: vi.idNumber });
  if (a.address) s.para(a.address, { label: vi.address });
  if (a.phone) s.para(a.email ? `${a.phone}    ${vi.email}: ${a.email}` : a.phone, { label: vi.phone });
  else if (a.email) s.para(a.email, { label: vi.email });
}

function receipt(s: Sheet, d: ReceiptData) {
  const tz = d.timeZone;
  s.title(vi.title.receipt);
  s.para(d.dossierCode, { label: vi.dossierCode, align: 'center' });
  s.para(vi.receivedFrom(clean(d.issuer.name)));
  applicantLines(s, d);
  s.para(d.procedure, { label: vi.procedure });
  s.para(`1. ${vi.components}`);
  s.table(
    [
      { title: vi.table.no, share: 0.08, align: 'center' },
      { title: vi.table.name, share: 0.54 },
      { title: vi.table.form, share: 0.26 },
      { title: vi.table.sets, share: 0.12, align: 'center' },
    ],
    d.components.map((c, i) => [String(i + 1), c.name, vi.componentForm[c.form], String(c.sets)]),
  );
  const sets = d.components.reduce((m, c) => Math.max(m, c.sets), 0);
  s.para(`2. ${vi.setsTotal}: ${String(sets || 1).padStart(2, '0')} ${vi.setsUnit}`);
  s.para(`3. ${vi.processingTime}: ${d.processingTime}`);
  s.para(`4. ${vi.receivedAt}: ${formatDateTime(d.receivedAt, tz)}`);
  s.para(`5. ${vi.appointmentAt}: ${formatDateTime(d.appointmentAt, tz)}`);
  s.para(`6. ${vi.returnPoint}: ${placeText(d.returnPoint)}`);
}

function supplement(s: Sheet, d: SupplementRequestData) {
  s.title(vi.title.supplement_request);
  s.para(d.dossierCode, { label: vi.dossierCode, align: 'center' });
  s.para(vi.supplementIntro(formatDateTime(d.receivedAt, d.timeZone), clean(d.issuer.name), clean(d.applicant.name)));
  applicantLines(s, d);
  s.para(d.procedure, { label: vi.procedure });
  s.para(vi.supplementAsk);
  s.list(d.missingItems);
  if (d.reason) s.para(d.reason, { label: vi.supplementReason });
  s.para(vi.supplementOnce, { italic: true });
  if (d.contact) s.para(vi.supplementContact(clean(d.contact.name), d.contact.phone ? clean(d.contact.phone) : null));
}

function refusal(s: Sheet, d: RefusalData) {
  s.title(vi.title.refusal);
  s.para(d.dossierCode, { label: vi.dossierCode, align: 'center' });
  s.para(vi.refusalIntro(formatDateTime(d.receivedAt, d.timeZone), clean(d.issuer.name), clean(d.applicant.name)));
  applicantLines(s, d);
  s.para(d.procedure, { label: vi.procedure });
  s.para(vi.refusalBody(clean(d.issuer.name)));
  s.list(d.reasons);
  s.para(vi.refusalEnd);
}

function apology(s: Sheet, d: ApologyData) {
  const tz = d.timeZone;
  s.title(vi.title.apology);
  s.para(`Ông/Bà ${d.applicant.name}`, { label: vi.to, align: 'center' });
  s.para(vi.apologyReceived(formatDateTime(d.receivedAt, tz), clean(d.issuer.name)));
  s.para(d.procedure, { indent: 14 });
  s.para(d.dossierCode, { label: vi.dossierCode });
  if (d.applicant.idNumber) s.para(d.applicant.idNumber, { label: vi.idNumber });
  s.para(formatDateTime(d.appointmentAt, tz), { label: vi.apologyDue });
  s.para(vi.apologyLate(clean(d.issuer.name)));
  s.para(d.reason, { label: vi.apologyReason });
  s.para(`${vi.apologySorry(clean(d.issuer.name))}: ${formatDateTime(d.newAppointmentAt, tz)}.`);
  s.para(vi.apologyEnd);
}

function result(s: Sheet, d: ResultData) {
  s.title(d.title.toUpperCase(), d.subject);
  for (const p of d.body) s.para(p);
  s.para(d.applicant.name, { label: vi.resultFor });
  if (d.applicant.idNumber) s.para(d.applicant.idNumber, { label: vi.idNumber, indent: 14 });
  if (d.applicant.address) s.para(d.applicant.address, { label: vi.address, indent: 14 });
  s.para(d.dossierCode, { label: vi.dossierCode });
  s.para(vi.resultOutcome[d.outcome]);
  s.para(formatDateTime(d.decidedAt, d.timeZone), { label: vi.resultDecidedAt });
  if (d.returnPoint) s.para(placeText(d.returnPoint), { label: vi.resultReturn });
}

function placeText(p: { name: string; address?: string | null }) {
  return p.address ? `${p.name}, ${p.address}` : p.name;
}
