import { createAppI18n } from '@motcua/web';
import { briefingMessages } from './briefing.js';
import { conferenceMessages } from './conference.js';
import { drilldownMessages } from './drilldown.js';
import { figuresMessages } from './figures.js';
import { messages } from './messages.js';
import { periodMessages } from './period.js';
import { queueMessages } from './queue.js';
import { rankingMessages } from './ranking.js';
import { reportMessages } from './report.js';
import { thresholdsMessages } from './thresholds.js';
import { trendsMessages } from './trends.js';

type Messages = { vi: Record<string, unknown>; en: Record<string, unknown> };
/** Each feature keeps its texts in its own file beside messages.ts and is listed here. */
const features: Messages[] = [messages, periodMessages, rankingMessages, trendsMessages, drilldownMessages, queueMessages, conferenceMessages, reportMessages, figuresMessages, thresholdsMessages, briefingMessages];

export const { i18n, setLocale } = createAppI18n('analytics', {
  vi: Object.assign({}, ...features.map((f) => f.vi)),
  en: Object.assign({}, ...features.map((f) => f.en)),
});
