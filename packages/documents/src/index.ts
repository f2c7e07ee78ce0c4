export * from './types.js';
export { renderDocument } from './render/render.js';
export { formatDateTime } from './render/format.js';
export { sampleDocument } from './samples.js';
export { createSigner } from './sign/signer.js';
export { SignerRefusedError, SignerUnavailableError } from './sign/errors.js';
export { verifyPdf } from './verify.js';
export { ensureDemoPki, type DemoPkiOptions, type DemoPkiResult } from './pki/demo-pki.js';
