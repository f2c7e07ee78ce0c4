import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request a piece of work belongs to: set by the API for each HTTP request and by the worker
 * for each job the request queued, so every log line of both carries the same `requestId`.
 */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;

/** A client's X-Request-Id is kept only when it looks like one (it ends up in logs). */
export const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;
