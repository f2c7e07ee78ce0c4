import { routes, type CitizenRating, type CitizenSubmission, type CitizenSupplementAnswer } from '@motcua/contracts';
import { ApiError } from '@motcua/web';
import { api } from './client.js';

/** The signed-in citizen, or null when no citizen session is open (401). */
export async function citizenMe() {
  try {
    return await api.call(routes.citizenMe);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}
/** A full-page navigation: the identity provider's pages are not ours. */
export const signInUrl = (returnTo: string) => api.url(routes.citizenSignIn, { query: { returnTo } });
export const signOut = () => api.call(routes.citizenSignOut);
export const myDossiers = () => api.call(routes.citizenDossiers);
export const myDossier = (code: string) => api.call(routes.citizenDossier, { params: { code } });
export const onlineProcedures = () => api.call(routes.citizenProcedures);
export const submitDossier = (body: CitizenSubmission) => api.call(routes.citizenSubmit, { body });
export function uploadFile(code: string, index: number, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.call(routes.citizenUploadComponentFile, { params: { code, index }, body: form });
}
export const answerSupplement = (code: string, body: CitizenSupplementAnswer) => api.call(routes.citizenAnswerSupplement, { params: { code }, body });
export const rateDossier = (code: string, body: CitizenRating) => api.call(routes.citizenRateDossier, { params: { code }, body });
export const myReusableDocuments = () => api.call(routes.citizenReusableDocuments);
