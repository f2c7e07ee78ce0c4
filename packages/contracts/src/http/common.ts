import { z } from 'zod';
import { msg } from '../i18n.js';

export const ZId = z.uuid({ error: msg('Mã định danh không hợp lệ', 'Invalid id') });

/*
 * Database limits, declared once at the edge so that bad input is a 400 with a field message,
 * never a 500 from PostgreSQL: text cannot hold a NUL character, integer columns are int4,
 * and dates stay in a range every date function handles (year 0 does not exist in PostgreSQL).
 */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2999-12-31';
/** What a person is told about a NUL character, in both languages. */
export const NUL_TEXT = { vi: 'Không được chứa ký tự NUL (\\0); hãy xoá ký tự này', en: 'Must not contain the NUL character (\\0); remove it' } as const;
const NUL_MESSAGE = msg(NUL_TEXT.vi, NUL_TEXT.en);
export const hasNul = (s: string) => s.includes('\u0000');
/** Text a PostgreSQL `text` column can store. */
export const ZPlainText = z.string().refine((s) => !hasNul(s), { error: NUL_MESSAGE });
/** An integer an int4 column can store. */
export const ZInt4 = z.number().int().min(INT4_MIN).max(INT4_MAX, { error: msg(`Tối đa ${INT4_MAX}`, `At most ${INT4_MAX}`) });

/**
 * Every string in a request (params, query, body, at any depth) that holds a NUL character, by path.
 * The route guard rejects them all before any schema-specific rule, so no text field can forget it.
 */
export function nulPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return hasNul(value) ? [path || '(value)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulPaths(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => (hasNul(k) ? [path ? `${path}.${k}` : k] : nulPaths(v, path ? `${path}.${k}` : k)));
  return [];
}
export const ZIdParams = z.object({ id: ZId });
export const ZCenterParams = z.object({ centerId: ZId });
const DATE_RANGE = msg(`Ngày phải trong khoảng ${MIN_DATE} … ${MAX_DATE}`, `The date must be between ${MIN_DATE} and ${MAX_DATE}`);
export const ZDate = z.iso
  .date({ error: msg('Ngày phải có dạng YYYY-MM-DD', 'Date must be YYYY-MM-DD') })
  .refine((d) => d >= MIN_DATE && d <= MAX_DATE, { error: DATE_RANGE });
export const ZDateTime = z.iso.datetime({ offset: true }).refine((d) => d.slice(0, 10) >= MIN_DATE && d.slice(0, 10) <= MAX_DATE, { error: DATE_RANGE });
export const ZHhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: msg('Giờ phải có dạng HH:MM', 'Time must be HH:MM') });

export const ZName = ZPlainText
  .trim()
  .min(1, { error: msg('Không được để trống', 'Required') })
  .max(200, { error: msg('Tối đa 200 ký tự', 'At most 200 characters') });

export const ZCode = ZPlainText
  .trim()
  .min(1, { error: msg('Hãy nhập mã', 'Code is required') })
  .max(40, { error: msg('Mã tối đa 40 ký tự', 'Code must be at most 40 characters') })
  .regex(/^[A-Za-z0-9._-]+$/, { error: msg('Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang', 'Code may contain only letters, digits, ".", "-" and "_"') });

export const ZOk = z.object({ ok: z.literal(true) });

type Patch<T extends z.ZodRawShape> = { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer I extends z.ZodType> ? I : T[K]> };
/**
 * The body of a PATCH: every field optional and without its default, so that a field
 * left out keeps its stored value instead of being reset (`.partial()` keeps defaults).
 */
export function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>): z.ZodObject<Patch<T>> {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, ((v instanceof z.ZodDefault ? v.unwrap() : v) as z.ZodType).optional()]));
  return z.object(shape) as unknown as z.ZodObject<Patch<T>>;
}

/** Result of a CSV/JSON import: what happened per line, nothing written when any line is wrong. */
export const ZImportResult = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  errors: z.array(z.object({ line: z.number().int().positive(), message: z.string() })),
});
export type ImportResult = z.infer<typeof ZImportResult>;
