import { AlertFireProcessor } from './alerts/alert-fire.processor.js';
import { CitizenProcessor } from './citizen/citizen.processor.js';
import { DocumentIssueProcessor } from './documents/document-issue.processor.js';
import { DeliverySendProcessor } from './deliveries/delivery-send.processor.js';
import type { JobHandlerClass } from './job-handler.js';
import { RollupProcessor } from './analytics/rollup.processor.js';
import { QueueProcessor } from './queue/queue.processor.js';
import { ScheduledProcessor } from './scheduled/scheduled.processor.js';
import { PingProcessor } from './system/ping.processor.js';

/** Every processor class, registered as a provider and checked against the contracts' job table. */
export const processors = [PingProcessor, AlertFireProcessor, DeliverySendProcessor, ScheduledProcessor, QueueProcessor, RollupProcessor, CitizenProcessor, DocumentIssueProcessor] satisfies JobHandlerClass[];
