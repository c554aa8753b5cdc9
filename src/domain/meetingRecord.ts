// Recording during the SO: who does what by when, who keeps the regie with the resident, whether a
// procesregisseur is needed, when the evaluation is, notes per agenda item, and closing the SO. Pure
// edits like planEdits: ids and time come in; asked to change something that does not exist, the plan
// stays as it was. Two devices record at once, so every record has an id and its own `updatedAt`.
import { addDays, formatDutchDay, isCalendarDay, toCalendarDay } from './calendar';
import { changeAgreement, SIX_WEEKS_IN_DAYS } from './agreements';
import type { AgreementPatch } from './agreements';
import type { EditStamp } from './planEdits';
import type { Agreement, CaseDirection, DistributionChannel, Evaluation, LogEntry, Meeting, MeetingNote, ParticipantRole, Plan, PlanParticipant } from './planSchema';
import { error, warning } from './problem';
import type { Problem } from './problem';
import { presentAtMeeting } from './attendance';
import { cleanText } from './text';

// ---------------------------------------------------------------------------------------------------------
// Agreements

export interface NewAgreement {
  id: string;
  /** A participant id of the plan: the resident, a network member or a professional. */
  who: string;
  what: string;
  /** YYYY-MM-DD */
  due: string;
  meetingId?: string;
  wantId?: string;
  perspectiveOnly?: boolean;
  /** Kept only with perspectiveOnly. */
  perspectiveNote?: string;
  evaluationId?: string;
}

function withLog(plan: Plan, entry: LogEntry): Plan {
  return { ...plan, log: [...plan.log, entry] };
}

/**
 * Adds an open agreement. The same id twice leaves the plan as it was: a retried or replayed edit (the
 * outbox replays after a reload) must not add it again.
 */
export function addAgreement(plan: Plan, agreement: NewAgreement, stamp: EditStamp): Plan {
  if (plan.agreements.some((a) => a.id === agreement.id)) return plan;
  const record: Agreement = {
    id: agreement.id,
    who: agreement.who,
    what: cleanText(agreement.what),
    due: agreement.due,
    status: 'open',
    createdAt: stamp.at,
    updatedAt: stamp.at,
    history: [{ at: stamp.at, byUserId: stamp.byUserId, change: 'created' }],
  };
  if (agreement.meetingId !== undefined) record.meetingId = agreement.meetingId;
  if (agreement.wantId !== undefined && agreement.wantId !== '') record.wantId = agreement.wantId;
  if (agreement.perspectiveOnly === true) {
    record.perspectiveOnly = true;
    const note = cleanText(agreement.perspectiveNote);
    if (note !== '') record.perspectiveNote = note;
  }
  if (agreement.evaluationId !== undefined) record.evaluationId = agreement.evaluationId;
  return withLog({ ...plan, agreements: [...plan.agreements, record] }, { at: stamp.at, byUserId: stamp.byUserId, action: 'agreement.added', targetId: agreement.id });
}

/** Changes fields of an agreement (with history, see changeAgreement). Unknown id or no change: as it was. */
export function editAgreement(plan: Plan, id: string, patch: AgreementPatch, stamp: EditStamp): Plan {
  const current = plan.agreements.find((a) => a.id === id);
  if (current === undefined) return plan;
  const clean: AgreementPatch = { ...patch };
  if (patch.what !== undefined) clean.what = cleanText(patch.what);
  if (patch.perspectiveNote !== undefined) clean.perspectiveNote = cleanText(patch.perspectiveNote);
  const next = changeAgreement(current, clean, stamp);
  if (next === current) return plan;
  return { ...plan, agreements: plan.agreements.map((a) => (a.id === id ? next : a)) };
}

export interface OwnerOption {
  participantId: string;
  name: string;
  role: ParticipantRole;
  userId?: string;
  organisation?: string;
}

const ROLE_ORDER: readonly ParticipantRole[] = ['resident', 'network', 'professional'];

function ownerOption(p: PlanParticipant): OwnerOption {
  const option: OwnerOption = { participantId: p.id, name: cleanText(p.name), role: p.role };
  if (p.userId !== undefined) option.userId = p.userId;
  if (p.organisation !== undefined && cleanText(p.organisation) !== '') option.organisation = cleanText(p.organisation);
  return option;
}

/**
 * Who can take an agreement on: the resident first (the plan is theirs), then the network, then the
 * professionals. For an SO: who is at its table (the resident, the invitees who did not decline, the case
 * director; after the close, who was there).
 */
export function agreementOwnerOptions(plan: Plan, meetingId?: string): OwnerOption[] {
  const meeting = meetingId === undefined ? undefined : plan.meetings.find((m) => m.id === meetingId);
  // At the table: who did not decline, the resident and the case director (attendance.ts).
  const candidates = meeting === undefined ? plan.participants : presentAtMeeting(plan, meeting);
  return ROLE_ORDER.flatMap((role) => candidates.filter((p) => p.role === role).map(ownerOption));
}

/** The name to show for an agreement's `who`: the participant's name, else what was stored. */
export function agreementOwnerName(plan: Plan, who: string): string {
  const participant = plan.participants.find((p) => p.id === who);
  const name = participant === undefined ? '' : cleanText(participant.name);
  if (name !== '') return name;
  if (participant?.role === 'resident' || who === plan.resident.id) return cleanText(plan.resident.name) || who;
  return who;
}

/** The agreements made in one SO, in the plan's order. */
export function meetingAgreements(plan: Plan, meetingId: string): Agreement[] {
  return plan.agreements.filter((a) => a.meetingId === meetingId);
}

// ---------------------------------------------------------------------------------------------------------
// Casusregie and procesregie

/**
 * Changes who keeps the regie and whether a procesregisseur is needed. `undefined` in the patch removes
 * the key. Saying no procesregisseur is needed keeps the AVE level: that is the case's level either way.
 */
export function setCaseDirection(plan: Plan, patch: Partial<CaseDirection>): Plan {
  const next: CaseDirection = { ...plan.caseDirection };
  let changed = false;
  for (const [key, value] of Object.entries(patch) as [keyof CaseDirection, unknown][]) {
    if (!(key in patch)) continue;
    if (value === undefined) {
      if (key === 'processDirectorNeeded') continue;
      if (next[key] !== undefined) {
        delete next[key];
        changed = true;
      }
    } else if (next[key] !== value) {
      (next as Record<string, unknown>)[key] = value;
      changed = true;
    }
  }
  return changed ? { ...plan, caseDirection: next } : plan;
}

function participantName(p: PlanParticipant | undefined, fallback: string): string {
  return (p === undefined ? '' : cleanText(p.name)) || fallback;
}

export function checkCaseDirection(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const direction = plan.caseDirection;
  const director = direction.caseDirectorParticipantId;
  if (director === undefined || director === '') {
    problems.push(warning('case-director-missing', 'Er staat nog niet wie samen met de inwoner de regie houdt. Spreek af wie de casusregisseur is.', 'caseDirectorParticipantId'));
  } else {
    const p = plan.participants.find((x) => x.id === director);
    if (p === undefined) {
      problems.push(error('case-director-unknown', 'De gekozen casusregisseur staat niet (meer) bij de deelnemers. Kies iemand anders.', 'caseDirectorParticipantId'));
    } else if (p.role !== 'professional') {
      problems.push(error('case-director-not-professional', `${participantName(p, 'Deze deelnemer')} is geen professional. De casusregie ligt bij een professional die met de inwoner optrekt.`, 'caseDirectorParticipantId'));
    }
  }
  const level = direction.aveLevel;
  if (direction.processDirectorNeeded) {
    if (level === undefined) {
      problems.push(warning('ave-level-missing', 'Er is een procesregisseur nodig. Geef ook aan op welk AVE-niveau de casus zit.', 'aveLevel'));
    }
    const processDirector = direction.processDirectorParticipantId;
    if (processDirector !== undefined && processDirector !== '') {
      const p = plan.participants.find((x) => x.id === processDirector);
      if (p === undefined) {
        problems.push(error('process-director-unknown', 'De gekozen procesregisseur staat niet (meer) bij de deelnemers.', 'processDirectorParticipantId'));
      } else if (p.role !== 'professional') {
        problems.push(error('process-director-not-professional', `${participantName(p, 'Deze deelnemer')} is geen professional. Een procesregisseur is altijd een professional.`, 'processDirectorParticipantId'));
      } else if (processDirector === director) {
        problems.push(warning('process-director-is-case-director', 'De procesregisseur is dezelfde persoon als de casusregisseur. Een procesregisseur staat meestal juist naast de casus.', 'processDirectorParticipantId'));
      }
    }
  } else if (level !== undefined && level >= 3) {
    problems.push(warning('process-director-advised', `Bij AVE-niveau ${level} loopt de samenwerking vast of staat veiligheid op het spel. Bespreek of een procesregisseur nodig is.`, 'processDirectorNeeded'));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Evaluation

export interface EvaluationDraft {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  organiserParticipantId?: string;
  how: 'meeting' | 'mail';
  meetingId?: string;
}

/** Problems with an evaluation as the form holds it. `today` and `meetingDate` are days or instants. */
export function checkEvaluationDraft(draft: EvaluationDraft, context: { today: string; meetingDate?: string }): Problem[] {
  const problems: Problem[] = [];
  if (!isCalendarDay(draft.date)) {
    problems.push(error('date-invalid', 'Vul een geldige datum in voor de evaluatie.', 'date'));
  } else {
    const today = toCalendarDay(context.today);
    if (today !== undefined && draft.date < today) {
      problems.push(error('date-past', `De evaluatie op ${formatDutchDay(draft.date)} zou al voorbij zijn. Kies een dag vanaf vandaag.`, 'date'));
    }
    const meetingDay = context.meetingDate === undefined ? undefined : toCalendarDay(context.meetingDate);
    if (meetingDay !== undefined) {
      const limit = addDays(meetingDay, SIX_WEEKS_IN_DAYS);
      if (draft.date > limit) {
        problems.push(
          warning('evaluation-beyond-six-weeks', `De evaluatie is later dan zes weken na het overleg (na ${formatDutchDay(limit)}). De afspraken lopen tot dan; kijk je niet eerder samen terug?`, 'date'),
        );
      }
    }
  }
  if (draft.organiserParticipantId === undefined || cleanText(draft.organiserParticipantId) === '') {
    problems.push(error('organiser-missing', 'Kies wie de evaluatie organiseert.', 'organiserParticipantId'));
  }
  if (draft.how !== 'meeting' && draft.how !== 'mail') {
    problems.push(error('how-missing', 'Kies of jullie evalueren in een overleg of per mail.', 'how'));
  }
  return problems;
}

/** Adds the evaluation, or changes the one with this id; either way it is planned. */
export function planEvaluation(plan: Plan, draft: EvaluationDraft, at: string): Plan {
  const current = plan.evaluations.find((e) => e.id === draft.id);
  const record: Evaluation = { ...(current ?? {}), id: draft.id, date: draft.date, how: draft.how, status: 'planned', updatedAt: at };
  if (draft.organiserParticipantId === undefined || draft.organiserParticipantId === '') delete record.organiserParticipantId;
  else record.organiserParticipantId = draft.organiserParticipantId;
  if (draft.meetingId === undefined || draft.meetingId === '') delete record.meetingId;
  else record.meetingId = draft.meetingId;
  return current === undefined
    ? { ...plan, evaluations: [...plan.evaluations, record] }
    : { ...plan, evaluations: plan.evaluations.map((e) => (e.id === draft.id ? record : e)) };
}

// ---------------------------------------------------------------------------------------------------------
// Notes per agenda item

export function meetingNoteId(meetingId: string, itemKey: string): string {
  return `${meetingId}:${itemKey}`;
}

/** Sets the note of one agenda item (one record per item, so two devices merge per item). */
export function setMeetingNote(plan: Plan, note: { meetingId: string; itemKey: string; text: string }, at: string): Plan {
  const id = meetingNoteId(note.meetingId, note.itemKey);
  const current = plan.meetingNotes.find((n) => n.id === id);
  if (current?.text === note.text) return plan;
  const record: MeetingNote = { id, meetingId: note.meetingId, itemKey: note.itemKey, text: note.text, updatedAt: at };
  return current === undefined
    ? { ...plan, meetingNotes: [...plan.meetingNotes, record] }
    : { ...plan, meetingNotes: plan.meetingNotes.map((n) => (n.id === id ? record : n)) };
}

export function meetingNoteText(plan: Plan, meetingId: string, itemKey: string): string {
  return plan.meetingNotes.find((n) => n.id === meetingNoteId(meetingId, itemKey))?.text ?? '';
}

// ---------------------------------------------------------------------------------------------------------
// Closing the SO and handing out the plan

function withMeeting(plan: Plan, meetingId: string, change: (m: Meeting) => Meeting): Plan {
  if (!plan.meetings.some((m) => m.id === meetingId)) return plan;
  return { ...plan, meetings: plan.meetings.map((m) => (m.id === meetingId ? change(m) : m)) };
}

/**
 * The SO was held: it is closed once (a second close changes nothing) and the case runs from now on, the
 * agreements being carried out. A case already evaluating or closed keeps its status.
 */
export function closeMeeting(plan: Plan, meetingId: string, stamp: EditStamp, presentParticipantIds?: readonly string[]): Plan {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (meeting === undefined || meeting.closedAt !== undefined) return plan;
  const known = new Set(plan.participants.map((p) => p.id));
  const present = presentParticipantIds === undefined ? undefined : [...new Set(presentParticipantIds)].filter((id) => known.has(id));
  const closed = withMeeting(plan, meetingId, (m) => ({
    ...m, status: 'held', closedAt: stamp.at, closedByUserId: stamp.byUserId, updatedAt: stamp.at,
    ...(present === undefined ? {} : { presentParticipantIds: present }),
  }));
  const status = plan.status === 'evaluating' || plan.status === 'closed' ? plan.status : 'running';
  return withLog({ ...closed, status }, { at: stamp.at, byUserId: stamp.byUserId, action: 'meeting.closed', targetId: meetingId });
}

/** Who was there: at least one person, and only people of the plan. */
export function checkPresent(plan: Pick<Plan, 'participants'>, presentParticipantIds: readonly string[]): Problem[] {
  const known = new Set(plan.participants.map((p) => p.id));
  if (!presentParticipantIds.some((id) => known.has(id))) {
    return [error('present-missing', 'Vink aan wie er bij het overleg waren. Het plan gaat naar hen.', 'presentParticipantIds')];
  }
  return [];
}

/** Records who received the completed plan, and how. A person and channel already recorded stay as they were. */
export function recordDistribution(plan: Plan, meetingId: string, entries: { participantId: string; channel: DistributionChannel }[], at: string): Plan {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (meeting === undefined) return plan;
  const known = new Set((meeting.distribution ?? []).map((d) => `${d.participantId}\u0000${d.channel}`));
  const added: NonNullable<Meeting['distribution']> = [];
  for (const entry of entries) {
    const key = `${entry.participantId}\u0000${entry.channel}`;
    if (known.has(key)) continue;
    known.add(key);
    added.push({ participantId: entry.participantId, channel: entry.channel, at });
  }
  if (added.length === 0) return plan;
  return withMeeting(plan, meetingId, (m) => ({ ...m, distribution: [...(m.distribution ?? []), ...added], updatedAt: at }));
}
