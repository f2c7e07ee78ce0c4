/** The documents of record a dossier produces (forms of TT 01/2018, kept by TT 03/2025). */
export type DocumentKind = 'receipt' /* Mẫu 01 */ | 'supplement_request' /* Mẫu 02 */ | 'refusal' /* Mẫu 03 */ | 'apology' | 'result';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['receipt', 'supplement_request', 'refusal', 'apology', 'result'];

export interface Place {
  name: string;
  address?: string | null;
}

/** As printed on the paper forms today: name, ID number, address, phone (email when given). */
export interface Applicant {
  name: string;
  idNumber?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** How a component paper was handed in. */
export type ComponentForm = 'original' | 'certified_copy' | 'copy' | 'shown';

export interface ReceivedComponent {
  name: string;
  form: ComponentForm;
  /** Number of sets (bộ) or copies handed in. */
  sets: number;
}

/** What every document prints: the issuing body, the dossier, the applicant, the QR. */
export interface DocumentBase {
  /** IANA zone the times are printed in (the center's; usually Asia/Ho_Chi_Minh). */
  timeZone: string;
  /** Date of the document, printed "<place>, ngày dd tháng mm năm yyyy". */
  issuedAt: Date;
  /** Locality for the date line, e.g. "Cà Mau". */
  place: string;
  /** The body that issues the document: the receiving center for forms 01–03, the competent agency for the apology and the result. */
  issuer: { name: string; parentName?: string | null; address?: string | null };
  /** Document number as registered ("123/TNHS"); left blank on the form when absent. */
  number?: string | null;
  dossierCode: string;
  procedure: string;
  applicant: Applicant;
  /** The person who signs or receives (printed under the signature block). */
  officer: { name: string; title: string };
  /** Tracking or verification address carried by the QR code. */
  qrUrl: string;
  /** Name printed in the "digitally signed by" box, when the document will be signed. */
  signedBy?: string | null;
}

export interface ReceiptData extends DocumentBase {
  receivedAt: Date;
  appointmentAt: Date;
  components: ReceivedComponent[];
  /** Legal processing time as printed ("05 ngày làm việc", "Trong ngày"). */
  processingTime: string;
  /** Where the result is collected. */
  returnPoint: Place;
}

export interface SupplementRequestData extends DocumentBase {
  receivedAt: Date;
  missingItems: string[];
  reason?: string | null;
  /** Whom to contact while completing the dossier. */
  contact?: { name: string; phone?: string | null } | null;
}

export interface RefusalData extends DocumentBase {
  receivedAt: Date;
  reasons: string[];
}

export interface ApologyData extends DocumentBase {
  receivedAt: Date;
  /** The original appointment (never changes). */
  appointmentAt: Date;
  newAppointmentAt: Date;
  reason: string;
}

export interface ResultData extends DocumentBase {
  /** Kind of act, printed large: "QUYẾT ĐỊNH", "GIẤY CHỨNG NHẬN", "VĂN BẢN TRẢ LỜI". */
  title: string;
  /** What it is about, printed under the title. */
  subject: string;
  outcome: 'approved' | 'refused';
  decidedAt: Date;
  /** Paragraphs of the decision. */
  body: string[];
  /** Where the result is returned. */
  returnPoint?: Place | null;
}

export interface DocumentData {
  receipt: ReceiptData;
  supplement_request: SupplementRequestData;
  refusal: RefusalData;
  apology: ApologyData;
  result: ResultData;
}

export interface RenderOptions {
  /** Documents of record are Vietnamese; the option is there for a later bilingual copy. */
  lang?: 'vi';
}

/** The agency a document is signed for. */
export interface SignerIdentity {
  agencyId: string;
  agencyCode: string;
  agencyName: string;
}

export interface SignMeta {
  reason: string;
  location?: string;
  /** Written to the signature dictionary's /M (PAdES keeps the time out of the signed attributes). */
  signedAt: Date;
}

export interface Signer {
  sign(pdf: Uint8Array, who: SignerIdentity, meta: SignMeta): Promise<Uint8Array>;
  canSignFor(agencyId: string): Promise<boolean>;
  /** Releases the token session (PKCS#11); a no-op for PKCS#12. */
  close(): Promise<void>;
}

/** One agency's PKCS#12 file, relative to the directory, and its password. */
export interface Pkcs12Entry {
  file: string;
  /** The password itself, or the name of the environment variable holding it. */
  password?: string;
  passwordEnv?: string;
}

export interface Pkcs12SignerConfig {
  kind: 'pkcs12';
  /** Directory with the .p12 files and `signers.json` ({ "<agencyId>": { file, password | passwordEnv } }). */
  dir: string;
  /** Overrides `signers.json` when given. */
  agencies?: Record<string, Pkcs12Entry>;
}

export interface Pkcs11SignerConfig {
  kind: 'pkcs11';
  /** Path of the token's PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so. */
  module: string;
  /** Token label; the first token with a private key of the agency's label when absent. */
  tokenLabel?: string;
  /** Slot id, an alternative to the token label. */
  slot?: number;
  pin: string;
  /** agencyId → label (CKA_LABEL) of the private key; the certificate carries the same label. */
  keys: Record<string, string>;
  /** Extra CA certificates (PEM) to embed after the agency's certificate. */
  chainPem?: string[];
}

export type SignerConfig = Pkcs12SignerConfig | Pkcs11SignerConfig;

export interface SignatureCheck {
  /** Subject common name (CN) and organisation (O) of the signer's certificate. */
  signer: { commonName: string | null; organization: string | null; serialNumber: string };
  /** /M of the signature dictionary. */
  signingTime: Date | null;
  reason: string | null;
  location: string | null;
  subFilter: string | null;
  /** The byte range starts at 0 and ends at the end of the file, leaving out only the signature. */
  coversWholeDocument: boolean;
  /** The message digest matches the signed bytes and the signature over the attributes verifies. */
  digestIntact: boolean;
  /** The certificate chains to one of the trusted roots (checked at the signing time). */
  chainTrusted: boolean;
  /** The signing time lies within the certificate's validity. */
  certificateValidAtSigningTime: boolean;
  /** The CAdES signing-certificate-v2 attribute is present and names the signer's certificate. */
  signingCertificateV2: boolean;
  /**
   * Digest intact, chain trusted, certificate valid at the signing time, signing-certificate-v2 present;
   * for the last signature also covering the whole document (earlier ones cover their own revision).
   */
  valid: boolean;
  /** Why it is not valid, for people. */
  problems: string[];
}

export interface VerifyResult {
  /** False when there is no signature, or any signature is not valid. */
  valid: boolean;
  signatures: SignatureCheck[];
}

/** One figure of the monthly briefing against its target, formatted by the caller ("93,2%"). */
export interface BriefingFigure {
  name: string;
  value: string;
  previous: string;
  target: string;
  /** "Đạt", "Gần đạt", "Chưa đạt", "Chưa có dữ liệu". */
  assessment: string;
}

/**
 * The one-page monthly briefing for a leader (issue #19 item 10): staff-only, so the overdue list
 * names who holds each dossier. Every text is prepared by the caller; this only lays it out.
 */
export interface BriefingData {
  timeZone: string;
  issuedAt: Date;
  place: string;
  issuer: { name: string; parentName?: string | null };
  /** "Phường An Xuyên" or the province. */
  unitName: string;
  /** "Tháng 11/2026". */
  monthLabel: string;
  headline: { name: string; value: string; detail: string };
  figures: BriefingFigure[];
  /** The three sentences generated from the figures. */
  sentences: string[];
  worstProcedures: Array<{ procedure: string; field: string; handled: number; onTime: string }>;
  overdue: Array<{ code: string; procedure: string; dueAt: string; daysOverdue: number; holder: string }>;
  /** Overdue dossiers not printed for want of room. */
  overdueMore: number;
  /** When it will be signed: the agency in the "digitally signed by" box. */
  signedBy?: string | null;
  /** The line at the foot: where the figures come from and when. */
  source: string;
}
