import { beforeAll, describe, expect, it } from 'vitest';
import { sampleDocument } from '../samples.js';
import { pdfFonts, pdfInfo, pdfText, readQr } from '../test-support/poppler.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../types.js';
import { renderDocument } from './render.js';

// Times in the samples are UTC; the forms must print them in Asia/Ho_Chi_Minh (UTC+7).
const expected: Record<DocumentKind, string[]> = {
  receipt: [
    'Mẫu số 01',
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Cà Mau, ngày 05 tháng 03 năm 2026',
    'Họ và tên: Nguyễn Thị Hồng Nhung',
    'Số định danh cá nhân/CCCD: 096185001234',
    'Số điện thoại: 0918123456',
    'Địa chỉ: Số 18, đường Lý Thường Kiệt, khóm 4, phường Tân Thành, tỉnh Cà Mau',
    'Giấy chứng nhận kết hôn của cha mẹ',
    'Bản sao chứng thực',
    'Xuất trình bản chính',
    'Thời gian nhận hồ sơ: 05/03/2026 14:30',
    'Thời gian trả kết quả giải quyết hồ sơ: 10/03/2026 16:15',
    'Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc',
    'Mã hồ sơ: H12.58.19-260305-0042',
    'Trần Văn Đức',
  ],
  supplement_request: [
    'Mẫu số 02',
    'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    'Ngày 05/03/2026 14:30, Trung tâm Phục vụ hành chính công phường Tân Thành tiếp nhận hồ sơ của Ông/Bà Nguyễn Thị Hồng Nhung.',
    '1. Bản sao có chứng thực Giấy chứng nhận kết hôn của cha mẹ',
    '2. Văn bản ủy quyền có chứng thực (nếu người đi đăng ký không phải cha, mẹ)',
    'Lý do: Hồ sơ thiếu giấy tờ chứng minh quan hệ cha, mẹ, con',
    'số điện thoại 02903831234',
  ],
  refusal: [
    'Mẫu số 03',
    'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    '1. Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường',
    '2. Người yêu cầu đã được đăng ký khai sinh tại nơi khác',
    'Xin thông báo cho Ông/Bà được biết và thực hiện.',
  ],
  apology: [
    'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    'Kính gửi: Ông/Bà Nguyễn Thị Hồng Nhung',
    'Thời gian hẹn trả kết quả giải quyết hồ sơ: 10/03/2026 16:15',
    'Lý do: Cần xác minh thông tin nơi cư trú của người mẹ tại địa phương khác',
    'sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào: 12/03/2026 15:00.',
    'Cà Mau, ngày 09 tháng 03 năm 2026',
    'Lê Thị Mỹ Hạnh',
  ],
  result: [
    'Số: 356/QĐ-UBND',
    'QUYẾT ĐỊNH',
    'Về việc đăng ký khai sinh cho trẻ em',
    'chấp thuận đăng ký khai sinh cho cháu Phạm Gia Bảo, sinh ngày 14/02/2026 tại Bệnh viện Sản - Nhi Cà Mau.',
    'Cấp cho: Nguyễn Thị Hồng Nhung',
    'Kết quả: Chấp thuận',
    'Thời gian giải quyết xong: 10/03/2026 10:00',
    'Ký số bởi: Ủy ban nhân dân phường Tân Thành',
  ],
};

describe.each(DOCUMENT_KINDS)('renderDocument(%s)', (kind) => {
  const data = sampleDocument(kind);
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await renderDocument(kind, data);
  });

  it('prints the form in Vietnamese, with times in the center’s zone, as pdftotext reads it', () => {
    const text = pdfText(pdf);
    for (const s of expected[kind]) expect(text).toContain(s);
  });

  it('is one A4 page with Noto Serif embedded (no font taken from the reader’s system)', () => {
    const info = pdfInfo(pdf);
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(info).toMatch(/Pages:\s+1\b/);
    const fonts = pdfFonts(pdf).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/NotoSerif\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('carries a QR code of the tracking or verification address', () => {
    expect(readQr(pdf)).toBe(data.qrUrl);
  });
});

describe('renderDocument input', () => {
  it('prints decomposed (NFD) Vietnamese as the precomposed letters', async () => {
    const pdf = await renderDocument('refusal', sampleDocument('refusal', { applicant: { name: 'Phạm Thị Ngọc Ánh'.normalize('NFD') }, reasons: ['Hồ sơ không hợp lệ'.normalize('NFD')] }));
    const text = pdfText(pdf);
    expect(text).toContain('Ông/Bà Phạm Thị Ngọc Ánh.');
    expect(text).toContain('1. Hồ sơ không hợp lệ');
  });

  it('keeps every letter in documents rendered one after another and at once (the fonts are shared)', async () => {
    const docs = [await renderDocument('receipt', sampleDocument('receipt')), await renderDocument('result', sampleDocument('result'))];
    docs.push(...(await Promise.all((['supplement_request', 'result', 'apology'] as const).map((k) => renderDocument(k, sampleDocument(k))))));
    const kinds: DocumentKind[] = ['receipt', 'result', 'supplement_request', 'result', 'apology'];
    docs.forEach((pdf, i) => {
      const text = pdfText(pdf);
      for (const s of expected[kinds[i]!]) expect(text).toContain(s);
    });
  });

  it('flows a long list onto a second page instead of writing past the margin', async () => {
    const missingItems = Array.from({ length: 40 }, (_, i) => `Giấy tờ số ${i + 1}: bản sao có chứng thực của giấy tờ chứng minh nơi cư trú hợp pháp`);
    const pdf = await renderDocument('supplement_request', sampleDocument('supplement_request', { missingItems }));
    expect(pdfInfo(pdf)).toMatch(/Pages:\s+[2-9]\b/);
    const text = pdfText(pdf);
    expect(text).toContain('40. Giấy tờ số 40: bản sao có chứng thực');
    expect(text).toContain('Trần Văn Đức');
  });
});
