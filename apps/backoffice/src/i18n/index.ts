import { createAppI18n } from '@motcua/web';
import { adminMessages } from './admin.js';
import { assignmentMessages } from './assignments.js';
import { calendarMessages } from './calendar.js';
import { citizenMessages } from './citizen.js';
import { dossierMessages } from './dossiers.js';
import { guideMessages } from './guide.js';
import { messages } from './messages.js';
import { notificationMessages } from './notifications.js';
import { organisationMessages } from './organisation.js';
import { queueMessages } from './queue.js';

type Messages = { vi: Record<string, unknown>; en: Record<string, unknown> };
/** Each feature keeps its texts in its own file beside messages.ts and is listed here. */
const features: Messages[] = [messages, queueMessages, dossierMessages, assignmentMessages, adminMessages, organisationMessages, notificationMessages, calendarMessages, guideMessages, citizenMessages];

export const { i18n, setLocale } = createAppI18n('backoffice', {
  vi: Object.assign({}, ...features.map((f) => f.vi)),
  en: Object.assign({}, ...features.map((f) => f.en)),
});
