// Every failure the user can meet carries a stable code. The UI turns the code into a Dutch
// message through the message catalogue (src/ui/messages.ts), so wording lives in one place.

export type ErrorCode =
  | 'graph-unauthorized'
  | 'graph-forbidden'
  | 'graph-not-found'
  | 'graph-conflict'
  /** 412: someone else wrote first (If-Match on a stale eTag); reload, merge and write again. */
  | 'graph-precondition-failed'
  /** A Graph limit is reached (e.g. 403 MaximumTasksInProject in Planner). */
  | 'graph-limit-reached'
  | 'graph-throttled'
  | 'graph-unavailable'
  | 'graph-failed'
  | 'network-offline'
  /** The invitation may or may not have been sent; retrying with the same transactionId is safe. */
  | 'send-ambiguous'
  /** The mail may or may not have been sent; there is no transactionId for mail, so we do not resend blindly. */
  | 'mail-ambiguous'
  /** The hand-out is too large for a simple attachment (Graph: < 3 MB). */
  | 'attachment-too-large'
  | 'host-init-failed'
  | 'sign-in-failed'
  | 'sign-in-needs-interaction'
  | 'demo-start-failed'
  | 'plan-invalid'
  | 'handout-missing'
  /** Outlook add-in: the invitation body is over Office.js's 1,000,000 characters. */
  | 'outlook-body-too-large'
  /** Outlook add-in: the location is over 255 characters. */
  | 'outlook-location-too-long'
  /** Outlook add-in: more attendees than the appointment can hold. */
  | 'outlook-too-many-attendees'
  /** Outlook add-in: the open item is not the kind of appointment the screen needs (being composed, or received). */
  | 'outlook-wrong-item'
  /** Outlook add-in: an Office.js call failed; serviceCode holds Office's error name. */
  | 'outlook-failed'
  /** The host has no meeting APIs (not a Teams meeting, or a client without them). */
  | 'host-lacks-meeting'
  /** The host cannot share our content to the meeting stage (client, frame or the user's role). */
  | 'host-lacks-stage-share'
  /** Teams was asked to share to the meeting stage and said it failed. */
  | 'stage-share-failed'
  /** Outlook add-in: the appointment could not be saved, so its event cannot be recorded in the plan. */
  | 'outlook-save-failed'
  /** The drive lets this user only read the plan: an edit is refused here, never queued (domain planRights). */
  | 'plan-read-only'
  | 'unexpected';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  /** The service's own error code (Graph's error.code, e.g. resourceModified), for diagnostics. */
  readonly serviceCode: string | undefined;
  /** How long the service asked us to wait (Retry-After), when it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, options: { cause?: unknown; status?: number; requestId?: string; detail?: string; serviceCode?: string; retryAfterMs?: number } = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status;
    this.requestId = options.requestId;
    this.serviceCode = options.serviceCode;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function toAppError(error: unknown, fallback: ErrorCode = 'unexpected'): AppError {
  if (error instanceof AppError) return error;
  return new AppError(fallback, { cause: error });
}
