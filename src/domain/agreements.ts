// Agreements ("wie doet wat, uiterlijk wanneer"). What is decided in an SO is carried out within six
// weeks, or at least a perspective is offered (the handbook's rule): the due date defaults to six weeks,
// a later one is an error unless the agreement is marked "perspectief" with a short explanation.
import { addDays, formatDutchDay, isCalendarDay, toCalendarDay } from './calendar';
import type { CalendarDay } from './calendar';
import { AGREEMENT_FIELDS } from './planSchema';
import type { Agreement, AgreementChange, AgreementField } from './planSchema';
import { error } from './problem';
import type { Problem } from './problem';
import { cleanText, excerpt } from './text';

export const SIX_WEEKS_IN_DAYS = 42;

/**
 * The default due date: the meeting's Amsterdam calendar day plus 42 calendar days. Accepts a day
 * (YYYY-MM-DD) or an ISO timestamp with offset; throws on anything else, because a meeting date comes
 * from a stored meeting, never from typing (checkAgreement reports a bad one as a problem instead).
 */
export function defaultDue(meetingDate: string): CalendarDay {
  const day = toCalendarDay(meetingDate);
  if (day === undefined) throw new RangeError(`not a date: ${meetingDate}`);
  return addDays(day, SIX_WEEKS_IN_DAYS);
}

export interface AgreementFields {
  id: string;
  /** Who does it: a participant id (or a name while typing). */
  who: string;
  what: string;
  /** YYYY-MM-DD */
  due: string;
  /** The agreement only promises a perspective within six weeks; the work itself may take longer. */
  perspectiveOnly?: boolean;
  /** With perspectiveOnly: what the resident will hear within six weeks. */
  perspectiveNote?: string;
}

/** A perspective is explained in a sentence or two: long enough to say what, short enough for the print. */
export const PERSPECTIVE_NOTE_MAX = 200;

export interface AgreementContext {
  /** The SO's day or start (ISO with offset). */
  meetingDate: string;
  /** Today, as a day or ISO timestamp; read in Amsterdam. */
  today: string;
}

function named(agreement: AgreementFields): string {
  const what = excerpt(agreement.what);
  return what ? `de afspraak ‘${what}’` : 'deze afspraak';
}

export function checkAgreement(agreement: AgreementFields, context: AgreementContext): Problem[] {
  const problems: Problem[] = [];
  const label = named(agreement);
  if (cleanText(agreement.who) === '') {
    problems.push(error('who-missing', `Bij ${label} staat nog niet wie hem oppakt.`, 'who'));
  }
  if (cleanText(agreement.what) === '') {
    problems.push(error('what-missing', 'Bij deze afspraak staat nog niet wat er gaat gebeuren.', 'what'));
  }
  if (!isCalendarDay(agreement.due)) {
    problems.push(error('due-invalid', `Bij ${label} ontbreekt een geldige uiterlijke datum.`, 'due'));
    return problems;
  }
  const today = toCalendarDay(context.today);
  const meetingDay = toCalendarDay(context.meetingDate);
  if (today === undefined) problems.push(error('date-invalid', 'De datum van vandaag ontbreekt, dus we kunnen de uiterlijke datum niet controleren.', 'today'));
  if (meetingDay === undefined) problems.push(error('date-invalid', 'De datum van het overleg ontbreekt, dus we kunnen de zes weken niet controleren.', 'meetingDate'));
  if (today !== undefined && agreement.due < today) {
    problems.push(error('due-past', `De uiterlijke datum van ${label} (${formatDutchDay(agreement.due)}) is al voorbij. Kies vandaag of een latere datum.`, 'due'));
  }
  if (agreement.perspectiveOnly === true) {
    const note = cleanText(agreement.perspectiveNote);
    if (note === '') {
      problems.push(error('perspective-note-missing', `Schrijf bij ${label} kort welk perspectief de inwoner binnen zes weken krijgt.`, 'perspectiveNote'));
    } else if (note.length > PERSPECTIVE_NOTE_MAX) {
      problems.push(error('perspective-note-too-long', `De uitleg over het perspectief is ${note.length} tekens; houd hem op ${PERSPECTIVE_NOTE_MAX} tekens of minder.`, 'perspectiveNote'));
    }
  } else if (meetingDay !== undefined) {
    const limit = addDays(meetingDay, SIX_WEEKS_IN_DAYS);
    if (agreement.due > limit) {
      problems.push(
        error(
          'due-beyond-six-weeks',
          `${label.charAt(0).toUpperCase()}${label.slice(1)} loopt tot ${formatDutchDay(agreement.due)}, later dan zes weken na het overleg (uiterlijk ${formatDutchDay(limit)}). ` +
            'Kies een datum binnen zes weken, of vink “perspectief” aan en schrijf kort wat de inwoner binnen zes weken hoort.',
          'due',
        ),
      );
    }
  }
  return problems;
}

export type AgreementPatch = Partial<Pick<Agreement, 'who' | 'what' | 'due' | 'status' | 'perspectiveOnly' | 'perspectiveNote' | 'wantId'>>;

/**
 * Applies an edit the way the plan keeps it: new values, a fresh `updatedAt` (the 412 merge keeps the
 * later record) and a history entry holding the values it replaced and the fields it touched (the merge
 * takes every field from its latest change). `wantId: ''` unlinks the agreement from its "ik wil" point;
 * `perspectiveNote: ''` removes the explanation.
 */
export function changeAgreement(agreement: Agreement, patch: AgreementPatch, by: { at: string; byUserId: string }): Agreement {
  const previous: NonNullable<AgreementChange['previous']> = {};
  const fields: AgreementField[] = [];
  const next: Agreement = { ...agreement };
  for (const key of AGREEMENT_FIELDS) {
    const value = patch[key];
    if (value === undefined) continue;
    // '' clears an optional text: the agreement no longer has that link or explanation.
    const cleared = (key === 'wantId' || key === 'perspectiveNote') && value === '';
    const current = agreement[key];
    if (cleared ? current === undefined : value === current) continue;
    if (current !== undefined) (previous as Record<string, unknown>)[key] = current;
    fields.push(key);
    if (cleared) delete next[key];
    else (next as Record<string, unknown>)[key] = value;
  }
  if (fields.length === 0) return agreement;
  const change: AgreementChange['change'] = fields.includes('status') ? (next.status === 'done' ? 'done' : 'reopened') : 'edited';
  next.updatedAt = by.at;
  next.history = [...agreement.history, { at: by.at, byUserId: by.byUserId, change, previous, fields }];
  if (change === 'done') next.doneAt = by.at;
  if (change === 'reopened') delete next.doneAt;
  return next;
}
