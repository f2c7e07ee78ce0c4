import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificatesFromPem, OID, serialHex, subjectOf } from './sign/cms.js';
import { pdfDate, pdfString } from './pdf-syntax.js';
import type { SignatureCheck, VerifyResult } from './types.js';

interface RawSignature {
  byteRange: [number, number, number, number];
  contentsHex: string | null;
  dict: string;
}

/**
 * Finds the signature dictionaries by their /ByteRange. The gap between the two ranges must be
 * exactly the hex /Contents string, so nothing unsigned can hide there.
 */
function findSignatures(pdf: Buffer): RawSignature[] {
  const text = pdf.toString('latin1');
  const out: RawSignature[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const byteRange = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const [, b, c] = byteRange;
    const gap = b < c && c <= text.length ? text.slice(b, c) : '';
    const contentsHex = /^<[0-9a-fA-F]*>$/.test(gap) ? gap.slice(1, -1) : null;
    const start = text.lastIndexOf(' obj', m.index);
    const end = text.indexOf('endobj', m.index);
    let dict = text.slice(Math.max(0, start), end < 0 ? undefined : end);
    if (contentsHex !== null) dict = dict.replace(gap, '<>');
    out.push({ byteRange, contentsHex, dict });
  }
  return out;
}

function certDer(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema().toBER(false));
}

/** The ESSCertIDv2 in signing-certificate-v2 names `cert` (SHA-256 hash, the default algorithm). */
function signingCertificateV2Matches(signerInfo: pkijs.SignerInfo, cert: pkijs.Certificate): boolean {
  const attr = signerInfo.signedAttrs?.attributes.find((a) => a.type === OID.signingCertificateV2);
  const certs = (attr?.values[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const essCertId = certs?.valueBlock.value[0] as asn1js.Sequence | undefined;
  if (!essCertId) return false;
  const [first, second] = essCertId.valueBlock.value;
  let hash: asn1js.OctetString | undefined;
  if (first instanceof asn1js.OctetString) hash = first;
  else if (first instanceof asn1js.Sequence && second instanceof asn1js.OctetString) {
    const alg = first.valueBlock.value[0];
    if (!(alg instanceof asn1js.ObjectIdentifier) || alg.valueBlock.toString() !== OID.sha256) return false;
    hash = second;
  }
  if (!hash) return false;
  return Buffer.from(hash.valueBlock.valueHexView).equals(createHash('sha256').update(certDer(cert)).digest());
}

async function checkSignature(pdf: Buffer, raw: RawSignature, roots: pkijs.Certificate[]): Promise<SignatureCheck> {
  const problems: string[] = [];
  const [a, b, c, d] = raw.byteRange;
  const signingTime = pdfDate(pdfString(raw.dict, 'M'));
  const subFilter = /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(raw.dict)?.[1] ?? null;
  const base = {
    signingTime,
    reason: pdfString(raw.dict, 'Reason'),
    location: pdfString(raw.dict, 'Location'),
    subFilter,
    coversWholeDocument: a === 0 && c + d === pdf.length && raw.contentsHex !== null,
  };
  const fail = (problem: string): SignatureCheck => ({
    ...base,
    signer: { commonName: null, organization: null, serialNumber: '' },
    digestIntact: false,
    chainTrusted: false,
    certificateValidAtSigningTime: false,
    signingCertificateV2: false,
    valid: false,
    problems: [...problems, problem],
  });
  if (raw.contentsHex === null || a !== 0 || b <= 0 || c + d > pdf.length) return fail('The byte range does not frame the signature: the file was altered');

  const cms = asn1js.fromBER(Buffer.from(raw.contentsHex, 'hex'));
  if (cms.offset === -1) return fail('The signature is not a CMS structure');
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: cms.result });
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return fail('The signature is not a CMS SignedData');
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) return fail('The signature has no signer');
  const content = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const data = content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer;

  let digestIntact = false;
  let signerCert: pkijs.Certificate | null = null;
  try {
    const r = await signedData.verify({ signer: 0, data, extendedMode: true, checkChain: false });
    digestIntact = r.signatureVerified === true;
    signerCert = r.signerCertificate ?? null;
  } catch (e) {
    signerCert = (e as { signerCertificate?: pkijs.Certificate | null }).signerCertificate ?? null;
  }
  if (!digestIntact) problems.push('The document was changed after it was signed (digest or signature mismatch)');
  if (!signerCert) return fail('The signer’s certificate is not in the signature');

  const at = signingTime ?? new Date();
  const certificateValidAtSigningTime = at >= signerCert.notBefore.value && at <= signerCert.notAfter.value;
  if (!signingTime) problems.push('The signature has no signing time (/M)');
  else if (!certificateValidAtSigningTime) problems.push('The certificate was not valid at the signing time');

  let chainTrusted = false;
  if (roots.length) {
    try {
      const r = await signedData.verify({ signer: 0, data, extendedMode: true, checkChain: true, trustedCerts: roots, checkDate: at });
      chainTrusted = r.signerCertificateVerified === true;
    } catch {
      chainTrusted = false;
    }
  }
  if (!chainTrusted) problems.push('The certificate does not chain to a trusted root');

  const signingCertificateV2 = signingCertificateV2Matches(signerInfo, signerCert);
  if (!signingCertificateV2) problems.push('The signing-certificate-v2 attribute is missing or names another certificate');
  if (subFilter !== 'ETSI.CAdES.detached' && subFilter !== 'adbe.pkcs7.detached') problems.push(`Unsupported signature type ${subFilter}`);

  return {
    ...base,
    signer: { ...subjectOf(signerCert), serialNumber: serialHex(signerCert) },
    digestIntact,
    chainTrusted,
    certificateValidAtSigningTime,
    signingCertificateV2,
    valid: problems.length === 0,
    problems,
  };
}

/**
 * Checks every signature of a PDF: digest and signature intact, certificate chained to one of the
 * trusted roots and valid at the signing time, signing-certificate-v2 present. The document is valid
 * when it has a signature, every signature is, and the last one covers the whole file (nothing appended).
 */
/** `trust.roots`: PEM texts, each one certificate or a bundle of several. */
export async function verifyPdf(pdf: Uint8Array, trust: { roots: string[] }): Promise<VerifyResult> {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const roots = trust.roots.flatMap(certificatesFromPem);
  const signatures: SignatureCheck[] = [];
  for (const raw of findSignatures(buf)) signatures.push(await checkSignature(buf, raw, roots));
  const last = signatures.at(-1);
  if (last && !last.coversWholeDocument && last.valid) {
    last.problems.push('Content was added after the last signature');
    last.valid = false;
  }
  return { valid: signatures.length > 0 && signatures.every((s) => s.valid), signatures };
}
