import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { fileTypeFromFile } from 'file-type';
import { hashFile } from '@motcua/files';
import { ApiError } from '../../common/api-error.js';
import { PdfPageMarkers } from './pdf-page-markers.js';

/** pdf-lib loads on the first scan (half a second of start-up otherwise). */
const pdfLib = () => import('pdf-lib');

export const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedMime = (typeof ACCEPTED)[number];

/** One file of record made from an upload: a PDF on a temporary path, removed by cleanup(). */
export interface ReceivedScan {
  path: string;
  size: number;
  /** Null when a large PDF's page count cannot be seen without parsing it. */
  pages: number | null;
  /** `scan` when page images were assembled here, `upload` for a PDF sent as is. */
  source: 'scan' | 'upload';
  /** SHA-256 of the file when it was hashed on its way in (the store then reads it no more). */
  sha256?: string;
  cleanup(): Promise<void>;
}

/** A file received on disk, in page order; what was learnt of it as it arrived, when it was. */
export interface ReceivedPart {
  name: string;
  path: string;
  size: number;
  /** Hashed as the bytes arrived. */
  sha256?: string;
  /** PDF page markers counted as the bytes arrived (with sha256). */
  pageMarkers?: number;
}

/** Hashes and counts PDF page markers of bytes as they pass (a file received once is never read again to learn them). */
export class ReceivedDigest {
  private readonly hash = createHash('sha256');
  private readonly markers = new PdfPageMarkers();
  bytes = 0;
  update(chunk: Buffer): void {
    this.hash.update(chunk);
    this.markers.update(chunk);
    this.bytes += chunk.length;
  }
  end(): { sha256: string; pageMarkers: number } {
    return { sha256: this.hash.digest('hex'), pageMarkers: this.markers.end() };
  }
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const tooLarge = (limit: number) =>
  ApiError.tooLarge({ vi: `Tệp vượt quá giới hạn ${mb(limit)}; hãy quét ở độ phân giải thấp hơn hoặc tách thành nhiều tệp`, en: `The file is over the ${mb(limit)} limit; scan at a lower resolution or split it` }, { limitBytes: limit });

/** Counts the bytes of every part against one budget (the limit is on the whole file of record). */
class Limit extends Transform {
  bytes = 0;
  readonly digest = new ReceivedDigest();
  constructor(private readonly shared: { total: number; max: number; over: boolean }) {
    super();
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback) {
    this.bytes += chunk.length;
    this.shared.total += chunk.length;
    // Past the limit the rest is read and dropped, so the client gets the 413 instead of a reset connection.
    if (this.shared.total > this.shared.max) {
      this.shared.over = true;
      return cb();
    }
    this.digest.update(chunk);
    cb(null, chunk);
  }
}

/**
 * Reads a multipart/form-data upload (fields named `file`, in page order) to temporary files,
 * decides each part's type by its first bytes, and makes one PDF: a single PDF is kept as sent,
 * several page images (JPEG/PNG) become one PDF, one image per A4 page in the order sent.
 * Refusals (413, 415) remove every temporary file before they are thrown.
 */
export async function receiveScan(req: IncomingMessage, maxFileBytes: number): Promise<ReceivedScan> {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    throw ApiError.unsupportedMedia({ vi: 'Hãy gửi tệp dưới dạng multipart/form-data, trường "file"', en: 'Send the file as multipart/form-data in a field named "file"' });
  }
  const dir = path.join(os.tmpdir(), 'motcua-uploads', randomUUID());
  await mkdir(dir, { recursive: true });
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    return await fileOfRecord(await readParts(req, dir, maxFileBytes), dir, maxFileBytes, cleanup);
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/**
 * One file of record from received parts (in page order): each part's type decided by its first
 * bytes; a single PDF kept as sent, page images assembled into one PDF written in `dir`. Throws 415
 * for any other type and 413 over the limit; the caller removes what it received on a refusal.
 */
export async function fileOfRecord(parts: ReceivedPart[], dir: string, maxFileBytes: number, cleanup: () => Promise<void>): Promise<ReceivedScan> {
  if (!parts.length) throw ApiError.validation([{ path: 'body.file', message: { vi: 'Chưa có tệp nào được gửi', en: 'No file was sent' } }]);
  const types = await Promise.all(parts.map(async (p) => ({ ...p, type: await fileTypeFromFile(p.path) })));
  const refused = types.find((t) => !t.type || !(ACCEPTED as readonly string[]).includes(t.type.mime));
  if (refused) {
    const what = refused.type ? `${refused.type.mime}` : 'không xác định / unknown';
    throw ApiError.unsupportedMedia(
      { vi: `Tệp "${refused.name}" không phải PDF, JPEG hay PNG (nội dung: ${what}); chỉ nhận bản quét dạng PDF hoặc ảnh JPEG/PNG`, en: `"${refused.name}" is not a PDF, JPEG or PNG (its content is ${what}); only PDF scans or JPEG/PNG page images are accepted` },
      { file: refused.name, detected: refused.type?.mime ?? null, accepted: ACCEPTED },
    );
  }
  const pdfs = types.filter((t) => t.type!.mime === 'application/pdf');
  if (pdfs.length && types.length > 1) {
    throw ApiError.unsupportedMedia({ vi: 'Hãy gửi một tệp PDF, hoặc các ảnh trang (JPEG/PNG) theo thứ tự trang — không trộn lẫn', en: 'Send one PDF, or page images (JPEG/PNG) in page order — not both' });
  }
  if (pdfs.length) {
    const file = parts[0]!;
    if (file.size > maxFileBytes) throw tooLarge(maxFileBytes);
    const { pages, sha256 } = await pdfFacts(file);
    return { path: file.path, size: file.size, pages, source: 'upload', sha256, cleanup };
  }
  const out = path.join(dir, 'scan.pdf');
  const pages = await assemble(types.map((t) => ({ path: t.path, mime: t.type!.mime as AcceptedMime })), out);
  const { size } = await stat(out);
  if (size > maxFileBytes) throw tooLarge(maxFileBytes);
  return { path: out, size, pages, source: 'scan', cleanup };
}

async function readParts(req: IncomingMessage, dir: string, maxFileBytes: number): Promise<ReceivedPart[]> {
  const parts: ReceivedPart[] = [];
  const budget = { total: 0, max: maxFileBytes, over: false };
  const writes: Array<Promise<void>> = [];
  await new Promise<void>((resolve, reject) => {
    const bb = busboy({ headers: req.headers, limits: { files: 200, fields: 20, parts: 220 } });
    bb.on('file', (field: string, stream: Readable, info: { filename?: string }) => {
      if (field !== 'file' || budget.over) {
        stream.resume();
        return;
      }
      const file: ReceivedPart = { name: (info.filename || `page-${parts.length + 1}`).slice(0, 120), path: path.join(dir, `part-${String(parts.length).padStart(4, '0')}`), size: 0 };
      parts.push(file);
      const limit = new Limit(budget);
      writes.push(pipeline(stream, limit, createWriteStream(file.path)).then(() => {
        file.size = limit.bytes;
        Object.assign(file, limit.digest.end());
      }));
    });
    bb.on('error', reject);
    bb.on('close', () => resolve());
    req.on('error', reject);
    req.pipe(bb);
  });
  await Promise.all(writes);
  if (budget.over) throw tooLarge(maxFileBytes);
  return parts;
}

/** Above this size a PDF is not parsed (it would sit in memory): its pages are counted from its bytes. */
const PARSE_LIMIT = 8 * 1024 * 1024;

/**
 * A PDF's page count and hash. A small one is parsed (a damaged file is refused here); a large one is
 * never held whole: its page markers were counted as it arrived, or are counted in one reading pass
 * that hashes it too (null pages when none is visible: object streams).
 */
async function pdfFacts(file: ReceivedPart): Promise<{ pages: number | null; sha256?: string }> {
  if (file.size > PARSE_LIMIT) {
    if (file.sha256 !== undefined && file.pageMarkers !== undefined) return { pages: file.pageMarkers || null, sha256: file.sha256 };
    const markers = new PdfPageMarkers();
    const { sha256 } = await hashFile(file.path, (chunk) => markers.update(chunk));
    return { pages: markers.end() || null, sha256 };
  }
  try {
    const { PDFDocument } = await pdfLib();
    const doc = await PDFDocument.load(await readFile(file.path), { ignoreEncryption: true, updateMetadata: false });
    return { pages: doc.getPageCount(), sha256: file.sha256 };
  } catch {
    throw ApiError.unsupportedMedia({ vi: `Tệp "${file.name}" bắt đầu như PDF nhưng không đọc được; hãy xuất lại từ máy quét`, en: `"${file.name}" starts like a PDF but cannot be read; export it again from the scanner` });
  }
}

/** A4 at 72 dpi; each image is fitted on its own page (landscape pages for wide images). */
const A4: [number, number] = [595.28, 841.89];

async function assemble(images: Array<{ path: string; mime: AcceptedMime }>, out: string): Promise<number> {
  const { PDFDocument } = await pdfLib();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setProducer('Một Cửa');
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  for (const img of images) {
    const bytes = await readFile(img.path);
    let embedded;
    try {
      embedded = img.mime === 'image/png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
    } catch {
      throw ApiError.unsupportedMedia({ vi: 'Một ảnh trang bị hỏng, không đọc được; hãy quét lại trang đó', en: 'A page image is damaged and cannot be read; scan that page again' });
    }
    const landscape = embedded.width > embedded.height;
    const [w, h] = landscape ? [A4[1], A4[0]] : A4;
    const scale = Math.min(w / embedded.width, h / embedded.height);
    const page = doc.addPage([w, h]);
    const dw = embedded.width * scale;
    const dh = embedded.height * scale;
    page.drawImage(embedded, { x: (w - dw) / 2, y: (h - dh) / 2, width: dw, height: dh });
  }
  await writeFile(out, await doc.save());
  return images.length;
}
