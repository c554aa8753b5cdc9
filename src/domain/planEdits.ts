// Edits to the Samenwerkplan as the plan screen makes them: small, pure steps from one valid plan to the
// next. Ids and timestamps come in as arguments (the UI makes ids; the clock is read outside the domain).
// Typed input is checked first (check* → Problem[] with a path naming the field); the edit functions
// assume checked input and leave the plan as it was when asked for something that does not exist.
import { isCalendarDay, toCalendarDay } from './calendar';
import type { CalendarDay } from './calendar';
import { CONSENT_HOW, CONSENT_SUBJECTS, WELLBEING_MOMENTS } from './planSchema';
import type { Consent, LogEntry, Plan, Want, WellbeingEntry } from './planSchema';
import { error } from './problem';
import type { Problem } from './problem';
import { cleanText } from './text';

/** Who made an edit, and when (ISO timestamp with offset). */
export interface EditStamp {
  at: string;
  byUserId: string;
}

const isBlank = (text: string) => cleanText(text) === '';

function move<T>(items: readonly T[], from: number, offset: number): T[] {
  const to = from + offset;
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || offset === 0) return [...items];
  const result = [...items];
  const [item] = result.splice(from, 1);
  result.splice(to, 0, item as T);
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// "Dit is het plan van"

export function setResidentName(plan: Plan, name: string): Plan {
  return { ...plan, resident: { ...plan.resident, name } };
}

/** The area (wijk) the case belongs to: it decides which area champion helps after a decline. Empty = none. */
export function setArea(plan: Plan, areaId: string | undefined): Plan {
  const next = { ...plan };
  if (areaId === undefined || areaId.trim() === '') delete next.areaId;
  else next.areaId = areaId;
  return plan.areaId === next.areaId ? plan : next;
}

// ---------------------------------------------------------------------------------------------------------
// "Ik wil" with "hier werk ik naartoe"

export function checkWantText(text: string): Problem[] {
  return isBlank(text) ? [error('want-text-missing', 'Een ‘Ik wil’-punt kan niet leeg zijn. Schrijf op wat de inwoner wil.', 'text')] : [];
}

export function addWant(plan: Plan, want: { id: string; text: string; target: string }, at: string): Plan {
  return { ...plan, wants: [...plan.wants, { id: want.id, text: want.text, target: want.target, updatedAt: at }] };
}

export function changeWant(plan: Plan, id: string, patch: Partial<Pick<Want, 'text' | 'target'>>, at: string): Plan {
  if (!plan.wants.some((w) => w.id === id)) return plan;
  return { ...plan, wants: plan.wants.map((w) => (w.id === id ? { ...w, ...patch, updatedAt: at } : w)) };
}

/** Moves a point up (offset -1) or down (+1). The order is the plan's, not the point's: no updatedAt. */
export function moveWant(plan: Plan, id: string, offset: number): Plan {
  const from = plan.wants.findIndex((w) => w.id === id);
  return from === -1 ? plan : { ...plan, wants: move(plan.wants, from, offset) };
}

/** A point an agreement was made for stays: the agreement would lose what it is about. */
export function isWantInUse(plan: Pick<Plan, 'agreements'>, id: string): boolean {
  return plan.agreements.some((a) => a.wantId === id);
}

/** Removes a point, unless an agreement belongs to it (then the plan stays as it was). */
export function removeWant(plan: Plan, id: string): Plan {
  if (isWantInUse(plan, id) || !plan.wants.some((w) => w.id === id)) return plan;
  return { ...plan, wants: plan.wants.filter((w) => w.id !== id) };
}

// ---------------------------------------------------------------------------------------------------------
// "Ik kan" and "Ik heb nodig": lists of lines without ids. The 412 merge matches lines by their text, so
// a list never holds an empty line or the same line twice.

export const PLAN_LINE_LISTS = ['can.own', 'can.offer', 'needs.shortTerm', 'needs.longTerm'] as const;
export type PlanLineList = (typeof PLAN_LINE_LISTS)[number];

export function planLines(plan: Pick<Plan, 'can' | 'needs'>, list: PlanLineList): readonly string[] {
  switch (list) {
    case 'can.own': return plan.can.own;
    case 'can.offer': return plan.can.offer;
    case 'needs.shortTerm': return plan.needs.shortTerm;
    case 'needs.longTerm': return plan.needs.longTerm;
  }
}

function withLines(plan: Plan, list: PlanLineList, lines: string[]): Plan {
  switch (list) {
    case 'can.own': return { ...plan, can: { ...plan.can, own: lines } };
    case 'can.offer': return { ...plan, can: { ...plan.can, offer: lines } };
    case 'needs.shortTerm': return { ...plan, needs: { ...plan.needs, shortTerm: lines } };
    case 'needs.longTerm': return { ...plan, needs: { ...plan.needs, longTerm: lines } };
  }
}

/** Problems with `text` as line `index` of `list` (leave `index` out for a new line). */
export function checkLine(plan: Pick<Plan, 'can' | 'needs'>, list: PlanLineList, text: string, index?: number): Problem[] {
  if (isBlank(text)) return [error('line-empty', 'Een lege regel kan niet in het plan. Schrijf iets op.', 'text')];
  const same = cleanText(text);
  const duplicate = planLines(plan, list).some((line, i) => i !== index && cleanText(line) === same);
  return duplicate ? [error('line-duplicate', 'Deze regel staat er al.', 'text')] : [];
}

export function addLine(plan: Plan, list: PlanLineList, text: string): Plan {
  return withLines(plan, list, [...planLines(plan, list), text]);
}

export function changeLine(plan: Plan, list: PlanLineList, index: number, text: string): Plan {
  const lines = planLines(plan, list);
  if (index < 0 || index >= lines.length) return plan;
  return withLines(plan, list, lines.map((line, i) => (i === index ? text : line)));
}

export function removeLine(plan: Plan, list: PlanLineList, index: number): Plan {
  const lines = planLines(plan, list);
  if (index < 0 || index >= lines.length) return plan;
  return withLines(plan, list, lines.filter((_, i) => i !== index));
}

// ---------------------------------------------------------------------------------------------------------
// Involved organisations

export function checkOrganisationName(plan: Pick<Plan, 'organisations'>, name: string, organisationId?: string): Problem[] {
  if (isBlank(name)) return [error('organisation-name-missing', 'Vul de naam van de organisatie in.', 'name')];
  const same = cleanText(name).toLocaleLowerCase('nl');
  const duplicate = plan.organisations.some((o) => o.organisationId !== organisationId && cleanText(o.name).toLocaleLowerCase('nl') === same);
  return duplicate ? [error('organisation-duplicate', 'Deze organisatie staat er al.', 'name')] : [];
}

export function addOrganisation(plan: Plan, organisation: { organisationId: string; name: string }): Plan {
  if (plan.organisations.some((o) => o.organisationId === organisation.organisationId)) return plan;
  return { ...plan, organisations: [...plan.organisations, { organisationId: organisation.organisationId, name: organisation.name }] };
}

export function renameOrganisation(plan: Plan, organisationId: string, name: string): Plan {
  if (!plan.organisations.some((o) => o.organisationId === organisationId)) return plan;
  return { ...plan, organisations: plan.organisations.map((o) => (o.organisationId === organisationId ? { ...o, name } : o)) };
}

export function removeOrganisation(plan: Plan, organisationId: string): Plan {
  return { ...plan, organisations: plan.organisations.filter((o) => o.organisationId !== organisationId) };
}

// ---------------------------------------------------------------------------------------------------------
// Welzijnscijfer

/** The score as typed: whole numbers 1–10 only ("7", " 7 "); anything else is undefined. */
export function parseWellbeingScore(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const score = Number(trimmed);
  return score >= 1 && score <= 10 ? score : undefined;
}

function checkScore(text: string): Problem[] {
  const trimmed = text.trim();
  if (trimmed === '') return [error('score-missing', 'Vul een cijfer in van 1 tot en met 10.', 'score')];
  if (/^\d+$/.test(trimmed)) {
    return parseWellbeingScore(trimmed) === undefined ? [error('score-out-of-range', 'Het cijfer moet tussen 1 en 10 liggen.', 'score')] : [];
  }
  if (/^-?\d+([.,]\d+)?$/.test(trimmed)) {
    return trimmed.startsWith('-')
      ? [error('score-out-of-range', 'Het cijfer moet tussen 1 en 10 liggen.', 'score')]
      : [error('score-not-whole', 'Een welzijnscijfer is een heel getal, zoals 6 of 7.', 'score')];
  }
  return [error('score-not-number', 'Schrijf het cijfer als getal, bijvoorbeeld 7. Het ligt tussen 1 en 10.', 'score')];
}

/** A day that was typed: a real date, not after today (consent and scores are given, not planned). */
function checkPastDay(day: string, today: string): Problem[] {
  if (!isCalendarDay(day)) return [error('date-invalid', 'Vul een geldige datum in.', 'date')];
  const todayDay = toCalendarDay(today);
  if (todayDay !== undefined && day > todayDay) {
    return [error('date-future', 'Deze datum ligt in de toekomst. Kies vandaag of een dag ervoor.', 'date')];
  }
  return [];
}

/** A welzijnscijfer as the form holds it: everything still text, exactly as typed. */
export interface WellbeingDraft {
  score: string;
  date: string;
  moment: string;
  comment: string;
}

/** Problems with a typed welzijnscijfer. `today` is a day or an ISO timestamp (read in Amsterdam). */
export function checkWellbeingDraft(draft: WellbeingDraft, today: string): Problem[] {
  const problems = [...checkScore(draft.score), ...checkPastDay(draft.date, today)];
  if (!(WELLBEING_MOMENTS as readonly string[]).includes(draft.moment)) {
    problems.push(error('moment-invalid', 'Kies het moment: start, evaluatie of hermeting.', 'moment'));
  }
  return problems;
}

export function addWellbeing(plan: Plan, entry: Omit<WellbeingEntry, 'updatedAt'>, at: string): Plan {
  const record: WellbeingEntry = { id: entry.id, score: entry.score, date: entry.date, moment: entry.moment, comment: entry.comment, updatedAt: at };
  return { ...plan, wellbeing: [...plan.wellbeing, record] };
}

/** The history in date order (entries of one day in the order they were added). */
export function wellbeingHistory(plan: Pick<Plan, 'wellbeing'>): WellbeingEntry[] {
  return plan.wellbeing.map((entry, i) => ({ entry, i })).sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : a.i - b.i)).map((x) => x.entry);
}

// ---------------------------------------------------------------------------------------------------------
// Consent: what the resident agreed to, when and how. A consent is never removed; revoking it keeps the
// record (with when and by whom) so the plan keeps a true account of what was allowed when.

/** Subjects that name participants: the plan is shared with, or the SO invites, the people named. */
export function consentNamesParticipants(subject: string): boolean {
  return subject === 'sharePlan' || subject === 'meeting';
}

export interface ConsentDraft {
  subject: string;
  participantIds: readonly string[];
  /** YYYY-MM-DD: the day the resident gave consent. */
  date: string;
  how: string;
  note: string;
}

export function checkConsentDraft(plan: Pick<Plan, 'participants'>, draft: ConsentDraft, today: string): Problem[] {
  const problems: Problem[] = [];
  if (!(CONSENT_SUBJECTS as readonly string[]).includes(draft.subject)) {
    problems.push(error('subject-invalid', 'Kies waarvoor de inwoner toestemming geeft.', 'subject'));
  }
  if (draft.subject === 'sharePlan' && draft.participantIds.length === 0) {
    problems.push(error('participants-missing', 'Kies met wie het plan gedeeld mag worden.', 'participantIds'));
  }
  const known = new Set(plan.participants.map((p) => p.id));
  if (draft.participantIds.some((id) => !known.has(id))) {
    problems.push(error('participant-unknown', 'Een van de gekozen mensen staat niet (meer) bij de deelnemers.', 'participantIds'));
  }
  problems.push(...checkPastDay(draft.date, today));
  if (!(CONSENT_HOW as readonly string[]).includes(draft.how)) {
    problems.push(error('how-missing', 'Kies hoe de inwoner toestemming gaf.', 'how'));
  }
  return problems;
}

export interface NewConsent {
  id: string;
  subject: Consent['subject'];
  participantIds?: readonly string[];
  date: CalendarDay;
  how: Consent['how'];
  note?: string;
}

/** Adds a consent, recorded by `stamp.byUserId` at `stamp.at`, and says so in the log. */
export function recordConsent(plan: Plan, consent: NewConsent, stamp: EditStamp): Plan {
  const participantIds = consentNamesParticipants(consent.subject) ? [...new Set(consent.participantIds ?? [])] : [];
  const note = cleanText(consent.note);
  const record: Consent = {
    id: consent.id,
    subject: consent.subject,
    ...(participantIds.length > 0 ? { participantIds } : {}),
    date: consent.date,
    how: consent.how,
    recordedByUserId: stamp.byUserId,
    ...(note === '' ? {} : { note }),
    updatedAt: stamp.at,
  };
  const log: LogEntry = { at: stamp.at, byUserId: stamp.byUserId, action: 'consent.recorded', targetId: consent.id };
  return { ...plan, consents: [...plan.consents, record], log: [...plan.log, log] };
}

/** Marks a live consent as revoked (the record stays) and logs it. Unknown or already revoked: no change. */
export function revokeConsent(plan: Plan, id: string, stamp: EditStamp): Plan {
  const current = plan.consents.find((c) => c.id === id);
  if (!current || current.revokedAt !== undefined) return plan;
  const log: LogEntry = { at: stamp.at, byUserId: stamp.byUserId, action: 'consent.revoked', targetId: id };
  return {
    ...plan,
    consents: plan.consents.map((c) => (c.id === id ? { ...c, revokedAt: stamp.at, revokedByUserId: stamp.byUserId, updatedAt: stamp.at } : c)),
    log: [...plan.log, log],
  };
}
