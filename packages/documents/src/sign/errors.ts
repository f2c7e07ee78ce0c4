/** The signer holds no key for that agency, or its certificate does not cover the signing time. */
export class SignerRefusedError extends Error {
  readonly code = 'signer_not_allowed';
  constructor(message: string) {
    super(message);
    this.name = 'SignerRefusedError';
  }
}

/** The key store is misconfigured or unreachable (wrong password or PIN, missing file, token absent). */
export class SignerUnavailableError extends Error {
  readonly code = 'signer_unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignerUnavailableError';
  }
}
