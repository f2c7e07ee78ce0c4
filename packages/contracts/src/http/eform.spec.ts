import { describe, expect, it } from 'vitest';
import { safeParseIn } from '../i18n.js';
import { eFormSchema, type EFormField } from './eform.js';

const fields: EFormField[] = [
  { key: 'childName', label: { vi: 'Họ tên trẻ', en: "Child's name" }, type: 'text', required: true },
  { key: 'birthDate', label: { vi: 'Ngày sinh', en: 'Date of birth' }, type: 'date', required: true },
  { key: 'weightKg', label: { vi: 'Cân nặng', en: 'Weight' }, type: 'number', required: false },
  { key: 'sex', label: { vi: 'Giới tính', en: 'Sex' }, type: 'select', required: true, options: [{ value: 'm', label: { vi: 'Nam', en: 'Male' } }, { value: 'f', label: { vi: 'Nữ', en: 'Female' } }] },
];

describe('eFormSchema', () => {
  it('accepts a complete form and leaves blank optional fields out', () => {
    const r = eFormSchema(fields).safeParse({ childName: ' An ', birthDate: '2026-11-30', weightKg: '', sex: 'f' });
    expect(r.success && r.data).toEqual({ childName: 'An', birthDate: '2026-11-30', sex: 'f' });
  });

  it('names each wrong field, in the asked language', () => {
    const r = safeParseIn(eFormSchema(fields), { childName: '  ', birthDate: '2026-02-30', weightKg: 'nặng', sex: 'x' }, 'en');
    expect(r.success).toBe(false);
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byPath).toEqual({ childName: 'Required', birthDate: 'Not a real date', weightKg: 'Must be a number', sex: 'Choose one of the listed values' });
  });

  it('asks for a missing required field and refuses fields the form does not have', () => {
    const r = safeParseIn(eFormSchema(fields), { birthDate: '2026-11-30', sex: 'm', extra: '1' }, 'vi');
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(paths).toContain('childName:Bắt buộc');
    expect(paths.some((p) => p.includes('không thuộc thủ tục'))).toBe(true);
  });
});
