import { ErrorCode, negotiateLocale, type ErrorBody } from '@motcua/contracts';
import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { DependencyWatch } from '@motcua/platform';
import { ApiError } from './api-error.js';
import { callerMistake, unavailableDependency } from './db-errors.js';

/** A dependency outage: clients try again after this long (PostgreSQL restarts in seconds). */
const RETRY_AFTER_SECONDS = 5;

const byStatus: Record<number, { code: ErrorCode; vi: string; en: string }> = {
  400: { code: ErrorCode.validation, vi: 'Yêu cầu không hợp lệ', en: 'The request is not valid' },
  401: { code: ErrorCode.unauthenticated, vi: 'Bạn cần đăng nhập', en: 'Please sign in' },
  403: { code: ErrorCode.forbidden, vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  404: { code: ErrorCode.notFound, vi: 'Không tìm thấy địa chỉ này', en: 'There is nothing at this address' },
  413: { code: ErrorCode.validation, vi: 'Dữ liệu gửi lên quá lớn', en: 'The request body is too large' },
  429: { code: ErrorCode.rateLimited, vi: 'Quá nhiều yêu cầu, hãy thử lại sau', en: 'Too many requests; try again later' },
};

/** Every error leaves in one shape: { error: { code, message, details? } }, in the caller's language. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(
    @Inject(PinoLogger) private readonly logger: PinoLogger,
    @Inject(DependencyWatch) private readonly watch: DependencyWatch,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const locale = negotiateLocale(req.headers['accept-language']);
    let status = 500;
    let body: ErrorBody;

    // A value the database refused (missing parent, out of range) is the caller's mistake, not ours.
    const mistake = exception instanceof ApiError ? null : callerMistake(exception);
    if (mistake) {
      this.logger.warn({ sqlstate: (exception as { code?: string; cause?: { code?: string } }).code ?? (exception as { cause?: { code?: string } }).cause?.code, path: req.path }, 'the database refused a value of the request');
      exception = mistake;
    }
    if (exception instanceof ApiError) {
      status = exception.status;
      body = { error: { code: exception.code, message: exception.bilingual[locale], details: localize(exception.details, locale) } };
      if (exception.code === ErrorCode.rateLimited || exception.code === ErrorCode.unavailable) res.setHeader('Retry-After', String((exception.details as { retryAfterSeconds: number }).retryAfterSeconds));
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      status = exception.getStatus();
      const known = byStatus[status] ?? { code: ErrorCode.validation, vi: 'Yêu cầu không hợp lệ', en: exception.message };
      // Malformed JSON bodies reach us as 400 from the body parser.
      const detail = status === 400 ? exception.message : undefined;
      body = { error: { code: known.code, message: known[locale], ...(detail ? { details: [{ path: '(body)', message: detail }] } : {}) } };
    } else if (unavailableDependency(exception)) {
      // Logged once per outage by the watch, not once per request.
      this.watch.down(unavailableDependency(exception)!, exception);
      const busy = ApiError.unavailable(RETRY_AFTER_SECONDS);
      status = busy.status;
      body = { error: { code: busy.code, message: busy.bilingual[locale], details: busy.details } };
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    } else {
      this.logger.error({ err: exception, path: req.path }, 'unhandled error');
      body = { error: { code: ErrorCode.internal, message: locale === 'vi' ? 'Đã có lỗi hệ thống; lỗi đã được ghi lại' : 'Something went wrong on our side; it has been logged' } };
    }
    if (!res.headersSent) res.status(status).json(body);
  }
}

/** Field messages may be given in both languages; the caller gets theirs. */
function localize(details: unknown, locale: 'vi' | 'en'): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d) => (d && typeof d.message === 'object' && d.message !== null && locale in d.message ? { ...d, message: d.message[locale] } : d));
}

