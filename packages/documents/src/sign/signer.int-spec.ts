import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoPki } from '../pki/demo-pki.js';
import { renderDocument } from '../render/render.js';
import { sampleDocument } from '../samples.js';
import { nssDbTrusting, pdfsig } from '../test-support/poppler.js';
import { softHsmTokenFromPki } from '../test-support/softhsm.js';
import type { Signer, SignerConfig, SignerIdentity } from '../types.js';
import { verifyPdf } from '../verify.js';
import { SignerRefusedError } from './errors.js';
import { OID } from './cms.js';
import { createSigner } from './signer.js';

const ward: SignerIdentity = { agencyId: '01958a2e-7c1d-7b3e-9f00-000000000001', agencyCode: 'H12.58.19', agencyName: 'Ủy ban nhân dân phường Tân Thành' };
const landOffice: SignerIdentity = { agencyId: '01958a2e-7c1d-7b3e-9f00-000000000002', agencyCode: 'H12.21', agencyName: 'Chi nhánh Văn phòng đăng ký đất đai Cà Mau' };
const stranger: SignerIdentity = { agencyId: '01958a2e-7c1d-7b3e-9f00-0000000000ff', agencyCode: 'H99', agencyName: 'Cơ quan khác' };
const meta = { reason: 'Phát hành kết quả giải quyết hồ sơ', location: 'Cà Mau', signedAt: new Date('2026-03-10T03:05:17Z') };

const tmp = mkdtempSync(path.join(os.tmpdir(), 'motcua-signer-'));
const pkiDir = path.join(tmp, 'pki');
let rootPem: string;
let nssDir: string;
let resultPdf: Uint8Array;
let apologyPdf: Uint8Array;

beforeAll(async () => {
  // Valid from 2026-01-01 for five years, so the fixed signing time above is inside.
  ({ rootPem } = await ensureDemoPki(pkiDir, [ward, landOffice], { notBefore: new Date('2026-01-01T00:00:00Z'), log: () => {} }));
  nssDir = nssDbTrusting(rootPem);
  [resultPdf, apologyPdf] = await Promise.all([renderDocument('result', sampleDocument('result')), renderDocument('apology', sampleDocument('apology'))]);
});

/** The OIDs of the CMS signed attributes of the (only) signature. */
function signedAttributeTypes(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1');
  const hex = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(text)![1]!;
  const ci = new pkijs.ContentInfo({ schema: asn1js.fromBER(Buffer.from(hex, 'hex')).result });
  const sd = new pkijs.SignedData({ schema: ci.content });
  return sd.signerInfos[0]!.signedAttrs!.attributes.map((a) => a.type);
}

/** Changes one digit of the creation year in the XMP metadata, inside the first signed range: still a well-formed PDF. */
function tamper(pdf: Uint8Array): Uint8Array {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf('<xmp:CreateDate>2026');
  expect(at).toBeGreaterThan(0);
  expect(at).toBeLessThan(signedRangeEnd(copy));
  const digit = at + '<xmp:CreateDate>202'.length;
  copy[digit] = copy[digit] === 0x36 ? 0x37 : 0x36;
  return new Uint8Array(copy);
}

function signedRangeEnd(pdf: Buffer): number {
  return Number(/\/ByteRange \[0 (\d+)/.exec(pdf.toString('latin1'))![1]);
}

const kinds: { name: string; config: () => SignerConfig }[] = [
  { name: 'PKCS#12 files', config: () => ({ kind: 'pkcs12', dir: pkiDir }) },
  { name: 'PKCS#11 token (SoftHSM2)', config: () => softHsmTokenFromPki(pkiDir, [ward.agencyId, landOffice.agencyId]) },
];

describe.each(kinds)('signer on $name', ({ config }) => {
  let signer: Signer;
  beforeAll(() => {
    signer = createSigner(config());
  });
  afterAll(() => signer?.close());

  it('signs PAdES that pdfsig, trusting the demo root, reports valid, trusted and covering the whole document', async () => {
    for (const [pdf, who] of [[resultPdf, ward], [apologyPdf, landOffice]] as const) {
      const signed = await signer.sign(pdf, who, meta);
      const report = pdfsig(signed, nssDir);
      expect(report).toContain(`Signer Certificate Common Name: ${who.agencyName}`);
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report).toContain('Signing Hash Algorithm: SHA-256');
      expect(report).toContain('Total document signed');
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Certificate Validation: Certificate is Trusted.');

      const result = await verifyPdf(signed, { roots: [rootPem] });
      expect(result.valid).toBe(true);
      expect(result.signatures).toHaveLength(1);
      const [sig] = result.signatures;
      expect(sig).toMatchObject({
        signer: { commonName: who.agencyName, organization: 'Một Cửa (demo)' },
        reason: meta.reason,
        location: meta.location,
        subFilter: 'ETSI.CAdES.detached',
        coversWholeDocument: true,
        digestIntact: true,
        chainTrusted: true,
        certificateValidAtSigningTime: true,
        signingCertificateV2: true,
        problems: [],
      });
      expect(sig!.signingTime?.toISOString()).toBe(meta.signedAt.toISOString().replace(/\.\d+Z$/, '.000Z'));
    }
  });

  it('puts the time in /M, not in the signed attributes (PAdES baseline B)', async () => {
    const signed = await signer.sign(resultPdf, ward, meta);
    const types = signedAttributeTypes(signed);
    expect(types).toEqual(expect.arrayContaining([OID.contentType, OID.messageDigest, OID.signingCertificateV2]));
    expect(types).not.toContain(OID.signingTime);
    expect(Buffer.from(signed).toString('latin1')).toContain('/M (D:20260310030517Z)');
  });

  it('reports a copy with one byte changed inside the signed range as invalid, in pdfsig and in verifyPdf', async () => {
    const bad = tamper(await signer.sign(resultPdf, ward, meta));
    expect(pdfsig(bad, nssDir)).toContain('Signature Validation: Digest Mismatch.');
    const result = await verifyPdf(bad, { roots: [rootPem] });
    expect(result.valid).toBe(false);
    expect(result.signatures[0]).toMatchObject({ digestIntact: false, valid: false });
  });

  it('reports content appended after the signature as not covered', async () => {
    const signed = await signer.sign(resultPdf, ward, meta);
    const extended = new Uint8Array(Buffer.concat([Buffer.from(signed), Buffer.from('\n% added later\n')]));
    expect(pdfsig(extended, nssDir)).not.toContain('Total document signed');
    const result = await verifyPdf(extended, { roots: [rootPem] });
    expect(result.valid).toBe(false);
    expect(result.signatures[0]).toMatchObject({ digestIntact: true, coversWholeDocument: false });
  });

  it('does not trust a certificate that does not chain to the given roots', async () => {
    const other = await ensureDemoPki(path.join(tmp, `other-${Math.random()}`), [], { log: () => {} });
    const signed = await signer.sign(resultPdf, ward, meta);
    const result = await verifyPdf(signed, { roots: [other.rootPem] });
    expect(result.valid).toBe(false);
    expect(result.signatures[0]).toMatchObject({ digestIntact: true, chainTrusted: false });
    expect(pdfsig(signed)).not.toContain('Certificate is Trusted');
    // A PEM bundle that also holds the demo root is trusted.
    expect((await verifyPdf(signed, { roots: [`${other.rootPem}\n${rootPem}`] })).valid).toBe(true);
  });

  it('refuses an agency it holds no key for', async () => {
    expect(await signer.canSignFor(ward.agencyId)).toBe(true);
    expect(await signer.canSignFor(stranger.agencyId)).toBe(false);
    await expect(signer.sign(resultPdf, stranger, meta)).rejects.toBeInstanceOf(SignerRefusedError);
  });

  it('refuses a signing time outside the certificate’s validity', async () => {
    await expect(signer.sign(resultPdf, ward, { ...meta, signedAt: new Date('2025-06-01T00:00:00Z') })).rejects.toThrow(SignerRefusedError);
  });

  it('signs many documents at once, each valid', async () => {
    const signed = await Promise.all(Array.from({ length: 6 }, (_, i) => signer.sign(i % 2 ? apologyPdf : resultPdf, i % 2 ? landOffice : ward, meta)));
    const results = await Promise.all(signed.map((pdf) => verifyPdf(pdf, { roots: [rootPem] })));
    expect(results.map((r) => r.valid)).toEqual(Array(6).fill(true));
    expect(results.map((r) => r.signatures[0]!.signer.commonName)).toEqual(Array.from({ length: 6 }, (_, i) => (i % 2 ? landOffice : ward).agencyName));
  });
});

describe('verifyPdf on an unsigned document', () => {
  it('is not valid and lists no signature', async () => {
    expect(await verifyPdf(resultPdf, { roots: [rootPem] })).toEqual({ valid: false, signatures: [] });
  });
});
