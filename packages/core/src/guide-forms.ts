/** Text in the two languages of the guide: Vietnamese first, English second. */
export interface Localized {
  vi: string;
  en: string;
}

/** A blank to fill in; `lines` > 1 leaves room for longer answers. */
export interface GuideFormField {
  label: Localized;
  lines?: number;
}
export interface GuideFormSection {
  heading?: Localized;
  fields: GuideFormField[];
}

/** A form of the library a procedure guide can list; `code` is the file code a citizen asks for at the counter. */
export interface GuideFormDefinition {
  code: string;
  title: Localized;
  /** Legal instrument that prescribes the form, when it is a prescribed form. */
  basis?: string;
  /** Who the form is addressed to ("Kính gửi"). */
  to: Localized;
  sections: GuideFormSection[];
  /** Who signs at the bottom. */
  signer: Localized;
}

const CIVIL_STATUS = 'Thông tư 04/2020/TT-BTP (sửa đổi bởi Thông tư 04/2024/TT-BTP)';
const l = (vi: string, en: string): Localized => ({ vi, en });
const f = (vi: string, en: string, lines = 1): GuideFormField => ({ label: l(vi, en), ...(lines > 1 ? { lines } : {}) });
const section = (vi: string, en: string, fields: GuideFormField[]): GuideFormSection => ({ heading: l(vi, en), fields });

const CIVIL_OFFICE = l('Ủy ban nhân dân xã/phường …', 'Commune/ward People’s Committee …');
const LAND_OFFICE = l('Văn phòng/Chi nhánh Văn phòng đăng ký đất đai …', 'Land Registration Office (branch) …');
const NAME = f('Họ, chữ đệm, tên', 'Full name');
const BORN = f('Ngày, tháng, năm sinh', 'Date of birth');
const RESIDENCE = f('Nơi cư trú', 'Place of residence');
const ID_NUMBER = f('Số định danh cá nhân / giấy tờ tùy thân', 'Personal ID number / identity document');
const PHONE = f('Số điện thoại liên hệ', 'Contact phone');
const person = (vi: string, en: string, extra: GuideFormField[] = []) => section(vi, en, [NAME, BORN, f('Dân tộc; quốc tịch', 'Ethnicity; nationality'), RESIDENCE, ID_NUMBER, ...extra]);
const requester = (extra: GuideFormField[] = []) => section('Người yêu cầu', 'Applicant', [NAME, RESIDENCE, ID_NUMBER, ...extra]);
const RELATION = f('Quan hệ với người được đăng ký', 'Relationship to the person registered');
const ATTACHED = f('Giấy tờ nộp kèm', 'Papers attached', 2);
const holder = section('Người sử dụng đất, chủ sở hữu tài sản', 'Land user, asset owner', [f('Tên (họ, chữ đệm, tên hoặc tên tổ chức)', 'Name (person or organisation)'), ID_NUMBER, f('Địa chỉ', 'Address')]);
const parcel = section('Thửa đất', 'Land parcel', [f('Thửa đất số; tờ bản đồ số', 'Parcel no.; map sheet no.'), f('Địa chỉ thửa đất', 'Parcel address'), f('Diện tích (m²); mục đích sử dụng', 'Area (m²); land use')]);
const certificate = section('Giấy chứng nhận đã cấp', 'Certificate already issued', [f('Số phát hành; số vào sổ cấp GCN', 'Serial no.; register entry no.'), f('Ngày cấp; cơ quan cấp', 'Date of issue; issuing office')]);
const APPLICANT = l('Người yêu cầu (ký, ghi rõ họ, chữ đệm, tên)', 'Applicant (signature and full name)');
const OWNER = l('Người viết đơn (ký, ghi rõ họ tên; tổ chức: ký, đóng dấu)', 'Applicant (signature and name; organisations: signature and seal)');

const def = (code: string, title: Localized, to: Localized, sections: GuideFormSection[], basis?: string, signer = APPLICANT): GuideFormDefinition => ({
  code, title, to, sections, signer, ...(basis ? { basis } : {}),
});

/** The forms the demo guides list. Codes are URL-safe so a form has a stable download address. */
export const guideFormLibrary: readonly GuideFormDefinition[] = [
  def('TK-KS', l('Tờ khai đăng ký khai sinh', 'Birth registration form'), CIVIL_OFFICE, [
    requester([RELATION]),
    section('Người được khai sinh', 'Child', [NAME, f('Ngày, tháng, năm sinh (bằng số và bằng chữ)', 'Date of birth (in figures and words)'), f('Giới tính; dân tộc; quốc tịch', 'Sex; ethnicity; nationality'), f('Nơi sinh', 'Place of birth'), f('Quê quán', 'Place of origin')]),
    person('Cha', 'Father'),
    person('Mẹ', 'Mother'),
  ], CIVIL_STATUS),
  def('TK-KH', l('Tờ khai đăng ký kết hôn', 'Marriage registration form'), CIVIL_OFFICE, [
    person('Bên nữ', 'Bride', [f('Kết hôn lần thứ mấy', 'Which marriage (1st, 2nd…)')]),
    person('Bên nam', 'Groom', [f('Kết hôn lần thứ mấy', 'Which marriage (1st, 2nd…)')]),
  ], CIVIL_STATUS, l('Bên nữ và bên nam (ký, ghi rõ họ, chữ đệm, tên)', 'Bride and groom (signatures and full names)')),
  def('TK-XNHN', l('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Request for a marital status certificate'), CIVIL_OFFICE, [
    requester([RELATION]),
    person('Người được xác nhận', 'Person to certify', [f('Tình trạng hôn nhân', 'Marital status', 2), f('Mục đích sử dụng Giấy xác nhận', 'What the certificate is for')]),
  ], CIVIL_STATUS),
  def('TK-BSTL', l('Tờ khai cấp bản sao trích lục hộ tịch', 'Request for a copy of a civil-status extract'), CIVIL_OFFICE, [
    requester([RELATION]),
    section('Nội dung đề nghị', 'Request', [f('Loại việc hộ tịch (khai sinh, kết hôn, khai tử…)', 'Kind of event (birth, marriage, death…)'), NAME, f('Số, quyển, ngày đăng ký; nơi đăng ký', 'Entry no., book, date and place of registration'), f('Số lượng bản sao', 'Number of copies')]),
  ], CIVIL_STATUS),
  def('TK-KT', l('Tờ khai đăng ký khai tử', 'Death registration form'), CIVIL_OFFICE, [
    requester([f('Quan hệ với người đã chết', 'Relationship to the deceased')]),
    person('Người đã chết', 'Deceased', [f('Chết vào lúc (giờ, phút, ngày, tháng, năm)', 'Time and date of death'), f('Nơi chết', 'Place of death'), f('Nguyên nhân chết', 'Cause of death'), f('Số Giấy báo tử / giấy tờ thay thế; nơi cấp, ngày cấp', 'Death notice (or substitute) no., issued by, on')]),
  ], CIVIL_STATUS),
  def('TK-NCMC', l('Tờ khai đăng ký nhận cha, mẹ, con', 'Parent–child recognition form'), CIVIL_OFFICE, [
    person('Người nhận', 'Person recognising'),
    person('Người được nhận', 'Person recognised'),
    section('Quan hệ', 'Relationship', [f('Quan hệ giữa người nhận và người được nhận (cha – con, mẹ – con)', 'Relationship (father–child, mother–child)')]),
  ], CIVIL_STATUS),
  def('TK-CCHT', l('Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Request to change, correct or add civil-status data'), CIVIL_OFFICE, [
    requester([RELATION]),
    section('Người có thông tin hộ tịch cần sửa', 'Person whose data changes', [NAME, BORN, ID_NUMBER, f('Giấy tờ hộ tịch đã đăng ký (số, quyển, ngày, nơi đăng ký)', 'Registered civil-status paper (no., book, date, place)')]),
    section('Nội dung đề nghị', 'Request', [f('Nội dung thay đổi, cải chính, bổ sung', 'What to change, correct or add', 3), f('Lý do', 'Reason', 2)]),
  ], CIVIL_STATUS),
  def('TK-GH', l('Tờ khai đăng ký giám hộ', 'Guardianship registration form'), CIVIL_OFFICE, [
    person('Người giám hộ', 'Guardian'),
    person('Người được giám hộ', 'Ward'),
    section('Căn cứ', 'Grounds', [f('Văn bản cử người giám hộ (số, ngày, người lập)', 'Appointing document (no., date, author)'), f('Lý do giám hộ', 'Reason for guardianship', 2)]),
  ], CIVIL_STATUS),
  def('TK-DLKS', l('Tờ khai đăng ký lại khai sinh', 'Birth re-registration form'), CIVIL_OFFICE, [
    requester([RELATION]),
    section('Người được khai sinh', 'Person registered', [NAME, BORN, f('Giới tính; dân tộc; quốc tịch', 'Sex; ethnicity; nationality'), f('Nơi sinh; quê quán', 'Place of birth; place of origin'), f('Họ tên cha; họ tên mẹ', 'Father’s name; mother’s name')]),
    section('Việc khai sinh trước đây', 'Earlier registration', [f('Đã đăng ký khai sinh tại (cơ quan, năm)', 'Registered at (office, year)'), ATTACHED]),
  ], CIVIL_STATUS),
  def('TK-GCHT', l('Tờ khai ghi vào Sổ hộ tịch việc hộ tịch đã giải quyết ở nước ngoài', 'Request to record a civil-status event handled abroad'), CIVIL_OFFICE, [
    requester([RELATION]),
    section('Việc hộ tịch đã giải quyết', 'Event handled abroad', [f('Loại việc (kết hôn, ly hôn, hủy kết hôn…)', 'Kind (marriage, divorce, annulment…)'), f('Cơ quan nước ngoài đã giải quyết; quốc gia', 'Foreign authority; country'), f('Số, ngày của giấy tờ', 'Document no. and date'), f('Các bên (họ tên, ngày sinh, quốc tịch)', 'Parties (names, dates of birth, nationalities)', 3)]),
  ], CIVIL_STATUS),
  def('PYC-CTHD', l('Phiếu yêu cầu chứng thực hợp đồng, giao dịch', 'Request to certify a contract or transaction'), l('Ủy ban nhân dân xã/phường …', 'Commune/ward People’s Committee …'), [
    requester([PHONE]),
    section('Nội dung yêu cầu', 'Request', [f('Tên hợp đồng, giao dịch', 'Name of the contract or transaction'), f('Tài sản (loại, địa chỉ, giấy tờ)', 'Property (kind, address, title papers)', 2), f('Các bên tham gia', 'Parties', 2), ATTACHED]),
  ]),
  def('CT01', l('Tờ khai thay đổi thông tin cư trú', 'Residence information declaration'), l('Công an xã/phường …', 'Commune/ward police …'), [
    section('Người khai', 'Declarant', [NAME, BORN, f('Giới tính', 'Sex'), ID_NUMBER, f('Số điện thoại; email', 'Phone; email')]),
    section('Chủ hộ', 'Head of household', [f('Họ, chữ đệm, tên chủ hộ', 'Name of the head of household'), f('Quan hệ với chủ hộ', 'Relationship to the head'), f('Số định danh cá nhân của chủ hộ', 'Personal ID number of the head')]),
    section('Nội dung đề nghị', 'Request', [f('Nội dung đề nghị (đăng ký thường trú, tạm trú, xác nhận thông tin…)', 'What you ask for (permanent/temporary residence, confirmation…)', 3), f('Những thành viên trong hộ cùng thay đổi (họ tên, ngày sinh, số định danh, quan hệ)', 'Household members included (name, date of birth, ID number, relationship)', 3), f('Ý kiến của chủ hộ / chủ sở hữu chỗ ở (nếu có)', 'Consent of the head of household / owner (if needed)', 2)]),
  ], undefined, l('Người kê khai (ký, ghi rõ họ tên)', 'Declarant (signature and name)')),
  def('GDN-HKD', l('Giấy đề nghị đăng ký hộ kinh doanh', 'Household business registration application'), l('Cơ quan đăng ký kinh doanh cấp xã …', 'Commune business registration office …'), [
    section('Hộ kinh doanh', 'Household business', [f('Tên hộ kinh doanh', 'Business name'), f('Địa chỉ trụ sở; điện thoại; email', 'Address; phone; email'), f('Ngành, nghề kinh doanh', 'Lines of business', 2), f('Vốn kinh doanh (đồng)', 'Capital (VND)'), f('Số lượng lao động', 'Number of workers')]),
    person('Chủ hộ kinh doanh', 'Owner'),
  ], undefined, l('Chủ hộ kinh doanh (ký, ghi rõ họ tên)', 'Owner (signature and name)')),
  def('DN-KARAOKE', l('Đơn đề nghị cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke', 'Application for a karaoke business licence'), l('Cơ quan cấp giấy phép …', 'Licensing agency …'), [
    section('Tổ chức, cá nhân đề nghị', 'Applicant', [f('Tên doanh nghiệp / hộ kinh doanh', 'Company / household business name'), f('Địa chỉ trụ sở; điện thoại', 'Address; phone'), f('Số Giấy chứng nhận đăng ký kinh doanh; ngày cấp; nơi cấp', 'Business registration no.; date; issued by')]),
    section('Địa điểm kinh doanh', 'Premises', [f('Địa chỉ địa điểm kinh doanh', 'Address of the premises'), f('Số lượng phòng hát; diện tích từng phòng (m²)', 'Number of rooms; area of each room (m²)', 2)]),
    section('Cam kết', 'Undertaking', [f('Cam kết thực hiện đúng các điều kiện kinh doanh theo quy định', 'We undertake to meet the business conditions required by law', 1)]),
  ], undefined, OWNER),
  def('MAU-04-DK', l('Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu 04/ĐK)', 'Land and attached assets registration form (form 04/ĐK)'), LAND_OFFICE, [
    holder,
    section('Thửa đất đăng ký', 'Parcel registered', [f('Thửa đất số; tờ bản đồ số', 'Parcel no.; map sheet no.'), f('Địa chỉ thửa đất', 'Parcel address'), f('Diện tích (m²); mục đích sử dụng; thời hạn sử dụng', 'Area (m²); land use; term'), f('Nguồn gốc sử dụng', 'Origin of the land use', 2)]),
    section('Tài sản và đề nghị', 'Assets and request', [f('Tài sản gắn liền với đất (loại, diện tích xây dựng, số tầng)', 'Attached assets (kind, built area, floors)', 2), f('Đề nghị (đăng ký / cấp Giấy chứng nhận / ghi nợ nghĩa vụ tài chính…)', 'Request (register / issue certificate / defer obligations…)', 2), ATTACHED]),
  ], undefined, OWNER),
  def('MAU-11-DK', l('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu 11/ĐK)', 'Land change registration form (form 11/ĐK)'), LAND_OFFICE, [
    holder, certificate, parcel,
    section('Nội dung biến động', 'Change', [f('Nội dung trên Giấy chứng nhận trước khi biến động', 'Certificate details before the change', 2), f('Nội dung sau khi biến động', 'Details after the change', 2), f('Lý do biến động (chuyển nhượng, thừa kế, tặng cho…)', 'Reason (transfer, inheritance, gift…)'), ATTACHED]),
  ], undefined, OWNER),
  def('DN-CLGCN', l('Đơn đề nghị cấp lại Giấy chứng nhận', 'Application to replace a land certificate'), LAND_OFFICE, [
    holder, certificate, parcel,
    section('Đề nghị', 'Request', [f('Lý do đề nghị cấp lại (bị mất…)', 'Reason (lost…)', 2), f('Đã niêm yết thông báo mất tại (nơi, ngày)', 'Loss notice posted at (place, date)'), ATTACHED]),
  ], undefined, OWNER),
  def('DN-XDDT', l('Đơn đề nghị xác định lại diện tích đất ở', 'Application to re-determine residential land area'), LAND_OFFICE, [
    holder, certificate, parcel,
    section('Đề nghị', 'Request', [f('Diện tích đất ở đã ghi trên Giấy chứng nhận (m²)', 'Residential area on the certificate (m²)'), f('Diện tích đất ở đề nghị xác định lại (m²); lý do, căn cứ', 'Area requested (m²); reason and grounds', 2), ATTACHED]),
  ], undefined, OWNER),
  def('DN-DCGCN', l('Đơn đề nghị đính chính Giấy chứng nhận', 'Application to correct a land certificate'), l('Ủy ban nhân dân xã/phường …', 'Commune/ward People’s Committee …'), [
    holder, certificate,
    section('Đề nghị', 'Request', [f('Nội dung sai sót trên Giấy chứng nhận', 'What is wrong on the certificate', 2), f('Nội dung đề nghị đính chính', 'Correct details', 2), ATTACHED]),
  ], undefined, OWNER),
  def('PYC-DLDD', l('Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai', 'Request for land information and data'), LAND_OFFICE, [
    requester([PHONE]),
    section('Thông tin, dữ liệu cần cung cấp', 'Information requested', [f('Thửa đất số; tờ bản đồ số; địa chỉ', 'Parcel no.; map sheet no.; address'), f('Loại thông tin, dữ liệu (trích lục bản đồ, thông tin thửa đất…)', 'Kind of data (map extract, parcel details…)', 2), f('Mục đích sử dụng', 'Purpose'), f('Hình thức nhận kết quả; số lượng bản', 'How to receive it; number of copies')]),
  ]),
  def('DN-TCNG', l('Đơn đề nghị cấp phép thi công nút giao đấu nối', 'Application for a road junction works permit'), l('Cơ quan quản lý đường bộ …', 'Road authority …'), [
    section('Đơn vị đề nghị', 'Applicant', [f('Tên tổ chức, cá nhân', 'Organisation or person'), f('Địa chỉ; điện thoại', 'Address; phone')]),
    section('Công trình', 'Works', [f('Tên công trình; tuyến đường; vị trí (lý trình, bên trái/phải tuyến)', 'Works; road; location (chainage, side)'), f('Văn bản chấp thuận đấu nối (số, ngày, cơ quan)', 'Connection approval (no., date, agency)'), f('Thời gian thi công dự kiến: từ ngày … đến ngày …', 'Planned works period: from … to …'), ATTACHED]),
  ], undefined, OWNER),
];

const byCode = new Map(guideFormLibrary.map((form) => [form.code, form]));

export function guideForm(code: string): GuideFormDefinition | undefined {
  return byCode.get(code);
}
