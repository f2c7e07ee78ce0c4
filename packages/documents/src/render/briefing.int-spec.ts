import { describe, expect, it } from 'vitest';
import { pdfFonts, pdfInfo, pdfText } from '../test-support/poppler.js';
import type { BriefingData } from '../types.js';
import { BRIEFING_OVERDUE_ROWS, renderBriefing } from './briefing.js';

const sentences = [
  'Tháng 11/2026, tỷ lệ giải quyết hồ sơ đúng hạn (766) của Phường An Xuyên là 93,2%, chưa đạt chỉ tiêu 99% (thiếu 5,8 điểm).',
  'Tỷ lệ đúng hạn giảm 2,1 điểm so với tháng trước (từ 95,3% xuống 93,2%), chủ yếu do lĩnh vực Đất đai (−1,6 điểm).',
  'Hiện có 14 hồ sơ đang quá hạn; thủ tục có tỷ lệ đúng hạn thấp nhất trong tháng là Cấp giấy chứng nhận quyền sử dụng đất lần đầu (50,0%).',
];

/** The fullest briefing: long names everywhere, five procedures, more overdue dossiers than fit. */
const full: BriefingData = {
  timeZone: 'Asia/Ho_Chi_Minh', issuedAt: new Date('2026-12-01T02:00:00Z'), place: 'Cà Mau',
  issuer: { name: 'Ủy ban nhân dân phường An Xuyên', parentName: 'Tỉnh Cà Mau' },
  unitName: 'Phường An Xuyên', monthLabel: 'Tháng 11/2026',
  headline: { name: 'Tỷ lệ giải quyết đúng hạn (766)', value: '93,2%', detail: 'Chỉ tiêu 99% · Tháng trước 95,3% · giảm 2,1 điểm' },
  figures: [
    { name: 'Tỷ lệ giải quyết đúng hạn (766)', value: '93,2%', previous: '95,3%', target: '99%', assessment: 'Chưa đạt' },
    { name: 'Tỷ lệ hồ sơ trực tuyến', value: '61,0%', previous: '58,4%', target: '50%', assessment: 'Đạt' },
    { name: 'Tỷ lệ thanh toán trực tuyến', value: '44,0%', previous: '40,0%', target: '45%', assessment: 'Gần đạt' },
    { name: 'Mức độ hài lòng (766)', value: 'Chưa có dữ liệu', previous: 'Chưa có dữ liệu', target: '95%', assessment: 'Chưa có dữ liệu' },
    { name: 'Hồ sơ tiếp nhận / đã xử lý', value: '1.204', previous: '1.180', target: '—', assessment: '—' },
  ],
  sentences,
  worstProcedures: Array.from({ length: 5 }, (_, i) => ({ procedure: `Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu ${i + 1}`, field: 'Đất đai', handled: 20 + i, onTime: `${50 + i},0%` })),
  overdue: Array.from({ length: 12 }, (_, i) => ({ code: `H12.58.19-261101-${String(i).padStart(4, '0')}`, procedure: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', dueAt: '05/11/2026', daysOverdue: 26 - i, holder: i === 0 ? 'Nguyễn Thị Hồng Nhung' : 'Phòng Tài nguyên và Môi trường tỉnh Cà Mau' })),
  overdueMore: 2,
  signedBy: 'UBND phường An Xuyên',
  source: 'Số liệu từ bảng tổng hợp ngày của hệ thống Một Cửa, lập lúc 01/12/2026 09:00. Hồ sơ quá hạn: tại thời điểm lập.',
};

describe('monthly briefing PDF', () => {
  it('fits the fullest briefing on one A4 page, fonts embedded, every text readable by pdftotext', async () => {
    const pdf = await renderBriefing(full);
    const info = pdfInfo(pdf);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
    expect(pdfFonts(pdf)).toContain('NotoSerif');
    expect(pdfFonts(pdf)).not.toMatch(/ no {2,}/);
    const text = pdfText(pdf);
    for (const s of [...sentences, 'BẢN TIN THÁNG 11/2026', 'Phường An Xuyên', '93,2%', 'Ký số bởi: UBND phường An Xuyên', 'Nguyễn Thị Hồng Nhung']) expect(text).toContain(s);
    // Most overdue first, as many as fit (at least five even with every name long); the rest is counted, not dropped silently.
    const printed = text.match(/H12\.58\.19-261101-\d{4}/g) ?? [];
    expect(printed.length).toBeGreaterThanOrEqual(5);
    expect(printed.length).toBeLessThanOrEqual(BRIEFING_OVERDUE_ROWS);
    expect(printed[0]).toBe('H12.58.19-261101-0000');
    expect(text).toContain(`và ${12 + 2 - printed.length} hồ sơ quá hạn khác`);
  });

  it('says "no data" and "nothing overdue" instead of empty tables', async () => {
    const text = pdfText(await renderBriefing({ ...full, worstProcedures: [], overdue: [], overdueMore: 0, signedBy: null }));
    expect(text).toContain('Chưa có dữ liệu trong tháng.');
    expect(text).toContain('Không có hồ sơ nào đang quá hạn.');
    expect(text).not.toContain('Ký số bởi');
  });
});
