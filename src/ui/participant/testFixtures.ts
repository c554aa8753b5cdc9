// Test support for the participant and add-in screens (imported by tests only): fake ports, an invitation as the
// domain writes it, and an axe check (colour contrast is left to the browser tests: happy-dom has no layout).
import axe from 'axe-core';
import { vi } from 'vitest';
import type { CalendarInvitation, CalendarInvitationDetail, CalendarPort, Person, Services } from '../../app/ports';
import { composeInvitation } from '../../domain';
import { servicesFor } from '../testing/servicesFor';
import type { Participant } from '../../domain';
import { sampleInvitationInput } from '../../domain/testing/sampleInvitation';

export const bram: Person = { id: 'u-bram', displayName: 'Bram Hoekstra', mail: 'bram.hoekstra@veldwijzer.example', jobTitle: 'Ambulant begeleider GGZ', organisation: 'Veldwijzer GGZ' };
export const linda: Person = { id: 'u-linda', displayName: 'Linda Martens', mail: 'linda.martens@thuisveld.example', jobTitle: 'Woonconsulent', organisation: 'Woonstichting Thuisveld' };
export const noMail: Person = { id: 'u-nomail', displayName: 'Lisa Zondermail' };

export const participants: Participant[] = [
  { id: 'p-res', name: 'Samira Benali', role: 'resident', reasons: [], expectation: 'Vertelt wat ze wil en beslist mee.' },
  {
    id: 'p-bram', name: 'Bram Hoekstra', email: bram.mail!, role: 'professional', organisation: 'Veldwijzer GGZ', jobTitle: 'Ambulant begeleider GGZ',
    reasons: ['expertise', 'criticalEye'], expectation: 'Brengt kennis over slapen en angst mee.',
  },
  {
    id: 'p-wouter', name: 'Wouter Dijkman', email: 'wouter.dijkman@thuisveld.example', role: 'professional', organisation: 'Woonstichting Thuisveld',
    reasons: ['expertise'], expectation: 'Kijkt naar de huurachterstand.',
  },
];

export const composed = composeInvitation(sampleInvitationInput({
  respondBy: '2026-11-27',
  organiser: { name: 'Esra Aydin', email: 'esra.aydin@buurtkracht.example' },
  participants,
  soNeededSince: '2026-11-20',
}));

export const HANDOUT_FILE = 'Samenwerkwijze - de vijf principes.pdf';

export const invitation: CalendarInvitation = {
  eventId: 'evt-bram-1',
  subject: composed.subject,
  start: '2026-12-01T09:00:00Z',
  end: '2026-12-01T10:30:00Z',
  location: 'Bij de inwoner thuis (adres volgt na acceptatie)',
  organizer: { name: 'Esra Aydin', email: 'esra.aydin@buurtkracht.example' },
  isOrganizer: false,
  isCancelled: false,
  response: 'none',
};

export const detail: CalendarInvitationDetail = {
  ...invitation,
  bodyText: composed.text,
  attendees: composed.attendees.map((a) => ({ name: a.name, email: a.email, type: a.type, response: 'none' as const })),
  attachmentNames: [HANDOUT_FILE],
};

export function fakeCalendar(overrides: Partial<CalendarPort> = {}) {
  return {
    listInvitations: vi.fn(async () => [invitation]),
    getInvitation: vi.fn(async () => detail),
    respond: vi.fn(async () => undefined),
    forward: vi.fn(async () => undefined),
    sendInvitation: vi.fn(async () => { throw new Error('not here'); }),
    getResponses: vi.fn(async () => []),
    findMeetingTimes: vi.fn(async () => ({ suggestions: [] })),
    getSchedule: vi.fn(async () => []),
    getResponseMessages: vi.fn(async () => []),
    getEventState: vi.fn(async () => { throw new Error('not here'); }),
    moveEvent: vi.fn(async () => undefined),
    setAttendees: vi.fn(async () => undefined),
    cancelEvent: vi.fn(async () => undefined),
    getAttachment: vi.fn(async () => ({ name: HANDOUT_FILE, contentType: 'application/pdf', bytesBase64: Buffer.from('%PDF-1.7 principes').toString('base64') })),
    ...overrides,
  } satisfies CalendarPort;
}

export function fakeServices(overrides: Partial<Services> = {}): Services {
  return servicesFor({
    directory: {
      me: async () => bram,
      searchPeople: vi.fn(async (q: string) => [linda, noMail, bram].filter((p) => p.displayName.toLowerCase().includes(q.toLowerCase()))),
      searchUsers: vi.fn(async () => []),
    },
    cases: { listCases: vi.fn(async () => []), createCase: vi.fn(), updateSummary: vi.fn() } as unknown as Services['cases'],
    calendar: fakeCalendar(),
    handout: { load: async () => ({ name: HANDOUT_FILE, contentType: 'application/pdf', bytesBase64: Buffer.from('%PDF-1.7 principes').toString('base64') }) },
    areaChampions: { championFor: () => undefined, all: () => [] },
    clock: { now: () => new Date('2026-11-22T09:00:00+01:00') },
    municipality: 'Gemeente Maasveld',
    ...overrides,
  });
}

/**
 * axe-core's WCAG 2.1 A/AA rules on the rendered screen; colour contrast needs a real browser. As in the browser
 * tests (tests/e2e/support/axe.ts), Fluent's focus-trap sentinels (<i data-tabster-dummy>) are left out.
 */
export async function axeViolations(container: Element): Promise<string[]> {
  const context = { include: [container], exclude: [['[data-tabster-dummy]']] } as unknown as Element;
  const result = await axe.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
