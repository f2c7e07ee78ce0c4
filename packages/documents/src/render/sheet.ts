import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { DocumentBase } from '../types.js';

/** What the heading needs; the footer's QR and signature block also need the rest of DocumentBase. */
export type SheetHead = Pick<DocumentBase, 'timeZone' | 'issuedAt' | 'place' | 'issuer' | 'number'> & Partial<DocumentBase>;
import { formatDateLine } from './format.js';
import { vi } from './texts.js';

const require = createRequire(import.meta.url);

type Font = ReturnType<typeof fontkit.create>;

/**
 * Noto Serif from npm (not the OS): it covers every Vietnamese precomposed letter. Parsed once per
 * process (decoding its tables again for every document made rendering several times slower).
 */
let fonts: { regular: Font; bold: Font; italic: Font } | null = null;

/**
 * Each document gets a view of the parsed fonts with a glyph cache of its own: fontkit caches a glyph
 * with the characters it was first asked for, and subsetting asks without any, so a glyph cached by
 * an earlier document's subset would reach the next one without its text (pdftotext lost letters).
 */
function loadFonts() {
  const file = (face: string) => fontkit.create(readFileSync(require.resolve(`@expo-google-fonts/noto-serif/${face}/NotoSerif_${face}.ttf`)));
  fonts ??= { regular: file('400Regular'), bold: file('700Bold'), italic: file('400Regular_Italic') };
  const view = (f: Font): Font => Object.assign(Object.create(f) as Font, { _glyphs: {} });
  return { regular: view(fonts.regular), bold: view(fonts.bold), italic: view(fonts.italic) };
}

const MM = 72 / 25.4;
// Margins of ND 30/2020 (administrative documents): left 30 mm, right 15–20 mm, top and bottom 20 mm.
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 18 * MM };
const SIZE = 13;
const TABLE_PAD = 3;

type Doc = InstanceType<typeof PDFDocument>;

/** One A4 document of record being laid out, top to bottom. */
export class Sheet {
  readonly doc: Doc;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;

  constructor(
    private readonly base: SheetHead,
    info: { title: string; subject: string },
  ) {
    const f = loadFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      lang: 'vi-VN',
      displayTitle: true,
      // PDF/A-2b: a self-contained archival file (fonts embedded, metadata in XMP), fit for a document of record.
      subset: 'PDF/A-2b',
      pdfVersion: '1.7',
      tagged: false,
      font: null as unknown as string,
      info: {
        Title: info.title,
        Subject: info.subject,
        Author: clean(base.issuer.name),
        Creator: 'Một Cửa',
        Producer: 'Một Cửa',
        CreationDate: base.issuedAt,
      },
    });
    // The typings predate pdfkit 0.20, which accepts a fontkit font where they say Buffer.
    this.doc.registerFont('regular', f.regular as unknown as Buffer);
    this.doc.registerFont('bold', f.bold as unknown as Buffer);
    this.doc.registerFont('italic', f.italic as unknown as Buffer);
    this.doc.font('regular').fontSize(SIZE);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
  }

  get width() {
    return this.doc.page.width - MARGINS.left - MARGINS.right;
  }

  /** Form number top right, then the two-column heading: issuer | national motto, number | date line. */
  heading(formNo: string | null, opts: { number?: boolean } = {}) {
    const { doc, base } = this;
    const left = MARGINS.left;
    const colW = this.width * 0.45;
    const rightX = left + colW;
    const rightW = this.width - colW;
    if (formNo) {
      doc.font('italic').fontSize(11).text(formNo, left, MARGINS.top - 8 * MM, { width: this.width, align: 'right' });
    }
    const top = MARGINS.top;
    let y = top;
    if (base.issuer.parentName) {
      doc.font('regular').fontSize(11).text(clean(base.issuer.parentName).toUpperCase(), left, y, { width: colW, align: 'center' });
      y = doc.y;
    }
    doc.font('bold').fontSize(11).text(clean(base.issuer.name).toUpperCase(), left, y, { width: colW, align: 'center' });
    const leftEnd = doc.y;
    rule(doc, left + colW / 2, leftEnd + 2, colW * 0.35);
    doc.font('bold').fontSize(11.5).text(vi.nation, rightX, top, { width: rightW, align: 'center' });
    doc.fontSize(12.5).text(vi.motto, rightX, doc.y, { width: rightW, align: 'center' });
    const rightEnd = doc.y;
    rule(doc, rightX + rightW / 2, rightEnd + 2, doc.widthOfString(vi.motto));
    y = Math.max(leftEnd, rightEnd) + 6;
    if (opts.number !== false) doc.font('regular').fontSize(13).text(`${vi.number}: ${base.number ? clean(base.number) : '........'}`, left, y, { width: colW, align: 'center' });
    doc.font('italic').text(formatDateLine(clean(base.place), base.issuedAt, base.timeZone), rightX, y, { width: rightW, align: 'center' });
    doc.x = left;
    doc.y = Math.max(doc.y, y + 18) + 10;
    doc.font('regular').fontSize(SIZE);
  }

  title(text: string, sub?: string) {
    const { doc } = this;
    doc.font('bold').fontSize(14).text(clean(text), MARGINS.left, doc.y, { width: this.width, align: 'center' });
    if (sub) doc.font('bold').fontSize(SIZE).text(clean(sub), { width: this.width, align: 'center' });
    doc.moveDown(0.6).font('regular').fontSize(SIZE);
  }

  /** A paragraph; `label` is printed bold before the text. */
  para(text: string, opts: { label?: string; italic?: boolean; indent?: number; align?: 'left' | 'justify' | 'center'; size?: number } = {}) {
    const { doc } = this;
    doc.fontSize(opts.size ?? SIZE);
    const x = MARGINS.left + (opts.indent ?? 0);
    const width = this.width - (opts.indent ?? 0);
    doc.x = x;
    if (opts.label) {
      doc.font('bold').text(`${clean(opts.label)}: `, x, doc.y, { continued: true, width });
    }
    doc.font(opts.italic ? 'italic' : 'regular').text(clean(text), opts.label ? undefined : x, opts.label ? undefined : doc.y, {
      width,
      align: opts.align ?? 'justify',
      paragraphGap: 2,
    });
    doc.font('regular').fontSize(SIZE);
  }

  /** Numbered lines: "1. …", "2. …". */
  list(items: string[]) {
    items.forEach((it, i) => this.para(`${i + 1}. ${it}`, { indent: 14, align: 'left' }));
  }

  /** A plain table with ruled cells; the header row is bold. Columns are fractions of the text width. */
  table(columns: { title: string; share: number; align?: 'left' | 'center' | 'right' }[], rows: string[][], opts: { size?: number } = {}) {
    const { doc } = this;
    const pad = TABLE_PAD;
    const widths = columns.map((c) => c.share * this.width);
    const draw = (cells: string[], bold: boolean) => {
      const h = this.rowHeight(columns, cells, { bold, size: opts.size });
      if (doc.y + h > doc.page.height - MARGINS.bottom) doc.addPage();
      const top = doc.y;
      let x = MARGINS.left;
      cells.forEach((c, i) => {
        doc.rect(x, top, widths[i]!, h).lineWidth(0.6).stroke();
        doc.text(clean(c), x + pad, top + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
        x += widths[i]!;
      });
      doc.x = MARGINS.left;
      doc.y = top + h;
    };
    draw(columns.map((c) => c.title), true);
    for (const r of rows) draw(r, false);
    doc.moveDown(0.5).font('regular').fontSize(SIZE);
  }

  /** The text cut with "…" to one line of a table column (share of the width) at `size`. */
  oneLine(text: string, share: number, size: number) {
    const { doc } = this;
    const width = share * this.width - 2 * TABLE_PAD;
    const t = clean(text);
    doc.font('regular').fontSize(size);
    if (doc.widthOfString(t) <= width) return t;
    let n = t.length;
    while (n > 1 && doc.widthOfString(`${t.slice(0, n).trimEnd()}…`) > width) n--;
    return `${t.slice(0, n).trimEnd()}…`;
  }

  /** Height of one table row at the table's size (what `table` draws). */
  rowHeight(columns: { share: number }[], cells: string[], opts: { bold?: boolean; size?: number } = {}) {
    const { doc } = this;
    doc.font(opts.bold ? 'bold' : 'regular').fontSize(opts.size ?? 12);
    return Math.max(...cells.map((c, i) => doc.heightOfString(clean(c), { width: columns[i]!.share * this.width - 2 * TABLE_PAD }))) + 2 * TABLE_PAD;
  }

  /**
   * The foot: QR code of `qrUrl` with its caption on the left, the signature block on the right
   * (officer's title, "digitally signed by" box when the document will be signed, name).
   */
  footer(caption: string) {
    const { doc } = this;
    const base = this.base as DocumentBase;
    const qrSize = 26 * MM;
    const blockH = qrSize + 40;
    if (doc.y + blockH > doc.page.height - MARGINS.bottom) doc.addPage();
    const top = doc.y + 10;
    drawQr(doc, base.qrUrl, MARGINS.left, top, qrSize);
    doc.font('italic').fontSize(9).text(caption, MARGINS.left - 10, top + qrSize + 2, { width: qrSize + 20, align: 'center' });
    const x = MARGINS.left + this.width * 0.45;
    const w = this.width * 0.55;
    doc.font('bold').fontSize(SIZE).text(clean(base.officer.title).toUpperCase(), x, top, { width: w, align: 'center' });
    if (base.signedBy) {
      const boxTop = doc.y + 6;
      const label = `${vi.signedBy}: ${clean(base.signedBy)}`;
      doc.font('italic').fontSize(10);
      const boxH = doc.heightOfString(label, { width: w - 40 }) + 10;
      doc.rect(x + 20, boxTop, w - 40, boxH).lineWidth(0.8).strokeColor('#b91c1c').stroke().strokeColor('black');
      doc.fillColor('#b91c1c').text(label, x + 25, boxTop + 5, { width: w - 50, align: 'center' }).fillColor('black');
      doc.y = boxTop + boxH + 8;
    } else {
      doc.font('italic').fontSize(11).text(vi.signHere, x, doc.y, { width: w, align: 'center' });
      doc.y += 34;
    }
    doc.font('bold').fontSize(SIZE).text(clean(base.officer.name), x, doc.y, { width: w, align: 'center' });
    doc.x = MARGINS.left;
  }

  /** Space left on the page below the cursor, in points. */
  get room() {
    return this.doc.page.height - MARGINS.bottom - this.doc.y;
  }

  get left() {
    return MARGINS.left;
  }

  async end(): Promise<Uint8Array> {
    this.doc.end();
    await this.done;
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}

/** Vector QR code from the `qrcode` matrix: crisp at any zoom and when printed. */
function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  doc.save().fillColor('black');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

function rule(doc: Doc, centerX: number, y: number, width: number) {
  doc.moveTo(centerX - width / 2, y).lineTo(centerX + width / 2, y).lineWidth(0.6).stroke();
}

/** Input may come decomposed (NFD) from some keyboards; the font's precomposed glyphs want NFC. */
export function clean(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}
