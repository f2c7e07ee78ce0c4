import { foundationMatrix } from './foundation.samples.js';
import type { MatrixPart } from './matrix.js';
import { notificationsMatrix } from './notifications.samples.js';
import { staffMatrix } from './staff.samples.js';

/** Every feature's part of the permission matrix; a new route table brings its part here. */
export const matrixParts: MatrixPart[] = [foundationMatrix, staffMatrix, notificationsMatrix];
