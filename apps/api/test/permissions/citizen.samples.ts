import type { MatrixPart } from './matrix.js';

/**
 * The citizen portal: sign-in and callback are public (404 here: the matrix stack has no identity
 * provider); every other route takes a citizen session only, so every staff role gets 401.
 */
export const citizenMatrix: MatrixPart = {
  samples: {
    citizenSignIn: () => ({ path: '/citizen/auth/sign-in' }),
    citizenCallback: () => ({ path: '/citizen/auth/callback?code=x&state=y' }),
    citizenMe: () => ({ path: '/citizen/me' }),
    citizenSignOut: () => ({ path: '/citizen/auth/sign-out', body: {} }),
    citizenDossiers: () => ({ path: '/citizen/dossiers' }),
    citizenDossier: () => ({ path: '/citizen/dossiers/H32.002-261201-0001' }),
    citizenProcedures: () => ({ path: '/citizen/procedures' }),
    citizenSubmit: (t) => ({ path: '/citizen/dossiers', body: { procedureId: t.centerId, receivingCenterId: t.centerId, idempotencyKey: 'matrix-citizen-0001' } }),
    citizenUploadComponentFile: () => ({ path: '/citizen/dossiers/H32.002-261201-0001/components/0/file', body: {} }),
    citizenAnswerSupplement: () => ({ path: '/citizen/dossiers/H32.002-261201-0001/supplement', body: {} }),
    citizenRateDossier: () => ({ path: '/citizen/dossiers/H32.002-261201-0001/rating', body: { level: 'satisfied' } }),
    citizenReusableDocuments: () => ({ path: '/citizen/reusable-documents' }),
  },
};
