// What happened to this SO's invitation, from the plan's facts: who did what, when, to whom. The same list on
// every device and after every reload; a step that may or may not have happened says so in words.
import { actionsOf } from '../../../domain';
import type { MeetingAction, Plan } from '../../../domain';
import { formatDateTime } from '../../format';
import { t } from '../../messages';
import type { MessageKey } from '../../messages';
import { useSectionStyles } from '../prepare/sectionStyles';

const WHAT: Record<MeetingAction['kind'], MessageKey> = {
  response: 'calendar.history.response',
  escalation: 'calendar.history.escalation',
  reminder: 'calendar.history.reminder',
  share: 'calendar.history.share',
  moved: 'calendar.history.moved',
  'invitee-added': 'calendar.history.added',
  'invitee-removed': 'calendar.history.removed',
  cancelled: 'calendar.history.cancelled',
  'resident-told': 'calendar.history.residentTold',
  'address-sent': 'calendar.history.addressSent',
};

const ANSWER: Record<NonNullable<MeetingAction['response']>, MessageKey> = {
  accepted: 'calendar.answer.accepted',
  tentative: 'calendar.answer.tentative',
  declined: 'calendar.answer.declined',
};

function line(action: MeetingAction, nameOf: (id: string | undefined) => string): string {
  const to = (action.to ?? []).map((r) => r.name).join(', ');
  const text = t(WHAT[action.kind], {
    who: action.byName ?? action.by,
    to,
    about: nameOf(action.participantId),
    answer: action.response ? t(ANSWER[action.response]) : '',
    from: action.from ? formatDateTime(action.from) : '',
    until: action.until ? formatDateTime(action.until) : '',
  });
  const words = action.passedTo
    ? ` ${t('calendar.history.passedTo', { name: action.passedTo.name, note: action.comment ?? '' })}`
    : action.comment ? ` ${t('calendar.history.words', { text: action.comment })}` : '';
  const state = action.state === 'done' ? '' : ` ${t(action.state === 'started' ? 'calendar.history.started' : 'calendar.history.unclear')}`;
  return `${text}${words}${state}`;
}

export function ActionHistory({ plan, meetingId }: { plan: Plan; meetingId: string }) {
  const styles = useSectionStyles();
  const actions = actionsOf(plan, meetingId);
  const nameOf = (id: string | undefined) => plan.participants.find((p) => p.id === id)?.name ?? '';
  return (
    <section aria-labelledby="responses-history" className={styles.section}>
      <h2 id="responses-history">{t('calendar.history.heading')}</h2>
      {actions.length === 0 ? <p>{t('calendar.history.none')}</p> : (
        <ul className={styles.list} aria-labelledby="responses-history">
          {actions.map((a) => (
            <li key={a.id}>
              <time dateTime={a.at}>{formatDateTime(a.at)}</time>{' – '}{line(a, nameOf)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
