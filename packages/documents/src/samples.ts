import type { DocumentBase, DocumentData, DocumentKind } from './types.js';

/**
 * A realistic filled-in example of each document (a commune of Cà Mau, times in Asia/Ho_Chi_Minh).
 * Used by the tests and the benchmark, and handy for demo data.
 */
export function sampleDocument<K extends DocumentKind>(kind: K, over: Partial<DocumentData[K]> = {}): DocumentData[K] {
  const base: DocumentBase = {
    timeZone: 'Asia/Ho_Chi_Minh',
    issuedAt: new Date('2026-03-05T07:30:00Z'),
    place: 'Cà Mau',
    issuer: { name: 'Trung tâm Phục vụ hành chính công phường Tân Thành', parentName: 'Ủy ban nhân dân tỉnh Cà Mau', address: '02 Ngô Quyền, phường Tân Thành' },
    number: '125/TNHS',
    dossierCode: 'H12.58.19-260305-0042',
    procedure: 'Đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    applicant: { name: 'Nguyễn Thị Hồng Nhung', idNumber: '096185001234', address: 'Số 18, đường Lý Thường Kiệt, khóm 4, phường Tân Thành, tỉnh Cà Mau', phone: '0918123456' },
    officer: { name: 'Trần Văn Đức', title: 'Người tiếp nhận' },
    qrUrl: 'https://motcua.camau.gov.vn/track?code=H12.58.19-260305-0042',
  };
  const receivedAt = new Date('2026-03-05T07:30:00Z');
  const all: DocumentData = {
    receipt: {
      ...base,
      receivedAt,
      appointmentAt: new Date('2026-03-10T09:15:00Z'),
      components: [
        { name: 'Tờ khai đăng ký khai sinh (theo mẫu)', form: 'original', sets: 1 },
        { name: 'Giấy chứng sinh', form: 'original', sets: 1 },
        { name: 'Giấy chứng nhận kết hôn của cha mẹ', form: 'certified_copy', sets: 1 },
        { name: 'Căn cước công dân của người đi đăng ký', form: 'shown', sets: 1 },
      ],
      processingTime: '03 ngày làm việc',
      returnPoint: { name: 'Trung tâm Phục vụ hành chính công phường Tân Thành', address: '02 Ngô Quyền, phường Tân Thành' },
    },
    supplement_request: {
      ...base,
      number: '17/YCBS',
      receivedAt,
      missingItems: ['Bản sao có chứng thực Giấy chứng nhận kết hôn của cha mẹ', 'Văn bản ủy quyền có chứng thực (nếu người đi đăng ký không phải cha, mẹ)'],
      reason: 'Hồ sơ thiếu giấy tờ chứng minh quan hệ cha, mẹ, con',
      contact: { name: 'Trần Văn Đức, Quầy số 3', phone: '02903831234' },
    },
    refusal: {
      ...base,
      number: '04/TCHS',
      receivedAt,
      reasons: ['Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường', 'Người yêu cầu đã được đăng ký khai sinh tại nơi khác'],
    },
    apology: {
      ...base,
      number: '02/XL',
      issuer: { name: 'Ủy ban nhân dân phường Tân Thành', parentName: 'Tỉnh Cà Mau' },
      issuedAt: new Date('2026-03-09T02:00:00Z'),
      receivedAt,
      appointmentAt: new Date('2026-03-10T09:15:00Z'),
      newAppointmentAt: new Date('2026-03-12T08:00:00Z'),
      reason: 'Cần xác minh thông tin nơi cư trú của người mẹ tại địa phương khác',
      officer: { name: 'Lê Thị Mỹ Hạnh', title: 'Chủ tịch' },
    },
    result: {
      ...base,
      number: '356/QĐ-UBND',
      issuer: { name: 'Ủy ban nhân dân phường Tân Thành', parentName: 'Tỉnh Cà Mau' },
      issuedAt: new Date('2026-03-10T03:00:00Z'),
      title: 'Quyết định',
      subject: 'Về việc đăng ký khai sinh cho trẻ em',
      outcome: 'approved',
      decidedAt: new Date('2026-03-10T03:00:00Z'),
      body: [
        'Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;',
        'Xét hồ sơ đề nghị của bà Nguyễn Thị Hồng Nhung, Ủy ban nhân dân phường Tân Thành chấp thuận đăng ký khai sinh cho cháu Phạm Gia Bảo, sinh ngày 14/02/2026 tại Bệnh viện Sản - Nhi Cà Mau.',
      ],
      returnPoint: { name: 'Trung tâm Phục vụ hành chính công phường Tân Thành', address: '02 Ngô Quyền, phường Tân Thành' },
      officer: { name: 'Lê Thị Mỹ Hạnh', title: 'Chủ tịch' },
      signedBy: 'Ủy ban nhân dân phường Tân Thành',
      qrUrl: 'https://motcua.camau.gov.vn/verify?code=H12.58.19-260305-0042',
    },
  };
  return { ...all[kind], ...over };
}
