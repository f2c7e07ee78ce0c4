import { analyticsMatrix } from './analytics.samples.js';
import { calendarMatrix } from './calendar.samples.js';
import { citizenNotificationsMatrix } from './citizen-notifications.samples.js';
import { citizenMatrix } from './citizen.samples.js';
import { dossierMatrix } from './dossiers.samples.js';
import { foundationMatrix } from './foundation.samples.js';
import { guideMatrix } from './guide.samples.js';
import type { MatrixPart } from './matrix.js';
import { notificationsMatrix } from './notifications.samples.js';
import { orgMatrix } from './org.samples.js';
import { paymentsMatrix } from './payments.samples.js';
import { queueMatrix } from './queue.samples.js';
import { staffMatrix } from './staff.samples.js';

/** Every feature's part of the permission matrix; a new route table brings its part here. */
export const matrixParts: MatrixPart[] = [foundationMatrix, staffMatrix, orgMatrix, queueMatrix, dossierMatrix, analyticsMatrix, notificationsMatrix, calendarMatrix, guideMatrix, citizenNotificationsMatrix, paymentsMatrix, citizenMatrix];
