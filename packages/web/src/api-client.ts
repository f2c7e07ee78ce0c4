import { ZErrorBody, type FieldIssue, type RouteDef } from '@motcua/contracts';
import type { z } from 'zod';

/** An answer in the API's error shape; `fieldErrors` maps "body.username" style paths to messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  get fieldErrors(): Record<string, string> {
    const issues = Array.isArray(this.details) ? (this.details as FieldIssue[]) : [];
    return Object.fromEntries(issues.map((i) => [i.path.replace(/^(body|query|params)\./, ''), i.message]));
  }
}

/** The server could not be reached at all: offline, DNS, or the API is down. */
export class NetworkError extends Error {}

type QueryValues = Record<string, string | number | boolean | null | undefined>;

/**
 * One slot of a call's input, from the route's schema: required when the schema needs it,
 * optional when every field is optional, absent when the route has no such schema.
 */
type Slot<K extends string, S extends z.ZodType> = unknown extends z.input<S>
  ? { [k in K]?: undefined }
  : object extends z.input<S> ? { [k in K]?: z.input<S> } : { [k in K]: z.input<S> };

/** A route without a JSON body may take a multipart form instead (file uploads; the route's summary says which). */
type BodySlot<B extends z.ZodType> = unknown extends z.input<B> ? { body?: FormData } : Slot<'body', B>;

/** What `url(route, input)` takes: the params and query the route's contract describes. */
export type UrlInput<P extends z.ZodType, Q extends z.ZodType> = Slot<'params', P> & Slot<'query', Q>;
/** What `call(route, input)` takes: the params, query and body the route's contract describes. */
export type CallInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = UrlInput<P, Q> & BodySlot<B>;

export interface ApiClient {
  request<T>(method: string, path: string, options?: { body?: unknown; query?: QueryValues; schema?: z.ZodType<T> }): Promise<T>;
  /** Calls a route of the contract table: method, path and the answer's schema come from the route itself. */
  call<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(route: RouteDef<P, Q, B, R>, ...input: object extends CallInput<P, Q, B> ? [CallInput<P, Q, B>?] : [CallInput<P, Q, B>]): Promise<z.output<R>>;
  /** Where a route is, for a link or a full-page navigation (a page, a PDF, a sign-in). */
  url<P extends z.ZodType, Q extends z.ZodType>(route: RouteDef<P, Q>, ...input: object extends UrlInput<P, Q> ? [UrlInput<P, Q>?] : [UrlInput<P, Q>]): string;
}

/** "/centers/:centerId/counters" with { centerId } → "/centers/<id>/counters" (values URL-encoded). */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`missing path parameter ${key} for ${template}`);
    return encodeURIComponent(value);
  });
}

export function createApiClient({ baseUrl = '/api', locale = () => 'vi', fetchImpl = (...a: Parameters<typeof fetch>) => fetch(...a) }: { baseUrl?: string; locale?: () => string; fetchImpl?: typeof fetch } = {}): ApiClient {
  const routePath = (route: RouteDef, params: Record<string, unknown> = {}) => fillPath(route.path, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])));
  const client: ApiClient = {
    // The interface types the input from the route; here it is only forwarded.
    call: ((route: RouteDef, input?: { params?: Record<string, unknown>; query?: QueryValues; body?: unknown }) => {
      const { params, query, body } = input ?? {};
      // A page or PDF answer is not JSON; everything else is read through the route's own schema.
      return client.request(route.method, routePath(route, params), { body, query, ...(route.produces ? {} : { schema: route.response }) });
    }) as ApiClient['call'],
    url: ((route: RouteDef, input?: { params?: Record<string, unknown>; query?: QueryValues }) => `${baseUrl}${routePath(route, input?.params)}${queryString(input?.query)}`) as ApiClient['url'],
    async request<T>(method: string, path: string, options: { body?: unknown; query?: QueryValues; schema?: z.ZodType<T> } = {}) {
      let res: Response;
      try {
        res = await fetchImpl(`${baseUrl}${path}${queryString(options.query)}`, {
          method,
          credentials: 'include',
          // A FormData body (file uploads) sets its own multipart content type.
          headers: { accept: 'application/json', 'accept-language': locale(), ...(options.body !== undefined && !(options.body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
          body: options.body instanceof FormData ? options.body : options.body !== undefined ? JSON.stringify(options.body) : undefined,
        });
      } catch (e) {
        throw new NetworkError(e instanceof Error ? e.message : String(e));
      }
      const text = await res.text();
      const json: unknown = text ? safeJson(text) : undefined;
      if (!res.ok) {
        const parsed = ZErrorBody.safeParse(json);
        if (parsed.success) throw new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
        throw new ApiError(res.status, 'UNKNOWN', `HTTP ${res.status}`, json);
      }
      return (options.schema ? options.schema.parse(json) : json) as T;
    },
  };
  return client;
}

/** "?a=1&b=x" without the empty values, or "" when none is left. */
function queryString(query: QueryValues = {}): string {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? '?' + new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString() : '';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
