import type { EFormField } from '@motcua/contracts';
import type { ProcedureStep } from '../schema/procedures.js';

/**
 * The demo province `npm start` shows: Cà Mau after the 2025 merger, two-tier units
 * (province → wards and communes). The first three communes, their center codes, the
 * service prefixes and the ten first procedure codes are what the tests rely on.
 */
export const province = { code: '96', name: 'Tỉnh Cà Mau' };

type Commune = { code: string; name: string; disadvantaged: boolean; tile: { x: number; y: number } };
/** Where each commune sits on the province tile map: roughly as on the map (Bạc Liêu north-east, Đất Mũi at the southern tip), one tile each. */
const TILES: Record<string, [number, number]> = {
  'Xã U Minh': [1, 0],
  'Xã Nguyễn Phích': [2, 0],
  'Xã Biển Bạch': [3, 0],
  'Xã Thới Bình': [4, 0],
  'Xã Trí Phải': [5, 0],
  'Phường Giá Rai': [6, 0],
  'Phường Vĩnh Trạch': [7, 0],
  'Xã Khánh Lâm': [0, 1],
  'Xã Khánh An': [1, 1],
  'Xã Hồ Thị Kỷ': [2, 1],
  'Xã Tân Lộc': [3, 1],
  'Phường Bạc Liêu': [7, 1],
  'Xã Sông Đốc': [0, 2],
  'Xã Khánh Bình': [1, 2],
  'Xã Trần Văn Thời': [2, 2],
  'Phường Lý Văn Lâm': [3, 2],
  'Phường An Xuyên': [4, 2],
  'Phường Tân Thành': [5, 2],
  'Phường Hòa Thành': [6, 2],
  'Xã Đá Bạc': [1, 3],
  'Xã Lương Thế Trân': [2, 3],
  'Xã Tân Hưng': [3, 3],
  'Xã Hưng Mỹ': [4, 3],
  'Xã Tạ An Khương': [5, 3],
  'Xã Trần Phán': [6, 3],
  'Xã Phú Tân': [0, 4],
  'Xã Nguyễn Việt Khái': [1, 4],
  'Xã Cái Nước': [2, 4],
  'Xã Phú Mỹ': [3, 4],
  'Xã Đầm Dơi': [4, 4],
  'Xã Thanh Tùng': [5, 4],
  'Xã Quách Phẩm': [6, 4],
  'Xã Cái Đôi Vàm': [1, 5],
  'Xã Tân Ân': [2, 5],
  'Xã Năm Căn': [3, 5],
  'Xã Tam Giang': [4, 5],
  'Xã Viên An': [1, 6],
  'Xã Phan Ngọc Hiển': [2, 6],
  'Xã Đất Mới': [3, 6],
  'Xã Đất Mũi': [0, 7],
};
const commune = (code: string, name: string, disadvantaged = false): Commune => ({ code, name, disadvantaged, tile: { x: TILES[name]![0], y: TILES[name]![1] } });

export const communes: Array<Commune & { center: string }> = [
  commune('32002', 'Phường An Xuyên'),
  commune('32014', 'Phường Tân Thành'),
  commune('32248', 'Xã Đất Mũi', true),
  commune('32017', 'Phường Lý Văn Lâm'),
  commune('32025', 'Phường Hòa Thành'),
  commune('32041', 'Xã Tân Lộc'),
  commune('32044', 'Xã Hồ Thị Kỷ'),
  commune('32047', 'Xã Thới Bình'),
  commune('32059', 'Xã Biển Bạch'),
  commune('32062', 'Xã Trí Phải'),
  commune('32065', 'Xã U Minh'),
  commune('32071', 'Xã Nguyễn Phích'),
  commune('32074', 'Xã Khánh Lâm'),
  commune('32077', 'Xã Khánh An'),
  commune('32098', 'Xã Trần Văn Thời'),
  commune('32104', 'Xã Khánh Bình'),
  commune('32110', 'Xã Đá Bạc'),
  commune('32119', 'Xã Sông Đốc'),
  commune('32128', 'Xã Cái Nước'),
  commune('32134', 'Xã Lương Thế Trân'),
  commune('32137', 'Xã Tân Hưng'),
  commune('32140', 'Xã Hưng Mỹ'),
  commune('32152', 'Xã Phú Tân'),
  commune('32155', 'Xã Cái Đôi Vàm'),
  commune('32164', 'Xã Nguyễn Việt Khái', true),
  commune('32167', 'Xã Phú Mỹ'),
  commune('32185', 'Xã Đầm Dơi'),
  commune('32188', 'Xã Tạ An Khương'),
  commune('32191', 'Xã Trần Phán'),
  commune('32197', 'Xã Quách Phẩm'),
  commune('32203', 'Xã Thanh Tùng'),
  commune('32212', 'Xã Năm Căn'),
  commune('32218', 'Xã Tam Giang', true),
  commune('32227', 'Xã Đất Mới'),
  commune('32233', 'Xã Tân Ân', true),
  commune('32236', 'Xã Phan Ngọc Hiển'),
  commune('32242', 'Xã Viên An', true),
  commune('32251', 'Phường Bạc Liêu'),
  commune('32254', 'Phường Vĩnh Trạch'),
  commune('32257', 'Phường Giá Rai'),
].map((c) => ({ ...c, center: `Trung tâm Phục vụ hành chính công ${c.name.replace(/^Phường/, 'phường').replace(/^Xã/, 'xã')}` }));

export const services = [
  { code: 'HT', prefix: 'A', nameVi: 'Hộ tịch', nameEn: 'Civil status', field: 'ho_tich', minutes: 8 },
  { code: 'CT', prefix: 'B', nameVi: 'Chứng thực', nameEn: 'Certification', field: 'chung_thuc', minutes: 4 },
  { code: 'DD', prefix: 'C', nameVi: 'Đất đai', nameEn: 'Land', field: 'dat_dai', minutes: 15 },
  { code: 'KD', prefix: 'D', nameVi: 'Kinh doanh', nameEn: 'Business', field: 'kinh_doanh', minutes: 12 },
  { code: 'CTR', prefix: 'E', nameVi: 'Cư trú', nameEn: 'Residence', field: 'cu_tru', minutes: 6 },
];

export const priorityCategories = [
  { code: 'elderly', nameVi: 'Người cao tuổi', nameEn: 'Elderly people', weight: 2 },
  { code: 'disability', nameVi: 'Người khuyết tật', nameEn: 'People with disabilities', weight: 2 },
  { code: 'pregnant', nameVi: 'Phụ nữ mang thai', nameEn: 'Pregnant women', weight: 2 },
  { code: 'young_children', nameVi: 'Người có con nhỏ dưới 36 tháng', nameEn: 'Parents of children under 36 months', weight: 1 },
  { code: 'merit', nameVi: 'Người có công với cách mạng', nameEn: 'People with meritorious service', weight: 2 },
];

/** Provincial departments that decide some procedures themselves. */
export const departments = [
  { code: 'STP', name: 'Sở Tư pháp tỉnh Cà Mau', kind: 'department' },
  { code: 'VPDKDD', name: 'Văn phòng Đăng ký đất đai tỉnh Cà Mau', kind: 'land_registration' },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Cà Mau', kind: 'department' },
  { code: 'SXD', name: 'Sở Xây dựng tỉnh Cà Mau', kind: 'department' },
  { code: 'SYT', name: 'Sở Y tế tỉnh Cà Mau', kind: 'department' },
];

const steps = (days: number): ProcedureStep[] =>
  days <= 0.5
    ? [{ code: 'B1', name: 'Tiếp nhận và giải quyết', role: 'officer', durationDays: days }]
    : [
        { code: 'B1', name: 'Tiếp nhận hồ sơ', role: 'officer', durationDays: 0.25 },
        { code: 'B2', name: 'Thẩm định', role: 'specialist', durationDays: days - 0.75 },
        { code: 'B3', name: 'Ký duyệt', role: 'leader', durationDays: 0.25 },
        { code: 'B4', name: 'Trả kết quả', role: 'officer', durationDays: 0.25 },
      ];

type Doc = { name: string; original: boolean; reusable: boolean };
/** Papers handed in; a name starting with "*" is an original, "~" one reusable from the national databases. */
const docs = (...names: string[]): Doc[] =>
  names.map((n) => ({ name: n.replace(/^[*~]/, ''), original: n.startsWith('*'), reusable: n.startsWith('~') }));
const ID = '~Giấy tờ tùy thân (CCCD) của người nộp';

type Limit = { unit: 'same_day' | 'working_days' | 'calendar_days'; value: number };
const sameDay: Limit = { unit: 'same_day', value: 0 };
const wd = (value: number): Limit => ({ unit: 'working_days', value });

export interface DemoProcedure {
  code: string;
  name: string;
  field: string;
  limit: Limit;
  feeVnd: number;
  online: 'full' | 'partial' | 'none';
  boundaryFree: boolean;
  steps: ProcedureStep[];
  rule?: 'fixed' | 'applicant_residence' | 'parcel_location';
  fixedAgency?: string;
  requiredDocuments: Doc[];
}

const field = (key: string, vi: string, en: string, type: EFormField['type'] = 'text', required = true): EFormField => ({ key, label: { vi, en }, type, required });
const sex: EFormField = { ...field('sex', 'Giới tính', 'Sex', 'select'), options: [{ value: 'nam', label: { vi: 'Nam', en: 'Male' } }, { value: 'nu', label: { vi: 'Nữ', en: 'Female' } }] };
const birthForm: EFormField[] = [
  field('childName', 'Họ, chữ đệm, tên của trẻ', "Child's full name"),
  field('birthDate', 'Ngày sinh', 'Date of birth', 'date'),
  sex,
  field('birthPlace', 'Nơi sinh', 'Place of birth'),
  field('fatherName', 'Họ tên cha', "Father's full name", 'text', false),
  field('motherName', 'Họ tên mẹ', "Mother's full name"),
];

/** The demo e-forms (tờ khai điện tử), by procedure code; the other procedures have none. */
export const eForms: Record<string, EFormField[]> = {
  '1.001193': birthForm,
  'HT-KSNC': birthForm,
  '1.000894': [field('partnerName', 'Họ tên bên kia', "The other party's full name"), field('partnerBirthDate', 'Ngày sinh bên kia', "The other party's date of birth", 'date'), field('partnerIdNumber', 'Số định danh bên kia', "The other party's ID number")],
  'HT-KT': [field('deceasedName', 'Họ tên người chết', 'Full name of the deceased'), field('deathDate', 'Ngày chết', 'Date of death', 'date'), field('deathPlace', 'Nơi chết', 'Place of death'), field('relation', 'Quan hệ với người chết', 'Relation to the deceased')],
};

/**
 * The real procedures of the research notes (dossier-domain.md §5) with their limits,
 * fees and online levels. National codes where the notes give one; the others carry a
 * readable local code. The first ten keep the codes the tests use.
 */
export const procedures: DemoProcedure[] = [
  { code: '1.001193', name: 'Đăng ký khai sinh', field: 'ho_tich', limit: sameDay, feeVnd: 0, online: 'full', boundaryFree: true, steps: steps(0.5), rule: 'applicant_residence', requiredDocuments: docs('Tờ khai đăng ký khai sinh', '*Giấy chứng sinh', ID) },
  { code: '1.000894', name: 'Đăng ký kết hôn', field: 'ho_tich', limit: sameDay, feeVnd: 0, online: 'partial', boundaryFree: true, steps: steps(0.5), requiredDocuments: docs('Tờ khai đăng ký kết hôn', ID, '~Giấy xác nhận tình trạng hôn nhân') },
  { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', field: 'ho_tich', limit: wd(3), feeVnd: 15000, online: 'full', boundaryFree: true, steps: steps(3), rule: 'applicant_residence', requiredDocuments: docs('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', ID) },
  { code: '2.000815', name: 'Chứng thực bản sao từ bản chính', field: 'chung_thuc', limit: sameDay, feeVnd: 2000, online: 'partial', boundaryFree: true, steps: steps(0.5), requiredDocuments: docs('*Bản chính giấy tờ cần chứng thực', 'Bản sao cần chứng thực') },
  { code: 'CT-HD', name: 'Chứng thực hợp đồng, giao dịch', field: 'chung_thuc', limit: wd(2), feeVnd: 50000, online: 'none', boundaryFree: false, steps: steps(2), requiredDocuments: docs('Dự thảo hợp đồng, giao dịch', ID, '*Giấy tờ chứng minh quyền sở hữu, sử dụng tài sản') },
  { code: 'CTR-XN', name: 'Xác nhận thông tin về cư trú', field: 'cu_tru', limit: wd(0.5), feeVnd: 0, online: 'full', boundaryFree: true, steps: steps(0.5), requiredDocuments: docs('Tờ khai thay đổi thông tin cư trú (CT01)') },
  { code: 'CTR-TT', name: 'Đăng ký thường trú', field: 'cu_tru', limit: wd(7), feeVnd: 20000, online: 'full', boundaryFree: false, steps: steps(7), rule: 'applicant_residence', requiredDocuments: docs('Tờ khai thay đổi thông tin cư trú (CT01)', 'Giấy tờ chứng minh chỗ ở hợp pháp') },
  { code: 'KD-HKD', name: 'Đăng ký thành lập hộ kinh doanh', field: 'kinh_doanh', limit: wd(3), feeVnd: 100000, online: 'full', boundaryFree: true, steps: steps(3), requiredDocuments: docs('Giấy đề nghị đăng ký hộ kinh doanh', ID) },
  { code: 'DD-BD', name: 'Đăng ký biến động quyền sử dụng đất', field: 'dat_dai', limit: wd(8), feeVnd: 28000, online: 'partial', boundaryFree: true, steps: steps(8), rule: 'fixed', fixedAgency: 'VPDKDD', requiredDocuments: docs('Đơn đăng ký biến động đất đai (Mẫu 11/ĐK)', '*Giấy chứng nhận đã cấp', '*Hợp đồng chuyển nhượng, tặng cho hoặc văn bản thừa kế') },
  { code: 'DD-LD', name: 'Đăng ký đất đai lần đầu', field: 'dat_dai', limit: wd(17), feeVnd: 100000, online: 'partial', boundaryFree: false, steps: steps(17), rule: 'parcel_location', requiredDocuments: docs('Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu 04/ĐK)', 'Giấy tờ về quyền sử dụng đất (nếu có)', 'Sơ đồ thửa đất') },
  { code: 'HT-KT', name: 'Đăng ký khai tử', field: 'ho_tich', limit: sameDay, feeVnd: 0, online: 'full', boundaryFree: true, steps: steps(0.5), requiredDocuments: docs('Tờ khai đăng ký khai tử', '*Giấy báo tử hoặc giấy tờ thay thế') },
  { code: 'HT-NCMC', name: 'Đăng ký nhận cha, mẹ, con', field: 'ho_tich', limit: wd(3), feeVnd: 15000, online: 'partial', boundaryFree: false, steps: steps(3), requiredDocuments: docs('Tờ khai đăng ký nhận cha, mẹ, con', 'Chứng cứ chứng minh quan hệ cha, mẹ, con', ID) },
  { code: 'HT-KSNC', name: 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con', field: 'ho_tich', limit: wd(3), feeVnd: 15000, online: 'partial', boundaryFree: false, steps: steps(3), requiredDocuments: docs('Tờ khai đăng ký khai sinh', 'Tờ khai nhận cha, mẹ, con', '*Giấy chứng sinh') },
  { code: 'HT-CC', name: 'Thay đổi, cải chính, bổ sung thông tin hộ tịch', field: 'ho_tich', limit: wd(3), feeVnd: 15000, online: 'full', boundaryFree: false, steps: steps(3), requiredDocuments: docs('Tờ khai thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Giấy tờ làm căn cứ cải chính') },
  { code: 'HT-GH', name: 'Đăng ký giám hộ', field: 'ho_tich', limit: wd(3), feeVnd: 0, online: 'partial', boundaryFree: false, steps: steps(3), requiredDocuments: docs('Tờ khai đăng ký giám hộ', 'Văn bản cử người giám hộ') },
  { code: 'HT-DLKS', name: 'Đăng ký lại khai sinh', field: 'ho_tich', limit: wd(5), feeVnd: 8000, online: 'partial', boundaryFree: false, steps: steps(5), requiredDocuments: docs('Tờ khai đăng ký lại khai sinh', 'Bản sao giấy tờ có thông tin khai sinh') },
  { code: '2.000635', name: 'Cấp bản sao trích lục hộ tịch', field: 'ho_tich', limit: sameDay, feeVnd: 8000, online: 'full', boundaryFree: true, steps: steps(0.5), requiredDocuments: docs('Tờ khai cấp bản sao trích lục hộ tịch', ID) },
  { code: 'HT-KHNN', name: 'Đăng ký kết hôn có yếu tố nước ngoài', field: 'ho_tich', limit: wd(5), feeVnd: 1000000, online: 'partial', boundaryFree: false, steps: steps(5), requiredDocuments: docs('Tờ khai đăng ký kết hôn', '*Giấy xác nhận tình trạng hôn nhân của người nước ngoài', '*Giấy xác nhận không mắc bệnh tâm thần', 'Hộ chiếu (bản sao)') },
  { code: 'HT-NCNN', name: 'Đăng ký nhận cha, mẹ, con có yếu tố nước ngoài', field: 'ho_tich', limit: wd(10), feeVnd: 1500000, online: 'partial', boundaryFree: false, steps: steps(10), requiredDocuments: docs('Tờ khai đăng ký nhận cha, mẹ, con', 'Chứng cứ chứng minh quan hệ cha, mẹ, con', 'Hộ chiếu (bản sao)') },
  { code: 'HT-GCNN', name: 'Ghi vào Sổ hộ tịch việc kết hôn, ly hôn đã giải quyết ở nước ngoài', field: 'ho_tich', limit: wd(5), feeVnd: 75000, online: 'partial', boundaryFree: false, steps: steps(5), requiredDocuments: docs('Tờ khai ghi chú', '*Bản sao giấy tờ do nước ngoài cấp, đã hợp pháp hóa') },
  { code: 'HT-KTNN', name: 'Đăng ký khai tử có yếu tố nước ngoài', field: 'ho_tich', limit: sameDay, feeVnd: 0, online: 'partial', boundaryFree: false, steps: steps(0.5), requiredDocuments: docs('Tờ khai đăng ký khai tử', '*Giấy báo tử', 'Hộ chiếu của người chết (bản sao)') },
  { code: 'LT-KS-TT-BHYT', name: 'Liên thông khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi', field: 'ho_tich', limit: wd(3), feeVnd: 0, online: 'full', boundaryFree: true, steps: steps(3), rule: 'applicant_residence', requiredDocuments: docs('Tờ khai liên thông', '*Giấy chứng sinh', 'Tờ khai thay đổi thông tin cư trú (CT01)') },
  { code: 'CT-CK', name: 'Chứng thực chữ ký', field: 'chung_thuc', limit: sameDay, feeVnd: 10000, online: 'none', boundaryFree: true, steps: steps(0.5), requiredDocuments: docs('Giấy tờ, văn bản cần chứng thực chữ ký', ID) },
  { code: 'CT-CKND', name: 'Chứng thực chữ ký người dịch', field: 'chung_thuc', limit: sameDay, feeVnd: 10000, online: 'none', boundaryFree: true, steps: steps(0.5), requiredDocuments: docs('Bản dịch', '*Giấy tờ cần dịch', ID) },
  { code: 'CTR-TTR', name: 'Đăng ký tạm trú', field: 'cu_tru', limit: wd(3), feeVnd: 15000, online: 'full', boundaryFree: false, steps: steps(3), rule: 'applicant_residence', requiredDocuments: docs('Tờ khai thay đổi thông tin cư trú (CT01)', 'Giấy tờ chứng minh chỗ ở hợp pháp') },
  { code: 'VH-KARAOKE', name: 'Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke (liên thông)', field: 'van_hoa', limit: wd(16), feeVnd: 3000000, online: 'partial', boundaryFree: true, steps: steps(16), rule: 'fixed', fixedAgency: 'SVHTTDL', requiredDocuments: docs('Đơn đề nghị cấp giấy phép', 'Giấy chứng nhận đủ điều kiện về an ninh, trật tự', 'Bản vẽ phòng hát') },
  { code: 'DD-GCNLD', name: 'Cấp Giấy chứng nhận quyền sử dụng đất lần đầu', field: 'dat_dai', limit: wd(3), feeVnd: 100000, online: 'partial', boundaryFree: false, steps: steps(3), rule: 'parcel_location', requiredDocuments: docs('Đơn đề nghị cấp Giấy chứng nhận', 'Kết quả đăng ký đất đai') },
  { code: 'DD-CLGCN', name: 'Cấp lại Giấy chứng nhận do bị mất', field: 'dat_dai', limit: wd(10), feeVnd: 50000, online: 'partial', boundaryFree: true, steps: steps(10), rule: 'fixed', fixedAgency: 'VPDKDD', requiredDocuments: docs('Đơn đề nghị cấp lại Giấy chứng nhận', 'Giấy xác nhận việc niêm yết thông báo mất') },
  { code: 'DD-XDDT', name: 'Xác định lại diện tích đất ở', field: 'dat_dai', limit: wd(20), feeVnd: 100000, online: 'none', boundaryFree: false, steps: steps(20), rule: 'parcel_location', requiredDocuments: docs('Đơn đề nghị xác định lại diện tích đất ở', '*Giấy chứng nhận đã cấp') },
  { code: 'DD-GCNDA', name: 'Cấp Giấy chứng nhận cho người mua nhà ở trong dự án bất động sản', field: 'dat_dai', limit: wd(8), feeVnd: 100000, online: 'partial', boundaryFree: true, steps: steps(8), rule: 'fixed', fixedAgency: 'VPDKDD', requiredDocuments: docs('Đơn đăng ký, cấp Giấy chứng nhận', '*Hợp đồng mua bán nhà ở', 'Biên bản bàn giao nhà') },
  { code: 'DD-TDT', name: 'Đăng ký, cấp Giấy chứng nhận đối với thửa đất tăng diện tích', field: 'dat_dai', limit: wd(10), feeVnd: 100000, online: 'none', boundaryFree: false, steps: steps(10), rule: 'parcel_location', requiredDocuments: docs('Đơn đăng ký biến động (Mẫu 11/ĐK)', '*Giấy chứng nhận của phần nhận chuyển quyền') },
  { code: 'DD-CCTT', name: 'Cung cấp thông tin, dữ liệu đất đai', field: 'dat_dai', limit: sameDay, feeVnd: 15000, online: 'full', boundaryFree: true, steps: steps(0.5), rule: 'fixed', fixedAgency: 'VPDKDD', requiredDocuments: docs('Phiếu yêu cầu cung cấp dữ liệu đất đai') },
  { code: 'DD-DCGCN', name: 'Đính chính Giấy chứng nhận đã cấp lần đầu có sai sót', field: 'dat_dai', limit: wd(8), feeVnd: 0, online: 'partial', boundaryFree: false, steps: steps(8), rule: 'parcel_location', requiredDocuments: docs('Đơn đề nghị đính chính Giấy chứng nhận', '*Giấy chứng nhận đã cấp') },
  { code: 'GT-NGDN', name: 'Cấp phép thi công nút giao đấu nối vào đường địa phương', field: 'giao_thong', limit: wd(7), feeVnd: 0, online: 'full', boundaryFree: true, steps: steps(7), rule: 'fixed', fixedAgency: 'SXD', requiredDocuments: docs('Đơn đề nghị cấp phép thi công', 'Hồ sơ thiết kế nút giao', 'Văn bản chấp thuận đấu nối') },
  { code: 'YT-MNGDV', name: 'Miễn nhiệm giám định viên pháp y và pháp y tâm thần', field: 'giam_dinh', limit: wd(10), feeVnd: 0, online: 'partial', boundaryFree: true, steps: steps(10), rule: 'fixed', fixedAgency: 'SYT', requiredDocuments: docs('Văn bản đề nghị miễn nhiệm', 'Văn bản, giấy tờ chứng minh căn cứ miễn nhiệm') },
  { code: 'YT-BNGDV', name: 'Bổ nhiệm giám định viên pháp y và pháp y tâm thần', field: 'giam_dinh', limit: wd(20), feeVnd: 0, online: 'partial', boundaryFree: true, rule: 'fixed', fixedAgency: 'SYT', requiredDocuments: docs('Văn bản đề nghị bổ nhiệm', 'Sơ yếu lý lịch', '*Giấy chứng nhận sức khỏe', 'Bằng tốt nghiệp đại học (bản sao)'),
    steps: [
      { code: 'B1', name: 'Tiếp nhận hồ sơ', role: 'officer', durationDays: 0.5 },
      { code: 'B2', name: 'Phân công thụ lý', role: 'leader', durationDays: 0.5 },
      { code: 'B3', name: 'Thẩm định hồ sơ', role: 'specialist', durationDays: 10 },
      { code: 'B4', name: 'Lấy ý kiến cơ quan liên quan', role: 'specialist', durationDays: 5 },
      { code: 'B5', name: 'Trình lãnh đạo Sở', role: 'specialist', durationDays: 2 },
      { code: 'B6', name: 'Trình UBND tỉnh quyết định', role: 'leader', durationDays: 1.5 },
      { code: 'B7', name: 'Trả kết quả', role: 'officer', durationDays: 0.5 },
    ] },
  { code: 'YT-HTLO', name: 'Xét tặng giải thưởng Hải Thượng Lãn Ông', field: 'thi_dua', limit: { unit: 'calendar_days', value: 150 }, feeVnd: 0, online: 'none', boundaryFree: true, steps: steps(100), rule: 'fixed', fixedAgency: 'SYT', requiredDocuments: docs('Tờ trình đề nghị xét tặng', 'Báo cáo thành tích', 'Biên bản họp Hội đồng cơ sở') },
];
