import type { Signer, SignerConfig, SignerIdentity, SignMeta } from '../types.js';
import { SignerRefusedError } from './errors.js';
import type { KeyStore } from './key-store.js';
import { signPades } from './pades.js';
import { Pkcs11Store } from './pkcs11-store.js';
import { Pkcs12Store } from './pkcs12-store.js';

/** A PAdES signer over agencies' keys in PKCS#12 files or on a PKCS#11 token. */
export function createSigner(config: SignerConfig): Signer {
  const store: KeyStore = config.kind === 'pkcs12' ? new Pkcs12Store(config) : new Pkcs11Store(config);
  return {
    canSignFor: (agencyId) => store.has(agencyId),
    async sign(pdf: Uint8Array, who: SignerIdentity, meta: SignMeta) {
      const key = await store.key(who.agencyId);
      if (!key) throw new SignerRefusedError(`No signing key for agency ${who.agencyCode} (${who.agencyName}): it may not sign for it`);
      const cert = key.chain[0]!;
      const { notBefore, notAfter } = cert;
      if (meta.signedAt < notBefore.value || meta.signedAt > notAfter.value) {
        throw new SignerRefusedError(
          `The certificate of ${who.agencyName} is valid from ${notBefore.value.toISOString()} to ${notAfter.value.toISOString()}, not at ${meta.signedAt.toISOString()}`,
        );
      }
      return signPades(pdf, key.chain, key.sign, { ...meta, name: who.agencyName });
    },
    close: () => store.close(),
  };
}
