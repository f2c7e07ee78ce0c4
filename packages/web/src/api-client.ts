import { ZErrorBody, type FieldIssue } from '@motcua/contracts';
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

export interface ApiClient {
  request<T>(method: string, path: string, options?: { body?: unknown; query?: Record<string, string | number | undefined>; schema?: z.ZodType<T> }): Promise<T>;
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
  return {
    async request<T>(method: string, path: string, options: { body?: unknown; query?: Record<string, string | number | undefined>; schema?: z.ZodType<T> } = {}) {
      const qs = options.query ? '?' + new URLSearchParams(Object.entries(options.query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString() : '';
      let res: Response;
      try {
        res = await fetchImpl(`${baseUrl}${path}${qs}`, {
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
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
