import { describe, expect, it } from 'vitest';
import { briefingSentences, fieldContributions, formatPoints, monthLabel, monthRange, previousMonth, type BriefingFigures } from './briefing-sentences.js';

const parts = (numerator: number, denominator: number) => ({ numerator, denominator });
const base: BriefingFigures = {
  unitName: 'Phường An Xuyên', month: '2026-11', rate: 0.932, previousRate: 0.953, target: 0.99, overdue: 3,
  fields: [],
  worstProcedure: { label: 'Đăng ký khai sinh', rate: 0.5 },
};

describe('monthly briefing sentences', () => {
  it('formats months and points the Vietnamese way', () => {
    expect(monthLabel('2026-11', 'vi')).toBe('Tháng 11/2026');
    expect(monthLabel('2026-11', 'en')).toBe('November 2026');
    expect(formatPoints(-2.1, 'vi')).toBe('2,1 điểm');
    expect(formatPoints(2.1, 'en')).toBe('2.1 points');
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02').to).toBe('2028-02-29');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(() => monthRange('2026-13')).toThrow(RangeError);
  });

  it('a fall names the field that pulled the rate down most, with its share of the change', () => {
    // Last month 100 of 110 on time (90,9%); this month Đất đai slipped from 45/50 to 30/50, Hộ tịch stayed 55/60.
    const fields = [
      { label: 'Hộ tịch', current: parts(55, 60), previous: parts(55, 60) },
      { label: 'Đất đai', current: parts(30, 50), previous: parts(45, 50) },
    ];
    const s = briefingSentences({ ...base, rate: 85 / 110, previousRate: 100 / 110, fields });
    expect(s.vi[0]).toBe('Tháng 11/2026, tỷ lệ giải quyết hồ sơ đúng hạn (766) của Phường An Xuyên là 77,3%, chưa đạt chỉ tiêu 99% (thiếu 21,7 điểm).');
    expect(s.vi[1]).toBe('Tỷ lệ đúng hạn giảm 13,6 điểm so với tháng trước (từ 90,9% xuống 77,3%), chủ yếu do lĩnh vực Đất đai (−13,6 điểm).');
    expect(s.en[1]).toBe('The on-time rate fell 13.6 points from the month before (from 90.9% to 77.3%), mostly because of the Đất đai field (−13.6 points).');
    expect(s.vi[2]).toBe('Hiện có 3 hồ sơ đang quá hạn; thủ tục có tỷ lệ đúng hạn thấp nhất trong tháng là Đăng ký khai sinh (50,0%).');
    // The contributions add up to the change.
    const c = fieldContributions(fields);
    expect(c.reduce((sum, x) => sum + x.points, 0)).toBeCloseTo((85 / 110 - 100 / 110) * 100, 10);
  });

  it('a rise names the field that helped most, even when another field fell', () => {
    const fields = [
      { label: 'Đất đai', current: parts(40, 40), previous: parts(20, 40) },
      { label: 'Hộ tịch', current: parts(18, 20), previous: parts(20, 20) },
    ];
    const s = briefingSentences({ ...base, rate: 58 / 60, previousRate: 40 / 60, fields });
    expect(s.vi[1]).toMatch(/^Tỷ lệ đúng hạn tăng 30,0 điểm so với tháng trước \(từ 66,7% lên 96,7%\), chủ yếu nhờ lĩnh vực Đất đai \(\+/);
    expect(s.en[1]).toContain('rose 30.0 points');
  });

  it('says unchanged when the change rounds to 0,0 points, and a met target plainly', () => {
    const s = briefingSentences({ ...base, rate: 0.9951, previousRate: 0.9949, overdue: 0, worstProcedure: null });
    expect(s.vi[0]).toBe('Tháng 11/2026, tỷ lệ giải quyết hồ sơ đúng hạn (766) của Phường An Xuyên là 99,5%, đạt chỉ tiêu 99%.');
    expect(s.vi[1]).toBe('Tỷ lệ đúng hạn không đổi so với tháng trước (99,5%).');
    expect(s.vi[2]).toBe('Hiện không có hồ sơ nào đang quá hạn.');
    expect(s.en[2]).toBe('No dossier is overdue now.');
  });

  it('names no field when the change has no field data behind it', () => {
    const s = briefingSentences({ ...base, fields: [] });
    expect(s.vi[1]).toBe('Tỷ lệ đúng hạn giảm 2,1 điểm so với tháng trước (từ 95,3% xuống 93,2%).');
  });

  it('with no data says so instead of printing 0% or a change', () => {
    const none = briefingSentences({ ...base, rate: null, previousRate: null, overdue: 0, worstProcedure: null });
    expect(none.vi[0]).toBe('Tháng 11/2026, Phường An Xuyên chưa có hồ sơ đã giải quyết nên chưa có tỷ lệ giải quyết đúng hạn.');
    expect(none.vi[1]).toBe('Chưa so sánh được với tháng trước vì tháng này chưa có dữ liệu.');
    expect(none.en[0]).toBe('In November 2026, Phường An Xuyên resolved no dossier, so there is no on-time rate yet.');
    const noPrevious = briefingSentences({ ...base, previousRate: null });
    expect(noPrevious.vi[1]).toBe('Chưa so sánh được với tháng trước vì tháng trước chưa có dữ liệu.');
    for (const s of [...none.vi, ...none.en, ...noPrevious.vi]) expect(s).not.toMatch(/\b0[,.]0%/);
  });
});
