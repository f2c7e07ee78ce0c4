import type * as pkijs from 'pkijs';
import type { RawSign } from './cms.js';

/** A private key able to sign for one agency, with its certificate first in `chain`. */
export interface AgencyKey {
  chain: pkijs.Certificate[];
  sign: RawSign;
}

/** Where agencies' keys live: PKCS#12 files or a PKCS#11 token. */
export interface KeyStore {
  has(agencyId: string): Promise<boolean>;
  /** Null when the store holds no key for the agency. */
  key(agencyId: string): Promise<AgencyKey | null>;
  close(): Promise<void>;
}
