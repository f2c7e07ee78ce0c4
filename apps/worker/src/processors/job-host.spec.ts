import { currentRequestId } from '@motcua/platform';
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { JobHost } from './job-handler.js';

class Probe extends JobHost {
  async handle(): Promise<unknown> {
    await new Promise((r) => setTimeout(r, 1));
    return currentRequestId();
  }
}

describe('JobHost', () => {
  it('runs a job in the context of the request that queued it, and no other', async () => {
    const probe = new Probe();
    const [a, b, none] = await Promise.all([
      probe.process({ data: { requestId: 'req-aaaa-1' } } as Job),
      probe.process({ data: { requestId: 'req-bbbb-2' } } as Job),
      probe.process({ data: {} } as Job),
    ]);
    expect([a, b, none]).toEqual(['req-aaaa-1', 'req-bbbb-2', undefined]);
  });
});
