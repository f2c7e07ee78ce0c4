import { z } from 'zod';

/** Every error code the API can answer with. Clients switch on these, never on messages. */
export const ErrorCode = {
  validation: 'VALIDATION_FAILED',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  fileTooLarge: 'FILE_TOO_LARGE',
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  linkExpired: 'LINK_EXPIRED',
  invalidTransition: 'INVALID_TRANSITION',
  rateLimited: 'RATE_LIMITED',
  accountLocked: 'ACCOUNT_LOCKED',
  /** The account has a temporary password: only me, change-password and sign-out answer until it is changed. */
  passwordChangeRequired: 'PASSWORD_CHANGE_REQUIRED',
  unavailable: 'SERVICE_UNAVAILABLE',
  internal: 'INTERNAL_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ZFieldIssue = z.object({
  path: z.string().describe('Dotted path of the offending field, e.g. "services.0.prefix"'),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof ZFieldIssue>;

/** The one error shape of every 4xx/5xx answer. */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ZErrorBody>;

/** Turns zod issues into field-level messages a person can act on. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
