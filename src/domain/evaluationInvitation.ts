// The evaluation: a few weeks after the SO everyone looks back together. Held in an SO, it gets its own
// meeting record (the follow-up SO, linked by id to the evaluation) and its own Outlook invitation. Like the
// SO invitation, the text carries the case alias and the SO's goal, never the agreements, the plan or
// identifiers: invitations get forwarded.
import { presentAtMeeting } from './attendance';
import { amsterdamClock, amsterdamDay, formatDutchDay, parseInstant } from './calendar';
import { isCaseAlias } from './caseAlias';
import { renderHtml, renderText } from './invitation';
import type { Attendee, Block } from './invitation';
import type { Evaluation, Location, Meeting, Participant, Plan } from './planSchema';
import { error } from './problem';
import type { Problem } from './problem';
import { checkNoNames, publicTitle } from './planNames';
import type { ProtectedPerson } from './planNames';
import { checkNoIdentifiers, INVITATION_BLOCKING_KINDS } from './sensitiveData';
import type { CheckedField } from './sensitiveData';
import { amsterdamInstant, createMeeting, updateMeeting } from './soPreparation';
import { cleanText, isEmailAddress } from './text';

export interface EvaluationInvitationInput {
  caseAlias: string;
  /** The goal of the SO where the evaluation was agreed. */
  goal: string;
  /** ISO 8601 with offset. */
  start: string;
  durationMinutes: number;
  location: Location;
  /**
   * Who organises the evaluation, as the invitation may name them: a professional by name, the resident or a
   * network member by role (publicName).
   */
  organiser: string;
  /** Who sends the invitation (the signed-in user): the organiser of the Outlook event, not an attendee. */
  sender: { name: string; email: string };
  /** The people of the SO. Professionals and network members with e-mail get the invitation. */
  invitees: readonly Participant[];
  /** ISO 8601: the caller's clock. */
  now: string;
  /** The names that stay in the plan (protectedPeople(plan)); the invitees' own resident and network are added. */
  protectedPeople?: readonly ProtectedPerson[];
}

export interface EvaluationInvitation {
  subject: string;
  html: string;
  text: string;
  attendees: Attendee[];
  problems: Problem[];
}

// ---------------------------------------------------------------------------------------------------------
// The follow-up SO in the plan

/**
 * The id of the follow-up SO of an evaluation. Derived from the evaluation's id, so two devices that plan it
 * at the same time create the same record (the merge keeps one) and the same invitation (one transactionId).
 */
export function evaluationMeetingId(evaluationId: string): string {
  return `${evaluationId}-so`;
}

/** The follow-up SO of an evaluation, once it is planned. */
export function evaluationMeeting(plan: Pick<Plan, 'meetings'>, evaluationId: string): Meeting | undefined {
  const id = evaluationMeetingId(evaluationId);
  return plan.meetings.find((m) => m.id === id);
}

/** The SO at which the evaluation was agreed (its `meetingId`). */
function originOf(plan: Plan, evaluation: Evaluation): Meeting | undefined {
  return evaluation.meetingId === undefined ? undefined : plan.meetings.find((m) => m.id === evaluation.meetingId);
}

/** The evaluation's start: its day, at the time of day of the SO it was agreed in (everyone could come then). */
export function evaluationStart(date: string, origin: Pick<Meeting, 'start'>): string | undefined {
  const ms = parseInstant(origin.start);
  return ms === undefined ? undefined : amsterdamInstant(`${date}T${amsterdamClock(ms)}`);
}

/**
 * For an evaluation held in an SO (how 'meeting'): the follow-up SO, with the goal, length, place and people of
 * the SO it was agreed in, on the evaluation's day at the same time; its organiser chairs it. Once planned it
 * follows the evaluation's day until its invitation has gone out; then Outlook is where it moves. An
 * evaluation by mail, or one not agreed in an SO, leaves the plan as it was.
 */
export function planEvaluationMeeting(plan: Plan, evaluationId: string, now: string): Plan {
  const evaluation = plan.evaluations.find((e) => e.id === evaluationId);
  if (evaluation === undefined || evaluation.how !== 'meeting') return plan;
  const origin = originOf(plan, evaluation);
  const start = origin === undefined ? undefined : evaluationStart(evaluation.date, origin);
  if (origin === undefined || start === undefined) return plan;
  const id = evaluationMeetingId(evaluationId);
  const current = plan.meetings.find((m) => m.id === id);
  if (current !== undefined) {
    if (current.eventId !== undefined || current.transactionId !== undefined) return plan;
    const same = current.start === start && current.chairParticipantId === evaluation.organiserParticipantId;
    return same ? plan : updateMeeting(plan, id, { start, chairParticipantId: evaluation.organiserParticipantId }, { now });
  }
  const created = createMeeting(plan, { id, start, soNeededSince: amsterdamDay(parseInstant(origin.start)!), now });
  return updateMeeting(
    {
      ...created,
      meetings: created.meetings.map((m) => (m.id === id ? { ...m, invitedParticipantIds: presentAtMeeting(plan, origin).map((p) => p.id) } : m)),
    },
    id,
    { goal: origin.goal, durationMinutes: origin.durationMinutes, location: origin.location, chairParticipantId: evaluation.organiserParticipantId },
    { now },
  );
}

// ---------------------------------------------------------------------------------------------------------
// The invitation

function placeLine(location: Location): string {
  return location.kind === 'home'
    ? 'Plek: bij de inwoner thuis. Het adres krijg je nadat je de uitnodiging hebt geaccepteerd.'
    : `Plek: ${cleanText(location.description)}`;
}

function composeBlocks(input: EvaluationInvitationInput, when: { day: string; from: string; until: string } | undefined): Block[] {
  const organiser = cleanText(input.organiser);
  const sender = cleanText(input.sender.name);
  const alias = isCaseAlias(input.caseAlias) ? `casus ${input.caseAlias}` : 'deze casus';
  return [
    { kind: 'paragraph', lines: ['Hallo,'] },
    {
      kind: 'paragraph',
      lines: [
        `In het Samenwerkoverleg over ${alias} hebben we samen met de inwoner afspraken gemaakt. ` +
          'Nu kijken we samen terug. Dat noemen we de evaluatie. Je bent erbij omdat je ook aan tafel zat.',
      ],
    },
    { kind: 'heading', text: 'Waar we samen naar kijken' },
    {
      kind: 'list',
      items: [
        'Zijn de afspraken gedaan?',
        'Is er nog meer nodig? En wie pakt dat dan op?',
        'Hoe gaat het nu met de inwoner? De inwoner geeft opnieuw een welzijnscijfer, net als aan het begin.',
        'Wat hebben we geleerd, over de vraag en over hoe we samenwerken?',
      ],
    },
    { kind: 'heading', text: 'Het doel van het overleg' },
    { kind: 'paragraph', lines: [input.goal] },
    { kind: 'heading', text: 'Wanneer en waar' },
    {
      kind: 'paragraph',
      lines: [...(when ? [`Datum: ${formatDutchDay(when.day)}`, `Tijd: ${when.from} tot ${when.until} uur`] : []), placeLine(input.location)],
    },
    { kind: 'heading', text: 'Wie de evaluatie organiseert' },
    {
      kind: 'paragraph',
      lines: [
        `${organiser || 'De casusregisseur'} organiseert de evaluatie. Kun je niet, of past een ander moment beter? Laat het dan weten. ` +
          'Je kunt de uitnodiging accepteren of afslaan.',
      ],
    },
    { kind: 'paragraph', lines: ['In de hand-out bij deze uitnodiging lees je nog eens de vijf uitgangspunten van de Samenwerkwijze.'] },
    { kind: 'paragraph', lines: sender ? ['Met vriendelijke groet,', sender] : ['Met vriendelijke groet.'] },
  ];
}

function displayName(p: Participant, index: number): string {
  return cleanText(p.name) || `deelnemer ${index + 1}`;
}

/** Only the professionals and the network members with e-mail; the sender organises the event in Outlook. */
function attendeesOf(input: EvaluationInvitationInput): Attendee[] {
  const seen = new Set<string>([input.sender.email.trim().toLowerCase()]);
  const attendees: Attendee[] = [];
  input.invitees.forEach((p, i) => {
    const email = (p.email ?? '').trim();
    if (p.role === 'resident' || !isEmailAddress(email) || seen.has(email.toLowerCase())) return;
    seen.add(email.toLowerCase());
    attendees.push({ name: p.role === 'professional' ? displayName(p, i) : publicTitle(p), email, type: 'required' });
  });
  return attendees;
}

function check(input: EvaluationInvitationInput, startMs: number | undefined, attendees: readonly Attendee[]): Problem[] {
  const problems: Problem[] = [];
  if (!isCaseAlias(input.caseAlias)) {
    problems.push(error('case-alias-invalid', 'Het casusnummer ontbreekt of klopt niet (bijvoorbeeld SO-2026-014). Het onderwerp van de uitnodiging gebruikt dat nummer in plaats van een naam.', 'caseAlias'));
  }
  if (cleanText(input.goal) === '') {
    problems.push(error('goal-missing', 'Het doel van het overleg ontbreekt. De uitnodiging voor de evaluatie noemt het, zodat iedereen weet waar het over ging.', 'goal'));
  }
  const nowMs = parseInstant(input.now);
  if (startMs === undefined) {
    problems.push(error('start-invalid', 'De datum en tijd van de evaluatie ontbreken of kloppen niet.', 'start'));
  } else if (nowMs !== undefined && startMs < nowMs) {
    problems.push(error('date-past', `De evaluatie op ${formatDutchDay(amsterdamDay(startMs))} om ${amsterdamClock(startMs)} uur zou al voorbij zijn. Kies een dag in de toekomst.`, 'date'));
  }
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes <= 0) {
    problems.push(error('duration-invalid', 'De duur van de evaluatie moet een heel aantal minuten zijn, meer dan nul.', 'durationMinutes'));
  }
  if (cleanText(input.organiser) === '') {
    problems.push(error('organiser-missing', 'Kies wie de evaluatie organiseert.', 'organiserParticipantId'));
  }
  if (!isEmailAddress(input.sender.email.trim())) {
    problems.push(error('email-invalid', 'Je eigen e-mailadres ontbreekt of lijkt niet te kloppen. Zo kan de uitnodiging niet uit jouw agenda.', 'sender.email'));
  }
  const fields: [string, CheckedField][] = [
    [input.goal, { label: 'het doel van het overleg', path: 'goal' }],
    [input.organiser, { label: 'de naam van de organisator', path: 'organiserParticipantId' }],
  ];
  if (input.location.kind === 'other') fields.push([input.location.description, { label: 'de plek', path: 'location.description' }]);
  input.invitees.forEach((p, i) => fields.push([p.name, { label: `de naam van deelnemer ${i + 1}`, path: `invitees.${i}.name` }]));
  for (const [text, field] of fields) problems.push(...checkNoIdentifiers(text, field, { blocking: INVITATION_BLOCKING_KINDS }));
  const people = [...(input.protectedPeople ?? []), ...input.invitees.flatMap((p) => (p.role === 'professional' ? [] : [{ name: p.name, role: p.role }]))];
  const named: [string, CheckedField][] = [
    [input.goal, { label: 'het doel van het overleg', path: 'goal' }],
    [input.organiser, { label: 'de naam van de organisator', path: 'organiserParticipantId' }],
  ];
  if (input.location.kind === 'other') named.push([input.location.description, { label: 'de plek', path: 'location.description' }]);
  for (const [text, field] of named) problems.push(...checkNoNames(text, people, field, { severity: 'error' }));
  if (attendees.length === 0) {
    problems.push(error('attendees-missing', 'Er is niemand met een e-mailadres om uit te nodigen voor de evaluatie.', 'invitees'));
  }
  return problems;
}

/** Subject, body (HTML and text), attendees and problems of the invitation to an evaluation held in an SO. */
export function composeEvaluationInvitation(input: EvaluationInvitationInput): EvaluationInvitation {
  const startMs = parseInstant(input.start);
  const durationOk = Number.isInteger(input.durationMinutes) && input.durationMinutes > 0;
  const when =
    startMs === undefined
      ? undefined
      : { day: amsterdamDay(startMs), from: amsterdamClock(startMs), until: amsterdamClock(startMs + (durationOk ? input.durationMinutes : 0) * 60_000) };
  // Fixed words, a checked alias and a date: no input text reaches the subject.
  const subject = ['Evaluatie Samenwerkoverleg', isCaseAlias(input.caseAlias) ? input.caseAlias : undefined]
    .filter((part) => part !== undefined)
    .join(' ') + (when ? ` – ${formatDutchDay(when.day)}` : '');
  const blocks = composeBlocks(input, when);
  const attendees = attendeesOf(input);
  return { subject, html: renderHtml(blocks), text: renderText(blocks), attendees, problems: check(input, startMs, attendees) };
}
