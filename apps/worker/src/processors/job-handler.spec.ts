import { JobName } from '@motcua/contracts';
import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { processors } from './index.js';
import { checkHandlers, parsePayload } from './job-handler.js';

describe('checkHandlers', () => {
  it('accepts the real processor set: every contract job has exactly one processor', () => {
    expect(() => checkHandlers(processors)).not.toThrow();
  });
  it('names a job without a processor, and one with two', () => {
    expect(() => checkHandlers([], [JobName.systemPing])).toThrow('job "system.ping" has no processor');
    const a = { name: 'A', handles: [JobName.systemPing] };
    const b = { name: 'B', handles: [JobName.systemPing] };
    expect(() => checkHandlers([a, b], [JobName.systemPing])).toThrow('job "system.ping" has 2 processors (A, B)');
  });
});

describe('parsePayload', () => {
  it('fails a malformed job without retry', () => {
    expect(() => parsePayload({ data: { pingId: 'nope' } } as Job, JobName.systemPing)).toThrow(UnrecoverableError);
    expect(parsePayload({ data: { pingId: '0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b' } } as Job, JobName.systemPing).pingId).toMatch(/^0196/);
  });
});
