// What Outlook's send-time check decides about an appointment the case director is about to send: the same
// privacy rules as an invitation sent from the tab (domain: checkNoIdentifiers with INVITATION_BLOCKING_KINDS,
// checkNoNames with severity 'error'), applied to what Outlook will really send — the subject, the location and
// the body as text, whoever typed them. No second scan: this module only chooses the fields and the options.
//
// The names of the resident and the network are known only when the add-in's task pane filled this appointment
// for a case: it leaves them in the item's session data (Office.js sessionData, per item and per add-in, never
// sent with the invitation) under SEND_CHECK_PEOPLE_KEY. Without them the check can only look for identifiers.
import { checkNoIdentifiers, checkNoNames, hasErrors, INVITATION_BLOCKING_KINDS } from '../domain';
import type { Problem, ProtectedPerson } from '../domain';

/** The session data key under which the task pane leaves the plan's protected names for the send-time check. */
export const SEND_CHECK_PEOPLE_KEY = 'samenwerkoverleg.protectedPeople';

export type OutgoingField = 'subject' | 'location' | 'body';

export interface OutgoingAppointment {
  subject: string;
  location: string;
  /** The body as plain text (Office.CoercionType.Text): what the scan reads, whatever the format. */
  body: string;
}

export type SendVerdict =
  | { allow: true; namesChecked: boolean }
  | { allow: false; reason: 'identifier' | 'name'; fields: OutgoingField[]; namesChecked: boolean };

const FIELD_LABELS: Record<OutgoingField, string> = {
  subject: 'het onderwerp van de uitnodiging',
  location: 'de plek van de uitnodiging',
  body: 'de tekst van de uitnodiging',
};

/**
 * Problems for one outgoing appointment. Subject and location show in every calendar the invitation reaches,
 * so any identifier there is an error (strict, like a mail subject); in the body the invitation's own rule
 * holds: BSN, IBAN, phone and birth date block, an e-mail address is a warning (a professional may give theirs).
 */
export function outgoingAppointmentProblems(item: OutgoingAppointment, people: readonly ProtectedPerson[]): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['subject', 'location', 'body'] as const) {
    const text = item[field];
    const strict = field !== 'body';
    problems.push(...checkNoIdentifiers(text, { label: FIELD_LABELS[field], path: field }, strict ? { strict: true } : { blocking: INVITATION_BLOCKING_KINDS }));
    problems.push(...checkNoNames(text, people, { label: FIELD_LABELS[field], path: field }, { severity: 'error' }));
  }
  return problems;
}

/** Whether the appointment may go out; when not, why (identifiers come first: they are the worse leak) and where. */
export function checkOutgoingAppointment(item: OutgoingAppointment, people: readonly ProtectedPerson[] | undefined): SendVerdict {
  const namesChecked = people !== undefined && people.length > 0;
  const errors = outgoingAppointmentProblems(item, people ?? []).filter((p) => p.severity === 'error');
  if (!hasErrors(errors)) return { allow: true, namesChecked };
  const identifiers = errors.filter((p) => p.code === 'sensitive-data');
  const chosen = identifiers.length > 0 ? identifiers : errors;
  const fields = (['subject', 'location', 'body'] as const).filter((f) => chosen.some((p) => p.path === f));
  return { allow: false, reason: identifiers.length > 0 ? 'identifier' : 'name', fields, namesChecked };
}

/** The session data value the task pane writes: only names and roles, nothing else from the plan. */
export function encodeProtectedPeople(people: readonly ProtectedPerson[]): string {
  return JSON.stringify(people.map((p) => ({ name: p.name, role: p.role })));
}

/** Reads what encodeProtectedPeople wrote; anything else (absent, foreign, damaged) reads as "no names known". */
export function decodeProtectedPeople(value: unknown): ProtectedPerson[] | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const people: ProtectedPerson[] = [];
  for (const entry of parsed) {
    const { name, role } = (entry ?? {}) as { name?: unknown; role?: unknown };
    if (typeof name === 'string' && name.trim() !== '' && (role === 'resident' || role === 'network')) people.push({ name, role });
  }
  return people.length > 0 ? people : undefined;
}
