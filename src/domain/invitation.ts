// The SO invitation: one Outlook event that everyone can accept, decline or forward to a better-placed
// colleague. The text explains the Samenwerkwijze and why each person is asked; it carries the case alias
// and the goal, never plan details or identifiers, because invitations get forwarded.
import { addDays, amsterdamClock, amsterdamDay, formatDutchDay, isCalendarDay, parseInstant } from './calendar';
import type { CalendarDay } from './calendar';
import { isCaseAlias } from './caseAlias';
import type { Location, Participant } from './planSchema';
import { error, warning } from './problem';
import type { Problem } from './problem';
import { checkNoNames, publicTitle, RESIDENT_LABEL } from './planNames';
import type { ProtectedPerson } from './planNames';
import { REASON_LABELS } from './reasons';
import { checkNoIdentifiers, INVITATION_BLOCKING_KINDS } from './sensitiveData';
import type { CheckedField } from './sensitiveData';
import { cleanText, htmlText, isEmailAddress, joinDutch } from './text';

export interface InvitationInput {
  municipality: string;
  caseAlias: string;
  /** The goal of this SO, decided with the resident: a short summary, not the plan itself. */
  goal: string;
  /** ISO 8601 with offset. */
  start: string;
  durationMinutes: number;
  location: Location;
  /** YYYY-MM-DD */
  respondBy: string;
  organiser: { name: string; email: string };
  participants: readonly Participant[];
  /** YYYY-MM-DD: the day it became clear an SO is needed; the SO follows within two weeks. */
  soNeededSince: string;
  /** ISO 8601: the caller's clock. */
  now: string;
  /**
   * The names that stay in the plan (protectedPeople(plan)): the resident and the network. The invited
   * resident and network members are added from `participants`; their names must not appear in the text.
   */
  protectedPeople?: readonly ProtectedPerson[];
}

export interface Attendee {
  name: string;
  email: string;
  type: 'required' | 'optional';
}

export interface Invitation {
  subject: string;
  html: string;
  text: string;
  attendees: Attendee[];
  problems: Problem[];
}

/** The SO is planned within this many days of the moment it turned out to be needed. */
export const SO_WINDOW_DAYS = 14;

// ---------------------------------------------------------------------------------------------------------
// The message as blocks, rendered twice: text and HTML say the same thing because they come from one source.

/** A part of a message; the evaluation invitation (evaluationInvitation.ts) is built from the same parts. */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'people'; people: { title: string; lines: string[] }[] };

export function renderText(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return cleanText(block.text);
        case 'paragraph':
          return block.lines.map(cleanText).join('\n');
        case 'list':
          return block.items.map((item) => `• ${cleanText(item)}`).join('\n');
        case 'people':
          return block.people
            .map((p) => [`• ${cleanText(p.title)}`, ...p.lines.map((l) => `  ${cleanText(l).replace(/\n/g, '\n  ')}`)].join('\n'))
            .join('\n\n');
      }
    })
    .join('\n\n');
}

export function renderHtml(blocks: readonly Block[]): string {
  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `<h2>${htmlText(block.text)}</h2>`;
        case 'paragraph':
          return `<p>${block.lines.map(htmlText).join('<br>')}</p>`;
        case 'list':
          return `<ul>${block.items.map((item) => `<li>${htmlText(item)}</li>`).join('')}</ul>`;
        case 'people':
          return `<ul>${block.people
            .map((p) => `<li><strong>${htmlText(p.title)}</strong>${p.lines.map((l) => `<br>${htmlText(l)}`).join('')}</li>`)
            .join('')}</ul>`;
      }
    })
    .join('\n');
  return `<div lang="nl">\n${body}\n</div>`;
}

// ---------------------------------------------------------------------------------------------------------

function displayName(p: Participant, index: number): string {
  return cleanText(p.name) || `deelnemer ${index + 1}`;
}

/**
 * How the invitation introduces someone. Professionals by name; the resident and the network by their role
 * ("De inwoner", "Iemand uit het netwerk van de inwoner"): invitations get forwarded, names stay in the plan.
 */
function describeParticipant(p: Participant, index: number): { title: string; lines: string[] } {
  const name = p.role === 'professional' ? displayName(p, index) : publicTitle(p);
  const expectation = cleanText(p.expectation);
  if (p.role === 'resident') {
    const lines = [`Het overleg gaat over het plan van ${RESIDENT_LABEL}.`];
    if (expectation) lines.push(`Wat we verwachten: ${expectation}`);
    return { title: name, lines };
  }
  const where = p.role === 'network' ? [cleanText(p.organisation)].filter((s) => s !== '') : [cleanText(p.jobTitle), cleanText(p.organisation)].filter((s) => s !== '');
  const lines: string[] = [];
  const reasons = [...new Set(p.reasons)].map((r) => REASON_LABELS[r]);
  if (reasons.length > 0) lines.push(`Waarom: ${joinDutch(reasons)}.`);
  if (expectation) lines.push(`Wat we verwachten: ${expectation}`);
  return { title: where.length > 0 ? `${name}, ${where.join(', ')}` : name, lines };
}

// "Gemeente Maasveld" and "Maasveld" both read as "de gemeente Maasveld".
function municipalityName(value: string): string {
  return cleanText(value).replace(/^gemeente\s+/i, '');
}

function minutesText(minutes: number): string {
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}

interface When {
  day: CalendarDay;
  from: string;
  until: string;
}

function composeBlocks(input: InvitationInput, when: When | undefined, respondBy: CalendarDay | undefined): Block[] {
  const town = municipalityName(input.municipality);
  const place =
    input.location.kind === 'home'
      ? 'Plek: bij de inwoner thuis. Het adres krijg je nadat je de uitnodiging hebt geaccepteerd.'
      : `Plek: ${cleanText(input.location.description)}`;
  const whenLines = when
    ? [`Datum: ${formatDutchDay(when.day)}`, `Tijd: ${when.from} tot ${when.until} uur (${minutesText(input.durationMinutes)})`]
    : [];
  const organiser = cleanText(input.organiser.name);
  return [
    { kind: 'paragraph', lines: ['Hallo,'] },
    {
      kind: 'paragraph',
      lines: [
        `${town ? `In de gemeente ${town}` : 'In onze gemeente'} werken we met de Samenwerkwijze. Daarin staat de inwoner centraal. ` +
          'Samen met de inwoner hebben we de vraag eerst breed verkend. Daaruit is een Samenwerkplan gekomen. ' +
          'In dit Samenwerkoverleg zoeken we met elkaar naar het antwoord dat het beste bij die vraag past.',
      ],
    },
    { kind: 'paragraph', lines: ['Wil je meer weten over de Samenwerkwijze? In de hand-out bij deze uitnodiging lees je de vijf uitgangspunten.'] },
    { kind: 'heading', text: 'Het doel van dit overleg' },
    { kind: 'paragraph', lines: [input.goal] },
    { kind: 'heading', text: 'Wie er aan tafel zitten, en waarom' },
    {
      kind: 'paragraph',
      lines: ['Bij iedereen staat waarom we juist die persoon vragen. Zo kun je zelf inschatten of jij de goede persoon bent, of dat een collega beter past.'],
    },
    { kind: 'people', people: input.participants.map(describeParticipant) },
    { kind: 'heading', text: 'Laat je weten of je erbij bent?' },
    {
      kind: 'paragraph',
      lines: [
        `We horen graag ${respondBy ? `uiterlijk ${formatDutchDay(respondBy)}` : 'zo snel mogelijk'} of je erbij kunt zijn. ` +
          'Je kunt de uitnodiging accepteren of afslaan. ' +
          'Past een collega beter bij deze vraag? Stuur de uitnodiging dan gerust door naar die collega.',
      ],
    },
    {
      kind: 'paragraph',
      lines: ['Heb je de uitnodiging geaccepteerd en geeft de inwoner toestemming? Dan delen we het Samenwerkplan beveiligd met je. Zo weet je vooraf waar het over gaat.'],
    },
    { kind: 'heading', text: 'Wanneer en waar' },
    { kind: 'paragraph', lines: [...whenLines, place] },
    { kind: 'paragraph', lines: organiser ? ['Met vriendelijke groet,', organiser] : ['Met vriendelijke groet.'] },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Checks

function checkTimes(input: InvitationInput, startMs: number | undefined, nowMs: number | undefined): Problem[] {
  const problems: Problem[] = [];
  if (startMs === undefined) {
    problems.push(error('start-invalid', 'De begintijd van het overleg ontbreekt of is geen geldige datum met tijd.', 'start'));
  }
  if (nowMs === undefined) {
    problems.push(error('date-invalid', 'De huidige tijd ontbreekt, dus we kunnen de datums niet controleren.', 'now'));
  }
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes <= 0) {
    problems.push(error('duration-invalid', 'De duur van het overleg moet een heel aantal minuten zijn, meer dan nul.', 'durationMinutes'));
  }
  const startDay = startMs === undefined ? undefined : amsterdamDay(startMs);
  const today = nowMs === undefined ? undefined : amsterdamDay(nowMs);
  if (startMs !== undefined && nowMs !== undefined && startMs < nowMs) {
    problems.push(
      error('start-past', `Het overleg staat op ${formatDutchDay(startDay!)} om ${amsterdamClock(startMs)} uur, en dat moment is al voorbij. Kies een moment in de toekomst.`, 'start'),
    );
  }
  if (!isCalendarDay(input.respondBy)) {
    problems.push(error('respond-by', 'De datum waarop je een reactie wilt hebben ontbreekt of is geen geldige datum.', 'respondBy'));
  } else if (startDay !== undefined && input.respondBy > startDay) {
    problems.push(
      error('respond-by', `Je vraagt om een reactie uiterlijk ${formatDutchDay(input.respondBy)}, maar het overleg is al op ${formatDutchDay(startDay)}. Kies een datum vóór het overleg, dan weet je op tijd wie er komt.`, 'respondBy'),
    );
  } else if (today !== undefined && input.respondBy < today) {
    problems.push(error('respond-by', `De datum om te reageren (${formatDutchDay(input.respondBy)}) is al voorbij. Kies vandaag of een latere datum.`, 'respondBy'));
  }
  if (!isCalendarDay(input.soNeededSince)) {
    problems.push(error('date-invalid', 'De datum waarop bleek dat een overleg nodig is ontbreekt of is geen geldige datum.', 'soNeededSince'));
  } else if (startDay !== undefined && startDay > addDays(input.soNeededSince, SO_WINDOW_DAYS)) {
    problems.push(
      warning(
        'so-window',
        `Het overleg is op ${formatDutchDay(startDay)}. Dat is meer dan twee weken nadat bleek dat een overleg nodig is (${formatDutchDay(input.soNeededSince)}). ` +
          'We spreken af dat een Samenwerkoverleg binnen twee weken plaatsvindt, zodat de inwoner niet lang hoeft te wachten. Lukt dat echt niet, bespreek dan met de inwoner waarom.',
        'start',
      ),
    );
  }
  return problems;
}

function checkParticipants(input: InvitationInput): Problem[] {
  const problems: Problem[] = [];
  if (!input.participants.some((p) => p.role === 'resident')) {
    problems.push(warning('resident-missing', 'De inwoner staat niet bij de deelnemers. Een Samenwerkoverleg is altijd mét de inwoner.', 'participants'));
  }
  input.participants.forEach((p, i) => {
    const name = displayName(p, i);
    if (cleanText(p.name) === '') {
      problems.push(error('name-missing', `Deelnemer ${i + 1} heeft nog geen naam.`, `participants.${i}.name`));
    }
    if (p.role !== 'resident' && p.reasons.length === 0) {
      problems.push(
        error('reason-missing', `Bij ${name} staat nog niet waarom je deze persoon uitnodigt. Met een reden kan iemand zelf inschatten of hij of zij de goede persoon is, of dat een collega beter past.`, `participants.${i}.reasons`),
      );
    }
    if (p.role !== 'resident' && cleanText(p.expectation) === '') {
      problems.push(warning('expectation-missing', `Bij ${name} staat nog niet wat je van deze persoon verwacht in het overleg.`, `participants.${i}.expectation`));
    }
    const email = (p.email ?? '').trim();
    if (email !== '' && !isEmailAddress(email)) {
      problems.push(error('email-invalid', `Het e-mailadres van ${name} lijkt niet te kloppen. Zo komt de uitnodiging niet aan.`, `participants.${i}.email`));
    }
  });
  if (!isEmailAddress(input.organiser.email.trim())) {
    problems.push(error('email-invalid', 'Het e-mailadres van de organisator lijkt niet te kloppen.', 'organiser.email'));
  }
  return problems;
}

/** The resident and network members whose names the invitation must not carry. */
function peopleToProtect(input: InvitationInput): ProtectedPerson[] {
  const invited = input.participants.flatMap((p) => (p.role === 'professional' ? [] : [{ name: p.name, role: p.role }]));
  return [...(input.protectedPeople ?? []), ...invited];
}

/** How a participant is called in the problems the case director reads (inside the plan: by name). */
function problemName(p: Participant, index: number): string {
  return displayName(p, index);
}

function freeTextFields(input: InvitationInput): [string, CheckedField][] {
  const fields: [string, CheckedField][] = [
    [input.goal, { label: 'het doel van het overleg', path: 'goal' }],
    [input.municipality, { label: 'de naam van de gemeente', path: 'municipality' }],
    [input.organiser.name, { label: 'de naam van de organisator', path: 'organiser.name' }],
  ];
  if (input.location.kind === 'other') fields.push([input.location.description, { label: 'de plek', path: 'location.description' }]);
  input.participants.forEach((p, i) => {
    const name = displayName(p, i);
    fields.push([p.name, { label: `de naam van deelnemer ${i + 1}`, path: `participants.${i}.name` }]);
    if (p.organisation) fields.push([p.organisation, { label: `de organisatie van ${name}`, path: `participants.${i}.organisation` }]);
    if (p.jobTitle) fields.push([p.jobTitle, { label: `de functie van ${name}`, path: `participants.${i}.jobTitle` }]);
    if (p.expectation) fields.push([p.expectation, { label: `wat je van ${name} verwacht`, path: `participants.${i}.expectation` }]);
  });
  return fields;
}

function checkContent(input: InvitationInput): Problem[] {
  const problems: Problem[] = [];
  if (!isCaseAlias(input.caseAlias)) {
    problems.push(error('case-alias-invalid', 'Het casusnummer ontbreekt of klopt niet (bijvoorbeeld SO-2026-014). Het onderwerp van de uitnodiging gebruikt dat nummer in plaats van een naam.', 'caseAlias'));
  }
  if (cleanText(input.goal) === '') {
    problems.push(error('goal-missing', 'Het doel van het overleg ontbreekt. Een korte samenvatting helpt iedereen om zich voor te bereiden.', 'goal'));
  }
  if (input.location.kind === 'other' && cleanText(input.location.description) === '') {
    problems.push(error('location-missing', 'Bij de plek staat nog niet waar het overleg is.', 'location.description'));
  }
  for (const [text, field] of freeTextFields(input)) problems.push(...checkNoIdentifiers(text ?? '', field, { blocking: INVITATION_BLOCKING_KINDS }));
  // Names of the resident and the network: in the free text they wrote (the people's own names are replaced).
  const people = peopleToProtect(input);
  const named: [string | undefined, CheckedField][] = [
    [input.goal, { label: 'het doel van het overleg', path: 'goal' }],
    ...(input.location.kind === 'other' ? [[input.location.description, { label: 'de plek', path: 'location.description' }] as [string, CheckedField]] : []),
    ...input.participants.flatMap((p, i): [string | undefined, CheckedField][] => [
      [p.expectation, { label: `wat je van ${problemName(p, i)} verwacht`, path: `participants.${i}.expectation` }],
      ...(p.role === 'professional' ? [] : [[p.organisation, { label: `wat er bij ${problemName(p, i)} staat`, path: `participants.${i}.organisation` }] as [string | undefined, CheckedField]]),
    ]),
  ];
  for (const [text, field] of named) problems.push(...checkNoNames(text ?? '', people, field, { severity: 'error' }));
  return problems;
}

// ---------------------------------------------------------------------------------------------------------

function attendeesOf(input: InvitationInput): Attendee[] {
  const organiser = input.organiser.email.trim().toLowerCase();
  const seen = new Set<string>([organiser]);
  const attendees: Attendee[] = [];
  input.participants.forEach((p, i) => {
    const email = (p.email ?? '').trim();
    if (email === '' || seen.has(email.toLowerCase())) return;
    seen.add(email.toLowerCase());
    // Once invited, everyone is expected at the table: nobody is optional in an SO. The attendee list
    // travels with the event: the resident and the network are on it by role, not by name.
    attendees.push({ name: p.role === 'professional' ? displayName(p, i) : publicTitle(p), email, type: 'required' });
  });
  return attendees;
}

/** Subject, body (HTML and text), attendees and problems of the SO invitation. */
export function composeInvitation(input: InvitationInput): Invitation {
  const startMs = parseInstant(input.start);
  const nowMs = parseInstant(input.now);
  const durationOk = Number.isInteger(input.durationMinutes) && input.durationMinutes > 0;
  const when =
    startMs === undefined
      ? undefined
      : {
          day: amsterdamDay(startMs),
          from: amsterdamClock(startMs),
          until: amsterdamClock(startMs + (durationOk ? input.durationMinutes : 0) * 60_000),
        };
  // Only fixed words, a checked alias and a date: no input text can bring a name into the subject.
  const subject = ['Samenwerkoverleg', isCaseAlias(input.caseAlias) ? input.caseAlias : undefined, when ? `op ${formatDutchDay(when.day)}` : undefined]
    .filter((part) => part !== undefined)
    .join(' ');
  const blocks = composeBlocks(input, when, isCalendarDay(input.respondBy) ? input.respondBy : undefined);
  const attendees = attendeesOf(input);
  const problems = [...checkContent(input), ...checkTimes(input, startMs, nowMs), ...checkParticipants(input)];
  if (attendees.length === 0) {
    problems.push(error('attendees-missing', 'Er is nog niemand met een e-mailadres om uit te nodigen.', 'participants'));
  }
  return { subject, html: renderHtml(blocks), text: renderText(blocks), attendees, problems };
}
