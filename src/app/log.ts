// The app's only way to the console. A diagnostic says where something failed and what kind of failure it
// was (our error code, the HTTP status, Graph's request id) — never a message, a body, a name someone
// typed or a token: error messages can carry user text, so they are not logged at all, and the little
// free text that is logged goes through scrub() first.
import { AppError } from './errors';

export interface LogSink {
  error(...args: unknown[]): void;
  warn(...args: unknown[]): void;
}

const PREFIX = '[samenwerkoverleg]';

const SCRUBBERS: readonly [RegExp, string][] = [
  // JWTs (three base64url parts) and anything after "Bearer".
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]'],
  [/\bBearer\s+\S+/gi, 'Bearer [token]'],
  // Query-string secrets (code, access_token, id_token, client_info, ...).
  [/([?&#](?:code|access_token|id_token|refresh_token|client_info|state)=)[^&\s]+/gi, '$1[redacted]'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[e-mail]'],
  // IBAN (NL91ABNA0417164300 and spaced forms).
  [/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/g, '[iban]'],
  // Dates that could be a birth date.
  [/\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g, '[date]'],
  [/\b\d{4}-\d{2}-\d{2}\b/g, '[date]'],
  // Runs of digits long enough to be a BSN or a phone number (separators allowed).
  [/\+?\d[\d\s-]{7,}\d/g, '[number]'],
];

/** Removes what could identify a person or grant access from a piece of diagnostic text. */
export function scrub(text: string): string {
  return SCRUBBERS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** The loggable facts of a failure: code, status, request id, service code — or just the kind of error. */
export function describeFailure(error: unknown): string {
  if (error instanceof AppError) {
    const parts: string[] = [error.code];
    if (error.status !== undefined) parts.push(`status ${error.status}`);
    if (error.serviceCode) parts.push(`service ${scrub(error.serviceCode)}`);
    if (error.requestId) parts.push(`request-id ${scrub(error.requestId)}`);
    return parts.join(', ');
  }
  if (error instanceof Error) return scrub(error.name);
  return typeof error;
}

/** Logs a failure at `where` (a fixed description from code, e.g. 'screen render'). */
export function logFailure(where: string, error: unknown, sink: LogSink = console): void {
  sink.error(`${PREFIX} ${scrub(where)}: ${describeFailure(error)}`);
}

/** Logs a warning that is not a failure; `detail` must come from code, and is scrubbed anyway. */
export function logWarning(where: string, detail: string, sink: LogSink = console): void {
  sink.warn(`${PREFIX} ${scrub(where)}: ${scrub(detail)}`);
}
