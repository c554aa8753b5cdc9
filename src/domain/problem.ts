// Rules report what is wrong instead of throwing: the screen shows every problem at once, next to its field.

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Stable, English, kebab-case: screens and tests key on it, never on the message. */
  code: string;
  /** Dutch, for the user: names the field or the person concerned. */
  message: string;
  /** Dotted path to the input field, e.g. `participants.2.reasons`. */
  path?: string;
}

export function error(code: string, message: string, path?: string): Problem {
  return path === undefined ? { severity: 'error', code, message } : { severity: 'error', code, message, path };
}

export function warning(code: string, message: string, path?: string): Problem {
  return path === undefined ? { severity: 'warning', code, message } : { severity: 'warning', code, message, path };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
