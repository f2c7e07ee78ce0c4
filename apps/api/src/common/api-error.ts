import { ErrorCode, type FieldIssue } from '@motcua/contracts';

export type Bilingual = { vi: string; en: string };

/** An expected failure with the status, code and a message a person can act on, in both languages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly bilingual: Bilingual,
    readonly details?: unknown,
  ) {
    super(bilingual.en);
  }

  static validation(issues: Array<FieldIssue | { path: string; message: Bilingual }>, bilingual: Bilingual = { vi: 'Dữ liệu chưa hợp lệ, hãy sửa các trường được nêu', en: 'Some fields are invalid; fix the fields listed' }) {
    return new ApiError(400, ErrorCode.validation, bilingual, issues);
  }
  static unauthenticated() {
    return new ApiError(401, ErrorCode.unauthenticated, { vi: 'Bạn cần đăng nhập', en: 'Please sign in' });
  }
  static forbidden(bilingual: Bilingual = { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' }) {
    return new ApiError(403, ErrorCode.forbidden, bilingual);
  }
  /** A temporary password must be changed first; the backoffice routes on the code to its password page. */
  static passwordChangeRequired() {
    return new ApiError(403, ErrorCode.passwordChangeRequired, {
      vi: 'Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục (Tài khoản → Đổi mật khẩu)',
      en: 'Change your temporary password before you continue (Account → Change password)',
    });
  }
  static notFound(what: Bilingual) {
    return new ApiError(404, ErrorCode.notFound, { vi: `Không tìm thấy ${what.vi}`, en: `${what.en} not found` });
  }
  static conflict(bilingual: Bilingual, details?: unknown) {
    return new ApiError(409, ErrorCode.conflict, bilingual, details);
  }
  /** A file over a configured limit (413); nothing was kept. */
  static tooLarge(bilingual: Bilingual, details?: unknown) {
    return new ApiError(413, ErrorCode.fileTooLarge, bilingual, details);
  }
  /** A file whose content is not of an accepted type (415); nothing was kept. */
  static unsupportedMedia(bilingual: Bilingual, details?: unknown) {
    return new ApiError(415, ErrorCode.unsupportedMediaType, bilingual, details);
  }
  /** A signed link past its expiry (410): ask for a new one. */
  static linkExpired(bilingual: Bilingual) {
    return new ApiError(410, ErrorCode.linkExpired, bilingual);
  }
  /** The action is not possible in the current state (409); the message says what is possible instead. */
  static invalidTransition(bilingual: Bilingual, details?: unknown) {
    return new ApiError(409, ErrorCode.invalidTransition, bilingual, details);
  }

  /** A dependency (PostgreSQL, Redis) is down: nothing was done; try again shortly (503 with Retry-After). */
  static unavailable(retryAfterSeconds = 5) {
    return new ApiError(
      503,
      ErrorCode.unavailable,
      { vi: `Hệ thống tạm thời gián đoạn, chưa có gì được ghi; hãy thử lại sau ${retryAfterSeconds} giây`, en: `The service is briefly unavailable and nothing was saved; try again in ${retryAfterSeconds} s` },
      { retryAfterSeconds },
    );
  }

  static rateLimited(retryAfterSeconds: number) {
    return new ApiError(429, ErrorCode.rateLimited, { vi: `Quá nhiều yêu cầu, hãy thử lại sau ${retryAfterSeconds} giây`, en: `Too many requests; try again in ${retryAfterSeconds} s` }, { retryAfterSeconds });
  }
}
