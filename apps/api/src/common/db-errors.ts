import { ApiError, type Bilingual } from './api-error.js';

const pgCode = (e: unknown): { code?: string; constraint?: string } => {
  const err = e as { code?: string; constraint_name?: string; cause?: { code?: string; constraint_name?: string } };
  const src = err?.code ? err : err?.cause;
  return { code: src?.code, constraint: src?.constraint_name };
};

/**
 * Turns a unique-key or foreign-key violation into the field error a person can act on
 * ("this code is taken", "no such unit"), so that racing requests get the same answer
 * as a pre-check would give. Anything else is rethrown unchanged.
 */
export function asFieldError(e: unknown, fields: Record<string, { path: string; message: Bilingual }>): never {
  const { code, constraint } = pgCode(e);
  const field = (code === '23505' || code === '23503') && constraint ? fields[constraint] : undefined;
  if (field) throw ApiError.validation([field]);
  throw e;
}

export const taken = (path: string, what: Bilingual) => ({ path, message: { vi: `${what.vi} đã được dùng`, en: `This ${what.en} is already in use` } });

export const unknownRef = (path: string, what: Bilingual) => ({ path, message: { vi: `Không có ${what.vi} này`, en: `There is no such ${what.en}` } });

/** A whole import raced another writer on a unique key: nothing was written; the person imports again. */
export function asImportConflict(e: unknown): never {
  if (pgCode(e).code === '23505')
    throw ApiError.conflict({ vi: 'Cùng lúc có thao tác khác vừa ghi các mục này; chưa có gì được ghi, hãy nhập lại', en: 'Another change wrote these records at the same moment; nothing was written, import again' });
  throw e;
}

/** SQLSTATEs of a server that cannot serve now: shutting down or starting (57P0x), too many connections, statement timeout. */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '57P05', '53300', '57014']);
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

/**
 * Which dependency a failure says is down (answer 503 with Retry-After, not 500), or null for a
 * real bug. SQLSTATE class 08 is a connection exception; ioredis fails fast with its own messages.
 */
export function unavailableDependency(e: unknown): 'postgres' | 'redis' | null {
  const err = e as { name?: string; message?: string };
  if (err?.name === 'MaxRetriesPerRequestError' || /enableOfflineQueue|Connection is closed|ECONNREFUSED.*:6\d{3}|redis/i.test(`${err?.message}`)) return 'redis';
  const { code } = pgCode(e);
  if (code && (PG_UNAVAILABLE.has(code) || code.startsWith('08') || NET_UNAVAILABLE.has(code))) return 'postgres';
  return null;
}
