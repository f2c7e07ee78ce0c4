import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../render/render.js';
import { sampleDocument } from '../samples.js';
import { nssDbTrusting, pdfsig } from '../test-support/poppler.js';
import { createSoftHsmToken } from '../test-support/softhsm.js';
import type { Signer, SignerIdentity } from '../types.js';
import { verifyPdf } from '../verify.js';
import { certificateFromPem } from './cms.js';
import { SignerUnavailableError } from './errors.js';
import { createSigner } from './signer.js';

// Tokens often hold EC keys: an ECDSA P-256 key on SoftHSM2 (CKM_ECDSA, r‖s turned into DER).
const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-p11-ec-'));
const who: SignerIdentity = { agencyId: '01958a2e-0000-7000-8000-0000000000e1', agencyCode: 'H12.40', agencyName: 'Công an tỉnh Cà Mau' };
let certPem: string;
let signer: Signer;
let config: ReturnType<typeof createSoftHsmToken>;

beforeAll(() => {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '30', '-utf8', '-subj', `/C=VN/O=Tỉnh Cà Mau/CN=${who.agencyName}`, '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation,keyCertSign');
  certPem = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  config = createSoftHsmToken([{ agencyId: who.agencyId, label: 'cong-an', key: createPrivateKey(readFileSync(path.join(dir, 'key.pem'))), cert: certificateFromPem(certPem) }]);
  signer = createSigner(config);
});
afterAll(() => signer?.close());

describe('PKCS#11 signer', () => {
  // First, while no session of this process is logged in to the token (a login holds for all of them).
  it('says the PIN is wrong instead of signing', async () => {
    const wrong = createSigner({ ...config, pin: '000000' });
    try {
      await expect(wrong.sign(new Uint8Array(), who, { reason: 'x', signedAt: new Date() })).rejects.toBeInstanceOf(SignerUnavailableError);
    } finally {
      await wrong.close();
    }
  });

  it('signs with an ECDSA key on the token, valid for pdfsig and verifyPdf', async () => {
    const signed = await signer.sign(await renderDocument('result', sampleDocument('result')), who, { reason: 'Ký kết quả', signedAt: new Date() });
    const report = pdfsig(signed, nssDbTrusting(certPem));
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    const result = await verifyPdf(signed, { roots: [certPem] });
    expect(result.valid).toBe(true);
    expect(result.signatures[0]!.signer.commonName).toBe(who.agencyName);
  });
});
