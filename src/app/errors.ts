// Every failure the user can meet carries a stable code. The UI turns the code into a Dutch
// message through the message catalogue (src/ui/messages.ts), so wording lives in one place.

export type ErrorCode =
  | 'graph-unauthorized'
  | 'graph-forbidden'
  | 'graph-not-found'
  | 'graph-conflict'
  | 'graph-throttled'
  | 'graph-unavailable'
  | 'graph-failed'
  | 'network-offline'
  | 'host-init-failed'
  | 'sign-in-failed'
  | 'sign-in-needs-interaction'
  | 'demo-start-failed'
  | 'plan-invalid'
  | 'unexpected';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly requestId: string | undefined;

  constructor(code: ErrorCode, options: { cause?: unknown; status?: number; requestId?: string; detail?: string } = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status;
    this.requestId = options.requestId;
  }
}

export function toAppError(error: unknown, fallback: ErrorCode = 'unexpected'): AppError {
  if (error instanceof AppError) return error;
  return new AppError(fallback, { cause: error });
}
