import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignPdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type * as pkijs from 'pkijs';
import type { SignMeta } from '../types.js';
import { buildCadesDetached, type RawSign } from './cms.js';

/** Room for the CMS blob: an RSA-4096 signature plus a three-certificate chain fits with margin. */
const SIGNATURE_LENGTH = 16_384;

class CadesSigner extends SignPdfSigner {
  constructor(
    private readonly chain: pkijs.Certificate[],
    private readonly rawSign: RawSign,
  ) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    return Buffer.from(await buildCadesDetached(content, this.chain, this.rawSign));
  }
}

/**
 * Adds a PAdES baseline-B signature as an incremental update: a placeholder signature field
 * (SubFilter ETSI.CAdES.detached, /M = signedAt), then the CMS over the whole file but the placeholder.
 * The input must use a classic cross-reference table (as the PDFs rendered here do).
 */
export async function signPades(pdf: Uint8Array, chain: pkijs.Certificate[], rawSign: RawSign, meta: SignMeta & { name: string }): Promise<Uint8Array> {
  const input = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const texts = { Reason: meta.reason, Name: meta.name, Location: meta.location ?? '' };
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: input,
    reason: filler(texts.Reason, 'R'),
    contactInfo: '',
    name: filler(texts.Name, 'N'),
    location: filler(texts.Location, 'L'),
    signingTime: meta.signedAt,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'MotCua',
  });
  const fixed = unicodeStrings(withPlaceholder, input.length, texts);
  const signed = await new SignPdf().sign(fixed, new CadesSigner(chain, rawSign));
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}

const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

/** UTF-16BE hex of a text string with its byte-order mark: <FEFF…>. */
const utf16Hex = (s: string) => `<${Buffer.from(`\ufeff${s.normalize('NFC')}`, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

/**
 * @signpdf writes non-ASCII strings as UTF-8 of their UTF-16 bytes, which readers show as garbage.
 * So a non-ASCII text goes in as ASCII filler "(RRRR…)" exactly as long as its hex form "<FEFF…>",
 * and is swapped afterwards: same length, so every offset in the cross-reference table stays right.
 */
function filler(text: string, ch: string): string {
  return isAscii(text) ? text : ch.repeat(utf16Hex(text).length - 2);
}

function unicodeStrings(pdf: Buffer, from: number, texts: Record<string, string>): Buffer {
  let out = pdf;
  for (const [key, text] of Object.entries(texts)) {
    if (isAscii(text)) continue;
    const hex = utf16Hex(text);
    const placeholder = `/${key} (${filler(text, key[0]!)})`;
    const at = out.indexOf(placeholder, from, 'latin1');
    if (at < 0) throw new Error(`Signature dictionary without its /${key}`);
    out = Buffer.concat([out.subarray(0, at), Buffer.from(`/${key} ${hex}`, 'latin1'), out.subarray(at + placeholder.length)]);
  }
  return out;
}
