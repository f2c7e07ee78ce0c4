import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import type { ProcedureForm } from '../schema/procedures.js';

/** What the QR-poster page says about a procedure, in the citizen's words (reference/dossier-domain.md §5). */
interface DemoGuide {
  steps: string[];
  documents: Array<{ name: string; original: boolean; reusable: boolean }>;
  forms: ProcedureForm[];
  /** Result handed over during the visit ("không hẹn"). */
  noAppointment?: boolean;
}

const ID_CARD = { name: 'Căn cước / CCCD của người nộp (xuất trình)', original: true, reusable: true };
const AUTHORISATION = { name: 'Văn bản ủy quyền (nếu nộp thay)', original: true, reusable: false };
const counterSteps = (result: string) => [
  'Lấy số thứ tự tại kiosk (hoặc đặt lịch hẹn trực tuyến) và chờ gọi đến quầy',
  'Nộp tờ khai và xuất trình giấy tờ tại quầy; cán bộ kiểm tra, tra cứu dữ liệu dân cư',
  'Nộp lệ phí (nếu có) bằng tiền mặt, chuyển khoản hoặc quét mã QR',
  result,
];

/** Keyed by national procedure code; codes missing from the catalogue are skipped. */
export const demoGuides: Record<string, DemoGuide> = {
  '1.001193': {
    steps: counterSteps('Nhận Giấy khai sinh ngay trong ngày (nộp sau 15:00: trả sáng hôm sau)'),
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', original: true, reusable: false },
      { name: 'Giấy chứng sinh', original: true, reusable: false },
      { name: 'Giấy chứng nhận kết hôn của cha mẹ', original: false, reusable: true },
      ID_CARD,
      AUTHORISATION,
    ],
    forms: [{ name: 'Tờ khai đăng ký khai sinh (TT 04/2020/TT-BTP)', fileCode: 'TK-KS' }],
    noAppointment: true,
  },
  '1.000894': {
    steps: counterSteps('Hai bên nam, nữ có mặt ký Giấy chứng nhận kết hôn'),
    documents: [
      { name: 'Tờ khai đăng ký kết hôn', original: true, reusable: false },
      { name: 'Giấy xác nhận tình trạng hôn nhân (nếu đăng ký ở nơi khác nơi thường trú)', original: true, reusable: true },
      ID_CARD,
    ],
    forms: [{ name: 'Tờ khai đăng ký kết hôn (TT 04/2020/TT-BTP)', fileCode: 'TK-KH' }],
  },
  '1.004873': {
    steps: counterSteps('Nhận Giấy xác nhận tình trạng hôn nhân theo giấy hẹn (3 ngày làm việc)'),
    documents: [
      { name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', original: true, reusable: false },
      { name: 'Bản án/quyết định ly hôn hoặc giấy chứng tử (nếu đã từng kết hôn)', original: false, reusable: true },
      ID_CARD,
    ],
    forms: [{ name: 'Tờ khai xác nhận tình trạng hôn nhân (TT 04/2020/TT-BTP)', fileCode: 'TK-XNHN' }],
  },
  '2.000635': {
    steps: counterSteps('Nhận bản sao trích lục trong ngày'),
    documents: [{ name: 'Tờ khai cấp bản sao trích lục hộ tịch', original: true, reusable: false }, ID_CARD],
    forms: [{ name: 'Tờ khai cấp bản sao trích lục hộ tịch', fileCode: 'TK-BSTL' }],
    noAppointment: true,
  },
  '2.000815': {
    steps: ['Lấy số thứ tự tại kiosk', 'Nộp bản chính và bản chụp cần chứng thực tại quầy', 'Nộp lệ phí 2.000 đ/trang (từ trang 3: 1.000 đ/trang)', 'Nhận bản sao đã chứng thực ngay tại quầy'],
    documents: [
      { name: 'Bản chính giấy tờ cần chứng thực', original: true, reusable: false },
      { name: 'Bản chụp (photo) của bản chính', original: false, reusable: false },
    ],
    forms: [],
    noAppointment: true,
  },
  'CT-HD': {
    steps: counterSteps('Các bên ký trước mặt người thực hiện chứng thực; nhận hợp đồng đã chứng thực theo giấy hẹn'),
    documents: [
      { name: 'Dự thảo hợp đồng, giao dịch', original: true, reusable: false },
      { name: 'Giấy chứng nhận quyền sử dụng đất / quyền sở hữu tài sản', original: false, reusable: true },
      ID_CARD,
    ],
    forms: [{ name: 'Phiếu yêu cầu chứng thực hợp đồng, giao dịch', fileCode: 'PYC-CTHD' }],
  },
  'CTR-XN': {
    steps: ['Lấy số thứ tự hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia', 'Cán bộ tra cứu Cơ sở dữ liệu quốc gia về dân cư', 'Nhận Giấy xác nhận thông tin về cư trú (½ ngày làm việc nếu có dữ liệu)'],
    documents: [{ name: 'Tờ khai thay đổi thông tin cư trú (CT01)', original: true, reusable: false }, ID_CARD],
    forms: [{ name: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', fileCode: 'CT01' }],
  },
  'CTR-TT': {
    steps: counterSteps('Nhận thông báo kết quả đăng ký thường trú (7 ngày làm việc)'),
    documents: [
      { name: 'Tờ khai thay đổi thông tin cư trú (CT01)', original: true, reusable: false },
      { name: 'Giấy tờ chứng minh chỗ ở hợp pháp', original: false, reusable: true },
      ID_CARD,
    ],
    forms: [{ name: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', fileCode: 'CT01' }],
  },
  'KD-HKD': {
    steps: counterSteps('Nhận Giấy chứng nhận đăng ký hộ kinh doanh (3 ngày làm việc)'),
    documents: [
      { name: 'Giấy đề nghị đăng ký hộ kinh doanh', original: true, reusable: false },
      { name: 'Biên bản họp thành viên hộ gia đình (nếu có)', original: true, reusable: false },
      ID_CARD,
    ],
    forms: [{ name: 'Giấy đề nghị đăng ký hộ kinh doanh', fileCode: 'GĐN-HKD' }],
  },
  'DD-BD': {
    steps: counterSteps('Nộp nghĩa vụ tài chính theo thông báo thuế; ngày trả kết quả tính sau khi nộp'),
    documents: [
      { name: 'Đơn đăng ký biến động đất đai (Mẫu 11/ĐK)', original: true, reusable: false },
      { name: 'Giấy chứng nhận đã cấp', original: true, reusable: false },
      { name: 'Hợp đồng chuyển nhượng/tặng cho đã công chứng, chứng thực', original: true, reusable: false },
      ID_CARD,
    ],
    forms: [{ name: 'Đơn đăng ký biến động đất đai (Mẫu 11/ĐK)', fileCode: '11/ĐK' }],
  },
  'DD-LD': {
    steps: counterSteps('Nhận Giấy chứng nhận theo giấy hẹn (đến 17 ngày làm việc)'),
    documents: [
      { name: 'Đơn đăng ký, cấp Giấy chứng nhận (Mẫu 04a/ĐK)', original: true, reusable: false },
      { name: 'Giấy tờ về quyền sử dụng đất (nếu có)', original: false, reusable: false },
      { name: 'Chứng từ nghĩa vụ tài chính (nếu có)', original: false, reusable: false },
    ],
    forms: [{ name: 'Đơn đăng ký, cấp Giấy chứng nhận (Mẫu 04a/ĐK)', fileCode: '04a/ĐK' }],
  },
};

/**
 * Writes the guide content onto every version of the procedures that exist. Documents a
 * catalogue already lists are kept; codes not in the catalogue are ignored.
 */
export async function applyDemoGuides(db: DbOrTx): Promise<void> {
  for (const [code, g] of Object.entries(demoGuides)) {
    await db.execute(sql`
      update procedure_versions v set guide_steps = ${JSON.stringify(g.steps)}::jsonb, forms = ${JSON.stringify(g.forms)}::jsonb,
        no_appointment = ${g.noAppointment ?? false},
        required_documents = case when v.required_documents = '[]'::jsonb then ${JSON.stringify(g.documents)}::jsonb else v.required_documents end
      from procedures p where p.id = v.procedure_id and p.code = ${code}`);
  }
}
