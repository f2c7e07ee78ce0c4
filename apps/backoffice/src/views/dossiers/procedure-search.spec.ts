import { describe, expect, it } from 'vitest';
import { fold, pickProcedures } from './procedure-search.js';

const all = [
  { code: 'HT-KS', name: 'Đăng ký khai sinh', field: 'ho_tich' },
  { code: 'HT-KH', name: 'Đăng ký kết hôn', field: 'ho_tich' },
  { code: 'CTR-TT', name: 'Đăng ký thường trú', field: 'cu_tru' },
  { code: 'DD-CN', name: 'Chuyển nhượng quyền sử dụng đất', field: 'dat_dai' },
];
const codes = (ps: typeof all) => ps.map((p) => p.code);

describe('procedure picker', () => {
  it('folds Vietnamese diacritics and đ', () => {
    expect(fold('Đăng ký KẾT HÔN, đất')).toBe('dang ky ket hon, dat');
  });

  it('offers the ticket’s field only, unless every field is asked for', () => {
    expect(codes(pickProcedures(all, '', 'ho_tich', false))).toEqual(['HT-KS', 'HT-KH']);
    expect(codes(pickProcedures(all, '', 'ho_tich', true))).toHaveLength(4);
    expect(codes(pickProcedures(all, '', null, false))).toHaveLength(4);
    // A field without procedures here would leave an empty list: offer them all.
    expect(codes(pickProcedures(all, '', 'kinh_doanh', false))).toHaveLength(4);
  });

  it('finds by words typed without diacritics, in any order, or by code', () => {
    expect(codes(pickProcedures(all, 'ket hon', null, false))).toEqual(['HT-KH']);
    expect(codes(pickProcedures(all, 'dat su dung', null, false))).toEqual(['DD-CN']);
    expect(codes(pickProcedures(all, 'ctr', null, false))).toEqual(['CTR-TT']);
    expect(codes(pickProcedures(all, 'thuong tru', 'ho_tich', false))).toEqual([]);
  });
});
