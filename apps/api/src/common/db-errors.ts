import { ErrorCode } from '@motcua/contracts';
import { ApiError, type Bilingual } from './api-error.js';

const pgCode = (e: unknown): { code?: string; constraint?: string; detail?: string } => {
  const err = e as { code?: string; constraint_name?: string; detail?: string; cause?: { code?: string; constraint_name?: string; detail?: string } };
  const src = err?.code ? err : err?.cause;
  return { code: src?.code, constraint: src?.constraint_name, detail: src?.detail };
};

/**
 * The caller's mistake as PostgreSQL saw it, when no service turned it into a field message first:
 * a write under a parent that does not exist (foreign key) is a 404, a delete of something still
 * in use a 409, and a value the column cannot hold (SQLSTATE class 22: out of range, bad date,
 * NUL character) a 400. Nothing was written: the statement failed inside the command's transaction.
 * Returns null for anything else (a real bug stays a logged 500).
 */
export function callerMistake(e: unknown): ApiError | null {
  const { code, detail } = pgCode(e);
  if (!code) return null;
  if (code === '23503') {
    if (/still referenced/.test(detail ?? ''))
      return ApiError.conflict({ vi: 'Mục này đang được dùng ở nơi khác nên chưa thể xoá', en: 'This is still in use elsewhere, so it cannot be removed yet' });
    return new ApiError(404, ErrorCode.notFound, {
      vi: 'Không tìm thấy mục được nhắc tới (trung tâm, đơn vị hoặc mã định danh khác trong yêu cầu); hãy kiểm tra lại',
      en: 'Something this request refers to (a center, a unit or another id in it) does not exist; check the ids',
    });
  }
  if (code.startsWith('22'))
    return ApiError.validation([], { vi: 'Có giá trị vượt quá giới hạn lưu trữ (số quá lớn, ngày ngoài phạm vi hoặc ký tự không hợp lệ); hãy sửa lại', en: 'A value is outside what can be stored (a number too large, a date out of range or an invalid character); correct it' });
  return null;
}

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
