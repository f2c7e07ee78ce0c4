import { createPrivateKey, createPublicKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import type * as pkijs from 'pkijs';
import type { Pkcs12Entry, Pkcs12SignerConfig } from '../types.js';
import { parseCertificate } from './cms.js';
import { SignerUnavailableError } from './errors.js';
import type { AgencyKey, KeyStore } from './key-store.js';

export const MANIFEST = 'signers.json';

/** Opens a PKCS#12 file: its private key and certificates, the key's own certificate first. */
export function openPkcs12(bytes: Uint8Array, password: string): { key: KeyObject; chain: pkijs.Certificate[] } {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary'))), password);
  const { pkcs8ShroudedKeyBag, keyBag, certBag } = forge.pki.oids;
  const keyBags = [...(p12.getBags({ bagType: pkcs8ShroudedKeyBag })[pkcs8ShroudedKeyBag!] ?? []), ...(p12.getBags({ bagType: keyBag })[keyBag!] ?? [])];
  const forgeKey = keyBags.find((b) => b.key)?.key;
  if (!forgeKey) throw new Error('the file holds no RSA private key');
  const key = createPrivateKey(forge.pki.privateKeyToPem(forgeKey));
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const certs = (p12.getBags({ bagType: certBag })[certBag!] ?? [])
    .map((b) => b.cert ?? null)
    .filter((c): c is forge.pki.Certificate => c !== null)
    .map((c) => parseCertificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary')));
  const own = certs.findIndex((c) => Buffer.from(c.subjectPublicKeyInfo.toSchema().toBER(false)).equals(spki));
  if (own < 0) throw new Error('no certificate in the file matches its private key');
  return { key, chain: [certs[own]!, ...certs.filter((_, i) => i !== own)] };
}

function rawSigner(key: KeyObject) {
  // The callback form runs in libuv's thread pool, so signing does not block the event loop.
  return (data: Uint8Array) =>
    new Promise<Uint8Array>((resolve, reject) => cryptoSign('sha256', data, key, (err, sig) => (err ? reject(err) : resolve(new Uint8Array(sig)))));
}

/** One .p12 file and password per agency, listed in `<dir>/signers.json` (or given in the config). */
export class Pkcs12Store implements KeyStore {
  private readonly cache = new Map<string, AgencyKey>();

  constructor(private readonly config: Pkcs12SignerConfig) {}

  /** Re-read on every miss, so agencies added while running (demo PKI) are found. */
  private entries(): Record<string, Pkcs12Entry> {
    if (this.config.agencies) return this.config.agencies;
    const file = path.join(this.config.dir, MANIFEST);
    if (!existsSync(file)) return {};
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Pkcs12Entry>;
    } catch (e) {
      throw new SignerUnavailableError(`${file} is not valid JSON`, { cause: e });
    }
  }

  async has(agencyId: string) {
    return this.cache.has(agencyId) || Object.hasOwn(this.entries(), agencyId);
  }

  async key(agencyId: string): Promise<AgencyKey | null> {
    const cached = this.cache.get(agencyId);
    if (cached) return cached;
    const entries = this.entries();
    if (!Object.hasOwn(entries, agencyId)) return null;
    const entry = entries[agencyId]!;
    const file = path.resolve(this.config.dir, entry.file);
    const password = entry.passwordEnv ? process.env[entry.passwordEnv] : entry.password;
    if (password === undefined) throw new SignerUnavailableError(`No password for ${file}: set ${entry.passwordEnv ?? 'its password in signers.json'}`);
    let opened;
    try {
      opened = openPkcs12(readFileSync(file), password);
    } catch (e) {
      // node-forge derives PBES2 keys from the password's bytes as Latin-1, so only ASCII passwords open every file.
      const hint = /[^\x20-\x7e]/.test(password) ? ' (use a password of ASCII characters only: re-export the file with one)' : ' (wrong password or damaged file)';
      throw new SignerUnavailableError(`Cannot open ${file}: ${e instanceof Error ? e.message : e}${hint}`, { cause: e });
    }
    const key: AgencyKey = { chain: opened.chain, sign: rawSigner(opened.key) };
    this.cache.set(agencyId, key);
    return key;
  }

  async close() {
    this.cache.clear();
  }
}
