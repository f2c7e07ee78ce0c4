import { createApiClient } from '@motcua/web';
import { i18n } from '../i18n/index.js';

/** The one API client of this app; it sends the chosen language so errors come back in it. */
export const api = createApiClient({ locale: () => i18n.global.locale.value });
