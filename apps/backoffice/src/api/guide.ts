import { routes, type GuideContentInput } from '@motcua/contracts';
import { api } from './client.js';

/** The public guide catalogue: the posters print what citizens will see. */
export const fetchGuideCatalogue = (centerId: string) => api.call(routes.guideCatalogue, { params: { centerId } });

/** Where a poster's QR code leads: the center's guide (a field) or a procedure's page, on the citizen app. */
export const guideUrl = (centerId: string, target: { field?: string; code?: string }) =>
  target.code ? `${window.location.origin}/guide/${centerId}/${encodeURIComponent(target.code)}` : `${window.location.origin}/guide/${centerId}?field=${encodeURIComponent(target.field ?? '')}`;

/** The guide editor: a procedure's guide content in both languages, and the form library to pick from. */
export const fetchProcedureGuide = (id: string) => api.call(routes.procedureGuide, { params: { id } });
export const saveProcedureGuide = (id: string, body: GuideContentInput) => api.call(routes.updateProcedureGuide, { params: { id }, body });
/** A blank form of the library as a printable page, opened in a new tab. */
export const formSheetUrl = (code: string) => api.url(routes.guideFormSheet, { params: { code } });
