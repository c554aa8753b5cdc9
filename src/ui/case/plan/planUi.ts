// What every section of the plan screen shares: the editor (edits, ids, time), the messages next to a
// field (Dutch problem texts and the privacy nudge), and the rule that an invalid value stays on screen
// and never reaches the plan.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { hasErrors, scanSensitive } from '../../../domain';
import type { Plan, Problem, SensitiveKind } from '../../../domain';
import { t } from '../../messages';
import type { MessageKey } from '../../messages';

/** What a section needs to change the plan. */
export interface PlanEditor {
  plan: Plan;
  /** Applies an edit; an edit whose result would not pass validatePlan is refused and reported. */
  edit(recipe: (plan: Plan) => Plan): void;
  /** Now, as an ISO timestamp (for updatedAt and the log). */
  now(): string;
  /** Today in Amsterdam, YYYY-MM-DD. */
  today(): string;
  newId(): string;
}

const PROBLEM_TEXT: Readonly<Record<string, MessageKey>> = {
  'want-text-missing': 'plan.problem.wantTextMissing',
  'line-empty': 'plan.problem.lineEmpty',
  'line-duplicate': 'plan.problem.lineDuplicate',
  'organisation-name-missing': 'plan.problem.organisationNameMissing',
  'organisation-duplicate': 'plan.problem.organisationDuplicate',
  'score-missing': 'plan.problem.scoreMissing',
  'score-not-number': 'plan.problem.scoreNotNumber',
  'score-not-whole': 'plan.problem.scoreNotWhole',
  'score-out-of-range': 'plan.problem.scoreOutOfRange',
  'date-invalid': 'plan.problem.dateInvalid',
  'date-future': 'plan.problem.dateFuture',
  'moment-invalid': 'plan.problem.momentInvalid',
  'subject-invalid': 'plan.problem.subjectInvalid',
  'participants-missing': 'plan.problem.participantsMissing',
  'participant-unknown': 'plan.problem.participantUnknown',
  'how-missing': 'plan.problem.howMissing',
};

/** A domain problem in the user's language (the domain's own Dutch text when we have no key for it). */
export function problemText(problem: Problem): string {
  const key = PROBLEM_TEXT[problem.code];
  return key === undefined ? problem.message : t(key);
}

const KIND_TEXT: Readonly<Record<SensitiveKind, MessageKey>> = {
  bsn: 'plan.privacy.bsn',
  iban: 'plan.privacy.iban',
  phone: 'plan.privacy.phone',
  email: 'plan.privacy.email',
  birthDate: 'plan.privacy.birthDate',
};

/** What the domain's privacy scanner found in free text, named in Dutch ("een BSN en een IBAN"); undefined when clean. */
export function sensitiveFound(text: string): string | undefined {
  const kinds = [...new Set(scanSensitive(text).map((m) => m.kind))];
  if (kinds.length === 0) return undefined;
  const found = kinds.map((kind) => t(KIND_TEXT[kind]));
  return found.length === 1 ? found[0]! : t('plan.and', { first: found.slice(0, -1).join(', '), last: found[found.length - 1]! });
}

/** The privacy nudge for free text: what the domain's scanner found, or undefined. */
export function privacyWarning(text: string): string | undefined {
  const what = sensitiveFound(text);
  return what === undefined ? undefined : t('plan.privacy.warning', { what });
}

export interface FieldValidation {
  validationState?: 'error' | 'warning';
  validationMessage?: string;
}

/** Props for a Fluent Field: the problems first, then the privacy nudge for the text in it. */
export function fieldValidation(problems: readonly Problem[], text?: string): FieldValidation {
  const messages = problems.map(problemText);
  const privacy = text === undefined ? undefined : privacyWarning(text);
  if (privacy !== undefined) messages.push(privacy);
  if (messages.length === 0) return {};
  return { validationState: hasErrors(problems) ? 'error' : 'warning', validationMessage: messages.join(' ') };
}

/**
 * A text field bound to a value in the plan. Valid text is written at once (the document autosaves);
 * text that is not valid stays here, on screen, with its problem, until it is fixed.
 */
export function useCommittedText(stored: string, check: (text: string) => Problem[], commit: (text: string) => void) {
  const [draft, setDraft] = useState<string>();
  const value = draft ?? stored;
  const problems = draft === undefined ? [] : check(draft);
  const onChange = (next: string) => {
    if (hasErrors(check(next))) {
      setDraft(next);
      return;
    }
    setDraft(undefined);
    if (next !== stored) commit(next);
  };
  return { value, problems, onChange };
}

/** Enough rows to read a resident's sentence without scrolling inside the field (a 320 px panel fits ~35 characters). */
export function textRows(text: string): number {
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 35)), 0);
  return Math.min(8, Math.max(2, lines));
}

export const usePlanStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fieldset: {
    margin: 0,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}` },
  legendHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flex: '1 1 14rem', minWidth: 0 },
  wrap: { flexWrap: 'wrap' },
  control: { width: '100%', minWidth: 0, maxWidth: '100%' },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  problem: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  summary: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  consent: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  detail: { margin: 0 },
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  table: { minWidth: '32rem' },
});
