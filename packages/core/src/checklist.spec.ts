import { describe, expect, it } from 'vitest';
import { isDigitised, procedureChecklist } from './checklist.js';

describe('procedureChecklist', () => {
  const version = [
    { name: 'Tờ khai', original: true, reusable: false },
    { name: 'CCCD', original: false, reusable: true, form: 'shown' as const },
  ];
  it("reads the guide's list when it has one, else the version's", () => {
    const guide = [{ name: { vi: 'Tờ khai đăng ký', en: 'Application form' }, original: true, reusable: false, copies: 2 }];
    expect(procedureChecklist(guide, version)).toEqual([{ index: 0, name: { vi: 'Tờ khai đăng ký', en: 'Application form' }, form: 'original', copies: 2, required: true, reusable: false }]);
    expect(procedureChecklist([], version)).toEqual([
      { index: 0, name: { vi: 'Tờ khai', en: 'Tờ khai' }, form: 'original', copies: 1, required: true, reusable: false },
      { index: 1, name: { vi: 'CCCD', en: 'CCCD' }, form: 'shown', copies: 1, required: true, reusable: true },
    ]);
  });
});

describe('isDigitised', () => {
  it('needs a file or an exemption on every required component', () => {
    expect(isDigitised([{ required: true, exempt: false, hasFile: true }, { required: true, exempt: true, hasFile: false }, { required: false, exempt: false, hasFile: false }])).toBe(true);
    expect(isDigitised([{ required: true, exempt: false, hasFile: true }, { required: true, exempt: false, hasFile: false }])).toBe(false);
    expect(isDigitised([])).toBe(false);
  });
});
