/** The kinds of document of record the system issues (TT 01/2018 forms 01–03, the apology letter, the e-result). */
export type RecordKind = 'e_receipt' | 'e_supplement_request' | 'e_refusal' | 'e_apology' | 'e_result';

/** The document of record each kind of control-slip event calls for. */
export const RECORD_OF_EVENT: Readonly<Record<string, RecordKind>> = {
  received: 'e_receipt',
  intake_supplement: 'e_supplement_request',
  supplement_requested: 'e_supplement_request',
  refused: 'e_refusal',
  extended: 'e_apology',
  resolved: 'e_result',
};

/** The dossier event kinds that call for a document of record. */
export const RECORD_EVENT_KINDS: readonly string[] = Object.keys(RECORD_OF_EVENT);

/** The document of record an event kind calls for, if any. */
export const recordOfEvent = (eventKind: string): RecordKind | undefined => (Object.hasOwn(RECORD_OF_EVENT, eventKind) ? RECORD_OF_EVENT[eventKind] : undefined);
