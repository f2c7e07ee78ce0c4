import type { BriefingData } from '../types.js';
import { clean, Sheet } from './sheet.js';

/** At most this many rows of the overdue list; fewer when the page has less room. */
export const BRIEFING_OVERDUE_ROWS = 10;
const SMALL = 9;
/** Below the overdue list: the "and N more" line, the source line and the signed-by box. */
const FOOT_RESERVE = 48;

function heading(sheet: Sheet, text: string) {
  sheet.doc.font('bold').fontSize(10.5).text(text, sheet.left, sheet.doc.y, { width: sheet.width });
  sheet.doc.moveDown(0.2).font('regular');
}

/**
 * The monthly briefing: A4, one page, the same fonts, margins, heading and PDF/A-2b output as the
 * documents of record, so it can be signed by the same signer.
 */
export async function renderBriefing(data: BriefingData): Promise<Uint8Array> {
  const sheet = new Sheet({ ...data, number: null }, { title: `Bản tin tháng — ${clean(data.unitName)} — ${clean(data.monthLabel)}`, subject: clean(data.headline.name) });
  const { doc } = sheet;
  sheet.heading(null, { number: false });
  sheet.title(`BẢN TIN ${data.monthLabel.toUpperCase()}`, data.unitName);

  // The headline figure, large, with its target and the change beside it.
  const top = doc.y;
  doc.font('bold').fontSize(26).text(clean(data.headline.value), sheet.left, top, { width: sheet.width * 0.3, align: 'center' });
  const afterValue = doc.y;
  doc.font('bold').fontSize(11).text(clean(data.headline.name), sheet.left + sheet.width * 0.32, top + 2, { width: sheet.width * 0.68 });
  doc.font('regular').fontSize(10.5).text(clean(data.headline.detail), { width: sheet.width * 0.68 });
  doc.x = sheet.left;
  doc.y = Math.max(afterValue, doc.y) + 6;

  for (const s of data.sentences) sheet.para(s, { size: 10 });
  doc.moveDown(0.3);

  sheet.table(
    [
      { title: 'Chỉ số', share: 0.33 },
      { title: 'Tháng này', share: 0.165, align: 'right' },
      { title: 'Tháng trước', share: 0.165, align: 'right' },
      { title: 'Chỉ tiêu', share: 0.1, align: 'right' },
      { title: 'Đánh giá', share: 0.24 },
    ],
    data.figures.map((f) => [f.name, f.value, f.previous, f.target, f.assessment]),
    { size: SMALL },
  );

  heading(sheet, 'Năm thủ tục có tỷ lệ đúng hạn thấp nhất');
  if (data.worstProcedures.length) {
    sheet.table(
      [
        { title: 'Thủ tục', share: 0.6 },
        { title: 'Lĩnh vực', share: 0.16 },
        { title: 'Đã xử lý', share: 0.11, align: 'right' },
        { title: 'Đúng hạn', share: 0.13, align: 'right' },
      ],
      data.worstProcedures.slice(0, 5).map((p) => [sheet.oneLine(p.procedure, 0.6, SMALL), sheet.oneLine(p.field, 0.16, SMALL), String(p.handled), p.onTime]),
      { size: SMALL },
    );
  } else {
    sheet.para('Chưa có dữ liệu trong tháng.', { size: SMALL, italic: true });
  }

  heading(sheet, 'Hồ sơ đang quá hạn và người đang giữ');
  if (data.overdue.length) {
    const columns = [
      { title: 'Mã hồ sơ', share: 0.25 },
      { title: 'Thủ tục', share: 0.24 },
      { title: 'Hạn', share: 0.13 },
      { title: 'Số ngày quá', share: 0.1, align: 'right' as const },
      { title: 'Người đang giữ', share: 0.28 },
    ];
    // One line per dossier (the code identifies it): the procedure and the holder are cut with "…" when long.
    const cells = data.overdue
      .slice(0, BRIEFING_OVERDUE_ROWS)
      .map((o) => [o.code, sheet.oneLine(o.procedure, 0.24, SMALL), o.dueAt, String(o.daysOverdue), sheet.oneLine(o.holder, 0.28, SMALL)]);
    // One page: as many rows as fit above the foot, the rest counted below the table.
    let room = sheet.room - FOOT_RESERVE - sheet.rowHeight(columns, columns.map((c) => c.title), { bold: true, size: SMALL });
    let fit = 0;
    while (fit < cells.length && (room -= sheet.rowHeight(columns, cells[fit]!, { size: SMALL })) >= 0) fit++;
    sheet.table(columns, cells.slice(0, Math.max(fit, 1)), { size: SMALL });
    const more = data.overdueMore + data.overdue.length - Math.max(fit, 1);
    if (more) sheet.para(`… và ${more} hồ sơ quá hạn khác (xem danh sách đầy đủ trên trang phân tích).`, { size: SMALL, italic: true });
  } else {
    sheet.para('Không có hồ sơ nào đang quá hạn.', { size: SMALL, italic: true });
  }

  // The foot: where the figures come from, and beside it the "digitally signed by" box when it will be signed.
  const footY = doc.y + 4;
  const boxW = data.signedBy ? sheet.width * 0.42 : 0;
  doc.font('italic').fontSize(8).text(clean(data.source), sheet.left, footY, { width: sheet.width - boxW - (boxW ? 8 : 0) });
  if (data.signedBy) {
    const label = `Ký số bởi: ${clean(data.signedBy)}`;
    doc.font('italic').fontSize(9);
    const x = sheet.left + sheet.width - boxW;
    const h = doc.heightOfString(label, { width: boxW - 10 }) + 8;
    doc.rect(x, footY, boxW, h).lineWidth(0.8).strokeColor('#b91c1c').stroke().strokeColor('black');
    doc.fillColor('#b91c1c').text(label, x + 5, footY + 4, { width: boxW - 10, align: 'center' }).fillColor('black');
  }
  doc.x = sheet.left;
  return sheet.end();
}
