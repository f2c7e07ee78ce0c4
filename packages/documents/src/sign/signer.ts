import type { Signer, SignerConfig, SignerIdentity, SignMeta } from '../types.js';
import { SignerRefusedError, SignerUnavailableError } from './errors.js';
import type { KeyStore } from './key-store.js';
import { signPades } from './pades.js';
import { Pkcs12Store } from './pkcs12-store.js';

/** PKCS#11 loads a native addon: only deployments that use a token pay for it. */
async function openStore(config: SignerConfig): Promise<KeyStore> {
  if (config.kind === 'pkcs12') return new Pkcs12Store(config);
  let mod: typeof import('./pkcs11-store.js');
  try {
    mod = await import('./pkcs11-store.js');
  } catch (e) {
    throw new SignerUnavailableError(`PKCS#11 support is not installed (the pkcs11js addon did not build: npm install needs python3, make and g++)`, { cause: e });
  }
  return new mod.Pkcs11Store(config);
}

/** A PAdES signer over agencies' keys in PKCS#12 files or on a PKCS#11 token. */
export function createSigner(config: SignerConfig): Signer {
  let store: Promise<KeyStore> | null = null;
  const keys = () => (store ??= openStore(config));
  return {
    canSignFor: async (agencyId) => (await keys()).has(agencyId),
    async sign(pdf: Uint8Array, who: SignerIdentity, meta: SignMeta) {
      const key = await (await keys()).key(who.agencyId);
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
    async close() {
      if (store) await (await store).close();
      store = null;
    },
  };
}
