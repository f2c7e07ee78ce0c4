import { guideForm } from '@motcua/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import type { GuideDocument, GuideForm, GuideText } from '../schema/procedures.js';

/** What the QR-poster page says about a procedure, in the citizen's words (the procedures of demo-catalogue.ts). */
export interface DemoGuide {
  steps: GuideText[];
  documents: GuideDocument[];
  /** File codes of the form library (core `guideFormLibrary`). */
  forms: string[];
  notes?: GuideText;
  /** Result handed over during the visit ("không hẹn"). */
  noAppointment?: boolean;
}

const t = (vi: string, en: string): GuideText => ({ vi, en });
const doc = (vi: string, en: string, original = true, reusable = false): GuideDocument => ({ name: t(vi, en), original, reusable });
const copy = (vi: string, en: string, reusable = false) => doc(vi, en, false, reusable);

const ID_CARD = doc('Căn cước / CCCD của người nộp (xuất trình)', 'ID card (Căn cước / CCCD) of the applicant (shown)', true, true);
const AUTHORISATION = doc('Văn bản ủy quyền (nếu nộp thay)', 'Written authorisation (if someone submits on your behalf)');
const PASSPORT = copy('Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu của người nước ngoài (bản sao)', 'Passport or equivalent travel document of the foreign party (copy)');
const CT01 = doc('Tờ khai thay đổi thông tin cư trú (CT01)', 'Residence information declaration (CT01)');
const FOREIGN_PAPERS = t(
  'Giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự (trừ trường hợp được miễn theo điều ước quốc tế) và dịch sang tiếng Việt có chứng thực.',
  'Papers issued abroad must be consular-legalised (unless a treaty exempts them) and come with a certified Vietnamese translation.',
);

const TAKE_NUMBER = t('Lấy số thứ tự tại kiosk (hoặc đặt lịch hẹn trực tuyến) và chờ gọi đến quầy', 'Take a number at the kiosk (or book an appointment online) and wait to be called to a counter');
const HAND_IN = t('Nộp tờ khai và xuất trình giấy tờ tại quầy; cán bộ kiểm tra, tra cứu dữ liệu dân cư', 'Hand in the form and show your papers at the counter; the officer checks them and looks you up in the population database');
const PAY = t('Nộp lệ phí (nếu có) bằng tiền mặt, chuyển khoản hoặc quét mã QR', 'Pay the fee (if any) in cash, by bank transfer or by scanning the QR code');
const ONLINE_OR_NUMBER = t('Nộp trực tuyến trên Cổng Dịch vụ công quốc gia, hoặc lấy số thứ tự tại kiosk và chờ gọi đến quầy', 'Apply online on the National Public Service Portal, or take a number at the kiosk and wait to be called');
const counterSteps = (result: GuideText) => [TAKE_NUMBER, HAND_IN, PAY, result];
const LAND_OBLIGATION = t(
  'Nộp nghĩa vụ tài chính (thuế, lệ phí trước bạ) theo thông báo của cơ quan thuế; thời gian nộp không tính vào thời hạn giải quyết',
  'Pay the financial obligations (taxes, registration fee) the tax office notifies; the time you take to pay does not count towards the time limit',
);

/** Keyed by procedure code; every procedure of the demo catalogue has one (a test checks it). */
export const demoGuides: Record<string, DemoGuide> = {
  // Hộ tịch — civil status
  '1.001193': {
    steps: counterSteps(t('Nhận Giấy khai sinh ngay trong ngày (nộp sau 15:00: trả sáng hôm sau)', 'Receive the birth certificate the same day (submitted after 15:00: next morning)')),
    documents: [
      doc('Tờ khai đăng ký khai sinh', 'Birth registration form'),
      doc('Giấy chứng sinh', 'Certificate of birth from the hospital or midwife'),
      copy('Giấy chứng nhận kết hôn của cha mẹ', 'Parents’ marriage certificate', true),
      ID_CARD,
      AUTHORISATION,
    ],
    forms: ['TK-KS'],
    notes: t('Cha, mẹ có trách nhiệm đăng ký khai sinh cho con trong 60 ngày kể từ ngày sinh.', 'Parents must register the birth within 60 days of it.'),
    noAppointment: true,
  },
  '1.000894': {
    steps: counterSteps(t('Hai bên nam, nữ cùng có mặt ký Sổ hộ tịch và nhận Giấy chứng nhận kết hôn', 'Both partners come in person to sign the register and receive the marriage certificate')),
    documents: [
      doc('Tờ khai đăng ký kết hôn', 'Marriage registration form'),
      doc('Giấy xác nhận tình trạng hôn nhân (nếu đăng ký ở nơi khác nơi thường trú)', 'Marital status certificate (if you register outside your place of permanent residence)', true, true),
      ID_CARD,
    ],
    forms: ['TK-KH'],
    notes: t('Trường hợp cần xác minh, thời hạn không quá 5 ngày làm việc.', 'If checks are needed, it takes up to 5 working days.'),
  },
  '1.004873': {
    steps: counterSteps(t('Nhận Giấy xác nhận tình trạng hôn nhân theo giấy hẹn (3 ngày làm việc)', 'Collect the marital status certificate on the appointment date (3 working days)')),
    documents: [
      doc('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Marital status certificate request form'),
      copy('Bản án/quyết định ly hôn hoặc giấy chứng tử (nếu đã từng kết hôn)', 'Divorce judgment/decision or death certificate of the spouse (if married before)', true),
      ID_CARD,
    ],
    forms: ['TK-XNHN'],
    notes: t('Giấy xác nhận có giá trị 6 tháng và chỉ dùng cho mục đích ghi trong giấy.', 'The certificate is valid for 6 months and only for the purpose written on it.'),
  },
  'HT-KT': {
    steps: counterSteps(t('Nhận Trích lục khai tử trong ngày (nộp sau 15:00: trả sáng hôm sau); cần xác minh: không quá 3 ngày làm việc', 'Receive the death extract the same day (after 15:00: next morning); if checks are needed, within 3 working days')),
    documents: [
      doc('Tờ khai đăng ký khai tử', 'Death registration form'),
      doc('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', 'Death notice or a paper that replaces it'),
      ID_CARD,
      AUTHORISATION,
    ],
    forms: ['TK-KT'],
    notes: t('Người thân thích của người chết có trách nhiệm đăng ký khai tử trong 15 ngày kể từ ngày người đó chết.', 'A close relative must register the death within 15 days of it.'),
  },
  'HT-NCMC': {
    steps: counterSteps(t('Bên nhận và bên được nhận cùng có mặt; nhận Trích lục nhận cha, mẹ, con sau 3 ngày làm việc (cần xác minh: đến 5 ngày)', 'Both the parent and the child come in person; collect the recognition extract after 3 working days (up to 5 if checks are needed)')),
    documents: [
      doc('Tờ khai đăng ký nhận cha, mẹ, con', 'Parent–child recognition form'),
      doc(
        'Chứng cứ chứng minh quan hệ cha, mẹ, con (kết quả giám định ADN hoặc văn bản của cơ quan có thẩm quyền; nếu không có: văn bản cam đoan kèm ít nhất hai người làm chứng)',
        'Proof of the parent–child relationship (DNA test result or an official document; failing that, a signed statement with at least two witnesses)',
      ),
      ID_CARD,
    ],
    forms: ['TK-NCMC'],
  },
  'HT-KSNC': {
    steps: counterSteps(t('Nhận Giấy khai sinh và Trích lục nhận cha, mẹ, con sau 3 ngày làm việc', 'Collect the birth certificate and the recognition extract after 3 working days')),
    documents: [
      doc('Tờ khai đăng ký khai sinh', 'Birth registration form'),
      doc('Tờ khai đăng ký nhận cha, mẹ, con', 'Parent–child recognition form'),
      doc('Giấy chứng sinh', 'Certificate of birth from the hospital or midwife'),
      doc('Chứng cứ chứng minh quan hệ cha, mẹ, con', 'Proof of the parent–child relationship'),
      ID_CARD,
    ],
    forms: ['TK-KS', 'TK-NCMC'],
    notes: t('Phần đăng ký khai sinh được miễn lệ phí.', 'The birth registration part is free.'),
  },
  'HT-CC': {
    steps: counterSteps(t('Nhận Trích lục thay đổi, cải chính hộ tịch sau 3 ngày làm việc (cần xác minh: đến 6 ngày); bổ sung thông tin: trong ngày', 'Collect the extract after 3 working days (up to 6 if checks are needed); adding missing data: the same day')),
    documents: [
      doc('Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Request to change, correct or add civil-status data'),
      copy('Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung (bản sao hoặc xuất trình bản chính)', 'Papers supporting the change (copy, or show the original)'),
      copy('Giấy khai sinh hoặc giấy tờ hộ tịch cần sửa', 'Birth certificate or the civil-status paper to correct', true),
      ID_CARD,
    ],
    forms: ['TK-CCHT'],
    notes: t('Thay đổi họ, tên của người từ đủ 9 tuổi trở lên phải có sự đồng ý của người đó.', 'Changing the name of a person aged 9 or over needs that person’s consent.'),
  },
  'HT-GH': {
    steps: counterSteps(t('Người giám hộ có mặt; nhận Trích lục đăng ký giám hộ sau 3 ngày làm việc', 'The guardian comes in person; collect the guardianship extract after 3 working days')),
    documents: [
      doc('Tờ khai đăng ký giám hộ', 'Guardianship registration form'),
      doc('Văn bản cử người giám hộ theo Bộ luật Dân sự', 'Document appointing the guardian under the Civil Code'),
      ID_CARD,
    ],
    forms: ['TK-GH'],
  },
  'HT-DLKS': {
    steps: counterSteps(t('Nhận Giấy khai sinh đăng ký lại sau 5 ngày làm việc', 'Collect the re-registered birth certificate after 5 working days')),
    documents: [
      doc('Tờ khai đăng ký lại khai sinh', 'Birth re-registration form'),
      copy('Bản sao giấy tờ có thông tin khai sinh (Giấy khai sinh cũ, học bạ, văn bằng, hồ sơ công tác…)', 'Copies of papers showing the birth details (old birth certificate, school records, diplomas, employment file…)'),
      ID_CARD,
    ],
    forms: ['TK-DLKS'],
    notes: t('Chỉ áp dụng khi việc khai sinh đã được đăng ký trước đây nhưng Sổ hộ tịch và bản chính Giấy khai sinh đều bị mất.', 'Only when the birth was registered before but both the register and the original certificate are lost.'),
  },
  '2.000635': {
    steps: counterSteps(t('Nhận bản sao trích lục trong ngày', 'Receive the copy of the extract the same day')),
    documents: [doc('Tờ khai cấp bản sao trích lục hộ tịch', 'Request for a copy of a civil-status extract'), ID_CARD, AUTHORISATION],
    forms: ['TK-BSTL'],
    noAppointment: true,
  },
  'HT-KHNN': {
    steps: counterSteps(t('Hai bên cùng có mặt ký Sổ hộ tịch và nhận Giấy chứng nhận kết hôn (5 ngày làm việc; cần xác minh: đến 10 ngày)', 'Both partners come in person to sign and receive the marriage certificate (5 working days; up to 10 if checks are needed)')),
    documents: [
      doc('Tờ khai đăng ký kết hôn', 'Marriage registration form'),
      doc('Giấy xác nhận tình trạng hôn nhân của người nước ngoài do nước ngoài cấp', 'Marital status certificate of the foreign party, issued abroad'),
      doc('Giấy xác nhận của tổ chức y tế: không mắc bệnh tâm thần hoặc bệnh khác mất khả năng nhận thức, làm chủ hành vi', 'Medical certificate: no mental illness or condition that impairs awareness and self-control'),
      PASSPORT,
      ID_CARD,
    ],
    forms: ['TK-KH'],
    notes: FOREIGN_PAPERS,
  },
  'HT-NCNN': {
    steps: counterSteps(t('Các bên có mặt; nhận Trích lục nhận cha, mẹ, con sau 10 ngày làm việc (đã gồm thời gian xác minh và niêm yết)', 'All parties come in person; collect the extract after 10 working days (checks and public posting included)')),
    documents: [
      doc('Tờ khai đăng ký nhận cha, mẹ, con', 'Parent–child recognition form'),
      doc('Chứng cứ chứng minh quan hệ cha, mẹ, con', 'Proof of the parent–child relationship'),
      PASSPORT,
      ID_CARD,
    ],
    forms: ['TK-NCMC'],
    notes: FOREIGN_PAPERS,
  },
  'HT-GCNN': {
    steps: counterSteps(t('Nhận Trích lục ghi chú việc kết hôn/ly hôn sau 5 ngày làm việc (cần xác minh: đến 8 ngày)', 'Collect the extract recording the marriage/divorce after 5 working days (up to 8 if checks are needed)')),
    documents: [
      doc('Tờ khai ghi vào Sổ hộ tịch', 'Request to record the event in the register'),
      copy('Bản sao giấy tờ kết hôn hoặc bản án, quyết định ly hôn do nước ngoài cấp', 'Copy of the marriage certificate or divorce judgment/decision issued abroad'),
      ID_CARD,
    ],
    forms: ['TK-GCHT'],
    notes: FOREIGN_PAPERS,
  },
  'HT-KTNN': {
    steps: counterSteps(t('Nhận Trích lục khai tử trong ngày (nộp sau 15:00: trả sáng hôm sau); cần xác minh: không quá 3 ngày làm việc', 'Receive the death extract the same day (after 15:00: next morning); if checks are needed, within 3 working days')),
    documents: [
      doc('Tờ khai đăng ký khai tử', 'Death registration form'),
      doc('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', 'Death notice or a paper that replaces it'),
      copy('Hộ chiếu của người chết', 'Passport of the deceased'),
      ID_CARD,
    ],
    forms: ['TK-KT'],
  },
  'LT-KS-TT-BHYT': {
    steps: [
      t('Khai một tờ khai điện tử liên thông trên Cổng Dịch vụ công quốc gia, hoặc nộp tại quầy', 'Fill in one interconnected e-form on the National Public Service Portal, or submit at the counter'),
      t('Đính kèm bản chụp Giấy chứng sinh và giấy tờ về chỗ ở (nếu chưa có trong Cơ sở dữ liệu về cư trú)', 'Attach a scan of the certificate of birth and the housing paper (if not yet in the residence database)'),
      t('Theo dõi tiến độ bằng mã hồ sơ; không cần đến từng cơ quan', 'Follow progress with the dossier code; no need to visit each agency'),
      t('Nhận Giấy khai sinh, kết quả đăng ký thường trú và thẻ bảo hiểm y tế của trẻ (3 ngày làm việc; cần xác minh: đến 5 ngày)', 'Receive the birth certificate, the permanent residence result and the child’s health-insurance card (3 working days; up to 5 if checks are needed)'),
    ],
    documents: [
      doc('Tờ khai điện tử liên thông', 'Interconnected e-form'),
      doc('Giấy chứng sinh', 'Certificate of birth from the hospital or midwife'),
      CT01,
      ID_CARD,
    ],
    forms: ['TK-KS', 'CT01'],
    notes: t('Áp dụng cho trẻ dưới 6 tuổi; không phát sinh thêm chi phí.', 'For children under 6; at no extra cost.'),
  },
  // Chứng thực — certification
  '2.000815': {
    steps: [
      TAKE_NUMBER,
      t('Nộp bản chính và bản chụp cần chứng thực tại quầy', 'Hand in the original and the photocopies to certify'),
      t('Nộp lệ phí 2.000 đ/trang (từ trang 3: 1.000 đ/trang, tối đa 200.000 đ/bản)', 'Pay 2,000 VND per page (from page 3: 1,000 VND per page, at most 200,000 VND per copy)'),
      t('Nhận bản sao đã chứng thực ngay tại quầy', 'Receive the certified copies at the counter'),
    ],
    documents: [doc('Bản chính giấy tờ cần chứng thực', 'Original of the paper to certify'), copy('Bản chụp (photo) của bản chính', 'Photocopy of the original')],
    forms: [],
    notes: t('Không chứng thực bản sao từ bản chính bị tẩy xóa, sửa chữa, hư hỏng, cũ nát không xác định được nội dung.', 'Originals that are erased, altered or too damaged to read cannot be certified.'),
    noAppointment: true,
  },
  'CT-CK': {
    steps: [
      TAKE_NUMBER,
      t('Xuất trình giấy tờ tùy thân và nộp giấy tờ, văn bản cần chứng thực chữ ký (chưa ký)', 'Show your ID and hand in the document whose signature is to be certified (not yet signed)'),
      t('Ký trước mặt người thực hiện chứng thực', 'Sign in front of the certifying officer'),
      t('Nộp lệ phí 10.000 đ/trường hợp', 'Pay 10,000 VND per case'),
      t('Nhận văn bản đã chứng thực chữ ký trong ngày', 'Receive the certified document the same day'),
    ],
    documents: [doc('Giấy tờ, văn bản cần chứng thực chữ ký', 'Document whose signature is to be certified'), ID_CARD],
    forms: [],
    notes: t('Không chứng thực chữ ký trên văn bản có nội dung là hợp đồng, giao dịch (trừ trường hợp pháp luật cho phép).', 'Signatures on contracts or transactions are not certified this way (except where the law allows it).'),
  },
  'CT-CKND': {
    steps: [
      TAKE_NUMBER,
      t('Người dịch xuất trình giấy tờ tùy thân, nộp bản dịch kèm giấy tờ cần dịch', 'The translator shows their ID and hands in the translation with the source document'),
      t('Người dịch ký trước mặt người thực hiện chứng thực', 'The translator signs in front of the certifying officer'),
      t('Nộp lệ phí 10.000 đ/trường hợp', 'Pay 10,000 VND per case'),
      t('Nhận bản dịch đã chứng thực chữ ký người dịch trong ngày', 'Receive the certified translation the same day'),
    ],
    documents: [
      doc('Bản dịch', 'Translation'),
      doc('Giấy tờ, văn bản cần dịch', 'Source document that was translated'),
      copy('Bằng cấp ngoại ngữ của người dịch (nếu không phải cộng tác viên dịch thuật của cơ quan chứng thực)', 'Translator’s language degree (if not a registered translator of the certifying office)'),
      ID_CARD,
    ],
    forms: [],
    notes: t('Người dịch phải có bằng cử nhân ngoại ngữ trở lên về thứ tiếng cần dịch, hoặc bằng tốt nghiệp đại học trở lên học bằng thứ tiếng đó.', 'The translator needs at least a bachelor’s degree in the language, or a university degree taught in it.'),
  },
  'CT-HD': {
    steps: counterSteps(t('Các bên ký trước mặt người thực hiện chứng thực; nhận hợp đồng đã chứng thực theo giấy hẹn (đến 2 ngày làm việc)', 'All parties sign in front of the certifying officer; collect the certified contract on the appointment date (up to 2 working days)')),
    documents: [
      doc('Dự thảo hợp đồng, giao dịch', 'Draft of the contract or transaction'),
      copy('Giấy chứng nhận quyền sử dụng đất / quyền sở hữu tài sản', 'Land-use or property certificate', true),
      ID_CARD,
    ],
    forms: ['PYC-CTHD'],
    notes: t('Tất cả các bên tham gia hợp đồng phải có mặt khi ký.', 'Every party to the contract must be present to sign.'),
  },
  // Cư trú — residence
  'CTR-XN': {
    steps: [
      ONLINE_OR_NUMBER,
      t('Cán bộ tra cứu Cơ sở dữ liệu quốc gia về dân cư', 'The officer looks you up in the national population database'),
      t('Nhận Giấy xác nhận thông tin về cư trú (½ ngày làm việc nếu có dữ liệu; nếu phải xác minh: đến 3 ngày)', 'Receive the residence confirmation (½ working day if the data is on file; up to 3 days if it must be checked)'),
    ],
    documents: [CT01, ID_CARD],
    forms: ['CT01'],
  },
  'CTR-TT': {
    steps: counterSteps(t('Nhận thông báo kết quả đăng ký thường trú (7 ngày làm việc); thông tin được cập nhật vào Cơ sở dữ liệu về cư trú', 'Receive the permanent residence result (7 working days); your data is updated in the residence database')),
    documents: [CT01, copy('Giấy tờ chứng minh chỗ ở hợp pháp', 'Proof of lawful housing', true), ID_CARD],
    forms: ['CT01'],
    notes: t('Nếu ở nhờ, thuê, mượn: chủ hộ hoặc chủ sở hữu chỗ ở ghi ý kiến đồng ý vào tờ khai CT01 (hoặc có văn bản đồng ý).', 'If you rent or stay with someone: the head of household or owner writes their consent on form CT01 (or in a separate letter).'),
  },
  'CTR-TTR': {
    steps: [
      ONLINE_OR_NUMBER,
      t('Nộp tờ khai CT01 và giấy tờ chứng minh chỗ ở; cán bộ kiểm tra, hướng dẫn bổ sung nếu thiếu', 'Hand in form CT01 and proof of housing; the officer checks them and tells you what is missing'),
      PAY,
      t('Nhận thông báo kết quả đăng ký tạm trú (3 ngày làm việc)', 'Receive the temporary residence result (3 working days)'),
    ],
    documents: [CT01, copy('Giấy tờ chứng minh chỗ ở hợp pháp', 'Proof of lawful housing', true), ID_CARD],
    forms: ['CT01'],
    notes: t('Phải đăng ký tạm trú khi đến sinh sống từ 30 ngày trở lên ngoài nơi thường trú. Nộp trực tuyến được giảm lệ phí.', 'Register temporary residence when you live 30 days or more away from your permanent residence. The fee is lower online.'),
  },
  // Kinh doanh, văn hóa — business, culture
  'KD-HKD': {
    steps: counterSteps(t('Nhận Giấy chứng nhận đăng ký hộ kinh doanh (3 ngày làm việc)', 'Receive the household business registration certificate (3 working days)')),
    documents: [
      doc('Giấy đề nghị đăng ký hộ kinh doanh', 'Household business registration application'),
      doc('Biên bản họp thành viên hộ gia đình (nếu các thành viên hộ gia đình cùng đăng ký)', 'Minutes of the family meeting (if family members register together)'),
      ID_CARD,
    ],
    forms: ['GDN-HKD'],
  },
  'VH-KARAOKE': {
    steps: [
      t('Nộp một bộ hồ sơ liên thông tại trung tâm hoặc trực tuyến', 'Submit one interconnected dossier at the center or online'),
      t('Trung tâm chuyển hồ sơ lần lượt: đăng ký hộ kinh doanh (nếu chưa có) → chứng nhận đủ điều kiện về an ninh, trật tự → giấy phép karaoke', 'The center forwards it in turn: household business registration (if needed) → security and order certificate → karaoke licence'),
      t('Cơ quan cấp phép thẩm định hồ sơ và kiểm tra thực tế cơ sở', 'The licensing agency appraises the dossier and inspects the premises'),
      t('Nộp phí thẩm định theo thông báo', 'Pay the appraisal fee you are notified of'),
      t('Nhận Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke (tổng cộng đến 16 ngày làm việc)', 'Receive the karaoke business licence (up to 16 working days in all)'),
    ],
    documents: [
      doc('Đơn đề nghị cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke', 'Application for a karaoke business licence'),
      copy('Giấy chứng nhận đủ điều kiện về an ninh, trật tự (hoặc hồ sơ đề nghị cấp, khi nộp liên thông)', 'Security and order certificate (or its application, when submitted together)'),
      copy('Giấy đề nghị đăng ký hộ kinh doanh (nếu chưa đăng ký kinh doanh)', 'Household business registration application (if not yet registered)'),
      copy('Bản vẽ mặt bằng phòng hát', 'Floor plan of the karaoke rooms'),
    ],
    forms: ['DN-KARAOKE', 'GDN-HKD'],
    notes: t('Mỗi phòng hát phải có diện tích sử dụng từ 20 m² trở lên, không kể công trình phụ.', 'Each karaoke room must have at least 20 m² of usable floor area, not counting ancillary spaces.'),
  },
  // Đất đai — land
  'DD-BD': {
    steps: [...counterSteps(t('Nhận thông báo nghĩa vụ tài chính của cơ quan thuế', 'Receive the tax office’s notice of financial obligations')), LAND_OBLIGATION, t('Nhận Giấy chứng nhận đã cập nhật biến động (đến 8 ngày làm việc)', 'Collect the updated land certificate (up to 8 working days)')],
    documents: [
      doc('Đơn đăng ký biến động đất đai (Mẫu 11/ĐK)', 'Land change registration form (11/ĐK)'),
      doc('Giấy chứng nhận đã cấp', 'Land certificate already issued'),
      doc('Hợp đồng chuyển nhượng/tặng cho đã công chứng, chứng thực hoặc văn bản thừa kế', 'Notarised or certified transfer/gift contract, or inheritance document'),
      ID_CARD,
    ],
    forms: ['MAU-11-DK'],
  },
  'DD-LD': {
    steps: [...counterSteps(t('Cơ quan đăng ký đất đai kiểm tra hồ sơ, hiện trạng thửa đất và công khai kết quả kiểm tra', 'The land registration office checks the dossier and the parcel on site, and posts the result publicly')), t('Nhận kết quả đăng ký theo giấy hẹn (đến 17 ngày làm việc)', 'Collect the registration result on the appointment date (up to 17 working days)')],
    documents: [
      doc('Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu 04/ĐK)', 'Land and attached assets registration form (04/ĐK)'),
      copy('Giấy tờ về quyền sử dụng đất (nếu có)', 'Papers on the land-use right (if any)'),
      copy('Sơ đồ, mảnh trích đo thửa đất (nếu có)', 'Parcel sketch or cadastral survey extract (if any)'),
      ID_CARD,
    ],
    forms: ['MAU-04-DK'],
  },
  'DD-GCNLD': {
    steps: [
      TAKE_NUMBER,
      t('Nộp đơn đề nghị cấp Giấy chứng nhận cho thửa đất đã đăng ký', 'Hand in the certificate application for the registered parcel'),
      LAND_OBLIGATION,
      t('Nhận Giấy chứng nhận (đến 3 ngày làm việc sau khi hoàn thành nghĩa vụ tài chính)', 'Collect the land certificate (up to 3 working days after the obligations are paid)'),
    ],
    documents: [
      doc('Đơn đăng ký, cấp Giấy chứng nhận (Mẫu 04/ĐK)', 'Registration and certificate application (04/ĐK)'),
      copy('Kết quả đăng ký đất đai', 'Land registration result', true),
      copy('Chứng từ thực hiện nghĩa vụ tài chính (nếu có)', 'Receipts of financial obligations (if any)'),
      ID_CARD,
    ],
    forms: ['MAU-04-DK'],
  },
  'DD-CLGCN': {
    steps: [
      t('Khai báo mất Giấy chứng nhận với Ủy ban nhân dân cấp xã nơi có đất để niêm yết thông báo mất', 'Report the lost certificate to the commune People’s Committee where the land is, which posts a public notice'),
      TAKE_NUMBER,
      t('Nộp đơn đề nghị cấp lại kèm giấy xác nhận đã niêm yết thông báo', 'Hand in the replacement application with the confirmation that the notice was posted'),
      PAY,
      t('Nhận Giấy chứng nhận mới (đến 10 ngày làm việc, không tính thời gian niêm yết); Giấy chứng nhận bị mất bị hủy', 'Collect the new certificate (up to 10 working days, posting time not counted); the lost one is cancelled'),
    ],
    documents: [
      doc('Đơn đề nghị cấp lại Giấy chứng nhận', 'Application to replace the certificate'),
      doc('Giấy xác nhận của Ủy ban nhân dân cấp xã về việc niêm yết thông báo mất', 'Commune People’s Committee confirmation that the loss notice was posted'),
      ID_CARD,
    ],
    forms: ['DN-CLGCN'],
  },
  'DD-XDDT': {
    steps: [
      TAKE_NUMBER,
      t('Nộp đơn và Giấy chứng nhận đã cấp tại quầy', 'Hand in the application and the certificate already issued'),
      t('Cơ quan đăng ký đất đai kiểm tra hồ sơ, nguồn gốc và hiện trạng sử dụng đất', 'The land registration office checks the file, the origin and the current use of the land'),
      LAND_OBLIGATION,
      t('Nhận Giấy chứng nhận ghi diện tích đất ở đã xác định lại (đến 20 ngày làm việc)', 'Collect the certificate with the re-determined residential area (up to 20 working days)'),
    ],
    documents: [
      doc('Đơn đề nghị xác định lại diện tích đất ở', 'Application to re-determine the residential land area'),
      doc('Giấy chứng nhận đã cấp', 'Land certificate already issued'),
      ID_CARD,
    ],
    forms: ['DN-XDDT'],
  },
  'DD-GCNDA': {
    steps: [
      t('Chủ đầu tư nộp hồ sơ thay người mua, hoặc cung cấp giấy tờ để người mua tự nộp', 'The developer submits for the buyer, or gives the buyer the papers to submit'),
      TAKE_NUMBER,
      LAND_OBLIGATION,
      t('Nhận Giấy chứng nhận (đến 8 ngày làm việc)', 'Collect the certificate (up to 8 working days)'),
    ],
    documents: [
      doc('Đơn đăng ký, cấp Giấy chứng nhận (Mẫu 04/ĐK)', 'Registration and certificate application (04/ĐK)'),
      doc('Hợp đồng mua bán nhà ở', 'Housing purchase contract'),
      copy('Biên bản bàn giao nhà', 'Handover record of the unit'),
      ID_CARD,
    ],
    forms: ['MAU-04-DK'],
  },
  'DD-TDT': {
    steps: [
      TAKE_NUMBER,
      HAND_IN,
      t('Hẹn lần 1 (đến 6 ngày làm việc): nhận thông báo và nộp nghĩa vụ tài chính', 'First appointment (up to 6 working days): receive the notice and pay the financial obligations'),
      t('Hẹn lần 2 (đến 4 ngày làm việc sau khi nộp chứng từ): nhận Giấy chứng nhận của thửa đất đã tăng diện tích', 'Second appointment (up to 4 working days after the receipts): collect the certificate of the enlarged parcel'),
    ],
    documents: [
      doc('Đơn đăng ký biến động đất đai (Mẫu 11/ĐK)', 'Land change registration form (11/ĐK)'),
      doc('Giấy chứng nhận của phần diện tích nhận chuyển quyền', 'Certificate of the part received by transfer'),
      doc('Giấy chứng nhận của thửa đất đang sử dụng', 'Certificate of the parcel you already use'),
      ID_CARD,
    ],
    forms: ['MAU-11-DK'],
  },
  'DD-CCTT': {
    steps: [
      ONLINE_OR_NUMBER,
      t('Nộp Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai', 'Hand in the request for land information and data'),
      PAY,
      t('Nhận thông tin, dữ liệu trong ngày nếu có sẵn trong cơ sở dữ liệu đất đai', 'Receive the information the same day if it is in the land database'),
    ],
    documents: [doc('Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai', 'Request for land information and data'), ID_CARD, AUTHORISATION],
    forms: ['PYC-DLDD'],
  },
  'DD-DCGCN': {
    steps: counterSteps(t('Nhận Giấy chứng nhận đã đính chính (đến 8 ngày làm việc; xã vùng sâu, vùng xa, khó khăn: đến 18 ngày)', 'Collect the corrected certificate (up to 8 working days; remote or disadvantaged communes: up to 18)')),
    documents: [
      doc('Đơn đề nghị đính chính Giấy chứng nhận', 'Application to correct the certificate'),
      doc('Giấy chứng nhận đã cấp', 'Land certificate already issued'),
      copy('Giấy tờ chứng minh thông tin đúng (nếu sai thông tin người sử dụng đất)', 'Papers showing the right details (if the holder’s details are wrong)', true),
    ],
    forms: ['DN-DCGCN'],
  },
  // Giao thông — transport
  'GT-NGDN': {
    steps: [
      t('Nộp hồ sơ trực tuyến (toàn trình) hoặc tại trung tâm', 'Submit the dossier online (fully online) or at the center'),
      t('Cơ quan quản lý đường bộ thẩm định hồ sơ thiết kế và phương án bảo đảm an toàn giao thông', 'The road authority appraises the design and the traffic safety plan'),
      t('Nhận Giấy phép thi công (7 ngày làm việc); thi công đúng phạm vi, thời hạn ghi trong giấy phép', 'Receive the works permit (7 working days); build only within its scope and period'),
    ],
    documents: [
      doc('Đơn đề nghị cấp phép thi công nút giao', 'Application for the junction works permit'),
      copy('Văn bản chấp thuận đấu nối vào đường địa phương', 'Approval to connect to the local road'),
      copy('Hồ sơ thiết kế nút giao kèm biện pháp tổ chức thi công, bảo đảm an toàn giao thông', 'Junction design with the works and traffic safety plan'),
    ],
    forms: ['DN-TCNG'],
  },
  // Giám định, thi đua (Sở Y tế) — forensic examiners, awards
  'YT-MNGDV': {
    steps: [
      t('Cơ quan, tổ chức quản lý giám định viên lập văn bản đề nghị miễn nhiệm', 'The examiner’s employer writes the dismissal request'),
      t('Nộp hồ sơ tại Trung tâm Phục vụ hành chính công hoặc trực tuyến', 'Submit it at the public service center or online'),
      t('Sở Y tế thẩm định và trình Chủ tịch Ủy ban nhân dân tỉnh quyết định', 'The Department of Health appraises it and submits it to the provincial chairperson'),
      t('Nhận quyết định miễn nhiệm (10 ngày làm việc)', 'Receive the dismissal decision (10 working days)'),
    ],
    documents: [doc('Văn bản đề nghị miễn nhiệm', 'Dismissal request'), copy('Văn bản, giấy tờ chứng minh căn cứ miễn nhiệm', 'Papers proving the grounds for dismissal')],
    forms: [],
  },
  'YT-BNGDV': {
    steps: [
      t('Cơ quan, tổ chức sử dụng người được đề nghị lập hồ sơ đề nghị bổ nhiệm', 'The candidate’s employer prepares the appointment request'),
      t('Nộp hồ sơ tại Trung tâm Phục vụ hành chính công hoặc trực tuyến', 'Submit it at the public service center or online'),
      t('Sở Y tế thẩm định, lấy ý kiến cơ quan liên quan và trình Chủ tịch Ủy ban nhân dân tỉnh quyết định', 'The Department of Health appraises it, consults the agencies concerned and submits it to the provincial chairperson'),
      t('Nhận quyết định bổ nhiệm (20 ngày)', 'Receive the appointment decision (20 days)'),
    ],
    documents: [
      doc('Văn bản đề nghị bổ nhiệm', 'Appointment request'),
      doc('Sơ yếu lý lịch và Phiếu lý lịch tư pháp', 'Curriculum vitae and criminal record certificate'),
      copy('Bằng tốt nghiệp đại học', 'University degree'),
      copy('Văn bản xác nhận thời gian hoạt động chuyên môn', 'Confirmation of the years of professional practice'),
      doc('Giấy chứng nhận sức khỏe', 'Health certificate'),
    ],
    forms: [],
  },
  'YT-HTLO': {
    steps: [
      t('Cá nhân lập báo cáo thành tích; Hội đồng cấp cơ sở họp, xét chọn', 'The candidate writes a report of achievements; the local council meets and selects'),
      t('Đơn vị gửi hồ sơ qua Trung tâm Phục vụ hành chính công đến Sở Y tế theo đợt xét tặng', 'The unit sends the dossier through the public service center to the Department of Health, by award round'),
      t('Hội đồng cấp tỉnh và Hội đồng cấp Bộ Y tế xét chọn', 'The provincial and Ministry of Health councils review it'),
      t('Nhận thông báo kết quả sau khi Bộ trưởng Bộ Y tế quyết định (đến 150 ngày)', 'Receive the result after the Minister of Health decides (up to 150 days)'),
    ],
    documents: [
      doc('Tờ trình đề nghị xét tặng', 'Nomination letter'),
      doc('Báo cáo thành tích', 'Report of achievements'),
      doc('Biên bản họp Hội đồng cấp cơ sở', 'Minutes of the local council meeting'),
    ],
    forms: [],
  },
};

/** The guide's form entries: library code and title. */
export const guideForms = (codes: string[]): GuideForm[] =>
  codes.map((code) => {
    const form = guideForm(code);
    if (!form) throw new Error(`Form ${code} is not in the form library`);
    return { code, title: form.title };
  });

/** Writes one guide per procedure of the catalogue; codes not in the catalogue are ignored. */
export async function applyDemoGuides(db: DbOrTx): Promise<void> {
  for (const [code, g] of Object.entries(demoGuides)) {
    await db.execute(sql`
      insert into procedure_guides (procedure_id, steps, documents, forms, notes)
      select p.id, ${JSON.stringify(g.steps)}::jsonb, ${JSON.stringify(g.documents)}::jsonb, ${JSON.stringify(guideForms(g.forms))}::jsonb, ${JSON.stringify(g.notes ?? { vi: '', en: '' })}::jsonb
      from procedures p where p.code = ${code}
      on conflict (procedure_id) do update set steps = excluded.steps, documents = excluded.documents, forms = excluded.forms, notes = excluded.notes`);
    await db.execute(sql`update procedure_versions v set no_appointment = ${g.noAppointment ?? false} from procedures p where p.id = v.procedure_id and p.code = ${code}`);
  }
}
