// What the chair needs at hand for each part of the SO: who is at the table and why, the ground rules and
// the goal, each "ik wil" point with where the resident wants to get, and the plan's own lists.
import { memo } from 'react';
import { REASON_LABELS } from '../../domain';
import type { Meeting, Plan, PlanParticipant } from '../../domain';
import { t } from '../messages';
import type { MessageKey } from '../messages';
import { useRunStyles } from './runStyles';

/** The ground rules, in our own words (Leerplan 4.4). */
const GROUND_RULES: readonly MessageKey[] = [
  'run.rules.respect',
  'run.rules.plan',
  'run.rules.table',
  'run.rules.unclear',
  'run.rules.sixWeeks',
];

function roleText(person: PlanParticipant): string {
  if (person.role === 'resident') return t('prepare.role.resident');
  if (person.role === 'network') return t('prepare.role.network');
  return [person.jobTitle, person.organisation].filter((part): part is string => Boolean(part && part.trim())).join(', ');
}

/** "a, b en c". */
function listText(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${t('run.and')} ${parts[parts.length - 1]}`;
}

function Introductions({ invitees }: { invitees: readonly PlanParticipant[] }) {
  const styles = useRunStyles();
  if (invitees.length === 0) return <p className={styles.hint}>{t('run.intro.none')}</p>;
  return (
    <>
      <p className={styles.hint}>{t('run.intro.hint')}</p>
      <ul className={styles.list} aria-label={t('run.intro.list')}>
        {invitees.map((person) => {
          const role = roleText(person);
          return (
            <li key={person.id} className={styles.card}>
              <h3 className={styles.h3}>{person.name || t('run.intro.unnamed')}</h3>
              {role && <p className={styles.p}>{role}</p>}
              <p className={styles.p}>
                {person.reasons.length > 0
                  ? t('run.intro.reasons', { reasons: listText(person.reasons.map((r) => REASON_LABELS[r])) })
                  : t('run.intro.noReasons')}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function GoalAndRules({ plan, meeting }: { plan: Plan; meeting: Meeting }) {
  const styles = useRunStyles();
  const name = (id?: string) => (id ? plan.participants.find((p) => p.id === id)?.name : undefined);
  const chair = name(meeting.chairParticipantId);
  const noteTaker = name(meeting.noteTakerParticipantId);
  return (
    <>
      <section className={styles.card} aria-labelledby="run-goal">
        <h3 id="run-goal" className={styles.h3}>{t('run.goal.heading')}</h3>
        <p className={styles.wrap} style={{ margin: 0 }}>{meeting.goal.trim() || t('run.goal.missing')}</p>
      </section>
      <section className={styles.card} aria-labelledby="run-rules">
        <h3 id="run-rules" className={styles.h3}>{t('run.rules.heading')}</h3>
        <ul className={styles.plainList}>
          {GROUND_RULES.map((key) => <li key={key}>{t(key)}</li>)}
        </ul>
      </section>
      <p className={styles.p}>
        {chair ? t('run.roles.chair', { name: chair }) : t('run.roles.noChair')}{' '}
        {noteTaker ? t('run.roles.noteTaker', { name: noteTaker }) : t('run.roles.noNoteTaker')}
      </p>
    </>
  );
}

function Want({ plan, index }: { plan: Plan; index: number }) {
  const styles = useRunStyles();
  const want = plan.wants[index];
  if (!want) return null;
  return (
    <>
      <p className={styles.hint}>{t('run.want.position', { n: index + 1, count: plan.wants.length })}</p>
      <section className={styles.card} aria-labelledby="run-want">
        <h3 id="run-want" className={styles.h3}>{t('run.want.iWant')}</h3>
        <p className={styles.quote}>{want.text}</p>
        <h3 className={styles.h3}>{t('run.want.target')}</h3>
        <p className={styles.wrap} style={{ margin: 0 }}>{want.target.trim() || t('run.want.noTarget')}</p>
      </section>
    </>
  );
}

function Lines({ heading, lines }: { heading: string; lines: readonly string[] }) {
  const styles = useRunStyles();
  return (
    <section className={styles.card}>
      <h3 className={styles.h3}>{heading}</h3>
      {lines.length > 0
        ? <ul className={styles.plainList}>{lines.map((line, i) => <li key={i} className={styles.wrap}>{line}</li>)}</ul>
        : <p className={styles.hint}>{t('run.lines.empty')}</p>}
    </section>
  );
}

const HINTS: Partial<Record<string, MessageKey>> = {
  currentState: 'run.hint.currentState',
  residentStory: 'run.hint.residentStory',
  wants: 'run.hint.wants',
  can: 'run.hint.can',
  needs: 'run.hint.needs',
  agreements: 'run.hint.agreements',
  caseDirection: 'run.hint.caseDirection',
  evaluation: 'run.hint.evaluation',
  closingRound: 'run.hint.closingRound',
};

export interface StepContentProps {
  stepKey: string;
  plan: Plan;
  meeting: Meeting;
  invitees: readonly PlanParticipant[];
}

/** The content of one step (memoised: a tick or a keystroke elsewhere does not redraw it). */
export const StepContent = memo(function StepContent({ stepKey, plan, meeting, invitees }: StepContentProps) {
  const styles = useRunStyles();
  const want = /^want-(\d+)$/.exec(stepKey);
  const hint = HINTS[stepKey];
  return (
    <div className={styles.list}>
      {hint && <p className={styles.hint}>{t(hint)}</p>}
      {stepKey === 'introductions' && <Introductions invitees={invitees} />}
      {stepKey === 'goalAndRules' && <GoalAndRules plan={plan} meeting={meeting} />}
      {want && <Want plan={plan} index={Number(want[1]) - 1} />}
      {stepKey === 'residentStory' && <Lines heading={t('run.want.iWant')} lines={plan.wants.map((w) => w.text)} />}
      {stepKey === 'can' && (
        <>
          <Lines heading={t('run.can.own')} lines={plan.can.own} />
          <Lines heading={t('run.can.offer')} lines={plan.can.offer} />
        </>
      )}
      {stepKey === 'needs' && (
        <>
          <Lines heading={t('run.needs.shortTerm')} lines={plan.needs.shortTerm} />
          <Lines heading={t('run.needs.longTerm')} lines={plan.needs.longTerm} />
        </>
      )}
    </div>
  );
});
