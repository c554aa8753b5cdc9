// Preparing an SO (Leerplan 4.3) and keeping its invitation's bookkeeping in the plan: who is invited and
// why, when, by when they should answer, what was sent, and with whom the plan was shared. Pure edits:
// every function takes a plan and returns a new one; time and ids come in as arguments.
import { addDays, amsterdamClock, amsterdamDay, isCalendarDay, parseInstant } from './calendar';
import type { CalendarDay } from './calendar';
import { hasConsentFor } from './consent';
import { SO_WINDOW_DAYS } from './invitation';
import type { Consent, Location, Meeting, MeetingPreparation, Plan, PlanParticipant } from './planSchema';
import { error, warning } from './problem';
import type { Problem } from './problem';
import { cleanText, isEmailAddress } from './text';

/** An SO takes an hour and a half unless the case director chooses otherwise (Leerplan: SO of 1.5 h). */
export const SO_DEFAULT_MINUTES = 90;
/** Invitees are asked to answer this many working days before the SO. */
export const RESPOND_BY_WORKING_DAYS = 3;
/** The working day the time suggestions look in (Europe/Amsterdam). */
export const SO_WORKING_HOURS = { start: '08:30', end: '17:00' } as const;

// ---------------------------------------------------------------------------------------------------------
// Days and local times in Amsterdam

/** A wall-clock date-time in Europe/Amsterdam without offset, e.g. '2026-12-01T10:00:00'. */
export type AmsterdamLocal = string;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function weekday(day: CalendarDay): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Monday to Friday. Public holidays are not known here: the calendar suggestions take care of those. */
export function isWorkingDay(day: CalendarDay): boolean {
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

/** `count` working days later (or earlier, when negative). */
export function addWorkingDays(day: CalendarDay, count: number): CalendarDay {
  let current = day;
  let left = Math.abs(count);
  const step = count < 0 ? -1 : 1;
  while (left > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/** The Amsterdam wall-clock date-time of an instant. */
export function amsterdamLocal(ms: number): AmsterdamLocal {
  return `${amsterdamDay(ms)}T${amsterdamClock(ms)}:00`;
}

function offsetMinutesAt(ms: number): number {
  const local = amsterdamLocal(ms);
  const m = LOCAL.exec(local)!;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** '2026-12-01T10:00' in Amsterdam → '2026-12-01T10:00:00+01:00'; undefined when it is not a date-time. */
export function amsterdamInstant(local: string): string | undefined {
  const m = LOCAL.exec(local);
  if (!m || !isCalendarDay(`${m[1]}-${m[2]}-${m[3]}`) || Number(m[4]) > 23 || Number(m[5]) > 59) return undefined;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  let offset = offsetMinutesAt(asUtc);
  offset = offsetMinutesAt(asUtc - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${sign}${hh}:${mm}`;
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------
// When

export interface SoTimeWindows {
  /** Per working day, the part of the working hours still ahead, as Amsterdam wall-clock times. */
  windows: { start: AmsterdamLocal; end: AmsterdamLocal }[];
  /** The last day of the two-week window. */
  lastDay: CalendarDay;
  /** True when the two-week window has passed: the windows are then the next two working weeks. */
  outsideWindow: boolean;
}

/**
 * Where to look for a time: working days from the day the SO turned out to be needed until two weeks
 * later, within working hours, never in the past, with room for the whole SO.
 */
/** The last day the SO may be held: two weeks after it became clear it is needed. */
export function soWindowLastDay(soNeededSince: CalendarDay): CalendarDay {
  return addDays(soNeededSince, SO_WINDOW_DAYS);
}

export function soTimeWindows(input: { soNeededSince: CalendarDay; now: string; durationMinutes: number }): SoTimeWindows {
  const nowMs = parseInstant(input.now);
  if (nowMs === undefined || !isCalendarDay(input.soNeededSince)) throw new RangeError('soTimeWindows needs a day and an instant');
  const today = amsterdamDay(nowMs);
  const nowMinutes = minutesOf(amsterdamClock(nowMs));
  const duration = Math.max(1, Math.round(input.durationMinutes));
  const dayStart = minutesOf(SO_WORKING_HOURS.start);
  const dayEnd = minutesOf(SO_WORKING_HOURS.end);
  const lastDay = soWindowLastDay(input.soNeededSince);

  const windowOn = (day: CalendarDay) => {
    if (!isWorkingDay(day)) return undefined;
    // Today: from the next half hour on.
    const from = day === today ? Math.max(dayStart, Math.ceil((nowMinutes + 1) / 30) * 30) : dayStart;
    if (from + duration > dayEnd) return undefined;
    return { start: `${day}T${clockOf(from)}:00`, end: `${day}T${clockOf(dayEnd)}:00` };
  };

  const windows: SoTimeWindows['windows'] = [];
  for (let day = input.soNeededSince > today ? input.soNeededSince : today; day <= lastDay; day = addDays(day, 1)) {
    const w = windowOn(day);
    if (w) windows.push(w);
  }
  if (windows.length > 0) return { windows, lastDay, outsideWindow: false };
  // Too late for the agreed two weeks: still look, over the next two working weeks.
  for (let day = today; windows.length < 10; day = addDays(day, 1)) {
    const w = windowOn(day);
    if (w) windows.push(w);
  }
  return { windows, lastDay, outsideWindow: true };
}

/** A first proposal for a new SO: 10:00 five working days from today, so everyone can still answer. */
export function proposedStart(now: string): string {
  const nowMs = parseInstant(now);
  if (nowMs === undefined) throw new RangeError(`not an instant: ${now}`);
  return amsterdamInstant(`${addWorkingDays(amsterdamDay(nowMs), 5)}T10:00`)!;
}

/**
 * By when invitees should answer: three working days before the SO, but never before today and never
 * after the SO's own day.
 */
export function defaultRespondBy(start: string, today: CalendarDay): CalendarDay | undefined {
  const startMs = parseInstant(start);
  if (startMs === undefined || !isCalendarDay(today)) return undefined;
  const startDay = amsterdamDay(startMs);
  const candidate = addWorkingDays(startDay, -RESPOND_BY_WORKING_DAYS);
  if (today > startDay) return startDay;
  return candidate < today ? today : candidate;
}

/**
 * The day the SO turned out to be needed, when the case director did not say: the day the resident
 * gave consent for the SO (the latest live one), else the day the plan was started.
 */
export function defaultSoNeededSince(plan: Pick<Plan, 'consents' | 'createdAt'>): CalendarDay {
  const consentDays = plan.consents
    .filter((c) => c.subject === 'meeting' && c.revokedAt === undefined)
    .map((c) => c.date)
    .sort();
  const latest = consentDays[consentDays.length - 1];
  if (latest !== undefined) return latest;
  const created = parseInstant(plan.createdAt);
  return created === undefined ? plan.createdAt.slice(0, 10) : amsterdamDay(created);
}

/**
 * The event's location line. At home, the address is not in the invitation (it gets forwarded): invitees
 * hear it after they accepted.
 */
export function meetingLocationText(location: Location): string {
  return location.kind === 'home' ? 'Bij de inwoner thuis (adres volgt na acceptatie)' : cleanText(location.description).slice(0, 255);
}

// ---------------------------------------------------------------------------------------------------------
// Who

/** The participants invited to this SO, in the plan's order. */
export function invitedParticipants(plan: Pick<Plan, 'participants'>, meeting: Pick<Meeting, 'invitedParticipantIds'>): PlanParticipant[] {
  if (meeting.invitedParticipantIds === undefined) return [...plan.participants];
  const invited = new Set(meeting.invitedParticipantIds);
  return plan.participants.filter((p) => invited.has(p.id));
}

/** Invitees without an e-mail address: they are called, and appear in the plan, not on the event. */
export function invitedByPhone(plan: Pick<Plan, 'participants'>, meeting: Pick<Meeting, 'invitedParticipantIds'>): PlanParticipant[] {
  return invitedParticipants(plan, meeting).filter((p) => !isEmailAddress((p.email ?? '').trim()));
}

export function isOptionalInvitee(meeting: Pick<Meeting, 'optionalParticipantIds'>, participantId: string): boolean {
  return (meeting.optionalParticipantIds ?? []).includes(participantId);
}

/**
 * What the preparation asks before the invitation may go out, beyond the invitation's own checks:
 * the resident's consent for the SO (error), whether each invitee is covered by it, and the checklist.
 * Paths: `consent`, `chair`, `noteTaker`, `preparation.residentSupport`, and `participants.{i}` with i the
 * invitee's index in `invitees` (the same order composeInvitation gets them in).
 */
export function checkSoPreparation(plan: Pick<Plan, 'consents' | 'participants'> & Partial<Pick<Plan, 'caseDirectorUserId'>>, meeting: Meeting, invitees: readonly PlanParticipant[]): Problem[] {
  const problems: Problem[] = [];
  if (!hasConsentFor(plan, 'meeting')) {
    problems.push(error('consent-missing', 'De inwoner heeft nog geen toestemming gegeven voor dit Samenwerkoverleg. Leg de toestemming vast voordat je uitnodigt.', 'consent'));
  } else {
    // Only when the consent names people: then the resident chose who comes, and a newcomer needs asking.
    const naming = plan.consents.some((c) => c.subject === 'meeting' && c.revokedAt === undefined && c.participantIds !== undefined);
    if (naming) {
      invitees.forEach((p, i) => {
        if (p.role !== 'resident' && !hasConsentFor(plan, 'meeting', p.id)) {
          problems.push(
            warning('consent-invitee', `De inwoner heeft nog niet gezegd dat ${cleanText(p.name) || `deelnemer ${i + 1}`} bij het overleg mag zijn. Bespreek het met de inwoner en leg de toestemming opnieuw vast.`, `participants.${i}`),
          );
        }
      });
    }
  }
  const ids = new Set(invitees.map((p) => p.id));
  if (meeting.chairParticipantId === undefined || !ids.has(meeting.chairParticipantId)) {
    problems.push(warning('chair-missing', 'Er is nog geen voorzitter gekozen uit de genodigden.', 'chair'));
  }
  if (meeting.noteTakerParticipantId === undefined || !ids.has(meeting.noteTakerParticipantId)) {
    problems.push(warning('note-taker-missing', 'Er is nog geen notulist gekozen uit de genodigden.', 'noteTaker'));
  }
  if (cleanText(meeting.preparation?.residentSupport) === '') {
    problems.push(warning('resident-support-missing', 'Er staat nog niet wat de inwoner nodig heeft om de regie te houden, en wie hem of haar daarbij steunt.', 'preparation.residentSupport'));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Plan edits

interface Stamp {
  /** ISO timestamp: the caller's clock. */
  now: string;
}

interface Actor extends Stamp {
  byUserId: string;
}

function withMeeting(plan: Plan, meetingId: string, change: (meeting: Meeting) => Meeting): Plan {
  if (!plan.meetings.some((m) => m.id === meetingId)) throw new RangeError(`no meeting ${meetingId}`);
  return { ...plan, meetings: plan.meetings.map((m) => (m.id === meetingId ? change(m) : m)) };
}

function withParticipant(plan: Plan, participantId: string, change: (participant: PlanParticipant) => PlanParticipant): Plan {
  if (!plan.participants.some((p) => p.id === participantId)) throw new RangeError(`no participant ${participantId}`);
  return { ...plan, participants: plan.participants.map((p) => (p.id === participantId ? change(p) : p)) };
}

export function appendLog(plan: Plan, entry: { at: string; byUserId: string; action: string; targetId?: string }): Plan {
  return { ...plan, log: [...plan.log, { ...entry }] };
}

/** A new SO to prepare: at the resident's home, 90 minutes, everyone in the plan invited. */
export function createMeeting(plan: Plan, input: Stamp & { id: string; start?: string; soNeededSince?: CalendarDay }): Plan {
  const nowMs = parseInstant(input.now);
  if (nowMs === undefined) throw new RangeError(`not an instant: ${input.now}`);
  const meeting: Meeting = {
    id: input.id,
    start: input.start ?? proposedStart(input.now),
    durationMinutes: SO_DEFAULT_MINUTES,
    location: { kind: 'home' },
    goal: '',
    status: 'planned',
    updatedAt: input.now,
    soNeededSince: input.soNeededSince ?? amsterdamDay(nowMs),
    invitedParticipantIds: plan.participants.map((p) => p.id),
  };
  const status = plan.status === 'draft' ? 'preparing' : plan.status;
  return { ...plan, status, meetings: [...plan.meetings, meeting] };
}

export type MeetingPatch = Partial<
  Pick<Meeting, 'start' | 'durationMinutes' | 'location' | 'goal' | 'chairParticipantId' | 'noteTakerParticipantId' | 'soNeededSince' | 'respondBy' | 'address'>
> & { preparation?: MeetingPreparation };

/** Changes the SO's own fields; `undefined` in the patch clears an optional field. */
export function updateMeeting(plan: Plan, meetingId: string, patch: MeetingPatch, stamp: Stamp): Plan {
  return withMeeting(plan, meetingId, (m) => {
    const next: Meeting = { ...m, updatedAt: stamp.now };
    for (const [key, value] of Object.entries(patch) as [keyof MeetingPatch, unknown][]) {
      if (value === undefined) delete (next as Partial<Meeting>)[key];
      else (next as Record<string, unknown>)[key] = key === 'preparation' ? { ...m.preparation, ...(value as MeetingPreparation) } : value;
    }
    return next;
  });
}

export type ParticipantPatch = Partial<Pick<PlanParticipant, 'name' | 'email' | 'reasons' | 'expectation' | 'organisation' | 'jobTitle'>>;

export function updateParticipant(plan: Plan, participantId: string, patch: ParticipantPatch, stamp: Stamp): Plan {
  return withParticipant(plan, participantId, (p) => {
    const next: PlanParticipant = { ...p, updatedAt: stamp.now };
    for (const [key, value] of Object.entries(patch) as [keyof ParticipantPatch, unknown][]) {
      if (value === undefined) delete (next as Partial<PlanParticipant>)[key];
      else (next as Record<string, unknown>)[key] = value;
    }
    return next;
  });
}

export type NewInvitee = Omit<PlanParticipant, 'updatedAt' | 'share' | 'joinedVia'>;

function sameEmail(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The participant already in the plan for this person (same tenant user or same e-mail), if any. */
export function findParticipant(plan: Pick<Plan, 'participants'>, person: { userId?: string; email?: string }): PlanParticipant | undefined {
  return plan.participants.find((p) => (person.userId !== undefined && p.userId === person.userId) || sameEmail(p.email, person.email));
}

/**
 * Invites someone to the SO. A person already in the plan (same user or e-mail) is invited as they are;
 * anyone else is added to the plan's participants first. Returns the plan and the invitee's id.
 */
export function addInvitee(plan: Plan, meetingId: string, person: NewInvitee, stamp: Stamp): { plan: Plan; participantId: string } {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new RangeError(`no meeting ${meetingId}`);
  const existing = findParticipant(plan, person) ?? plan.participants.find((p) => p.id === person.id);
  const participantId = existing?.id ?? person.id;
  let next = plan;
  if (!existing) {
    const added: PlanParticipant = { ...person, reasons: [...person.reasons], updatedAt: stamp.now };
    next = { ...plan, participants: [...plan.participants, added] };
  }
  const invited = meeting.invitedParticipantIds ?? plan.participants.map((p) => p.id);
  if (invited.includes(participantId)) return { plan: next, participantId };
  next = withMeeting(next, meetingId, (m) => ({ ...m, invitedParticipantIds: [...invited, participantId], updatedAt: stamp.now }));
  return { plan: next, participantId };
}

/** Takes someone off this SO's list (they stay in the plan); clears them as chair or note taker. */
export function removeInvitee(plan: Plan, meetingId: string, participantId: string, stamp: Stamp): Plan {
  return withMeeting(plan, meetingId, (m) => {
    const next: Meeting = {
      ...m,
      invitedParticipantIds: (m.invitedParticipantIds ?? plan.participants.map((p) => p.id)).filter((id) => id !== participantId),
      updatedAt: stamp.now,
    };
    if (m.optionalParticipantIds !== undefined) next.optionalParticipantIds = m.optionalParticipantIds.filter((id) => id !== participantId);
    if (m.chairParticipantId === participantId) delete next.chairParticipantId;
    if (m.noteTakerParticipantId === participantId) delete next.noteTakerParticipantId;
    return next;
  });
}

export function setInviteeOptional(plan: Plan, meetingId: string, participantId: string, optional: boolean, stamp: Stamp): Plan {
  return withMeeting(plan, meetingId, (m) => {
    const rest = (m.optionalParticipantIds ?? []).filter((id) => id !== participantId);
    return { ...m, optionalParticipantIds: optional ? [...rest, participantId] : rest, updatedAt: stamp.now };
  });
}

/** The resident's consent for the SO, for the people now invited (the resident themselves need none). */
export function recordMeetingConsent(
  plan: Plan,
  meetingId: string,
  input: Actor & { id: string; date: CalendarDay; how: Consent['how']; note?: string },
): Plan {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new RangeError(`no meeting ${meetingId}`);
  const consent: Consent = {
    id: input.id,
    subject: 'meeting',
    participantIds: invitedParticipants(plan, meeting).filter((p) => p.role !== 'resident').map((p) => p.id),
    date: input.date,
    how: input.how,
    recordedByUserId: input.byUserId,
    updatedAt: input.now,
  };
  if (input.note !== undefined && cleanText(input.note) !== '') consent.note = input.note;
  return appendLog({ ...plan, consents: [...plan.consents, consent] }, { at: input.now, byUserId: input.byUserId, action: 'consent.recorded', targetId: input.id });
}

/** Before the first send attempt: the transactionId, and the dates the invitation states, pinned in the plan. */
export function prepareSend(plan: Plan, meetingId: string, input: Stamp & { transactionId: string; respondBy: CalendarDay; soNeededSince: CalendarDay }): Plan {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new RangeError(`no meeting ${meetingId}`);
  // Nothing new: the same plan, so nothing is written again.
  if (meeting.transactionId !== undefined && meeting.respondBy === input.respondBy && meeting.soNeededSince === input.soNeededSince) return plan;
  return withMeeting(plan, meetingId, (m) => ({
    ...m, transactionId: m.transactionId ?? input.transactionId, respondBy: input.respondBy, soNeededSince: input.soNeededSince, updatedAt: input.now,
  }));
}

/** The invitation went out: the event, the moment, and the case is now planned. */
export function recordSent(plan: Plan, meetingId: string, input: Actor & { eventId: string }): Plan {
  const sent = withMeeting(plan, meetingId, (m) => ({ ...m, eventId: input.eventId, sentAt: m.sentAt ?? input.now, status: 'planned', updatedAt: input.now }));
  const status = sent.status === 'draft' || sent.status === 'preparing' ? 'planned' : sent.status;
  return appendLog({ ...sent, status }, { at: input.now, byUserId: input.byUserId, action: 'invitation.sent', targetId: meetingId });
}

/**
 * Someone received the invitation because an invitee forwarded it. The case director adds them with the
 * reason they are welcome; they are invited to this SO from now on.
 */
export function addForwardedParticipant(
  plan: Plan,
  meetingId: string,
  person: Pick<PlanParticipant, 'id' | 'name' | 'email' | 'reasons' | 'role'> & Partial<Pick<PlanParticipant, 'expectation' | 'organisation' | 'jobTitle' | 'userId'>>,
  actor: Actor,
): Plan {
  const existing = findParticipant(plan, person);
  let next: Plan;
  let participantId: string;
  if (existing) {
    participantId = existing.id;
    next = withParticipant(plan, existing.id, (p) => ({ ...p, reasons: [...person.reasons], ...(person.expectation === undefined ? {} : { expectation: person.expectation }), joinedVia: 'forward', updatedAt: actor.now }));
  } else {
    participantId = person.id;
    next = { ...plan, participants: [...plan.participants, { ...person, reasons: [...person.reasons], joinedVia: 'forward', updatedAt: actor.now }] };
  }
  next = addInvitee(next, meetingId, { ...person, id: participantId }, actor).plan;
  return appendLog(next, { at: actor.now, byUserId: actor.byUserId, action: 'participant.addedViaForward', targetId: participantId });
}

export function isPlanShared(participant: Pick<PlanParticipant, 'share'>): boolean {
  return participant.share !== undefined && participant.share.revokedAt === undefined;
}

export function recordShare(plan: Plan, participantId: string, input: Actor & { permissionId: string }): Plan {
  const shared = withParticipant(plan, participantId, (p) => ({
    ...p,
    share: { permissionId: input.permissionId, sharedAt: input.now, sharedByUserId: input.byUserId },
    updatedAt: input.now,
  }));
  return appendLog(shared, { at: input.now, byUserId: input.byUserId, action: 'plan.shared', targetId: participantId });
}

export function recordShareRevoked(plan: Plan, participantId: string, input: Actor): Plan {
  const revoked = withParticipant(plan, participantId, (p) =>
    p.share === undefined ? p : { ...p, share: { ...p.share, revokedAt: input.now, revokedByUserId: input.byUserId }, updatedAt: input.now },
  );
  return appendLog(revoked, { at: input.now, byUserId: input.byUserId, action: 'plan.shareRevoked', targetId: participantId });
}

/** Why the plan cannot be shared with this participant now; undefined when it can. */
export type ShareBlocker = 'no-email' | 'not-accepted' | 'no-consent' | 'already-shared';

export function shareBlocker(plan: Pick<Plan, 'consents' | 'participants'>, participantId: string, accepted: boolean): ShareBlocker | undefined {
  const participant = plan.participants.find((p) => p.id === participantId);
  if (!participant || !isEmailAddress((participant.email ?? '').trim())) return 'no-email';
  if (isPlanShared(participant)) return 'already-shared';
  if (!accepted) return 'not-accepted';
  if (!hasConsentFor(plan, 'sharePlan', participantId)) return 'no-consent';
  return undefined;
}

