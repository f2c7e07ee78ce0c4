import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { runInJobSpan, startTracing, traceCarrier, tracingEnabled } from './tracing.js';

describe('tracing when no OTLP endpoint is configured', () => {
  it('starts nothing, loads no SDK, and adds nothing to jobs', async () => {
    expect(await startTracing('motcua-test', '0.0.0', { OTEL_SERVICE_NAME: 'x' })).toBe(false);
    expect(tracingEnabled()).toBe(false);
    const sdk = createRequire(import.meta.url).resolve('@opentelemetry/sdk-trace-node');
    expect(Object.keys(createRequire(import.meta.url).cache)).not.toContain(sdk);
    expect(traceCarrier()).toEqual({});
    const job = { name: 'system.ping', id: '1', queueName: 'system', attemptsMade: 0, data: {} };
    await expect(runInJobSpan(job, 'req-1', async () => 42)).resolves.toBe(42);
  });

  it('stays off when OTEL_SDK_DISABLED says so, endpoint or not', async () => {
    expect(await startTracing('motcua-test', '0.0.0', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });
});
