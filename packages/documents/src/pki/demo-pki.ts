import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { MANIFEST } from '../sign/pkcs12-store.js';
import type { Pkcs12Entry, SignerIdentity } from '../types.js';

export interface DemoPkiOptions {
  /** Subject CN of the demo root. */
  rootName?: string;
  /** Subject O of every certificate (the province). */
  organization?: string;
  /** Years the agency certificates are valid (the root gets twice as long). */
  years?: number;
  /** Start of validity (default: a day before now, so clocks a little behind still accept it). */
  notBefore?: Date;
  log?: (line: string) => void;
}

export interface DemoPkiResult {
  rootPem: string;
  /** Whether this call created the root or any agency certificate. */
  created: boolean;
  rootFile: string;
  manifestFile: string;
}

const ROOT_CERT = 'root-ca.pem';
const ROOT_KEY = 'root-ca.key';

/** Writes through a temporary file so a crash never leaves half a key or certificate behind. */
function writeSecret(file: string, data: string | Uint8Array, mode = 0o600) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, file);
}

function utf8Attrs(fields: [string, string][]): forge.pki.CertificateField[] {
  // UTF8String (forge encodes the value), but the country is a PrintableString (X.520). The typings call
  // valueTagClass a class; forge reads it as the ASN.1 type.
  return fields.map(([shortName, value]) => ({
    shortName,
    value,
    valueTagClass: (shortName === 'C' ? forge.asn1.Type.PRINTABLESTRING : forge.asn1.Type.UTF8) as unknown as forge.asn1.Class,
  }));
}

function newKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

function validity(cert: forge.pki.Certificate, from: Date, years: number) {
  cert.validity.notBefore = from;
  const to = new Date(from);
  to.setUTCFullYear(to.getUTCFullYear() + years);
  cert.validity.notAfter = to;
}

/** Positive serial of 16 random bytes (RFC 5280 allows up to 20 octets). */
const serial = () => `01${randomBytes(15).toString('hex')}`;

function createRoot(name: string, organization: string, from: Date, years: number) {
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  validity(cert, from, years);
  const subject = utf8Attrs([['C', 'VN'], ['O', organization], ['CN', name]]);
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert, key: keys.privateKey };
}

function createAgencyP12(root: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey }, who: SignerIdentity, organization: string, from: Date, years: number, password: string) {
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  validity(cert, from, years);
  cert.setSubject(utf8Attrs([['C', 'VN'], ['O', organization], ['OU', who.agencyCode], ['CN', who.agencyName]]));
  cert.setIssuer(root.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    // Document signing: digitalSignature + nonRepudiation (contentCommitment); no EKU, so any signing use is allowed.
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: root.cert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(root.key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, root.cert], password, { algorithm: 'aes256', friendlyName: who.agencyCode });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

/**
 * The demo PKI for `npm start`: a provincial root CA and one PKCS#12 file per agency, made once
 * and kept in `dir` (never committed). Agencies added later get a certificate from the same root.
 * `signers.json` in `dir` maps agency ids to their file and password, as the PKCS#12 signer reads it.
 */
export async function ensureDemoPki(dir: string, agencies: SignerIdentity[], opts: DemoPkiOptions = {}): Promise<DemoPkiResult> {
  const log = opts.log ?? console.log;
  const organization = opts.organization ?? 'Một Cửa (demo)';
  const years = opts.years ?? 5;
  const from = opts.notBefore ?? new Date(Date.now() - 86_400_000);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const rootFile = path.join(dir, ROOT_CERT);
  const rootKeyFile = path.join(dir, ROOT_KEY);
  const manifestFile = path.join(dir, MANIFEST);
  let created = false;

  let root: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey };
  if (existsSync(rootFile) && existsSync(rootKeyFile)) {
    root = { cert: forge.pki.certificateFromPem(readFileSync(rootFile, 'utf8')), key: forge.pki.privateKeyFromPem(readFileSync(rootKeyFile, 'utf8')) };
    // forge parses UTF8String values as raw UTF-8 bytes but encodes them again when they become an issuer.
    for (const attr of root.cert.subject.attributes) {
      if ((attr.valueTagClass as unknown) === forge.asn1.Type.UTF8 && typeof attr.value === 'string') attr.value = forge.util.decodeUtf8(attr.value);
    }
  } else {
    root = createRoot(opts.rootName ?? 'Một Cửa Demo Root CA', organization, from, years * 2);
    writeSecret(rootKeyFile, forge.pki.privateKeyToPem(root.key));
    writeSecret(rootFile, forge.pki.certificateToPem(root.cert), 0o644);
    created = true;
  }

  const manifest: Record<string, Pkcs12Entry & { agencyCode?: string; agencyName?: string }> = existsSync(manifestFile)
    ? JSON.parse(readFileSync(manifestFile, 'utf8'))
    : {};
  let added = 0;
  for (const who of agencies) {
    const known = manifest[who.agencyId];
    if (known && existsSync(path.join(dir, known.file))) continue;
    const file = `${who.agencyCode.replace(/[^A-Za-z0-9._-]/g, '_')}-${who.agencyId.slice(0, 8)}.p12`;
    const password = randomBytes(18).toString('base64url');
    writeSecret(path.join(dir, file), createAgencyP12(root, who, organization, from, years, password));
    manifest[who.agencyId] = { file, password, agencyCode: who.agencyCode, agencyName: who.agencyName };
    added++;
  }
  if (added) {
    writeSecret(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    created = true;
  }
  if (created) {
    log(`Demo PKI (for trying the product, not for production): root CA ${rootFile}; ${added} new agency certificate(s), ${Object.keys(manifest).length} in all, listed in ${manifestFile}`);
  }
  return { rootPem: readFileSync(rootFile, 'utf8'), created, rootFile, manifestFile };
}
