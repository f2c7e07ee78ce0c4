import { JobName, type JobPayload } from '@motcua/contracts';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidJobPayload, JobProducer } from './job-producer.js';

describe('JobProducer', () => {
  // Never connects (lazy, and nothing listens on port 1): a payload check that let the job through would hang or fail differently.
  const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: null });
  const producer = new JobProducer(redis, 'unit');
  afterEach(() => producer.close());

  it('rejects a payload that breaks its contract before touching Redis', async () => {
    const bad = { pingId: 'not-a-uuid' } as JobPayload<typeof JobName.systemPing>;
    await expect(producer.enqueue(JobName.systemPing, bad)).rejects.toThrow(InvalidJobPayload);
    await expect(producer.enqueue(JobName.systemPing, bad)).rejects.toThrow(/^Job system\.ping: pingId: /);
    await expect(producer.enqueue(JobName.systemPing, {} as JobPayload<typeof JobName.systemPing>)).rejects.toThrow(/pingId/);
    expect(redis.status).toBe('wait');
  });
});
