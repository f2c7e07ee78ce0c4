import { ApiError, NetworkError } from './api-client.js';

/** A message a person can act on, for any failure of an API call. */
export function describeError(e: unknown, t: (key: string) => string): string {
  if (e instanceof NetworkError) return t('networkError');
  if (e instanceof ApiError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
