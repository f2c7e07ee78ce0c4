import { COUNT_KEYS, RATE_FORMULAS, SCORE_766_DIGITISATION, SCORE_766_MAX, SCORE_766_THRESHOLD, type CountKey, type Group766, type RateFormula } from './indicators.js';

/**
 * What every figure means, in Vietnamese and English: the analytics "how it is computed" page and
 * docs/indicators.md are both rendered from these objects, and the formulas they show are the
 * ones `dossierIndicators` computes (RATE_FORMULAS), so the explanation cannot drift from the code.
 */

export interface Bilingual {
  vi: string;
  en: string;
}

export const COUNT_DEFINITIONS: Record<CountKey, { name: Bilingual; rule: Bilingual }> = {
  received: { name: { vi: 'Tiếp nhận', en: 'Received' }, rule: { vi: 'Hồ sơ được tiếp nhận (có giấy tiếp nhận và hẹn trả) trong kỳ, mọi kênh.', en: 'Dossiers accepted (receipt and appointment issued) in the period, every channel.' } },
  receivedOnline: { name: { vi: 'Tiếp nhận trực tuyến', en: 'Received online' }, rule: { vi: 'Trong số đó, nộp trực tuyến.', en: 'Of those, submitted online.' } },
  carriedOver: { name: { vi: 'Kỳ trước chuyển sang', en: 'Carried over' }, rule: { vi: 'Đang giải quyết lúc kết thúc ngày trước kỳ.', en: 'Open at the end of the day before the period.' } },
  resolvedEarly: { name: { vi: 'Có kết quả trước hạn', en: 'Resolved early' }, rule: { vi: 'Có kết quả (phê duyệt hoặc từ chối sau thẩm định) trong kỳ, vào một ngày trước ngày của hạn áp dụng.', en: 'Result ready (approved, or refused after appraisal) in the period, on a day before the day of the due time that applied.' } },
  resolvedOnTime: { name: { vi: 'Có kết quả đúng hạn', en: 'Resolved on time' }, rule: { vi: 'Có kết quả trong kỳ, cùng ngày hạn và không muộn hơn hạn áp dụng.', en: 'Result ready in the period, on the due day and not after the due time that applied.' } },
  resolvedLate: { name: { vi: 'Có kết quả quá hạn', en: 'Resolved late' }, rule: { vi: 'Có kết quả trong kỳ sau hạn áp dụng, hoặc hồ sơ đã bị yêu cầu bổ sung từ lần thứ hai.', en: 'Result ready in the period after the due time that applied, or the dossier had a second supplement request.' } },
  withdrawnOnTime: { name: { vi: 'Rút/dừng trong hạn', en: 'Withdrawn or stopped in time' }, rule: { vi: 'Công dân rút hoặc dừng giải quyết trong kỳ, trước hạn áp dụng (766 tính là đã kết thúc).', en: 'Withdrawn or stopped in the period before the due time that applied (766 counts it as finished).' } },
  withdrawnLate: { name: { vi: 'Rút/dừng khi đã quá hạn', en: 'Withdrawn or stopped late' }, rule: { vi: 'Rút hoặc dừng trong kỳ sau hạn áp dụng, hoặc sau lần yêu cầu bổ sung thứ hai.', en: 'Withdrawn or stopped in the period after the due time that applied, or after a second supplement request.' } },
  inProgressInTime: { name: { vi: 'Đang giải quyết trong hạn', en: 'In progress, in time' }, rule: { vi: 'Đang giải quyết lúc kết thúc kỳ và chưa quá hạn áp dụng lúc đó (nếu đang chờ bổ sung hay tạm dừng thì so thời điểm bắt đầu chờ).', en: 'Open at the end of the period and not past the due time that applied then (while waiting for a supplement or paused, the start of the wait is compared).' } },
  inProgressOverdue: { name: { vi: 'Đang giải quyết quá hạn', en: 'In progress, overdue' }, rule: { vi: 'Đang giải quyết lúc kết thúc kỳ và đã quá hạn áp dụng lúc đó, hoặc đã bị yêu cầu bổ sung từ lần thứ hai.', en: 'Open at the end of the period and past the due time that applied then, or with a second supplement request.' } },
  originalOnTime: { name: { vi: 'Kết thúc đúng hẹn ban đầu', en: 'Finished by the original appointment' }, rule: { vi: 'Có kết quả, rút hoặc dừng trong kỳ, không muộn hơn hẹn trả ghi trên giấy tiếp nhận, không trừ thời gian nào.', en: 'Finished in the period no later than the appointment on the receipt, nothing deducted.' } },
  originalInTime: { name: { vi: 'Đang giải quyết trong hẹn ban đầu', en: 'Open within the original appointment' }, rule: { vi: 'Đang giải quyết lúc kết thúc kỳ, chưa quá hẹn trả ban đầu.', en: 'Open at the end of the period, not past the original appointment.' } },
  withFee: { name: { vi: 'Hồ sơ có phí, lệ phí', en: 'With a fee' }, rule: { vi: 'Hồ sơ tiếp nhận trong kỳ của thủ tục có phí, lệ phí khác 0.', en: 'Dossiers received in the period of procedures with a non-zero fee or charge.' } },
  paidOnline: { name: { vi: 'Thanh toán trực tuyến', en: 'Paid online' }, rule: { vi: 'Trong số đó, phí/lệ phí của thủ tục được nộp trực tuyến (Cổng DVCQG hoặc cổng thanh toán của tỉnh). Nộp trực tuyến nghĩa vụ tài chính (thuế, tiền sử dụng đất) không tính.', en: 'Of those, the procedure\'s fee or charge was paid online (national portal or the provincial gateway). Paying a financial obligation (tax, land levy) online does not count.' } },
  dissatisfied: { name: { vi: 'Không hài lòng', en: 'Dissatisfied' }, rule: { vi: 'Hồ sơ có kết quả trong kỳ mà công dân đánh giá "không hài lòng" tại quầy hoặc trên cổng sau khi nhận kết quả.', en: 'Dossiers resolved in the period whose citizen rated the counter, or the dossier on the portal after its return, "not satisfied".' } },
  digitised: { name: { vi: 'Số hóa (cũ, không tính điểm)', en: 'Digitised (old, not scored)' }, rule: { vi: 'Hồ sơ có kết quả trong kỳ có văn bản kết quả điện tử. Chỉ giữ trong bảng chi tiết; điểm nhóm số hóa 766 tính từ các chỉ số 4.1, 4.2, 4.3.', en: 'Dossiers resolved in the period with an electronic result document. Kept in detail tables only; the 766 digitisation score comes from indicators 4.1, 4.2 and 4.3.' } },
  eResults: { name: { vi: 'Kết quả điện tử đã ký số', en: 'Signed e-results' }, rule: { vi: 'Hồ sơ có kết quả trong kỳ có văn bản kết quả điện tử được ký số, lưu cùng hồ sơ.', en: 'Dossiers resolved in the period whose result document is stored with the dossier, digitally signed.' } },
  digitisedAtReception: { name: { vi: 'Số hóa khi tiếp nhận', en: 'Digitised at reception' }, rule: { vi: 'Hồ sơ tiếp nhận trong kỳ mà mọi thành phần bắt buộc đều có tệp số hóa hoặc được miễn (chỉ xuất trình).', en: 'Dossiers received in the period whose every required component has a digitised file or is exempt (shown only).' } },
  reusedData: { name: { vi: 'Tái sử dụng dữ liệu số hóa', en: 'Reused digitised data' }, rule: { vi: 'Hồ sơ tiếp nhận trong kỳ có ít nhất một thành phần dùng lại giấy tờ đã số hóa hoặc kết quả đã cấp trước đó của cùng người nộp, không quét lại.', en: 'Dossiers received in the period with at least one component that reuses a document digitised or a result issued before to the same applicant, without scanning again.' } },
};

const B_766: Bilingual = { vi: 'Quyết định 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp)', en: 'Prime Minister\'s Decision 766/QĐ-TTg of 23 June 2022 (indicators for directing and assessing service to citizens and businesses)' };
const B_766_DOC: Bilingual = { vi: 'Tài liệu "Mô tả công thức tính chỉ số 766" của Cổng Dịch vụ công quốc gia, chỉ số 2.1: thời điểm kết thúc = đã xử lý xong > đã trả kết quả > dừng/từ chối/rút; trừ thời gian bổ sung hồ sơ; đang chờ bổ sung thì kết thúc tại thời điểm yêu cầu; yêu cầu bổ sung quá một lần thì tính quá hạn', en: 'The national portal\'s "description of the 766 formulas", indicator 2.1: finish = processed > returned > stopped/refused/withdrawn; supplement time is deducted; while a supplement is awaited the end is the request; more than one supplement request counts as late' };
const B_118: Bilingual = { vi: 'Nghị định 118/2025/NĐ-CP (thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông) và Thông tư 03/2025/TT-VPCP: yêu cầu bổ sung một lần, đầy đủ; thời hạn tính từ khi hồ sơ đầy đủ', en: 'Decree 118/2025/NĐ-CP (one-stop and inter-agency one-stop procedures) and Circular 03/2025/TT-VPCP: one complete supplement request; time counts from a complete dossier' };
const B_LAND: Bilingual = { vi: 'Nghị định 151/2025/NĐ-CP, Phụ lục I Phần V (thời hạn thủ tục đất đai): không tính thời gian xác định giá đất, ký hợp đồng thuê đất, niêm yết, đăng tin; theo quy trình của thủ tục, thời gian chờ người sử dụng đất thực hiện nghĩa vụ tài chính không tính vào thời hạn', en: 'Decree 151/2025/NĐ-CP, Annex I Part V (land procedure time limits): land-price determination, lease signing, public posting and notices are not counted; under the procedure\'s process, the wait for the land user to pay the financial obligation is not counted' };
const B_DIGITISE: Bilingual = { vi: 'Nghị định 118/2025/NĐ-CP Điều 17 khoản 1 điểm c và Thông tư 01/2023/TT-VPCP Điều 8: số hóa hồ sơ khi tiếp nhận, cấp kết quả điện tử có giá trị pháp lý, tái sử dụng dữ liệu đã số hóa', en: 'Decree 118/2025/NĐ-CP Art. 17(1)(c) and Circular 01/2023/TT-VPCP Art. 8: digitise dossiers at reception, issue electronic results with legal value, reuse data already digitised' };
const B_LABOUR: Bilingual = { vi: 'Bộ luật Lao động 2019, Điều 112 (ngày nghỉ lễ) và lịch làm việc của tỉnh: thời gian tính theo giờ làm việc, bỏ ngày nghỉ', en: 'Labour Code 2019, Art. 112 (public holidays) and the province\'s office hours: time is counted in working hours, closed days skipped' };

/** What is taken off the clock before a dossier is judged, and on what grounds. */
export const DEDUCTIONS: Array<{ key: 'supplement' | 'obligation' | 'suspension'; name: Bilingual; rule: Bilingual; basis: Bilingual[] }> = [
  {
    key: 'supplement',
    name: { vi: 'Thời gian bổ sung hồ sơ', en: 'Time waiting for a supplement' },
    rule: { vi: 'Từ lúc yêu cầu bổ sung đến lúc nhận đủ hồ sơ bổ sung, tính theo giờ làm việc, được cộng vào hạn. Yêu cầu bổ sung lần thứ hai làm hồ sơ tính là quá hạn dù ngày tháng thế nào.', en: 'From the request to the complete supplement, in working hours, is added to the due time. A second supplement request makes the dossier late whatever the dates.' },
    basis: [B_766_DOC, B_118],
  },
  {
    key: 'obligation',
    name: { vi: 'Thời gian chờ thực hiện nghĩa vụ tài chính', en: 'Time waiting for a financial obligation' },
    rule: { vi: 'Chỉ với thủ tục được cấu hình "nghĩa vụ tài chính dừng thời hạn" (thủ tục đất đai): từ lúc thông báo nghĩa vụ đến lúc nộp xong, tính theo giờ làm việc, được cộng vào hạn. Công thức 766 do Cổng DVCQG công bố chỉ trừ thời gian bổ sung, vì vậy tỷ lệ so với hẹn ban đầu (không trừ gì) luôn được hiển thị bên cạnh.', en: 'Only for procedures set to "the obligation stops the clock" (land procedures): from the obligation notice to its payment, in working hours, is added to the due time. The 766 formula published by the national portal deducts supplement time only, so the rate against the original appointment (nothing deducted) is always shown beside it.' },
    basis: [B_LAND],
  },
  {
    key: 'suspension',
    name: { vi: 'Thời gian tạm dừng theo quy định', en: 'Legal suspension' },
    rule: { vi: 'Tạm dừng có căn cứ pháp lý ghi trên phiếu kiểm soát (niêm yết công khai, xác định giá đất, xác minh): thời gian tạm dừng, tính theo giờ làm việc, được cộng vào hạn.', en: 'A suspension with its legal ground on the control slip (public posting, land pricing, verification): its working time is added to the due time.' },
    basis: [B_LAND],
  },
];

/** The sentence shown beside every on-time rate. */
export const DEDUCTION_NOTE: Bilingual = {
  vi: 'Đã trừ thời gian bổ sung hồ sơ và thời gian chờ thực hiện nghĩa vụ tài chính theo quy định.',
  en: 'Supplement time and time waiting for a financial obligation are deducted as the rules provide.',
};

/** How one dossier is judged on a day (dossier-clock.ts), in words. */
export const JUDGING_RULES: Bilingual[] = [
  { vi: 'Mỗi ngày được đánh giá theo trạng thái của chính ngày đó, dựng lại từ phiếu kiểm soát (chỉ ghi thêm, không sửa): trạng thái, các lần bổ sung, tạm dừng và hạn áp dụng lúc đó. Việc xảy ra sau một ngày không làm thay đổi số liệu của ngày đó.', en: 'Each day is judged by the state of that day, rebuilt from the append-only control slip: status, supplements, pauses and the due time that applied then. Nothing that happens later changes a past day.' },
  { vi: 'Hạn áp dụng = hẹn trả trên giấy tiếp nhận, dời thêm thời gian của các lần tạm dừng đã kết thúc (xem các khoản được trừ). Văn bản xin lỗi hẹn lại ngày trả không dời hạn: chỉ số luôn so với hẹn ban đầu.', en: 'Due time that applied = the appointment on the receipt, moved by the pauses that had ended (see deductions). An apology letter with a new date does not move it: indicators always compare with the original appointment.' },
  { vi: 'Hồ sơ đã kết thúc (có kết quả, rút, dừng) giữ kết luận tại thời điểm kết thúc: trước hạn nếu kết thúc vào ngày trước ngày hạn, đúng hạn nếu cùng ngày và không muộn hơn, quá hạn nếu muộn hơn hoặc đã bị yêu cầu bổ sung từ lần thứ hai. Rút hoặc dừng khi đang chờ bổ sung thì so thời điểm bắt đầu chờ.', en: 'A finished dossier (resolved, withdrawn, stopped) keeps the verdict of its finish: early if it finished on a day before the due day, on time if on that day and not after, late if after or after a second supplement request. Withdrawn while waiting for a supplement: the start of the wait is compared.' },
  { vi: 'Thời điểm kết thúc là lúc có kết quả (không phải lúc trả kết quả); từ chối sau thẩm định là có kết quả.', en: 'The finish is when the result is ready (not when it is handed over); a refusal after appraisal is a result.' },
  { vi: 'Hồ sơ được tính cho đơn vị của cơ quan có thẩm quyền giải quyết (theo 766), hoặc cho nơi tiếp nhận khi chọn "theo nơi tiếp nhận".', en: 'A dossier counts for the unit of its competent agency (as 766 does), or for the receiving center when "by receiving center" is chosen.' },
];

export interface IndicatorDefinition {
  key: keyof typeof RATE_FORMULAS | 'satisfaction766';
  name: Bilingual;
  /** Null for a figure built from other rates (satisfaction). */
  formula: RateFormula | null;
  explanation: Bilingual;
  basis: Bilingual[];
  /** The province's target (Resolution 01/NQ-CP, Decision 766 full-point thresholds). */
  target?: number;
  group766?: Group766;
}

/** The province's digitisation target (80%, the dashboard threshold); 766 4.1 itself scores linearly to 100%. */
const DIGITISATION_TARGET = 0.8;

export const INDICATOR_DEFINITIONS: IndicatorDefinition[] = [
  {
    key: 'onTimeRate766', name: { vi: 'Tỷ lệ giải quyết đúng hạn (766)', en: 'On-time rate (766)' }, formula: RATE_FORMULAS.onTimeRate766, target: 0.99, group766: 'progress',
    explanation: { vi: 'Chỉ số chính. Hồ sơ kết thúc đúng hạn hoặc trước hạn cộng hồ sơ đang giải quyết còn trong hạn, trên mọi hồ sơ đã xử lý trong kỳ (kết thúc trong kỳ hoặc còn đang giải quyết lúc kết thúc kỳ), đã trừ các khoản theo quy định.', en: 'The headline figure. Dossiers finished early or on time plus those open and still in time, over every dossier handled in the period (finished in it or open at its end), deductions applied.' },
    basis: [B_766, B_766_DOC],
  },
  {
    key: 'onTimeRate766Original', name: { vi: 'Tỷ lệ đúng hẹn ban đầu (không trừ thời gian)', en: 'On time against the original appointment (nothing deducted)' }, formula: RATE_FORMULAS.onTimeRate766Original,
    explanation: { vi: 'Cùng tập hồ sơ, so với hẹn trả trên giấy tiếp nhận, không trừ thời gian bổ sung, nghĩa vụ tài chính hay tạm dừng. Luôn hiển thị bên cạnh tỷ lệ 766 để thấy phần chênh do các khoản được trừ.', en: 'The same dossiers against the appointment on the receipt, with no supplement, obligation or suspension time deducted. Always shown beside the 766 rate, so the effect of deductions is visible.' },
    basis: [B_766],
  },
  {
    key: 'onTimeRate', name: { vi: 'Tỷ lệ có kết quả đúng hạn', en: 'Resolved on time' }, formula: RATE_FORMULAS.onTimeRate,
    explanation: { vi: 'Chỉ các hồ sơ có kết quả trong kỳ: trước hạn và đúng hạn trên tổng số có kết quả. Không tính hồ sơ đang giải quyết, rút hay dừng; chỉ để tham khảo trong bảng chi tiết.', en: 'Only dossiers resolved in the period: early and on time over all resolved. Leaves out open, withdrawn and stopped dossiers; shown in detail tables only.' },
    basis: [B_766],
  },
  {
    key: 'lateRate', name: { vi: 'Tỷ lệ trễ hạn', en: 'Late rate' }, formula: RATE_FORMULAS.lateRate,
    explanation: { vi: 'Hồ sơ kết thúc quá hạn cộng hồ sơ đang giải quyết quá hạn, trên mọi hồ sơ đã xử lý trong kỳ.', en: 'Dossiers finished late plus those open and overdue, over every dossier handled in the period.' },
    basis: [B_766],
  },
  {
    key: 'onlineRate', name: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online submission rate' }, formula: RATE_FORMULAS.onlineRate, target: SCORE_766_THRESHOLD.online, group766: 'online',
    explanation: { vi: 'Hồ sơ nộp trực tuyến trên tổng hồ sơ tiếp nhận trong kỳ.', en: 'Dossiers submitted online over all dossiers received in the period.' },
    basis: [B_766],
  },
  {
    key: 'onlinePaymentRate', name: { vi: 'Tỷ lệ thanh toán trực tuyến', en: 'Online payment rate' }, formula: RATE_FORMULAS.onlinePaymentRate, target: SCORE_766_THRESHOLD.payment, group766: 'payment',
    explanation: { vi: 'Nhóm 3b của 766 (chỉ số 3.6): hồ sơ được nộp phí, lệ phí của thủ tục trực tuyến trên hồ sơ tiếp nhận trong kỳ của thủ tục có phí, lệ phí khác 0. Chỉ tính khoản phí, lệ phí của thủ tục; nghĩa vụ tài chính (thuế, tiền sử dụng đất, lệ phí trước bạ do cơ quan thuế thu) không nằm trong mẫu số nên nộp trực tuyến cũng không tính vào tử số.', en: '766 group 3b (indicator 3.6): dossiers whose procedure fee or charge was paid online, over dossiers received in the period of procedures with a non-zero fee. Only the procedure\'s fees and charges count; financial obligations (tax, land levy, registration fee collected by the tax office) are not in the denominator, so paying them online does not count in the numerator either.' },
    basis: [B_766],
  },
  {
    key: 'satisfaction766', name: { vi: 'Mức độ hài lòng (766, chỉ số 5.4)', en: 'Satisfaction (766, indicator 5.4)' }, formula: null, target: SCORE_766_THRESHOLD.satisfaction, group766: 'satisfaction',
    explanation: { vi: '100% − (tỷ lệ trễ hạn + tỷ lệ hồ sơ bị đánh giá không hài lòng), cùng mẫu số là hồ sơ đã xử lý trong kỳ.', en: '100% − (late rate + share of dossiers rated not satisfied), over the dossiers handled in the period.' },
    basis: [B_766],
  },
  {
    key: 'eResultRate', name: { vi: 'Tỷ lệ cấp kết quả điện tử (766, chỉ số 4.1)', en: 'E-results issued (766, indicator 4.1)' }, formula: RATE_FORMULAS.eResultRate, target: DIGITISATION_TARGET, group766: 'digitisation',
    explanation: { vi: 'Hồ sơ có kết quả trong kỳ mà văn bản kết quả điện tử đã được ký số và lưu cùng hồ sơ, trên hồ sơ có kết quả trong kỳ.', en: 'Dossiers resolved in the period whose electronic result document is signed and stored with the dossier, over dossiers resolved in the period.' },
    basis: [B_766, B_DIGITISE],
  },
  {
    key: 'digitisedAtReceptionRate', name: { vi: 'Tỷ lệ số hóa hồ sơ khi tiếp nhận (766, chỉ số 4.2)', en: 'Digitised at reception (766, indicator 4.2)' }, formula: RATE_FORMULAS.digitisedAtReceptionRate, target: SCORE_766_DIGITISATION.digitisedAtReceptionRate.threshold, group766: 'digitisation',
    explanation: { vi: 'Hồ sơ tiếp nhận trong kỳ mà mọi thành phần bắt buộc có tệp số hóa hoặc được miễn, trên hồ sơ tiếp nhận trong kỳ. Hồ sơ không có thành phần bắt buộc nào không tính là đã số hóa.', en: 'Dossiers received in the period whose every required component has a digitised file or is exempt, over dossiers received in the period. A dossier with no required component does not count as digitised.' },
    basis: [B_766, B_DIGITISE],
  },
  {
    key: 'dataReuseRate', name: { vi: 'Tỷ lệ tái sử dụng dữ liệu số hóa (766, chỉ số 4.3)', en: 'Reuse of digitised data (766, indicator 4.3)' }, formula: RATE_FORMULAS.dataReuseRate, target: SCORE_766_DIGITISATION.dataReuseRate.threshold, group766: 'digitisation',
    explanation: { vi: 'Hồ sơ tiếp nhận trong kỳ có dùng lại giấy tờ đã số hóa hoặc kết quả đã cấp trước đó (cùng số định danh), trên hồ sơ tiếp nhận trong kỳ.', en: 'Dossiers received in the period that reused a document digitised or a result issued before (same ID number), over dossiers received in the period.' },
    basis: [B_766, B_DIGITISE],
  },
];

/** The points an indicator carries in the 766 score and the share that gives them in full, if it is scored. */
export function points766(i: Pick<IndicatorDefinition, 'key' | 'group766'>): { max: number; threshold: number } | undefined {
  if (!i.group766) return undefined;
  if (i.key in SCORE_766_DIGITISATION) return SCORE_766_DIGITISATION[i.key as keyof typeof SCORE_766_DIGITISATION];
  return { max: SCORE_766_MAX[i.group766], threshold: SCORE_766_THRESHOLD[i.group766 as keyof typeof SCORE_766_THRESHOLD] ?? 1 };
}

/** How the 766 score is built from the rates (SCORE_766_MAX, SCORE_766_THRESHOLD, SCORE_766_DIGITISATION). */
export const SCORE_RULE: Bilingual = {
  vi: 'Mỗi nhóm đạt điểm tối đa khi tỷ lệ đạt ngưỡng, dưới ngưỡng thì tỷ lệ thuận. Nhóm "Công khai, minh bạch" cần Cơ sở dữ liệu quốc gia về thủ tục hành chính nên để "chưa có dữ liệu". Nhóm "Số hóa hồ sơ" (22 điểm) tính từ ba chỉ số theo bảng công thức 766: 4.1 kết quả điện tử 6 điểm (tỷ lệ thuận đến 100%), 4.2 số hóa khi tiếp nhận 4 điểm và 4.3 tái sử dụng dữ liệu số hóa 2 điểm (đủ điểm ở 80%). 10 điểm còn lại (4.4 kho dữ liệu cá nhân trên Cổng DVCQG, 4.5 dữ liệu dân cư, bản sao điện tử chứng thực) cần hệ thống quốc gia nên để "chưa có dữ liệu": nhóm được chấm trên tổng điểm các chỉ số có dữ liệu (tối đa 12), và tổng điểm cũng vậy.',
  en: 'A group gets its full points when its rate reaches the threshold, proportionally below it. "Transparency" needs the national procedure database, so it stays "no data". "Digitisation" (22 points) comes from three indicators, with the points of the 766 formula sheet: 4.1 e-results 6 points (linear to 100%), 4.2 digitised at reception 4 points and 4.3 reuse of digitised data 2 points (full at 80%). Its other 10 points (4.4 the citizen\'s store on the national portal, 4.5 population data, electronic certified copies) need national systems, so they stay "no data": the group is scored out of the points of its indicators with data (at most 12), and so is the total.',
};

/** Alert thresholds a leader sets on a figure (core/src/thresholds.ts): when a notification goes out. */
export const ALERT_RULE: Bilingual = {
  vi: 'Lãnh đạo đặt ngưỡng cho một đơn vị: tỷ lệ giải quyết đúng hạn (766, %) của tháng này hoặc thời gian chờ P90 (phút) của hôm nay, "thấp hơn" hoặc "cao hơn" một giá trị. Con số được tính đúng như trên các màn hình phân tích (cùng bảng tổng hợp, cùng công thức), cho đơn vị và các đơn vị trực thuộc. Khi con số vượt qua ngưỡng, lãnh đạo đơn vị và cấp trên nhận **một** thông báo; không nhận thêm khi con số vẫn ở bên kia ngưỡng; chỉ khi đã trở lại (bằng ngưỡng cũng tính là trở lại) rồi vượt lần nữa mới có thông báo mới. Không có dữ liệu thì không đổi gì.',
  en: 'A leader sets a line for a unit: the 766 on-time rate (%) of this month or the queue wait P90 (minutes) of today, below or above a value. The figure is computed exactly as on the analytics screens (same read models, same formulas), for the unit and the units below it. Crossing the line sends the unit\'s and the upper units\' leaders **one** notification; nothing more while the figure stays past it; a new one only after it came back (equal to the line counts as back) and crossed again. No data changes nothing. Rules: `core/src/thresholds.ts`; how "once" is guaranteed: docs/domain.md, Alerts.',
};

/** Where the figures are recomputed and how a change to a closed period shows. */
export const RECOMPUTATION_RULE: Bilingual = {
  vi: 'Số liệu từng ngày được tính lại từ dữ liệu gốc, nên kỳ đã qua chỉ thay đổi khi chính dữ liệu của kỳ đó được sửa. Mỗi lần tính lại làm thay đổi số liệu của một ngày đã qua được ghi vào nhật ký điều chỉnh (trước/sau theo đơn vị và ngày).',
  en: 'Each day is recomputed from the raw records, so a past period only changes when its own records are corrected. Every recomputation that changes a past day is written to the corrections log (before/after per unit and day).',
};

/** How records written before the control slip carried every due time are read. */
export const LEGACY_RULE: Bilingual = {
  vi: 'Phiếu kiểm soát ghi trước phiên bản này không ghi hạn mới khi nộp xong nghĩa vụ tài chính: hạn sau lần đó lấy bằng hạn hiện tại của hồ sơ nếu sau đó không còn lần tạm dừng nào kết thúc (chính xác), nếu không thì giữ hạn trước đó (không bao giờ có lợi cho đơn vị). Kết quả ghi trên dòng "có kết quả" bỏ qua quy tắc bổ sung lần hai được sửa bằng một dòng "điều chỉnh kết quả" ghi thêm, không sửa dòng cũ.',
  en: 'Control slips written before this version did not record the new due time when a financial obligation was paid: the due time after it is the dossier\'s current one when no later pause ended (exact), otherwise the one before (never in the unit\'s favour). A "resolved" row whose stamped result ignored the second-supplement rule is corrected by an appended "result corrected" row, never edited.',
};

const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;
const names = (keys: readonly CountKey[], lang: 'vi' | 'en') => keys.map((k) => COUNT_DEFINITIONS[k].name[lang]).join(' + ');

/** docs/indicators.md, rendered from the definitions above (`npm run docs:indicators`; a test fails when the file is stale). */
export function indicatorsMarkdown(): string {
  const out: string[] = [
    '# Chỉ số và cách tính / Indicators and how they are computed',
    '',
    '<!-- Generated from packages/core/src/indicator-definitions.ts by `npm run docs:indicators`. Do not edit by hand. -->',
    '',
    '## Đánh giá một hồ sơ theo ngày / Judging a dossier as of a day',
    '',
    ...JUDGING_RULES.flatMap((r) => [`- ${r.vi}`, `  <br>*${r.en}*`]),
    '',
    '## Các khoản được trừ và căn cứ / Deductions and their legal basis',
    '',
  ];
  for (const d of DEDUCTIONS) {
    out.push(`### ${d.name.vi} / ${d.name.en}`, '', d.rule.vi, '', `*${d.rule.en}*`, '', ...d.basis.flatMap((b) => [`- ${b.vi}`, `  <br>*${b.en}*`]), '');
  }
  out.push(`Ghi chú hiển thị / Note shown beside the rates: “${DEDUCTION_NOTE.vi}” / “${DEDUCTION_NOTE.en}”`, '', '## Chỉ số / Indicators', '');
  for (const i of INDICATOR_DEFINITIONS) {
    out.push(`### ${i.name.vi} / ${i.name.en}`, '', `\`${i.key}\``, '');
    if (i.formula) out.push(`- Tử số / numerator: ${names(i.formula.numerator, 'vi')} / *${names(i.formula.numerator, 'en')}*`, `- Mẫu số / denominator: ${names(i.formula.denominator, 'vi')} / *${names(i.formula.denominator, 'en')}*`);
    if (i.target !== undefined) out.push(`- Mục tiêu / target: ${pct(i.target)}`);
    const points = points766(i);
    if (i.group766 && points) out.push(`- Nhóm 766 / 766 group: ${i.group766}, tối đa / max ${points.max} điểm / points, ngưỡng / full points at ${pct(points.threshold)}`);
    out.push('', i.explanation.vi, '', `*${i.explanation.en}*`, '', 'Căn cứ / basis:', '', ...i.basis.flatMap((b) => [`- ${b.vi}`, `  <br>*${b.en}*`]), '');
  }
  out.push('## Các số đếm / The counts', '', '| Số đếm / count | Cách đếm | How it is counted |', '|---|---|---|');
  for (const k of COUNT_KEYS) out.push(`| ${COUNT_DEFINITIONS[k].name.vi} / ${COUNT_DEFINITIONS[k].name.en} (\`${k}\`) | ${COUNT_DEFINITIONS[k].rule.vi} | ${COUNT_DEFINITIONS[k].rule.en} |`);
  out.push('', '## Điểm 766 / The 766 score', '', SCORE_RULE.vi, '', `*${SCORE_RULE.en}*`, '', '| Nhóm / group | Tối đa / max |', '|---|---|');
  for (const [g, max] of Object.entries(SCORE_766_MAX)) out.push(`| ${g} | ${max} |`);
  out.push('', '| Nhóm số hóa / digitisation | Chỉ số / indicator | Tối đa / max | Đủ điểm ở / full points at |', '|---|---|---|---|');
  for (const [k, p] of Object.entries(SCORE_766_DIGITISATION)) out.push(`| \`${k}\` | ${p.indicator} | ${p.max} | ${pct(p.threshold)} |`);
  out.push('', '## Ngưỡng cảnh báo / Alert thresholds', '', ALERT_RULE.vi, '', ALERT_RULE.en);
  out.push('', '## Tính lại và điều chỉnh / Recomputation and corrections', '', RECOMPUTATION_RULE.vi, '', `*${RECOMPUTATION_RULE.en}*`, '', LEGACY_RULE.vi, '', `*${LEGACY_RULE.en}*`, '', '## Căn cứ về thời gian / Counting time', '', `- ${B_LABOUR.vi}`, `  <br>*${B_LABOUR.en}*`, '');
  return out.join('\n');
}
