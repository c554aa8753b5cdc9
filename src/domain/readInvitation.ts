// Reading an SO invitation back, as the invited professional receives it: why am I asked, and what is
// expected of me. The invitation lists people by name and organisation, never by e-mail address (it gets
// forwarded), so the reader keys on NAMES: the caller passes the names I may be listed under (the name
// on the attendee entry with my address first, then my directory name).
//
// Two shapes of text are read:
// - the invitation's own text rendering (composeInvitation().text): person titles start with "• " in the
//   first column and their lines are indented by two spaces; this shape round-trips exactly;
// - a mail client's text conversion of the HTML body (Graph with Prefer: outlook.body-content-type="text",
//   Office.js body.getAsync(Text)): bullets may be "*", "•", "·" or "-", indented or not, lines unindented.
import { REASON_LABELS, REASONS } from './reasons';
import type { Reason } from './reasons';
import { normaliseText } from './text';

/** Headings of composeInvitation's text, in order. Kept in step by the round-trip test. */
export const INVITATION_HEADINGS = {
  goal: 'Het doel van dit overleg',
  people: 'Wie er aan tafel zitten, en waarom',
  respond: 'Laat je weten of je erbij bent?',
  when: 'Wanneer en waar',
} as const;

const SUBJECT_PREFIX = /^samenwerkoverleg(?:\s|$)/i;

/** An SO invitation's subject always starts with "Samenwerkoverleg" (then the case alias and the date). */
export function isSoInvitationSubject(subject: string | undefined | null): boolean {
  return SUBJECT_PREFIX.test((subject ?? '').trim());
}

export interface InvitedPerson {
  /** The line that introduces the person: "Name, job title, organisation". */
  title: string;
  /** The name, as far as the title tells it (the part before the first comma). */
  name: string;
  /** The rest of the title: job title and organisation (a professional), or what the network member is. */
  details: string;
  isResident: boolean;
  reasons: Reason[];
  expectation?: string;
}

export interface InvitationReading {
  /** True when the text has the invitation's structure (the people section). */
  recognised: boolean;
  goal?: string;
  people: InvitedPerson[];
  /** The person matching one of my names; undefined when the invitation does not list me by those names. */
  mine?: InvitedPerson;
  /** "dinsdag 1 december 2026", as the invitation says it. */
  respondBy?: string;
  /** The invitation's own lines about the moment and the place ("Datum: …", "Tijd: …", "Plek: …"). */
  date?: string;
  time?: string;
  place?: string;
  /** The name under "Met vriendelijke groet,". */
  signedBy?: string;
}

// The invitation is sent in normalised spelling (normaliseText): names are compared in that spelling too.
const normalise = (value: string) => normaliseText(value).toLowerCase().replace(/\s+/g, ' ').trim();

/** True when the title introduces the person with this name ("Bram Hoekstra" ~ "Bram Hoekstra, Veldwijzer GGZ"). */
export function titleNames(title: string, name: string): boolean {
  const t = normalise(title);
  const n = normalise(name);
  return n !== '' && (t === n || t.startsWith(`${n},`));
}

const STRICT_TITLE = /^• /;
const LOOSE_TITLE = /^\s*[•*·▪-]\s+(?=\S)/;
const REASONS_LINE = /^Waarom:\s*/;
const EXPECTATION_LINE = /^Wat we verwachten:\s?/;

function reasonsIn(text: string): Reason[] {
  return REASONS.map((r) => ({ r, at: text.indexOf(REASON_LABELS[r]) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.r);
}

function person(title: string): InvitedPerson & { lines: string[]; expecting: boolean } {
  const comma = title.indexOf(', ');
  const name = comma >= 0 ? title.slice(0, comma) : title;
  const details = comma >= 0 ? title.slice(comma + 2) : '';
  // The resident is introduced as "De inwoner" (earlier invitations: "Name, inwoner").
  const isResident = details === 'inwoner' || name.toLowerCase() === 'de inwoner';
  return { title, name, details, isResident, reasons: [], lines: [], expecting: false };
}

function readPeople(section: readonly string[]): InvitedPerson[] {
  // The invitation's own text puts "• " in the first column; anything else is a converted body.
  const strict = section.some((l) => STRICT_TITLE.test(l));
  const people: ReturnType<typeof person>[] = [];
  let current: ReturnType<typeof person> | undefined;
  for (const line of section) {
    if (strict ? STRICT_TITLE.test(line) : LOOSE_TITLE.test(line)) {
      current = person((strict ? line.slice(2) : line.replace(LOOSE_TITLE, '')).trim());
      people.push(current);
      continue;
    }
    if (!current) continue; // the section's introduction
    if (line === '') {
      // Our text separates people by an empty line; a blank line inside a text keeps its indent.
      if (strict) current.expecting = false;
      continue;
    }
    const content = strict && line.startsWith('  ') ? line.slice(2) : line.trim();
    if (!strict && content === '') continue;
    if (current.expecting) {
      current.lines.push(content);
    } else if (current.lines.length === 0 && current.reasons.length === 0 && REASONS_LINE.test(content)) {
      current.reasons = reasonsIn(content);
    } else if (current.lines.length === 0 && EXPECTATION_LINE.test(content)) {
      current.expecting = true;
      current.lines.push(content.replace(EXPECTATION_LINE, ''));
    }
  }
  return people.map(({ lines, expecting: _expecting, ...p }) => {
    const expectation = lines.join('\n').trim();
    return expectation ? { ...p, expectation } : p;
  });
}

function indexOfHeading(lines: readonly string[], heading: string, from = 0): number {
  for (let i = from; i < lines.length; i += 1) if (lines[i]!.trim() === heading) return i;
  return -1;
}

function lineValue(lines: readonly string[], label: string): string | undefined {
  const prefix = `${label}:`;
  const line = lines.find((l) => l.trim().startsWith(prefix));
  return line?.trim().slice(prefix.length).trim() || undefined;
}

/**
 * Reads an invitation text (see the header for the shapes it knows). `myNames` are the names I may be listed
 * under, most specific first; the first person whose title starts with one of them is `mine`.
 * Never throws: what it cannot find is left out.
 */
export function readInvitation(text: string, myNames: readonly string[] = []): InvitationReading {
  const lines = (text ?? '').replace(/\r\n?/g, '\n').split('\n');
  const goalAt = indexOfHeading(lines, INVITATION_HEADINGS.goal);
  const peopleAt = indexOfHeading(lines, INVITATION_HEADINGS.people, Math.max(goalAt, 0));
  const respondAt = indexOfHeading(lines, INVITATION_HEADINGS.respond, Math.max(peopleAt, 0));
  const recognised = peopleAt >= 0;

  const reading: InvitationReading = { recognised, people: [] };
  if (goalAt >= 0) {
    const goal = lines.slice(goalAt + 1, peopleAt >= 0 ? peopleAt : undefined).join('\n').trim();
    if (goal) reading.goal = goal;
  }
  if (recognised) {
    reading.people = readPeople(lines.slice(peopleAt + 1, respondAt >= 0 ? respondAt : undefined));
    for (const name of myNames) {
      const found = reading.people.find((p) => titleNames(p.title, name));
      if (found) {
        reading.mine = found;
        break;
      }
    }
  }

  const tail = lines.slice(Math.max(respondAt, peopleAt, 0));
  const flowing = tail.join(' ').replace(/\s+/g, ' ');
  const respondBy = /uiterlijk (.+?) of je erbij kunt zijn/.exec(flowing)?.[1];
  if (respondBy) reading.respondBy = respondBy;
  const date = lineValue(tail, 'Datum');
  if (date) reading.date = date;
  const time = lineValue(tail, 'Tijd');
  if (time) reading.time = time;
  const place = lineValue(tail, 'Plek');
  if (place) reading.place = place;
  const greeting = tail.findIndex((l) => l.trim() === 'Met vriendelijke groet,');
  const signedBy = greeting >= 0 ? tail.slice(greeting + 1).find((l) => l.trim() !== '')?.trim() : undefined;
  if (signedBy) reading.signedBy = signedBy;
  return reading;
}
