import { createAppI18n } from '@motcua/web';
import { messages } from './messages.js';
import { queueMessages } from './queue.js';
import { trackingMessages } from './tracking.js';
import { guideMessages } from './guide.js';
import { appointmentMessages } from './appointments.js';
import { optOutMessages } from './optout.js';
import { verifyMessages } from './verify.js';
import { paymentMessages } from './payments.js';
import { portalMessages } from './portal.js';
import { remoteMessages } from './remote.js';
type Messages = { vi: Record<string, unknown>; en: Record<string, unknown> };
/** Each feature keeps its texts in its own file beside messages.ts and is listed here. */
const features: Messages[] = [messages, queueMessages, trackingMessages, guideMessages, appointmentMessages, optOutMessages, verifyMessages, paymentMessages, portalMessages, remoteMessages];

export const { i18n, setLocale } = createAppI18n('display', {
  vi: Object.assign({}, ...features.map((f) => f.vi)),
  en: Object.assign({}, ...features.map((f) => f.en)),
});
