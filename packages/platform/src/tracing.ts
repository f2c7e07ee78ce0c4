import { context, propagation, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';

/**
 * OpenTelemetry traces, exported over OTLP/HTTP (JSON) when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set; otherwise nothing of the SDK is even loaded and
 * every helper here returns at once. The standard OTEL_* variables (service name, sampler, batch
 * delay, headers) are read by the SDK itself.
 *
 * Imported on its own (`@motcua/platform/tracing`) and started before the application's modules:
 * the instrumentations patch `http` and `express` (required by Nest) as they are loaded. Redis is
 * not traced: ioredis is imported as ESM, which only a loader hook could patch.
 */
let provider: { shutdown(): Promise<void> } | undefined;
/** The HTTP server span of a context (the one a request's attributes belong on), once started. */
let serverSpanOf: ((ctx: Context) => Span | undefined) | undefined;

export const tracingEnabled = (): boolean => provider !== undefined;

export async function startTracing(service: string, version: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (provider || env.OTEL_SDK_DISABLED === 'true') return tracingEnabled();
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return false;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, { getRPCMetadata }, { registerInstrumentations }, { HttpInstrumentation }, { ExpressInstrumentation, ExpressLayerType }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/core'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-express'),
  ]);
  const tracer = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || service, 'service.version': version }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // Global provider, AsyncLocalStorage context and the W3C traceparent propagator.
  tracer.register();
  registerInstrumentations({
    tracerProvider: tracer,
    instrumentations: [
      // Probes and scrapes arrive every few seconds from every pod: noise, not traces.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(api\/health|metrics|health)(\?|$)/.test(req.url ?? '') }),
      // The route template names the HTTP span; one span per Nest middleware would drown it.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
    ],
  });
  serverSpanOf = (ctx) => getRPCMetadata(ctx)?.span;
  provider = tracer;
  return true;
}

/** Sends the spans still buffered; called on the way out. */
export async function stopTracing(): Promise<void> {
  await provider?.shutdown().catch(() => {});
}

/** Puts a request's id on its HTTP server span, so a trace can be found from the id a person quotes. */
export function tagRequest(requestId: string): void {
  if (!serverSpanOf) return;
  const ctx = context.active();
  (serverSpanOf(ctx) ?? trace.getSpan(ctx))?.setAttribute('motcua.request_id', requestId);
}

/** The caller's trace context for a job's payload (`{}` when tracing is off). */
export function traceCarrier(): { trace?: Record<string, string> } {
  if (!provider) return {};
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? { trace: carrier } : {};
}

/**
 * Runs a job in a span continuing the trace of the request that queued it (its `trace` carrier),
 * so an API request and the work it queued show as one trace.
 */
export function runInJobSpan<T>(job: { name: string; id?: string; queueName: string; attemptsMade: number; data: unknown }, requestId: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!provider) return fn();
  const carrier = (job.data as { trace?: unknown } | undefined)?.trace;
  const parent = carrier && typeof carrier === 'object' ? propagation.extract(context.active(), carrier as Record<string, string>) : context.active();
  const attributes = {
    'messaging.system': 'bullmq',
    'messaging.operation.type': 'process',
    'messaging.destination.name': job.queueName,
    'messaging.message.id': job.id ?? '',
    'motcua.job.attempt': job.attemptsMade + 1,
    ...(requestId ? { 'motcua.request_id': requestId } : {}),
  };
  return trace.getTracer('motcua').startActiveSpan(`job ${job.name}`, { kind: SpanKind.CONSUMER, attributes }, parent, async (span) => {
    try {
      return await fn();
    } catch (e) {
      span.recordException(e as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error)?.message });
      throw e;
    } finally {
      span.end();
    }
  });
}
