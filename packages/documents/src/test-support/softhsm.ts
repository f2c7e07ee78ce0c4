// A SoftHSM2 token in a temporary directory with agencies' keys and certificates imported,
// the way an operator loads a USB token or HSM. `npm test` installs softhsm2 and sets SOFTHSM2_MODULE.
import { execFileSync } from 'node:child_process';
import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pkcs11js from 'pkcs11js';
import type * as pkijs from 'pkijs';
import { openPkcs12 } from '../sign/pkcs12-store.js';
import type { Pkcs11SignerConfig, Pkcs12Entry } from '../types.js';

const candidates = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so', '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so'];

export function softHsmModule(): string {
  const found = [process.env.SOFTHSM2_MODULE, ...candidates].find((m): m is string => !!m && existsSync(m));
  if (!found) throw new Error('SoftHSM2 is missing: run "npm test" (it installs softhsm2)');
  return found;
}

export interface TokenItem {
  agencyId: string;
  /** CKA_LABEL of both the key and the certificate. */
  label: string;
  key: KeyObject;
  cert: pkijs.Certificate;
}

/**
 * Initialises a token in a temporary directory and imports each key (softhsm2-util, from PKCS#8)
 * and certificate (C_CreateObject), the way an operator loads a USB token or HSM.
 */
export function createSoftHsmToken(items: TokenItem[]): Pkcs11SignerConfig {
  const module = softHsmModule();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-softhsm-'));
  mkdirSync(path.join(dir, 'tokens'));
  const conf = path.join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${path.join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  // Read by the library at C_Initialize, in this process as in softhsm2-util.
  process.env.SOFTHSM2_CONF = conf;
  const tokenLabel = 'motcua-test';
  const pin = '246810';
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', tokenLabel, '--pin', pin, '--so-pin', '13579'], { stdio: 'pipe' });

  const keys: Record<string, string> = {};
  const p11 = new pkcs11js.PKCS11();
  p11.load(module);
  p11.C_Initialize();
  try {
    const slot = p11.C_GetSlotList(true).find((s) => p11.C_GetTokenInfo(s).label.trim() === tokenLabel)!;
    items.forEach(({ agencyId, label, key, cert }, i) => {
      const keyFile = path.join(dir, `${i}.pem`);
      writeFileSync(keyFile, key.export({ type: 'pkcs8', format: 'pem' }));
      const id = (i + 1).toString(16).padStart(2, '0');
      execFileSync('softhsm2-util', ['--import', keyFile, '--token', tokenLabel, '--label', label, '--id', id, '--pin', pin], { stdio: 'pipe' });
      const session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
      p11.C_Login(session, pkcs11js.CKU_USER, pin);
      p11.C_CreateObject(session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
        { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
        { type: pkcs11js.CKA_TOKEN, value: true },
        { type: pkcs11js.CKA_LABEL, value: label },
        { type: pkcs11js.CKA_ID, value: Buffer.from(id, 'hex') },
        { type: pkcs11js.CKA_SUBJECT, value: Buffer.from(cert.subject.toSchema().toBER(false)) },
        { type: pkcs11js.CKA_VALUE, value: Buffer.from(cert.toSchema().toBER(false)) },
      ]);
      p11.C_Logout(session);
      p11.C_CloseSession(session);
      keys[agencyId] = label;
    });
  } finally {
    p11.C_Finalize();
    p11.close();
  }
  return { kind: 'pkcs11', module, tokenLabel, pin, keys };
}

/** A token holding the demo PKI's keys of these agencies, labelled with the agency code. */
export function softHsmTokenFromPki(pkiDir: string, agencyIds: string[]): Pkcs11SignerConfig {
  const manifest = JSON.parse(readFileSync(path.join(pkiDir, 'signers.json'), 'utf8')) as Record<string, Pkcs12Entry & { agencyCode: string }>;
  return createSoftHsmToken(
    agencyIds.map((agencyId) => {
      const entry = manifest[agencyId]!;
      const { key, chain } = openPkcs12(readFileSync(path.join(pkiDir, entry.file)), entry.password!);
      return { agencyId, label: entry.agencyCode, key, cert: chain[0]! };
    }),
  );
}
