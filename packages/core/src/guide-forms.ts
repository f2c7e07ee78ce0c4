/** Text in the two languages of the guide: Vietnamese first, English second. */
export interface Localized {
  vi: string;
  en: string;
}

/** A form of the library a procedure guide can list; `code` is the file code a citizen asks for at the counter. */
export interface GuideFormDefinition {
  code: string;
  title: Localized;
  /** Legal instrument that prescribes the form, when it is a prescribed form. */
  basis?: string;
}

const CIVIL_STATUS = 'Thông tư 04/2020/TT-BTP (sửa đổi bởi Thông tư 04/2024/TT-BTP)';
const def = (code: string, vi: string, en: string, basis?: string): GuideFormDefinition => ({ code, title: { vi, en }, ...(basis ? { basis } : {}) });

/** The forms the demo guides list. Codes are URL-safe so a form has a stable download address. */
export const guideFormLibrary: readonly GuideFormDefinition[] = [
  def('TK-KS', 'Tờ khai đăng ký khai sinh', 'Birth registration form', CIVIL_STATUS),
  def('TK-KH', 'Tờ khai đăng ký kết hôn', 'Marriage registration form', CIVIL_STATUS),
  def('TK-XNHN', 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Request for a marital status certificate', CIVIL_STATUS),
  def('TK-BSTL', 'Tờ khai cấp bản sao trích lục hộ tịch', 'Request for a copy of a civil-status extract', CIVIL_STATUS),
  def('TK-KT', 'Tờ khai đăng ký khai tử', 'Death registration form', CIVIL_STATUS),
  def('TK-NCMC', 'Tờ khai đăng ký nhận cha, mẹ, con', 'Parent–child recognition form', CIVIL_STATUS),
  def('TK-CCHT', 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Request to change, correct or add civil-status data', CIVIL_STATUS),
  def('TK-GH', 'Tờ khai đăng ký giám hộ', 'Guardianship registration form', CIVIL_STATUS),
  def('TK-DLKS', 'Tờ khai đăng ký lại khai sinh', 'Birth re-registration form', CIVIL_STATUS),
  def('TK-GCHT', 'Tờ khai ghi vào Sổ hộ tịch việc hộ tịch đã giải quyết ở nước ngoài', 'Request to record a civil-status event handled abroad', CIVIL_STATUS),
  def('PYC-CTHD', 'Phiếu yêu cầu chứng thực hợp đồng, giao dịch', 'Request to certify a contract or transaction'),
  def('CT01', 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', 'Residence information declaration (form CT01)'),
  def('GDN-HKD', 'Giấy đề nghị đăng ký hộ kinh doanh', 'Household business registration application'),
  def('DN-KARAOKE', 'Đơn đề nghị cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke', 'Application for a karaoke business licence'),
  def('MAU-04-DK', 'Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu 04/ĐK)', 'Land and attached assets registration form (form 04/ĐK)'),
  def('MAU-11-DK', 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu 11/ĐK)', 'Land change registration form (form 11/ĐK)'),
  def('DN-CLGCN', 'Đơn đề nghị cấp lại Giấy chứng nhận', 'Application to replace a land certificate'),
  def('DN-XDDT', 'Đơn đề nghị xác định lại diện tích đất ở', 'Application to re-determine residential land area'),
  def('DN-DCGCN', 'Đơn đề nghị đính chính Giấy chứng nhận', 'Application to correct a land certificate'),
  def('PYC-DLDD', 'Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai', 'Request for land information and data'),
  def('DN-TCNG', 'Đơn đề nghị cấp phép thi công nút giao đấu nối', 'Application for a road junction works permit'),
];

const byCode = new Map(guideFormLibrary.map((f) => [f.code, f]));

export function guideForm(code: string): GuideFormDefinition | undefined {
  return byCode.get(code);
}
