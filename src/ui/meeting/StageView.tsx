// The meeting stage: the agenda with the current part and the agreements so far, large, for everyone at the
// table. Read-only. The current part comes from the run's facts in the plan, which the stage reads again every
// few seconds (useLiveRefresh): it follows the chair's clicks on any device, and new agreements appear with them.
import { Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { CaseListEntry, Services } from '../../app/ports';
import { agreementOwnerName, buildAgenda, liveRunOf, meetingAgreements, presentAtMeeting, runSteps } from '../../domain';
import type { Plan } from '../../domain';
import { usePlanDocument } from '../case/usePlanDocument';
import { ErrorNotice } from '../ErrorNotice';
import { t } from '../messages';
import { defaultRunMeetingId } from './meetingChoice';
import { useLiveRefresh } from './useLiveRun';
import { formatDay } from '../format';

const useStyles = makeStyles({
  stage: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, minWidth: 0 },
  h1: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  now: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  columns: {
    display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalXXL, columnGap: tokens.spacingHorizontalXXXL,
    '@media (min-width: 60em)': { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)' },
  },
  h2: { margin: `0 0 ${tokens.spacingVerticalM}`, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { overflowWrap: 'anywhere', paddingLeft: tokens.spacingHorizontalS, borderLeft: `${tokens.strokeWidthThicker} solid transparent` },
  current: {
    fontWeight: tokens.fontWeightSemibold, borderLeftColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorBrandBackground2,
    '@media (forced-colors: active)': { borderLeftColor: 'Highlight' },
  },
  done: { color: tokens.colorNeutralForeground2 },
});

export function StageView({ services, entry }: { services: Services; entry: CaseListEntry }) {
  const document = usePlanDocument(services, entry.documentId);
  // The stage follows the run as long as it is on screen (it is put up for the meeting).
  useLiveRefresh(document.refresh, document.plan !== undefined);
  if (document.loadError !== undefined) return <ErrorNotice error={document.loadError} onRetry={document.reload} />;
  if (!document.plan) return <Spinner size="large" label={t('stage.loading')} />;
  return <Stage entry={entry} plan={document.plan} />;
}

function Stage({ entry, plan }: { entry: CaseListEntry; plan: Plan }) {
  const styles = useStyles();
  const meetingId = defaultRunMeetingId(plan);
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  const { wants } = plan;
  const agenda = useMemo(() => (meeting
    ? buildAgenda({ wants: wants.map((w) => w.text), start: meeting.start, durationMinutes: meeting.durationMinutes, participantCount: presentAtMeeting(plan, meeting).length })
    : undefined), [meeting, wants, plan]);
  const steps = useMemo(() => (agenda ? runSteps(agenda) : []), [agenda]);
  const { runFacts } = plan;
  const status = useMemo(() => liveRunOf({ runFacts }, meetingId ?? '', steps).settled, [runFacts, meetingId, steps]);

  if (!meeting || !agenda || !meetingId) {
    return (
      <div className={styles.stage}>
        <h1 className={styles.h1}>{t('stage.heading', { alias: entry.caseAlias })}</h1>
        <p>{t('stage.noMeeting')}</p>
      </div>
    );
  }
  const current = steps.find((s) => s.key === status.currentKey);
  const agreements = meetingAgreements(plan, meetingId);
  const stateOf = (key: string) => status.steps.find((s) => s.key === key)?.state ?? 'upcoming';

  return (
    <div className={styles.stage}>
      <h1 className={styles.h1}>{t('stage.heading', { alias: entry.caseAlias })}</h1>
      <p className={styles.now} aria-live="polite">
        {!status.started && t('stage.notStarted')}
        {status.started && status.paused && t('stage.paused')}
        {status.started && !status.paused && current && t('stage.now', { title: current.title })}
      </p>
      <div className={styles.columns}>
        <section aria-labelledby="stage-agenda">
          <h2 id="stage-agenda" className={styles.h2}>{t('stage.agenda')}</h2>
          <ol className={styles.list}>
            {steps.map((step) => {
              const state = stateOf(step.key);
              return (
                <li key={step.key} aria-current={state === 'current' ? 'step' : undefined}
                  className={mergeClasses(styles.item, state === 'done' && styles.done, state === 'current' && styles.current)}>
                  {step.title}
                  {state === 'current' && ` (${t('run.agenda.now')})`}
                </li>
              );
            })}
          </ol>
        </section>
        <section aria-labelledby="stage-agreements">
          <h2 id="stage-agreements" className={styles.h2}>{t('stage.agreements')}</h2>
          {agreements.length === 0
            ? <p>{t('stage.noAgreements')}</p>
            : (
              <ul className={styles.list}>
                {agreements.map((a) => (
                  <li key={a.id} className={styles.item}>
                    {t('stage.agreement', { who: agreementOwnerName(plan, a.who), what: a.what, due: formatDay(a.due) })}
                    {a.perspectiveOnly && ` ${t('stage.perspective')}`}
                  </li>
                ))}
              </ul>
            )}
        </section>
      </div>
    </div>
  );
}
