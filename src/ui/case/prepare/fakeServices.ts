// Test support (component tests of the SO screens): in-memory ports around one plan document, with the
// calendar, mail and share calls recorded. Not imported by production code.
import { vi } from 'vitest';
import { AppError } from '../../../app/errors';
import type { AttendeeResponse, CaseListEntry, MailMessage, Person, ResponseMessage, SendInvitationRequest, Services } from '../../../app/ports';
import { alwaysOnline } from '../../../app/ports/local';
import { planCodec } from '../../../app/savePlan';
import { createMemoryStore } from '../../../storage/memoryStore';
import { createSeed } from '../../../demo/seed';
import type { Plan } from '../../../domain';

export const NOW = new Date('2026-11-23T09:00:00+01:00');
export const ESRA: Person = { id: 'u-esra', displayName: 'Esra Aydin', mail: 'esra.aydin@buurtkracht.example', jobTitle: 'Sociaal werker', organisation: 'Stichting Buurtkracht Maasveld' };

/** The demo's SO-2026-014 plan, migrated, optionally changed. */
export function seedPlan014(change: (plan: Plan) => Plan = (p) => p): Plan {
  const item = createSeed().planDrive.items.find((i) => i.name === 'SO-2026-014.json')!;
  return change(planCodec.parse(item.content));
}

export const ENTRY: CaseListEntry = { documentId: 'doc-014', caseAlias: 'SO-2026-014', status: 'preparing', openAgreements: 0, lastModified: '2026-11-19T10:00:00Z' };

export function fakeServices(initial: Plan, options: { responses?: AttendeeResponse[]; responseMessages?: ResponseMessage[]; sendFailures?: AppError[] } = {}) {
  let stored = { content: JSON.stringify(initial), eTag: '"1"' };
  let version = 1;
  const failures = [...(options.sendFailures ?? [])];
  const storedPlan = () => planCodec.parse(stored.content);
  const sends: { request: SendInvitationRequest; storedBefore: Plan }[] = [];
  const sendInvitation = vi.fn(async (request: SendInvitationRequest) => {
    sends.push({ request, storedBefore: storedPlan() });
    const failure = failures.shift();
    if (failure) throw failure;
    return { eventId: 'ev-1', created: sends.length === 1 };
  });
  const mailSend = vi.fn(async (_message: MailMessage) => undefined);
  const share = vi.fn(async () => ({ permissionId: 'perm-1' }));
  const services: Services = {
    directory: {
      me: async () => ESRA,
      searchPeople: async (q) => (q.toLowerCase().startsWith('lin') ? [{ id: 'u-linda', displayName: 'Linda Martens', mail: 'linda.martens@thuisveld.example', jobTitle: 'Woonconsulent', organisation: 'Woonstichting Thuisveld' }] : []),
      searchUsers: async () => [],
    },
    cases: { listCases: async () => [ENTRY], createCase: async () => ENTRY, updateSummary: async () => undefined },
    calendar: {
      sendInvitation,
      getResponses: vi.fn(async () => options.responses ?? []),
      respond: async () => undefined,
      forward: async () => undefined,
      listInvitations: async () => [],
      getInvitation: async () => { throw new AppError('graph-not-found'); },
      findMeetingTimes: async () => ({
        suggestions: [
          { start: '2026-11-30T10:00:00', end: '2026-11-30T11:30:00', timeZone: 'Europe/Amsterdam', confidence: 100, organizerAvailability: 'free', attendees: [] },
          { start: '2026-12-01T13:00:00', end: '2026-12-01T14:30:00', timeZone: 'Europe/Amsterdam', confidence: 100, organizerAvailability: 'free', attendees: [] },
        ],
      }),
      getSchedule: async () => [],
      getResponseMessages: vi.fn(async () => options.responseMessages ?? []),
      getEventState: async () => { throw new AppError('graph-not-found'); },
      moveEvent: vi.fn(async () => undefined),
      setAttendees: vi.fn(async () => undefined),
      cancelEvent: vi.fn(async () => undefined),
      getAttachment: async () => undefined,
    },
    plans: {
      read: async () => ({ ...stored }),
      write: async (_id, content, eTag) => {
        if (eTag !== stored.eTag) throw new AppError('graph-precondition-failed');
        version += 1;
        stored = { content, eTag: `"${version}"` };
        return { eTag: stored.eTag };
      },
      share,
      revoke: async () => ({ alreadyGone: false }),
    },
    tasks: {} as Services['tasks'],
    mail: { send: mailSend },
    handout: { load: async () => ({ name: 'Samenwerkwijze - de vijf principes.pdf', contentType: 'application/pdf', bytesBase64: 'JVBERi0=' }) },
    areaChampions: {
      championFor: (areaId) => (areaId === 'area-maasveld-noord' ? { areaId, areaName: 'Maasveld-Noord', name: 'Joris van Leeuwen', email: 'joris.vanleeuwen@buurtkracht.example' } : undefined),
      all: () => [],
    },
    clock: { now: () => NOW },
    municipality: 'Gemeente Maasveld',
    local: createMemoryStore(),
    connectivity: alwaysOnline,
  };
  return { services, storedPlan, sends, sendInvitation, mailSend, share };
}
