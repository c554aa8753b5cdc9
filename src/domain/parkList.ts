// The park list ("parkeerplaats", issue 13): a topic that cannot be handled at this step of the SO is parked
// with a short note, so the table can go on and nothing is forgotten. Before the close the table decides for
// each one: it becomes an agreement, it comes back in a follow-up SO, or it is dropped.
//
// The close waits for those decisions (checkParkedDecided): a parked topic is a promise to the table that it
// comes back, and deciding for the table (say, "everything open goes to a follow-up SO") would break that
// promise quietly. Deciding takes one click per topic. A topic parked on another device after the close (the
// merge can bring one) is shown as "nog niet besloten" in the summary and the plan, never hidden.
//
// Pure edits like meetingRecord: ids and time come in; a topic is never deleted (the merge keeps every one).
import { AGENDA_KEYS } from './agenda';
import type { AgendaKey } from './agenda';
import { addAgreement } from './meetingRecord';
import type { NewAgreement } from './meetingRecord';
import type { EditStamp } from './planEdits';
import type { Evaluation, ParkedDecision, ParkedTopic, Plan } from './planSchema';
import { error, warning } from './problem';
import type { Problem } from './problem';
import { cleanText } from './text';

/** A note says what the topic is, in a line or two; the park list is not the place to discuss it. */
export const PARK_NOTE_MAX = 200;

export interface NewParkedTopic {
  id: string;
  meetingId: string;
  /** The run step the table is at. */
  stepKey: string;
  note: string;
}

/** Problems with a note as it is typed: blank, or too long. */
export function checkParkNote(note: string): Problem[] {
  const clean = cleanText(note);
  if (clean === '') return [error('park-note-missing', 'Schrijf kort op welk onderwerp je parkeert.', 'note')];
  if (clean.length > PARK_NOTE_MAX) {
    return [error('park-note-too-long', `De notitie is ${clean.length} tekens; houd hem op ${PARK_NOTE_MAX} tekens of minder. Het gesprek erover volgt later.`, 'note')];
  }
  return [];
}

const withLog = (plan: Plan, stamp: EditStamp, action: string, targetId: string): Plan => ({
  ...plan, log: [...plan.log, { at: stamp.at, byUserId: stamp.byUserId, action, targetId }],
});

/**
 * Parks a topic. A note with problems, an unknown or closed SO, or an id already there (a replayed edit)
 * leaves the plan as it was: the screen checks the note first and keeps what was typed.
 */
export function parkTopic(plan: Plan, topic: NewParkedTopic, stamp: EditStamp): Plan {
  if (checkParkNote(topic.note).length > 0) return plan;
  const meeting = plan.meetings.find((m) => m.id === topic.meetingId);
  if (meeting === undefined || meeting.closedAt !== undefined) return plan;
  if (plan.parkedTopics.some((t) => t.id === topic.id)) return plan;
  const record: ParkedTopic = {
    id: topic.id,
    meetingId: topic.meetingId,
    note: cleanText(topic.note),
    stepKey: topic.stepKey,
    parkedAt: stamp.at,
    decision: 'open',
    updatedAt: stamp.at,
  };
  if (stamp.byUserId !== '') record.parkedByUserId = stamp.byUserId;
  return withLog({ ...plan, parkedTopics: [...plan.parkedTopics, record] }, stamp, 'topic.parked', topic.id);
}

function decided(topic: ParkedTopic, decision: ParkedDecision, stamp: EditStamp, agreementId?: string): ParkedTopic {
  const { agreementId: _a, decidedAt: _at, decidedByUserId: _by, ...rest } = topic;
  const next: ParkedTopic = { ...rest, decision, updatedAt: stamp.at };
  if (decision === 'open') return next;
  next.decidedAt = stamp.at;
  if (stamp.byUserId !== '') next.decidedByUserId = stamp.byUserId;
  if (agreementId !== undefined) next.agreementId = agreementId;
  return next;
}

/**
 * A follow-up SO, dropped, or back to open (a decision taken by mistake, before the close). An agreement goes
 * through parkedTopicToAgreement, which makes the agreement too. Unknown id, same decision: as it was.
 */
export function decideParkedTopic(plan: Plan, id: string, decision: Exclude<ParkedDecision, 'agreement'>, stamp: EditStamp): Plan {
  const topic = plan.parkedTopics.find((t) => t.id === id);
  if (topic === undefined || topic.decision === decision) return plan;
  const next = decided(topic, decision, stamp);
  return withLog({ ...plan, parkedTopics: plan.parkedTopics.map((t) => (t.id === id ? next : t)) }, stamp, `topic.${decision}`, id);
}

/**
 * The topic becomes an agreement: the agreement is added (with the SO's id) and the topic links to it, in one
 * edit, so no device ever sees one without the other. Unknown topic: as it was.
 */
export function parkedTopicToAgreement(plan: Plan, topicId: string, agreement: NewAgreement, stamp: EditStamp): Plan {
  const topic = plan.parkedTopics.find((t) => t.id === topicId);
  if (topic === undefined) return plan;
  const withAgreement = addAgreement(plan, { ...agreement, meetingId: agreement.meetingId ?? topic.meetingId }, stamp);
  const next = decided(topic, 'agreement', stamp, agreement.id);
  return withLog({ ...withAgreement, parkedTopics: withAgreement.parkedTopics.map((t) => (t.id === topicId ? next : t)) }, stamp, 'topic.agreement', topicId);
}

/** The topics parked in one SO, in the order they were parked. */
export function parkedTopicsOf(plan: Pick<Plan, 'parkedTopics'>, meetingId: string): ParkedTopic[] {
  return plan.parkedTopics
    .filter((t) => t.meetingId === meetingId)
    .sort((a, b) => (a.parkedAt < b.parkedAt ? -1 : a.parkedAt > b.parkedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const SHORT_STEP_NAMES: Readonly<Record<AgendaKey, string>> = {
  introductions: 'Kennismaken',
  goalAndRules: 'Doel en spelregels',
  currentState: 'Hoe staat het ervoor',
  residentStory: 'Het verhaal van de inwoner',
  wants: 'De ‘Ik wil’-punten',
  can: 'Ik kan',
  needs: 'Ik heb nodig',
  agreements: 'Afspraken',
  caseDirection: 'Wie houdt de regie',
  evaluation: 'Evaluatie of vervolgoverleg',
  closingRound: 'Afsluitende ronde',
};

/**
 * A short name for the step a topic was parked at. Never the "ik wil" point's own words: this name goes into
 * the summary mail, and the resident's words stay in the plan.
 */
export function parkStepName(stepKey: string): string {
  const want = /^want-(\d+)$/.exec(stepKey);
  if (want) return `‘Ik wil’-punt ${want[1]}`;
  return (AGENDA_KEYS as readonly string[]).includes(stepKey) ? SHORT_STEP_NAMES[stepKey as AgendaKey] : stepKey;
}

/** The follow-up SO planned at this SO: its evaluation held in an overleg (evaluationInvitation.ts). */
export function plannedFollowUp(plan: Pick<Plan, 'evaluations'>, meetingId: string): Evaluation | undefined {
  return plan.evaluations.find((e) => e.meetingId === meetingId && e.status === 'planned' && e.how === 'meeting');
}

/**
 * What stands between the SO and its close on the park list. An error while a topic is still open (how many,
 * and what to do); a warning when topics go to a follow-up SO that is not planned yet.
 */
export function checkParkedDecided(plan: Plan, meetingId: string): Problem[] {
  const topics = parkedTopicsOf(plan, meetingId);
  const open = topics.filter((t) => t.decision === 'open').length;
  const problems: Problem[] = [];
  if (open > 0) {
    problems.push(error(
      'parked-open',
      `${open === 1 ? 'Er staat nog 1 onderwerp' : `Er staan nog ${open} onderwerpen`} open op de parkeerplaats. Kies bij ${open === 1 ? 'dit onderwerp' : 'elk onderwerp'}: een afspraak maken, terug laten komen in een vervolg-SO, of laten vallen. Daarna kun je het overleg afsluiten.`,
      'parkedTopics',
    ));
  }
  if (topics.some((t) => t.decision === 'follow-up') && plannedFollowUp(plan, meetingId) === undefined) {
    problems.push(warning(
      'parked-follow-up-unplanned',
      'Er gaan onderwerpen naar een vervolg-SO, maar dat overleg is nog niet gepland. Plan het bij ‘Evaluatie of vervolgoverleg’ (kies ‘in een overleg’), of spreek af wie het organiseert.',
      'parkedTopics',
    ));
  }
  return problems;
}
