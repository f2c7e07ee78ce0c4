/**
 * The component papers of a procedure (thành phần hồ sơ): ONE list that the citizen guide shows
 * and the counter intake offers as checkboxes. A guide written by managers (bilingual) is that
 * list; a procedure without one falls back to its version's intake checklist.
 */
export type PaperForm = 'original' | 'copy' | 'shown';

export interface ChecklistSource {
  name: string | { vi: string; en: string };
  original: boolean;
  reusable: boolean;
  /** Optional refinements; the defaults follow the bare flags. */
  form?: PaperForm;
  copies?: number;
  required?: boolean;
}

export interface ChecklistItem {
  index: number;
  name: { vi: string; en: string };
  form: PaperForm;
  copies: number;
  required: boolean;
  /** Can be taken from the national databases or an earlier dossier (766 indicator 4.3). */
  reusable: boolean;
}

export function procedureChecklist(guideDocuments: readonly ChecklistSource[] | null | undefined, versionDocuments: readonly ChecklistSource[]): ChecklistItem[] {
  const source = guideDocuments?.length ? guideDocuments : versionDocuments;
  return source.map((d, index) => ({
    index,
    name: typeof d.name === 'string' ? { vi: d.name, en: d.name } : { vi: d.name.vi, en: d.name.en || d.name.vi },
    form: d.form ?? (d.original ? 'original' : 'copy'),
    copies: d.copies ?? 1,
    required: d.required ?? true,
    reusable: d.reusable,
  }));
}

export interface ComponentState {
  required: boolean;
  exempt: boolean;
  hasFile: boolean;
}

/** 766 indicator 4.2: every required component has a file or is exempt (a dossier without components is not digitised). */
export function isDigitised(components: readonly ComponentState[]): boolean {
  const required = components.filter((c) => c.required);
  return required.length > 0 && required.every((c) => c.exempt || c.hasFile);
}
