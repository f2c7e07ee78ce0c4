import { routes, ZGuideCatalogue } from '@motcua/contracts';
import { fillPath } from '@motcua/web';
import { api } from './client.js';

/** The public guide catalogue: the posters print what citizens will see. */
export const fetchGuideCatalogue = (centerId: string) => api.request('GET', fillPath(routes.guideCatalogue.path, { centerId }), { schema: ZGuideCatalogue });

/** Where a poster's QR code leads: the center's guide (a field) or a procedure's page, on the citizen app. */
export const guideUrl = (centerId: string, target: { field?: string; code?: string }) =>
  target.code ? `${window.location.origin}/guide/${centerId}/${encodeURIComponent(target.code)}` : `${window.location.origin}/guide/${centerId}?field=${encodeURIComponent(target.field ?? '')}`;
