import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed, signIn, startStack, type Stack } from './harness.js';

/** One span as the OTLP/HTTP JSON exporter sends it, flattened with its service's name. */
interface ReceivedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
}

type AnyValue = { stringValue?: string; intValue?: number | string; boolValue?: boolean; doubleValue?: number };
const valueOf = (v: AnyValue) => v.stringValue ?? v.intValue ?? v.boolValue ?? v.doubleValue;
const attrs = (list: { key: string; value: AnyValue }[] = []) => Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]));

/** A stand-in OpenTelemetry collector: the OTLP/HTTP trace endpoint, keeping what it receives. */
async function startCollector(): Promise<{ url: string; spans: ReceivedSpan[]; contentTypes: Set<string>; server: Server }> {
  const spans: ReceivedSpan[] = [];
  const contentTypes = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      contentTypes.add(`${req.method} ${req.url} ${req.headers['content-type']}`);
      if (req.url === '/v1/traces' && req.headers['content-type'] === 'application/json') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        for (const rs of body.resourceSpans ?? []) {
          const service = String(attrs(rs.resource?.attributes)['service.name']);
          for (const ss of rs.scopeSpans ?? []) {
            for (const s of ss.spans ?? []) spans.push({ service, name: s.name, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId || undefined, attributes: attrs(s.attributes) });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, contentTypes, server };
}

describe('OpenTelemetry traces (OTEL_EXPORTER_OTLP_ENDPOINT set)', () => {
  let stack: Stack;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  beforeAll(async () => {
    collector = await startCollector();
    // A short batch delay so spans leave within the test, not after the default 5 s.
    stack = await startStack({ worker: true, env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100' } });
  });
  afterAll(async () => {
    await stack?.stop();
    collector?.server.close();
  });

  it('exports the route span with the request id, and the job it queued in the same trace from the worker', async () => {
    const admin = (await seed(stack)).find((a) => a.role === 'admin')!;
    const cookie = await signIn(stack, admin.username, admin.password);
    const res = await fetch(`${stack.baseUrl}/api/system/pings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-request-id': 'req-trace-4242' },
      body: JSON.stringify({ message: 'theo dõi' }),
    });
    expect(res.status).toBe(201);

    const describeAll = () => collector.spans.map((s) => `${s.service} ${s.name} ${JSON.stringify(s.attributes)}`).join('\n');
    const routeSpan = () => collector.spans.find((s) => s.service === 'motcua-api' && s.attributes['http.route'] === '/api/system/pings' && s.attributes['motcua.request_id'] === 'req-trace-4242');
    await expect.poll(routeSpan, { timeout: 15_000, message: `no route span among:\n${describeAll()}` }).toBeTruthy();
    const api = routeSpan()!;
    expect(api.name).toBe('POST /api/system/pings');
    expect(api.parentSpanId).toBeUndefined();

    const jobSpan = () => collector.spans.find((s) => s.service === 'motcua-worker' && s.name === 'job system.ping' && s.traceId === api.traceId);
    await expect.poll(jobSpan, { timeout: 15_000, message: `no worker span in trace ${api.traceId} among:\n${describeAll()}` }).toBeTruthy();
    expect(jobSpan()!.attributes).toMatchObject({ 'motcua.request_id': 'req-trace-4242', 'messaging.destination.name': 'system' });
    expect(collector.contentTypes).toContain('POST /v1/traces application/json');
  });

  it('leaves health probes out of the traces', async () => {
    const res = await fetch(`${stack.baseUrl}/api/health`, { headers: { 'x-request-id': 'req-probe-4242' } });
    expect(res.status).toBe(200);
    // A traced request of the same moment arrives; the probe's span would have come with it.
    await fetch(`${stack.baseUrl}/api/auth/me`, { headers: { 'x-request-id': 'req-after-4242' } });
    await expect.poll(() => collector.spans.some((s) => s.attributes['motcua.request_id'] === 'req-after-4242'), { timeout: 15_000 }).toBe(true);
    expect(collector.spans.filter((s) => s.attributes['motcua.request_id'] === 'req-probe-4242')).toEqual([]);
  });
});
