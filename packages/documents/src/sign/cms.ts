import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
} as const;

export type KeyAlgorithm = 'rsa' | 'ec';

/** Signs the DER of the signed attributes with SHA-256 (RSA PKCS#1 v1.5 or ECDSA, DER-encoded). */
export type RawSign = (data: Uint8Array) => Promise<Uint8Array>;

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(der);
}

export function certificateFromPem(pem: string): pkijs.Certificate {
  const [first] = certificatesFromPem(pem);
  if (!first) throw new Error('No PEM certificate');
  return first;
}

/** Every certificate of a PEM text (a bundle may hold several). */
export function certificatesFromPem(pem: string): pkijs.Certificate[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/g)].map((m) => parseCertificate(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

export function keyAlgorithmOf(cert: pkijs.Certificate): KeyAlgorithm {
  const oid = cert.subjectPublicKeyInfo.algorithm.algorithmId;
  if (oid === '1.2.840.113549.1.1.1') return 'rsa';
  if (oid === '1.2.840.10045.2.1') return 'ec';
  throw new Error(`Unsupported key algorithm ${oid} in the signing certificate`);
}

/**
 * ESS signing-certificate-v2 (RFC 5035): binds the signature to the signer's certificate by its
 * SHA-256 hash plus issuer and serial. PAdES baseline B requires it.
 */
function signingCertificateV2(cert: pkijs.Certificate): asn1js.Sequence {
  const certHash = createHash('sha256').update(new Uint8Array(cert.toSchema().toBER(false))).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })] }).toSchema(),
      new asn1js.Integer({ valueHex: cert.serialNumber.valueBlock.valueHexView }),
    ],
  });
  // hashAlgorithm is left out: its DEFAULT is SHA-256.
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * A detached CMS SignedData for PAdES baseline B (SubFilter ETSI.CAdES.detached): signed attributes
 * content-type, message-digest and signing-certificate-v2, and no signing-time (the time goes in the
 * signature dictionary's /M). `chain` starts with the signer's certificate.
 */
export async function buildCadesDetached(content: Uint8Array, chain: pkijs.Certificate[], sign: RawSign): Promise<Uint8Array> {
  const cert = chain[0];
  if (!cert) throw new Error('No signing certificate');
  const alg = keyAlgorithmOf(cert);
  const digest = createHash('sha256').update(content).digest();
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(cert)] }),
  ];
  // DER wants a SET OF in the order of its encoded elements; verifiers re-encode and compare.
  attributes.sort((a, b) => compareBytes(new Uint8Array(a.toSchema().toBER(false)), new Uint8Array(b.toSchema().toBER(false))));
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  // What is signed is the attributes encoded as a SET (tag 0x31), not as the [0] IMPLICIT field.
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toSign[0] = 0x31;
  const signature = await sign(toSign);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
    signedAttrs,
    signatureAlgorithm:
      alg === 'rsa'
        ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() })
        : new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 }),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() })],
    certificates: chain,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/** "CN" and "O" of a certificate's subject. */
export function subjectOf(cert: pkijs.Certificate): { commonName: string | null; organization: string | null } {
  const get = (oid: string) => {
    const tv = cert.subject.typesAndValues.find((t) => t.type === oid);
    return tv ? String(tv.value.valueBlock.value) : null;
  };
  return { commonName: get(OID.commonName), organization: get(OID.organization) };
}

export function serialHex(cert: pkijs.Certificate): string {
  return Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex');
}
