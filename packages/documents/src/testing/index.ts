import { PNG } from 'pngjs';

/** A real PNG of w×h pixels of one colour (encoded by pngjs): a page image to upload as a scan in tests. */
export function scanPng(w: number, h: number, rgb: [number, number, number]): Buffer {
  const image = new PNG({ width: w, height: h });
  for (let i = 0; i < w * h; i++) image.data.set([...rgb, 255], i * 4);
  return PNG.sync.write(image);
}

// Poppler and NSS: independent readers of the PDFs the product signs.
export { nssDbTrusting, pdfFonts, pdfInfo, pdfsig, pdfText, readQr } from '../test-support/poppler.js';
