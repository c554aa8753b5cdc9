// The one gate every plan document passes when it is read: schema (any version, migrated to the current
// one) plus the rules that tie its parts together. A plan is returned only when nothing is an error.
import { migratePlan } from './migratePlan';
import type { Plan } from './planSchema';
import { error, hasErrors, warning } from './problem';
import type { Problem } from './problem';
import { isEmailAddress } from './text';

export interface PlanValidation {
  plan?: Plan;
  problems: Problem[];
}

const COLLECTIONS = [
  ['wants', '‘Ik wil’-punten'],
  ['wellbeing', 'welzijnscijfers'],
  ['participants', 'deelnemers'],
  ['consents', 'toestemmingen'],
  ['meetings', 'overleggen'],
  ['agreements', 'afspraken'],
  ['evaluations', 'evaluaties'],
  ['microAnalyses', 'micro-analyses'],
  ['meetingNotes', 'notities bij het overleg'],
  ['runFacts', 'verloop van het overleg'],
  ['parkedTopics', 'geparkeerde onderwerpen'],
] as const;

// Merging after a 412 matches records by id, so a duplicate id would silently swallow a record.
function duplicateIds(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  for (const [key, label] of COLLECTIONS) {
    const seen = new Set<string>();
    plan[key].forEach((record, index) => {
      if (seen.has(record.id)) {
        problems.push(error('id-duplicate', `Bij de ${label} komt het id "${record.id}" twee keer voor. Zo kunnen we wijzigingen niet veilig samenvoegen.`, `${key}.${index}.id`));
      }
      seen.add(record.id);
    });
  }
  return problems;
}

function references(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const participantIds = new Set(plan.participants.map((p) => p.id));
  const wantIds = new Set(plan.wants.map((w) => w.id));
  const nameOf = (id: string) => plan.participants.find((p) => p.id === id)?.name ?? id;
  plan.agreements.forEach((a, i) => {
    if (a.who.trim() !== '' && !participantIds.has(a.who)) {
      problems.push(warning('reference-unknown', `Afspraak ${i + 1} is voor "${a.who}", maar die staat niet bij de deelnemers.`, `agreements.${i}.who`));
    }
    if (a.wantId !== undefined && !wantIds.has(a.wantId)) {
      problems.push(warning('reference-unknown', `Afspraak ${i + 1} hoort bij een ‘Ik wil’-punt dat niet meer in het plan staat.`, `agreements.${i}.wantId`));
    }
  });
  plan.consents.forEach((c, i) => {
    (c.participantIds ?? []).forEach((id, j) => {
      if (!participantIds.has(id)) {
        problems.push(warning('reference-unknown', `Toestemming ${i + 1} noemt "${id}", maar die staat niet bij de deelnemers.`, `consents.${i}.participantIds.${j}`));
      }
    });
  });
  plan.meetings.forEach((m, i) => {
    const single = [
      ['chairParticipantId', m.chairParticipantId, 'De voorzitter'],
      ['noteTakerParticipantId', m.noteTakerParticipantId, 'De notulist'],
    ] as const;
    for (const [key, id, label] of single) {
      if (id !== undefined && !participantIds.has(id)) {
        problems.push(warning('reference-unknown', `${label} van overleg ${i + 1} ("${id}") staat niet bij de deelnemers.`, `meetings.${i}.${key}`));
      }
    }
    for (const key of ['invitedParticipantIds', 'optionalParticipantIds', 'presentParticipantIds'] as const) {
      (m[key] ?? []).forEach((id, j) => {
        if (!participantIds.has(id)) {
          problems.push(warning('reference-unknown', `Overleg ${i + 1} noemt genodigde "${id}", maar die staat niet bij de deelnemers.`, `meetings.${i}.${key}.${j}`));
        }
      });
    }
  });
  const director = plan.caseDirection.caseDirectorParticipantId;
  if (director !== undefined && !participantIds.has(director)) {
    problems.push(warning('reference-unknown', `De casusregisseur ("${nameOf(director)}") staat niet bij de deelnemers.`, 'caseDirection.caseDirectorParticipantId'));
  }
  plan.participants.forEach((p, i) => {
    if (p.email !== undefined && p.email.trim() !== '' && !isEmailAddress(p.email.trim())) {
      problems.push(warning('email-invalid', `Het e-mailadres van ${p.name || `deelnemer ${i + 1}`} lijkt niet te kloppen.`, `participants.${i}.email`));
    }
  });
  return problems;
}

/** Any stored plan document → the current Plan and its problems; `plan` only when there is no error. */
export function validatePlan(input: unknown): PlanValidation {
  const migrated = migratePlan(input);
  if (!migrated.plan) return { problems: migrated.problems };
  const problems = [...migrated.problems, ...duplicateIds(migrated.plan), ...references(migrated.plan)];
  return hasErrors(problems) ? { problems } : { plan: migrated.plan, problems };
}
