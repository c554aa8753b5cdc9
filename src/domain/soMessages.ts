// The mails around an SO invitation: asking the area champion for help after a decline (Leerplan 4.2),
// reminding those who did not answer, and the note that comes with a shared plan. Like the invitation
// they carry the case alias and the goal, never identifiers or plan details: mail gets forwarded.
// The user may edit the text before it goes; `messageHtml` turns the final text into escaped HTML.
import { amsterdamClock, amsterdamDay, formatDutchDay, isCalendarDay, parseInstant } from './calendar';
import type { CalendarDay } from './calendar';
import type { Reason } from './reasons';
import { REASON_LABELS } from './reasons';
import { checkNoNames, publicName } from './planNames';
import type { ProtectedPerson, ProtectedRole } from './planNames';
import { checkNoIdentifiers } from './sensitiveData';
import type { Problem } from './problem';
import { cleanText, htmlText, joinDutch } from './text';

export interface DraftMessage {
  subject: string;
  text: string;
}

function whenText(start: string): string {
  const ms = parseInstant(start);
  return ms === undefined ? '' : ` op ${formatDutchDay(amsterdamDay(ms))} om ${amsterdamClock(ms)} uur`;
}

function dayText(start: string): string {
  const ms = parseInstant(start);
  return ms === undefined ? '' : ` op ${formatDutchDay(amsterdamDay(ms))}`;
}

function signOff(organiser: string): string {
  const name = cleanText(organiser);
  return name ? `Met vriendelijke groet,\n${name}` : 'Met vriendelijke groet.';
}

export interface EscalationInput {
  caseAlias: string;
  goal: string;
  /** ISO start of the SO. */
  start: string;
  championName: string;
  /** Who declined; a network member (or the resident) is named by role: the champion is outside the plan. */
  declined: { name: string; role?: ProtectedRole | 'professional'; organisation?: string; reasons: readonly Reason[] };
  /** What the invitee said when declining, as the case director heard it; may be empty. */
  declineReason?: string;
  organiser: string;
}

/** The prefilled message to the area champion when an invitee declines. */
export function composeEscalation(input: EscalationInput): DraftMessage {
  const role = input.declined.role ?? 'professional';
  const name = (role === 'professional' ? cleanText(input.declined.name) : publicName({ name: input.declined.name, role })) || 'een genodigde';
  const atStart = name.charAt(0).toUpperCase() + name.slice(1);
  const organisation = cleanText(input.declined.organisation);
  const who = organisation ? `${atStart} (${organisation})` : atStart;
  const reasons = [...new Set(input.declined.reasons)].map((r) => REASON_LABELS[r]);
  const reason = cleanText(input.declineReason);
  const greeting = cleanText(input.championName) ? `Hallo ${cleanText(input.championName)},` : 'Hallo,';
  const paragraphs = [
    greeting,
    `${who} heeft de uitnodiging voor het Samenwerkoverleg van casus ${input.caseAlias}${whenText(input.start)} afgeslagen.`,
    `Het doel van het overleg: ${cleanText(input.goal)}`,
    reasons.length > 0 ? `Waarom we ${name} uitnodigden: ${joinDutch(reasons)}.` : '',
    reason ? `De reden die ${name} gaf: ${reason}` : `${atStart} gaf geen reden op.`,
    `We hebben ${organisation || 'deze organisatie'} wel nodig aan tafel. Wil jij contact opnemen, zodat iemand van ${organisation || 'de organisatie'} bij het overleg kan zijn? Bel of mail me als je meer wilt weten.`,
    signOff(input.organiser),
  ].filter((p) => p !== '');
  return { subject: `Samenwerkoverleg ${input.caseAlias}: hulp gevraagd na een afmelding`, text: paragraphs.join('\n\n') };
}

export interface ReminderInput {
  caseAlias: string;
  start: string;
  respondBy: CalendarDay;
  organiser: string;
}

/** A friendly reminder to invitees who did not answer by the respond-by date. */
export function composeReminder(input: ReminderInput): DraftMessage {
  const by = isCalendarDay(input.respondBy) ? ` uiterlijk ${formatDutchDay(input.respondBy)}` : '';
  const paragraphs = [
    'Hallo,',
    `Je hebt een uitnodiging gekregen voor het Samenwerkoverleg van casus ${input.caseAlias}${whenText(input.start)}. We hadden graag${by} gehoord of je erbij kunt zijn.`,
    'Wil je de uitnodiging in je agenda accepteren of afslaan? Past een collega beter bij deze vraag? Stuur de uitnodiging dan door naar die collega.',
    signOff(input.organiser),
  ];
  return { subject: `Herinnering: Samenwerkoverleg ${input.caseAlias}${dayText(input.start)}`, text: paragraphs.join('\n\n') };
}

/** The note that goes with the invitation to read the shared plan. */
export function composeShareNote(input: { caseAlias: string; organiser: string }): string {
  return [
    `Je hebt de uitnodiging voor het Samenwerkoverleg van casus ${input.caseAlias} geaccepteerd. De inwoner vindt het goed dat je het Samenwerkplan vooraf leest.`,
    'Je kunt het plan alleen lezen, en je meldt je aan om het te openen. Deel het niet verder: het plan is van de inwoner.',
    signOff(input.organiser),
  ].join('\n\n');
}

/** Paragraphs (split on blank lines) of escaped text; single line breaks survive as <br>. */
export function messageHtml(text: string): string {
  const paragraphs = cleanText(text).split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  return `<div lang="nl">${paragraphs.map((p) => `<p>${htmlText(p)}</p>`).join('')}</div>`;
}

/**
 * Privacy findings in a mail the user is about to send (subject findings are always errors). These mails go
 * to people outside the resident's consent: a name of the resident or the network (`people`) is an error too.
 */
export function checkMessage(message: DraftMessage, label: string, people: readonly ProtectedPerson[] = []): Problem[] {
  return [
    ...checkNoIdentifiers(message.subject, { label: `het onderwerp van ${label}`, path: 'subject' }, { strict: true }),
    ...checkNoIdentifiers(message.text, { label, path: 'text' }),
    ...checkNoNames(message.subject, people, { label: `het onderwerp van ${label}`, path: 'subject' }, { severity: 'error' }),
    ...checkNoNames(message.text, people, { label, path: 'text' }, { severity: 'error' }),
  ];
}
