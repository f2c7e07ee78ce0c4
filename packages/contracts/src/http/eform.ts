import { z } from 'zod';
import { msg } from '../i18n.js';

/** One field of a procedure version's e-form (tờ khai điện tử), as the agency defines it. */
export const ZEFormField = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/),
  label: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
  type: z.enum(['text', 'date', 'number', 'select']),
  required: z.boolean().default(false),
  /** Only for `select`: the allowed values with their labels. */
  options: z.array(z.object({ value: z.string(), label: z.object({ vi: z.string(), en: z.string() }) })).optional(),
});
export type EFormField = z.infer<typeof ZEFormField>;

/** The citizen's answers, keyed by field key; checked against the version's fields by `eFormSchema`. */
export const ZEFormAnswers = z.record(z.string().max(40), z.union([z.string().max(500), z.number()]));
export type EFormAnswers = z.infer<typeof ZEFormAnswers>;

const required = msg('Bắt buộc', 'Required');

function fieldSchema(f: EFormField): z.ZodType<unknown, any> {
  switch (f.type) {
    case 'date':
      return z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg('Ngày theo dạng YYYY-MM-DD', 'A date as YYYY-MM-DD') }).refine((s) => { const d = new Date(`${s}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s); }, { error: msg('Ngày không có thật', 'Not a real date') });
    case 'number':
      return z.coerce.number({ error: msg('Phải là một số', 'Must be a number') }).finite();
    case 'select': {
      const values = (f.options ?? []).map((o) => o.value);
      return z.string().refine((v) => values.includes(v), { error: msg('Hãy chọn một giá trị trong danh sách', 'Choose one of the listed values') });
    }
    default:
      return z.string().trim().min(1, { error: required }).max(500, { error: msg('Tối đa 500 ký tự', 'At most 500 characters') });
  }
}

/**
 * The zod schema of an e-form, built from its field list. Pure: the portal validates the form with it
 * before sending and the API validates the body with it, so both sides agree on every message.
 * An empty string counts as absent; keys not in the form are refused.
 */
export function eFormSchema(fields: readonly EFormField[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
    const present = z.unknown().refine((v) => v !== undefined, { error: required, abort: true });
    shape[f.key] = z.preprocess(blankToUndefined, f.required ? present.pipe(fieldSchema(f)) : fieldSchema(f).optional());
  }
  return z.strictObject(shape, { error: msg('Tờ khai có trường không thuộc thủ tục này', 'The form has a field this procedure does not ask for') });
}

/** A filled e-form as shown back (to the citizen and to staff): each answered field with its label, in form order. */
export const ZEFormFilled = z.array(z.object({ key: z.string(), label: z.object({ vi: z.string(), en: z.string() }), value: z.union([z.string(), z.number()]) }));
export type EFormFilled = z.infer<typeof ZEFormFilled>;

/** Pairs the stored answers with the version's fields; answers to fields since removed are still shown, under their key. */
export function fillEForm(fields: readonly EFormField[], answers: Readonly<Record<string, string | number>> | null): EFormFilled {
  if (!answers) return [];
  const known = fields.filter((f) => answers[f.key] !== undefined).map((f) => ({ key: f.key, label: f.label, value: answers[f.key]! }));
  const orphans = Object.keys(answers).filter((k) => !fields.some((f) => f.key === k)).map((k) => ({ key: k, label: { vi: k, en: k }, value: answers[k]! }));
  return [...known, ...orphans];
}
