// The evaluation has its own agenda, not the SO's (handbook 5.1): were the agreements carried out, are extra
// actions needed, what is the welzijnscijfer now, and what did we learn. Extra actions go into the same plan
// as additions, dated, again due within six weeks. The lessons follow the handbook's evaluation format: its
// steps, each with what you did, what went well and what is still needed. Pure edits; ids and time come in.
import { addDays, isCalendarDay, toCalendarDay } from './calendar';
import { changeAgreement, checkAgreement, SIX_WEEKS_IN_DAYS } from './agreements';
import { addAgreement } from './meetingRecord';
import type { NewAgreement } from './meetingRecord';
import { addWellbeing, wellbeingHistory } from './planEdits';
import type { EditStamp } from './planEdits';
import type { Agreement, Evaluation, EvaluationLesson, EvaluationOutcome, EvaluationResult, Plan, WellbeingMoment } from './planSchema';
import type { Problem } from './problem';

/** The evaluation's own agenda, in order. */
export const EVALUATION_AGENDA = ['outcomes', 'additions', 'wellbeing', 'lessons'] as const;
export type EvaluationAgendaKey = (typeof EVALUATION_AGENDA)[number];

export const EVALUATION_AGENDA_TITLES: Readonly<Record<EvaluationAgendaKey, string>> = {
  outcomes: 'Is gedaan wat we afspraken?',
  additions: 'Is er nog iets extra nodig?',
  wellbeing: 'Welk cijfer geeft de inwoner nu?',
  lessons: 'Wat hebben we geleerd?',
};

/** The steps of the handbook's evaluation format, in our own words, grouped in its three phases. */
export const EVALUATION_STEPS = [
  { key: 'signal', phase: 'before', title: 'Hoe de vraag bij ons binnenkwam' },
  { key: 'firstPlan', phase: 'before', title: 'De eerste versie van het plan: de vraag helder, met wat de inwoner zelf kan' },
  { key: 'whoNeeded', phase: 'before', title: 'Kiezen wie er bij het overleg nodig is, ook uit het eigen netwerk' },
  { key: 'planning', phase: 'before', title: 'Het overleg plannen' },
  { key: 'conversation', phase: 'meeting', title: 'Het gesprek zelf' },
  { key: 'residentRole', phase: 'meeting', title: 'De inwoner aan het woord: ik wil, ik kan, ik heb nodig' },
  { key: 'thinkingAlong', phase: 'meeting', title: 'Iedereen denkt mee, alle kanten komen aan bod, samen kiezen' },
  { key: 'whoWhatWhen', phase: 'meeting', title: 'Afspreken wie wat doet en wanneer' },
  { key: 'processDirection', phase: 'meeting', title: 'Afspreken wie de samenwerking bewaakt als het vastloopt' },
  { key: 'carryOut', phase: 'after', title: 'De afspraken uitvoeren, met steun van managers waar nodig' },
  { key: 'checkIn', phase: 'after', title: 'Tussendoor nagaan of verwachtingen helder zijn en hoe de afspraken lopen' },
  { key: 'lookBack', phase: 'after', title: 'Samen terugkijken: hoe ging het en wat doen we beter' },
] as const;
export type EvaluationStepKey = (typeof EVALUATION_STEPS)[number]['key'];
export const EVALUATION_PHASE_TITLES = { before: 'Voorbereiding', meeting: 'Het Samenwerkoverleg', after: 'Na het overleg' } as const;

export const EVALUATION_RESULT_LABELS: Readonly<Record<EvaluationResult, string>> = { done: 'Gedaan', partly: 'Deels gedaan', not: 'Niet gedaan' };

function withEvaluation(plan: Plan, evaluationId: string, change: (e: Evaluation) => Evaluation): Plan {
  if (!plan.evaluations.some((e) => e.id === evaluationId)) return plan;
  return { ...plan, evaluations: plan.evaluations.map((e) => (e.id === evaluationId ? change(e) : e)) };
}

/** The evaluation to work on: the first one not done yet (by date), else the last one done. */
export function currentEvaluation(plan: Pick<Plan, 'evaluations'>): Evaluation | undefined {
  const byDate = [...plan.evaluations].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return byDate.find((e) => e.status !== 'done') ?? byDate.at(-1);
}

/** Starts an evaluation today when none is planned (the case director may evaluate without planning one first). */
export function startEvaluation(plan: Plan, draft: { id: string; date: string; how: 'meeting' | 'mail'; organiserParticipantId?: string }, at: string): Plan {
  if (plan.evaluations.some((e) => e.id === draft.id)) return plan;
  const record: Evaluation = { id: draft.id, date: draft.date, how: draft.how, status: 'planned', updatedAt: at };
  if (draft.organiserParticipantId !== undefined && draft.organiserParticipantId !== '') record.organiserParticipantId = draft.organiserParticipantId;
  return { ...plan, evaluations: [...plan.evaluations, record] };
}

/** Changes how an evaluation happens (in an overleg or by mail: the form is the same). */
export function setEvaluationHow(plan: Plan, evaluationId: string, how: 'meeting' | 'mail', at: string): Plan {
  return withEvaluation(plan, evaluationId, (e) => (e.how === how ? e : { ...e, how, updatedAt: at }));
}

/** The agreements the evaluation asks "uitgevoerd?" about: every one except those added at this evaluation. */
export function agreementsToEvaluate(plan: Plan, evaluationId: string): Agreement[] {
  return plan.agreements.filter((a) => a.evaluationId !== evaluationId);
}

/** The additions made at this evaluation. */
export function evaluationAdditions(plan: Plan, evaluationId: string): Agreement[] {
  return plan.agreements.filter((a) => a.evaluationId === evaluationId);
}

export function outcomeOf(evaluation: Evaluation, agreementId: string): EvaluationOutcome | undefined {
  return evaluation.outcomes?.find((o) => o.agreementId === agreementId);
}

/**
 * "Uitgevoerd?" for one agreement. "Gedaan" also marks the agreement done in the plan (with its history), so
 * the follow-up and Planner agree; "deels" and "niet" leave it open, the note says what is left.
 */
export function setEvaluationOutcome(plan: Plan, evaluationId: string, outcome: { agreementId: string; result: EvaluationResult; note?: string }, stamp: EditStamp): Plan {
  const evaluation = plan.evaluations.find((e) => e.id === evaluationId);
  if (evaluation === undefined || !plan.agreements.some((a) => a.id === outcome.agreementId)) return plan;
  const current = outcomeOf(evaluation, outcome.agreementId);
  const note = outcome.note?.trim() ?? '';
  const record: EvaluationOutcome = { agreementId: outcome.agreementId, result: outcome.result, updatedAt: stamp.at };
  if (note !== '') record.note = note;
  let next = plan;
  if (current === undefined || current.result !== record.result || (current.note ?? '') !== note) {
    const outcomes = [...(evaluation.outcomes ?? []).filter((o) => o.agreementId !== outcome.agreementId), record];
    next = withEvaluation(plan, evaluationId, (e) => ({ ...e, outcomes, updatedAt: stamp.at }));
  }
  if (outcome.result === 'done') {
    next = { ...next, agreements: next.agreements.map((a) => (a.id === outcome.agreementId && a.status !== 'done' ? changeAgreement(a, { status: 'done' }, stamp) : a)) };
  }
  return next;
}

/** Checks an extra action: the agreement rules, with the evaluation's day as the start of its six weeks. */
export function checkEvaluationAction(action: { id: string; who: string; what: string; due: string }, context: { evaluationDate: string; today: string }): Problem[] {
  return checkAgreement(action, { meetingDate: context.evaluationDate, today: context.today });
}

/** The default due date of an extra action: six weeks after the evaluation. */
export function evaluationActionDue(evaluationDate: string): string {
  const day = toCalendarDay(evaluationDate);
  if (day === undefined) throw new RangeError(`not a date: ${evaluationDate}`);
  return addDays(day, SIX_WEEKS_IN_DAYS);
}

/** Adds an extra action to the same plan, marked as this evaluation's addition. */
export function addEvaluationAction(plan: Plan, evaluationId: string, action: Omit<NewAgreement, 'evaluationId' | 'meetingId'>, stamp: EditStamp): Plan {
  if (!plan.evaluations.some((e) => e.id === evaluationId)) return plan;
  return addAgreement(plan, { ...action, evaluationId }, stamp);
}

/** The new welzijnscijfer, kept beside the earlier ones and linked to the evaluation. */
export function recordEvaluationWellbeing(plan: Plan, evaluationId: string, entry: { id: string; score: number; date: string; comment: string }, at: string): Plan {
  const evaluation = plan.evaluations.find((e) => e.id === evaluationId);
  if (evaluation === undefined || !isCalendarDay(entry.date)) return plan;
  const existing = evaluation.wellbeingId === undefined ? undefined : plan.wellbeing.find((w) => w.id === evaluation.wellbeingId);
  let next: Plan;
  if (existing !== undefined) {
    if (existing.score === entry.score && existing.comment === entry.comment && existing.date === entry.date) return plan;
    next = { ...plan, wellbeing: plan.wellbeing.map((w) => (w.id === existing.id ? { ...w, score: entry.score, comment: entry.comment, date: entry.date, updatedAt: at } : w)) };
  } else {
    next = addWellbeing(plan, { id: entry.id, score: entry.score, date: entry.date, moment: 'evaluation', comment: entry.comment }, at);
  }
  return withEvaluation(next, evaluationId, (e) => ({ ...e, wellbeingId: existing?.id ?? entry.id, updatedAt: at }));
}

export interface WellbeingPoint {
  id: string;
  date: string;
  moment: WellbeingMoment;
  score: number;
}

/** Every welzijnscijfer in date order: the chart and its table alternative read the same list. */
export function wellbeingSeries(plan: Pick<Plan, 'wellbeing'>): WellbeingPoint[] {
  return wellbeingHistory(plan).map((w) => ({ id: w.id, date: w.date, moment: w.moment, score: w.score }));
}

/** Sets one step of the lessons learned. Empty answers remove the step's record. */
export function setEvaluationLesson(plan: Plan, evaluationId: string, lesson: { step: EvaluationStepKey; did: string; wentWell: string; needed: string }, at: string): Plan {
  const evaluation = plan.evaluations.find((e) => e.id === evaluationId);
  if (evaluation === undefined) return plan;
  const current = evaluation.lessons?.find((l) => l.step === lesson.step);
  const empty = [lesson.did, lesson.wentWell, lesson.needed].every((v) => v.trim() === '');
  if (current !== undefined && current.did === lesson.did && current.wentWell === lesson.wentWell && current.needed === lesson.needed) return plan;
  if (current === undefined && empty) return plan;
  const rest = (evaluation.lessons ?? []).filter((l) => l.step !== lesson.step);
  const lessons: EvaluationLesson[] = empty ? rest : [...rest, { ...lesson, updatedAt: at }];
  return withEvaluation(plan, evaluationId, (e) => ({ ...e, lessons, updatedAt: at }));
}

export interface EvaluationProgress {
  agreements: number;
  answered: number;
  done: number;
  partly: number;
  not: number;
  additions: number;
  hasWellbeing: boolean;
  lessonSteps: number;
}

export function evaluationProgress(plan: Plan, evaluationId: string): EvaluationProgress | undefined {
  const evaluation = plan.evaluations.find((e) => e.id === evaluationId);
  if (evaluation === undefined) return undefined;
  const asked = agreementsToEvaluate(plan, evaluationId);
  const outcomes = asked.map((a) => outcomeOf(evaluation, a.id)).filter((o): o is EvaluationOutcome => o !== undefined);
  return {
    agreements: asked.length,
    answered: outcomes.length,
    done: outcomes.filter((o) => o.result === 'done').length,
    partly: outcomes.filter((o) => o.result === 'partly').length,
    not: outcomes.filter((o) => o.result === 'not').length,
    additions: evaluationAdditions(plan, evaluationId).length,
    hasWellbeing: evaluation.wellbeingId !== undefined && plan.wellbeing.some((w) => w.id === evaluation.wellbeingId),
    lessonSteps: evaluation.lessons?.length ?? 0,
  };
}

/** Finishes the evaluation: done, when, and whether every action was carried out. Once only. */
export function completeEvaluation(plan: Plan, evaluationId: string, stamp: EditStamp): Plan {
  const evaluation = plan.evaluations.find((e) => e.id === evaluationId);
  if (evaluation === undefined || evaluation.completedAt !== undefined) return plan;
  const progress = evaluationProgress(plan, evaluationId)!;
  const allActionsDone = progress.agreements > 0 && progress.done === progress.agreements;
  const next = withEvaluation(plan, evaluationId, (e) => ({ ...e, status: 'done', completedAt: stamp.at, allActionsDone, updatedAt: stamp.at }));
  return { ...next, log: [...next.log, { at: stamp.at, byUserId: stamp.byUserId, action: 'evaluation.completed', targetId: evaluationId }] };
}
