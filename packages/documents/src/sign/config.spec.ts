import { describe, expect, it } from 'vitest';
import { SignerConfigError, signerConfigFromEnv } from './config.js';

describe('signerConfigFromEnv', () => {
  it('defaults to PKCS#12 files in the demo directory', () => {
    expect(signerConfigFromEnv({})).toEqual({ kind: 'pkcs12', dir: '.data/pki' });
    expect(signerConfigFromEnv({ SIGNER_PKCS12_DIR: '/etc/motcua/p12' })).toEqual({ kind: 'pkcs12', dir: '/etc/motcua/p12' });
  });

  it('reads a PKCS#11 token with keys as pairs or JSON', () => {
    const env = { SIGNER_KIND: 'pkcs11', SIGNER_PKCS11_MODULE: '/usr/lib/softhsm/libsofthsm2.so', SIGNER_PKCS11_PIN: '1234', SIGNER_PKCS11_TOKEN_LABEL: 'so-tu-phap' };
    expect(signerConfigFromEnv({ ...env, SIGNER_PKCS11_KEYS: 'a-1=H12.30, b-2=H12.31' })).toEqual({
      kind: 'pkcs11',
      module: '/usr/lib/softhsm/libsofthsm2.so',
      pin: '1234',
      tokenLabel: 'so-tu-phap',
      keys: { 'a-1': 'H12.30', 'b-2': 'H12.31' },
    });
    expect(signerConfigFromEnv({ ...env, SIGNER_PKCS11_KEYS: '{"a-1":"H12.30"}', SIGNER_PKCS11_SLOT: '3' })).toMatchObject({ keys: { 'a-1': 'H12.30' }, slot: 3 });
  });

  it('names the variable that is missing or wrong', () => {
    expect(() => signerConfigFromEnv({ SIGNER_KIND: 'hsm' })).toThrow(/SIGNER_KIND/);
    expect(() => signerConfigFromEnv({ SIGNER_KIND: 'pkcs11', SIGNER_PKCS11_MODULE: '/x.so', SIGNER_PKCS11_KEYS: 'a=b' })).toThrow(/SIGNER_PKCS11_PIN/);
    expect(() => signerConfigFromEnv({ SIGNER_KIND: 'pkcs11', SIGNER_PKCS11_MODULE: '/x.so', SIGNER_PKCS11_PIN: '1', SIGNER_PKCS11_KEYS: 'nolabel' })).toThrow(SignerConfigError);
    expect(() => signerConfigFromEnv({ SIGNER_KIND: 'pkcs11', SIGNER_PKCS11_MODULE: '/x.so', SIGNER_PKCS11_PIN: '1', SIGNER_PKCS11_KEYS: 'a=b', SIGNER_PKCS11_SLOT: 'first' })).toThrow(/SIGNER_PKCS11_SLOT/);
  });
});
