import { z } from 'zod';
import { msg } from '../i18n.js';

export const ZId = z.uuid({ error: msg('Mã định danh không hợp lệ', 'Invalid id') });
export const ZIdParams = z.object({ id: ZId });
export const ZCenterParams = z.object({ centerId: ZId });
export const ZDate = z.iso.date({ error: msg('Ngày phải có dạng YYYY-MM-DD', 'Date must be YYYY-MM-DD') });
export const ZDateTime = z.iso.datetime({ offset: true });
export const ZHhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: msg('Giờ phải có dạng HH:MM', 'Time must be HH:MM') });

export const ZName = z
  .string()
  .trim()
  .min(1, { error: msg('Không được để trống', 'Required') })
  .max(200, { error: msg('Tối đa 200 ký tự', 'At most 200 characters') });

export const ZCode = z
  .string()
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
