// The fixed structure of an SO as a time-boxed agenda the chair can run. The order is the Samenwerkwijze's
// own: always start with the resident's story, then the "ik wil" points one by one, and only then who does
// what. Minutes are whole numbers that add up exactly to the meeting's length, so the runner never drifts.
import { amsterdamClock, parseInstant } from './calendar';
import { apportion } from './apportion';
import { error, warning } from './problem';
import type { Problem } from './problem';
import { cleanText } from './text';

export const AGENDA_KEYS = [
  'introductions',
  'goalAndRules',
  'currentState',
  'residentStory',
  'wants',
  'can',
  'needs',
  'agreements',
  'caseDirection',
  'evaluation',
  'closingRound',
] as const;

export type AgendaKey = (typeof AGENDA_KEYS)[number];

export interface AgendaChild {
  key: string;
  title: string;
  minutes: number;
  /** ISO instant the part starts, when the meeting's start was valid. */
  startsAt?: string;
  /** Amsterdam wall-clock time the part starts ("10:05"). */
  clock?: string;
}

export interface AgendaItem extends AgendaChild {
  key: AgendaKey;
  children?: AgendaChild[];
}

export interface AgendaInput {
  /** The "ik wil" points, in the plan's order, in the resident's own words. */
  wants: readonly string[];
  start: string;
  durationMinutes: number;
  participantCount: number;
}

export interface Agenda {
  items: AgendaItem[];
  problems: Problem[];
}

export const AGENDA_TITLES: Readonly<Record<AgendaKey, string>> = {
  introductions: 'Kennismaken: naam, functie, organisatie en waarom je aan tafel zit',
  goalAndRules: 'De Samenwerkwijze, het doel van vandaag en de spelregels; wie schrijft de afspraken op?',
  currentState: 'Hoe staat het er nu voor?',
  residentStory: 'De inwoner vertelt: dit wil ik',
  wants: 'De ‘Ik wil’-punten, één voor één',
  can: 'Ik kan: wat ik zelf doe en wat ik anderen kan bieden',
  needs: 'Ik heb nodig: op korte en op lange termijn',
  agreements: 'Afspraken: wie doet wat, en uiterlijk wanneer? Hoe houden we elkaar op de hoogte?',
  caseDirection: 'Wie houdt samen met de inwoner de regie? Is een procesregisseur nodig?',
  evaluation: 'Evaluatie of vervolgoverleg: wanneer, hoe en wie organiseert het?',
  closingRound: 'Afsluitende ronde: hoe was dit overleg voor iedereen?',
};

// Relative weight of each part after the introductions, tuned on a 90-minute SO: the resident's story
// and the "ik wil" points get the most room, then the agreements that the meeting exists for.
const WEIGHTS: Readonly<Record<Exclude<AgendaKey, 'introductions'>, number>> = {
  goalAndRules: 5,
  currentState: 7,
  residentStory: 10,
  wants: 24,
  can: 7,
  needs: 7,
  agreements: 14,
  caseDirection: 4,
  evaluation: 4,
  closingRound: 4,
};

/** The introductions are short: about a minute per person at the table... */
const INTRO_MINUTES_PER_PERSON = 1;
/** ...but never more than a fifth of the meeting. */
const INTRO_MAX_SHARE = 0.2;
/** Below this an SO rarely gets to agreements everyone stands behind. */
export const SHORT_SO_MINUTES = 45;

/** The shortest meeting that still gives every part (and every "ik wil" point) one minute. */
export function minimumAgendaMinutes(wantCount: number): number {
  return AGENDA_KEYS.length - 1 + Math.max(1, wantCount);
}

function introMinutes(duration: number, participantCount: number, othersMinimum: number): number {
  const people = Number.isFinite(participantCount) ? Math.max(1, Math.floor(participantCount)) : 1;
  const wanted = people * INTRO_MINUTES_PER_PERSON;
  const cap = Math.max(1, Math.floor(duration * INTRO_MAX_SHARE));
  return Math.max(1, Math.min(wanted, cap, duration - othersMinimum));
}

export function buildAgenda(input: AgendaInput): Agenda {
  const problems: Problem[] = [];
  const wants = input.wants.map((w) => cleanText(w));
  const duration = input.durationMinutes;
  const startMs = parseInstant(input.start);
  if (startMs === undefined) {
    problems.push(error('start-invalid', 'De begintijd van het overleg ontbreekt of is geen geldige datum met tijd.', 'start'));
  }
  if (wants.length === 0) {
    problems.push(warning('wants-missing', 'Er staan nog geen ‘Ik wil’-punten in het plan. Die zijn de kern van het overleg.', 'wants'));
  }
  const minimum = minimumAgendaMinutes(wants.length);
  if (!Number.isInteger(duration) || duration < minimum) {
    problems.push(
      error(
        'duration-invalid',
        Number.isInteger(duration)
          ? `Met ${duration} minuten krijgt niet elk onderdeel van het overleg een minuut. Plan minstens ${minimum} minuten.`
          : 'De duur van het overleg moet een heel aantal minuten zijn.',
        'durationMinutes',
      ),
    );
    return { items: [], problems };
  }
  if (duration < SHORT_SO_MINUTES) {
    problems.push(
      warning('duration-short', `Een overleg van ${duration} minuten is krap. Met minder dan drie kwartier is er weinig ruimte voor het verhaal van de inwoner en voor afspraken waar iedereen achter staat.`, 'durationMinutes'),
    );
  }

  const rest = AGENDA_KEYS.slice(1) as Exclude<AgendaKey, 'introductions'>[];
  const restMinimums = rest.map((key) => (key === 'wants' ? Math.max(1, wants.length) : 1));
  const intro = introMinutes(duration, input.participantCount, restMinimums.reduce((a, b) => a + b, 0));
  const restMinutes = apportion(duration - intro, rest.map((key) => WEIGHTS[key]), restMinimums);
  const minutes: Record<AgendaKey, number> = { introductions: intro } as Record<AgendaKey, number>;
  rest.forEach((key, i) => (minutes[key] = restMinutes[i]!));

  let offset = 0;
  const timed = <T extends AgendaChild>(part: T): T => {
    if (startMs !== undefined) {
      const at = startMs + offset * 60_000;
      part.startsAt = new Date(at).toISOString();
      part.clock = amsterdamClock(at);
    }
    return part;
  };

  const items = AGENDA_KEYS.map((key): AgendaItem => {
    const item = timed<AgendaItem>({ key, title: AGENDA_TITLES[key], minutes: minutes[key] });
    if (key === 'wants') {
      const split = wants.length > 0 ? apportion(minutes.wants, wants.map(() => 1), wants.map(() => 1)) : [];
      item.children = wants.map((text, i) => {
        const child = timed<AgendaChild>({ key: `want-${i + 1}`, title: text || `‘Ik wil’-punt ${i + 1}`, minutes: split[i]! });
        offset += split[i]!;
        return child;
      });
      if (wants.length === 0) offset += minutes.wants;
    } else {
      offset += minutes[key];
    }
    return item;
  });
  return { items, problems };
}
