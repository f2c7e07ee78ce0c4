import { jobs, type JobName, type JobPayload } from '@motcua/contracts';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { currentRequestId } from './request-context.js';
import { traceCarrier } from './tracing.js';

/** Thrown before anything reaches Redis when a payload breaks its contract. */
export class InvalidJobPayload extends Error {
  override name = 'InvalidJobPayload';
}

/** Every job's retries and retention unless its producer says otherwise. */
export const defaultJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  // Bounded retention: Redis memory must not grow with history.
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};

/** Typed producer: the queue and payload schema come from the contracts' job table. */
export class JobProducer {
  readonly #queues = new Map<string, Queue>();
  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
    /** A queue's Redis errors; without a listener BullMQ prints them as raw stack traces. */
    private readonly onError: (e: Error) => void = () => {},
  ) {}

  queue(name: string): Queue {
    let q = this.#queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection, prefix: this.prefix });
      q.on('error', this.onError);
      this.#queues.set(name, q);
    }
    return q;
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: JobsOptions = {}): Promise<string> {
    const def = jobs[name];
    const parsed = def.payload.safeParse(payload);
    if (!parsed.success) throw new InvalidJobPayload(`Job ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    // The request that queued the job, and its trace, travel with it (payload schemas ignore the extra keys).
    const requestId = currentRequestId();
    const job = await this.queue(def.queue).add(name, { ...parsed.data, ...(requestId ? { requestId } : {}), ...traceCarrier() }, { ...defaultJobOptions, ...options });
    return job.id!;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#queues.values()].map((q) => q.close()));
  }
}
