import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import pkcs11js from 'pkcs11js';
import type * as pkijs from 'pkijs';
import type { Pkcs11SignerConfig } from '../types.js';
import { certificateFromPem, keyAlgorithmOf, parseCertificate } from './cms.js';
import { SignerUnavailableError } from './errors.js';
import type { AgencyKey, KeyStore } from './key-store.js';

type Handle = Buffer;

/**
 * One loaded library per module path: C_Initialize may run only once per process, and two
 * signers on the same token share it (the last close finalises).
 */
const modules = new Map<string, { p11: pkcs11js.PKCS11; refs: number }>();

function acquire(modulePath: string): pkcs11js.PKCS11 {
  let m = modules.get(modulePath);
  if (!m) {
    const p11 = new pkcs11js.PKCS11();
    p11.load(modulePath);
    try {
      p11.C_Initialize();
    } catch (e) {
      if (!(e instanceof pkcs11js.Pkcs11Error && e.code === pkcs11js.CKR_CRYPTOKI_ALREADY_INITIALIZED)) throw e;
    }
    m = { p11, refs: 0 };
    modules.set(modulePath, m);
  }
  m.refs++;
  return m.p11;
}

function release(modulePath: string) {
  const m = modules.get(modulePath);
  if (!m || --m.refs > 0) return;
  modules.delete(modulePath);
  m.p11.C_Finalize();
  m.p11.close();
}

/** A slot handle is the native CK_SLOT_ID (unsigned long) in host byte order. */
const slotId = (h: Handle) => (h.length >= 8 ? Number(h.readBigUInt64LE(0)) : h.readUInt32LE(0));
const trimLabel = (s: string) => s.replace(/\s+$/, '');

/** ECDSA tokens return r‖s; CMS wants the DER Ecdsa-Sig-Value. */
function ecdsaRawToDer(raw: Buffer): Uint8Array {
  const half = raw.length / 2;
  const int = (b: Buffer) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = b.subarray(i);
    return new asn1js.Integer({ valueHex: v[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v });
  };
  return new Uint8Array(new asn1js.Sequence({ value: [int(raw.subarray(0, half)), int(raw.subarray(half))] }).toBER(false));
}

/**
 * Agencies' keys on a PKCS#11 token (HSM, USB token, SoftHSM2): each key found by its label, its
 * certificate by the same label. One logged-in session; signatures on it are serialised, since a
 * session runs one operation at a time, and each runs on a worker thread (async C_Sign).
 */
export class Pkcs11Store implements KeyStore {
  private p11: pkcs11js.PKCS11 | null = null;
  private session: Handle | null = null;
  private opening: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly cache = new Map<string, AgencyKey>();

  constructor(private readonly config: Pkcs11SignerConfig) {}

  async has(agencyId: string) {
    return Object.hasOwn(this.config.keys, agencyId);
  }

  private open(): Promise<void> {
    this.opening ??= (async () => {
      const { config } = this;
      let p11: pkcs11js.PKCS11;
      try {
        p11 = acquire(config.module);
      } catch (e) {
        this.opening = null;
        throw new SignerUnavailableError(`Cannot load the PKCS#11 module ${config.module}: ${e instanceof Error ? e.message : e}`, { cause: e });
      }
      this.p11 = p11;
      try {
        const slots = p11.C_GetSlotList(true);
        const slot = slots.find((s) => {
          if (config.slot !== undefined) return slotId(s) === config.slot;
          return config.tokenLabel === undefined || trimLabel(p11.C_GetTokenInfo(s).label) === config.tokenLabel;
        });
        if (!slot) throw new Error(config.tokenLabel ? `no token labelled "${config.tokenLabel}"` : 'no token present');
        const session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
        try {
          p11.C_Login(session, pkcs11js.CKU_USER, config.pin);
        } catch (e) {
          if (!(e instanceof pkcs11js.Pkcs11Error && e.code === pkcs11js.CKR_USER_ALREADY_LOGGED_IN)) throw e;
        }
        this.session = session;
      } catch (e) {
        this.opening = null;
        this.p11 = null;
        release(config.module);
        throw new SignerUnavailableError(`PKCS#11 token not usable: ${e instanceof Error ? e.message : e}`, { cause: e });
      }
    })();
    return this.opening;
  }

  private find(cls: number, label: string): Handle | null {
    const p11 = this.p11!;
    const session = this.session!;
    p11.C_FindObjectsInit(session, [
      { type: pkcs11js.CKA_CLASS, value: cls },
      { type: pkcs11js.CKA_LABEL, value: label },
    ]);
    try {
      return p11.C_FindObjects(session);
    } finally {
      p11.C_FindObjectsFinal(session);
    }
  }

  /** Runs token operations one at a time on the session. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => {});
    return run;
  }

  async key(agencyId: string): Promise<AgencyKey | null> {
    if (!Object.hasOwn(this.config.keys, agencyId)) return null;
    const cached = this.cache.get(agencyId);
    if (cached) return cached;
    await this.open();
    const label = this.config.keys[agencyId]!;
    const key = await this.serial(async () => {
      const handle = this.find(pkcs11js.CKO_PRIVATE_KEY, label);
      const certHandle = this.find(pkcs11js.CKO_CERTIFICATE, label);
      if (!handle) throw new SignerUnavailableError(`No private key labelled "${label}" on the token`);
      if (!certHandle) throw new SignerUnavailableError(`No certificate labelled "${label}" on the token`);
      const [value] = this.p11!.C_GetAttributeValue(this.session!, certHandle, [{ type: pkcs11js.CKA_VALUE }]);
      return { handle, cert: parseCertificate(value!.value as Buffer) };
    });
    const chain: pkijs.Certificate[] = [key.cert, ...(this.config.chainPem ?? []).map(certificateFromPem)];
    const alg = keyAlgorithmOf(key.cert);
    const agencyKey: AgencyKey = {
      chain,
      sign: (data) =>
        this.serial(
          () =>
            new Promise<Uint8Array>((resolve, reject) => {
              const p11 = this.p11!;
              // RSA: the token hashes (CKM_SHA256_RSA_PKCS). ECDSA: we hash, the token signs the digest (CKM_ECDSA is the widely supported one).
              const input = alg === 'rsa' ? Buffer.from(data) : createHash('sha256').update(data).digest();
              p11.C_SignInit(this.session!, { mechanism: alg === 'rsa' ? pkcs11js.CKM_SHA256_RSA_PKCS : pkcs11js.CKM_ECDSA }, key.handle);
              p11.C_Sign(this.session!, input, Buffer.alloc(1024), (err, sig) => {
                if (err) return reject(err);
                resolve(alg === 'rsa' ? new Uint8Array(sig) : ecdsaRawToDer(sig));
              });
            }),
        ),
    };
    this.cache.set(agencyId, agencyKey);
    return agencyKey;
  }

  async close() {
    await this.queue;
    if (this.p11 && this.session) {
      try {
        this.p11.C_Logout(this.session);
      } catch {
        // Already logged out (another signer on the same token): closing the session is what matters.
      }
      this.p11.C_CloseSession(this.session);
      release(this.config.module);
    }
    this.p11 = null;
    this.session = null;
    this.opening = null;
    this.cache.clear();
  }
}
