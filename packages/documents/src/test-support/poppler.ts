// Poppler (pdftotext, pdfsig, pdftoppm) and NSS's certutil: independent readers of the PDFs made here.
// `npm test` installs them (scripts/lib/infra.mjs); run alone, the tests need poppler-utils and libnss3-tools.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';

// jsqr is CommonJS whose typings declare a default export; require gives the function either way.
const jsQR = createRequire(import.meta.url)('jsqr') as typeof import('jsqr').default;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'motcua-docs-'));
let n = 0;

function toFile(pdf: Uint8Array): string {
  const file = path.join(tmp, `doc-${process.pid}-${n++}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // pdfsig exits non-zero for an invalid signature; its report is still what the test reads.
    const err = e as { stdout?: string; code?: string };
    if (err.code === 'ENOENT') throw new Error(`${cmd} is missing: run "npm test" (it installs poppler-utils, libnss3-tools and softhsm2)`, { cause: e });
    if (typeof err.stdout === 'string' && err.stdout) return err.stdout;
    throw e;
  }
}

/** Text in content-stream order (-raw), whitespace collapsed so wrapped lines read as one. */
export function pdfText(pdf: Uint8Array): string {
  return run('pdftotext', ['-raw', '-enc', 'UTF-8', toFile(pdf), '-']).replace(/\s+/g, ' ');
}

export function pdfInfo(pdf: Uint8Array): string {
  return run('pdfinfo', [toFile(pdf)]);
}

export function pdfFonts(pdf: Uint8Array): string {
  return run('pdffonts', [toFile(pdf)]);
}

/** pdfsig's report; with `nssDir`, certificates are checked against that NSS database. */
export function pdfsig(pdf: Uint8Array, nssDir?: string): string {
  return run('pdfsig', [...(nssDir ? ['-nssdir', `sql:${nssDir}`] : []), toFile(pdf)]);
}

/** An NSS database (what pdfsig trusts) holding `rootPem` as a trusted CA. */
export function nssDbTrusting(rootPem: string): string {
  const dir = mkdtempSync(path.join(tmp, 'nss-'));
  const pem = path.join(dir, 'root.pem');
  writeFileSync(pem, rootPem);
  run('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  run('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'motcua-test-root', '-t', 'CT,C,C', '-i', pem]);
  return dir;
}

/** Renders page 1 and decodes the QR code on it. */
export function readQr(pdf: Uint8Array): string | null {
  const base = path.join(tmp, `page-${n++}`);
  run('pdftoppm', ['-r', '100', '-png', '-singlefile', '-f', '1', '-l', '1', toFile(pdf), base]);
  const png = PNG.sync.read(readFileSync(`${base}.png`));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
