import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../render/render.js';
import { sampleDocument } from '../samples.js';
import type { SignerIdentity } from '../types.js';
import { verifyPdf } from '../verify.js';
import { SignerUnavailableError } from './errors.js';
import { createSigner } from './signer.js';

// An agency's own .p12 as OpenSSL 3 makes it (PBES2/AES-256, SHA-256 MAC), not one from the demo PKI.
const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-p12-'));
const who: SignerIdentity = { agencyId: '01958a2e-0000-7000-8000-0000000000c1', agencyCode: 'H12.30', agencyName: 'Sở Tư pháp tỉnh Cà Mau' };
// Signed now: the certificate is made in beforeAll, so a time taken at load would precede it.
const meta = () => ({ reason: 'Ký kết quả', signedAt: new Date() });

beforeAll(() => {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '30', '-utf8', '-subj', `/C=VN/O=UBND tỉnh Cà Mau/CN=${who.agencyName}`, '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation,keyCertSign');
  openssl('pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-out', 'agency.p12', '-passout', 'pass:matkhau-1');
  process.env.TEST_AGENCY_P12_PASSWORD = 'matkhau-1';
});
afterAll(() => {
  delete process.env.TEST_AGENCY_P12_PASSWORD;
});

describe('PKCS#12 signer with an agency’s own file', () => {
  it('signs with an OpenSSL-made .p12 whose password comes from the environment', async () => {
    const signer = createSigner({ kind: 'pkcs12', dir, agencies: { [who.agencyId]: { file: 'agency.p12', passwordEnv: 'TEST_AGENCY_P12_PASSWORD' } } });
    const signed = await signer.sign(await renderDocument('result', sampleDocument('result')), who, meta());
    const result = await verifyPdf(signed, { roots: [readFileSync(path.join(dir, 'cert.pem'), 'utf8')] });
    expect(result.valid).toBe(true);
    expect(result.signatures[0]!.signer).toMatchObject({ commonName: who.agencyName, organization: 'UBND tỉnh Cà Mau' });
  });

  it('says which file it cannot open when the password is wrong', async () => {
    const signer = createSigner({ kind: 'pkcs12', dir, agencies: { [who.agencyId]: { file: 'agency.p12', password: 'wrong' } } });
    expect(await signer.canSignFor(who.agencyId)).toBe(true);
    const attempt = signer.sign(new Uint8Array(), who, meta());
    await expect(attempt).rejects.toBeInstanceOf(SignerUnavailableError);
    await expect(attempt).rejects.toThrow(/agency\.p12/);
  });
});
