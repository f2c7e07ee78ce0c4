import type { SignerConfig } from '../types.js';

export type SignerEnv = Record<string, string | undefined>;

/** A misconfigured signer variable; the message names it. */
export class SignerConfigError extends Error {
  override name = 'SignerConfigError';
}

/** "id=label,id=label" or a JSON object. */
function parseKeys(raw: string): Record<string, string> {
  const text = raw.trim();
  if (text.startsWith('{')) {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Object.values(parsed).some((v) => typeof v !== 'string')) throw new Error('not an object of strings');
    return parsed as Record<string, string>;
  }
  const keys: Record<string, string> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw new Error(`"${pair}" is not agencyId=label`);
    keys[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return keys;
}

/**
 * The signer configuration from variables (the app's config module passes its environment in):
 * SIGNER_KIND (pkcs12 | pkcs11, default pkcs12); for pkcs12 SIGNER_PKCS12_DIR (default `defaultDir`);
 * for pkcs11 SIGNER_PKCS11_MODULE, SIGNER_PKCS11_PIN, SIGNER_PKCS11_KEYS (agencyId=label,… or JSON),
 * and SIGNER_PKCS11_TOKEN_LABEL or SIGNER_PKCS11_SLOT.
 */
export function signerConfigFromEnv(env: SignerEnv, defaultDir = '.data/pki'): SignerConfig {
  const kind = env.SIGNER_KIND?.trim() || 'pkcs12';
  if (kind === 'pkcs12') return { kind, dir: env.SIGNER_PKCS12_DIR?.trim() || defaultDir };
  if (kind !== 'pkcs11') throw new SignerConfigError(`SIGNER_KIND must be pkcs12 or pkcs11, not "${kind}"`);
  const need = (name: string) => {
    const v = env[name]?.trim();
    if (!v) throw new SignerConfigError(`${name} is required when SIGNER_KIND=pkcs11`);
    return v;
  };
  let keys: Record<string, string>;
  try {
    keys = parseKeys(need('SIGNER_PKCS11_KEYS'));
  } catch (e) {
    if (e instanceof SignerConfigError) throw e;
    throw new SignerConfigError(`SIGNER_PKCS11_KEYS: ${e instanceof Error ? e.message : e}`);
  }
  const slotText = env.SIGNER_PKCS11_SLOT?.trim();
  const slot = slotText ? Number(slotText) : undefined;
  if (slot !== undefined && !Number.isInteger(slot)) throw new SignerConfigError('SIGNER_PKCS11_SLOT must be a whole number');
  const tokenLabel = env.SIGNER_PKCS11_TOKEN_LABEL?.trim() || undefined;
  return { kind, module: need('SIGNER_PKCS11_MODULE'), pin: need('SIGNER_PKCS11_PIN'), keys, ...(tokenLabel ? { tokenLabel } : {}), ...(slot !== undefined ? { slot } : {}) };
}
