import { routes, ZCitizenDossier, ZCitizenDossierSummary, ZCitizenMe, ZCitizenProcedure, ZOnlineIntakeReceipt, type CitizenSubmission } from '@motcua/contracts';
import { ApiError, fillPath } from '@motcua/web';
import { api } from './client.js';

/** The signed-in citizen, or null when no citizen session is open (401). */
export async function citizenMe() {
  try {
    return await api.request('GET', routes.citizenMe.path, { schema: ZCitizenMe });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}
/** A full-page navigation: the identity provider's pages are not ours. */
export const signInUrl = (returnTo: string) => `/api${routes.citizenSignIn.path}?returnTo=${encodeURIComponent(returnTo)}`;
export const signOut = () => api.request('POST', routes.citizenSignOut.path, { body: {} });
export const myDossiers = () => api.request('GET', routes.citizenDossiers.path, { schema: ZCitizenDossierSummary.array() });
export const myDossier = (code: string) => api.request('GET', fillPath(routes.citizenDossier.path, { code }), { schema: ZCitizenDossier });
export const onlineProcedures = () => api.request('GET', routes.citizenProcedures.path, { schema: ZCitizenProcedure.array() });
export const submitDossier = (body: CitizenSubmission) => api.request('POST', routes.citizenSubmit.path, { body, schema: ZOnlineIntakeReceipt });
export function uploadFile(code: string, index: number, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.request<{ index: number; hasFile: boolean }>('POST', fillPath(routes.citizenUploadComponentFile.path, { code, index: String(index) }), { body: form });
}
