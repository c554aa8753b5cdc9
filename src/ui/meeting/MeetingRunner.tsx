// SO voorzitten: the fixed agenda of one SO, run against its time boxes. The run (start, next step, pause,
// extend) is facts in the plan (useLiveRun): the chair's click shows here at once and on every other screen
// of the SO within seconds; notes and everything recorded go into the plan too.
// Only the clocks tick: the agenda and the step content redraw when the run or the plan changes.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, MessageBar, MessageBarBody, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { CaseListEntry, Services } from '../../app/ports';
import { buildAgenda, nextStepKey, presentAtMeeting, runSteps } from '../../domain';
import type { Meeting, Plan, RunCommand, RunStep } from '../../domain';
import type { PlanDocument } from '../case/usePlanDocument';
import { formatDateTime } from '../format';
import { t } from '../messages';
import { AgendaList } from './AgendaList';
import { RecordPanel } from './record/RecordPanel';
import { ContinueOrFollowUp, MeetingClock, StepTimer } from './RunClocks';
import { StepContent } from './StepContent';
import { StepNotes } from './StepNotes';
import { TickerContext, createTicker } from './ticker';
import { useLiveRefresh, useLiveRun } from './useLiveRun';

/** How much longer a step gets when the table chooses to go on. */
export const EXTEND_MINUTES = 10;

const useStyles = makeStyles({
  runner: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  // The run bar stays in view while the rest scrolls (typing an agreement, reading a step): where we are, the
  // step's clock and its overrun, and the buttons. Opaque, so what scrolls under it does not show through.
  bar: {
    position: 'sticky', top: 0, zIndex: 2,
    display: 'flex', flexWrap: 'wrap', alignItems: 'center', rowGap: tokens.spacingVerticalXS, columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2,
    boxShadow: tokens.shadow4,
  },
  // In the side panel the bar spans the panel's width and sits flush with its top.
  barPanel: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, marginRight: `calc(-1 * ${tokens.spacingHorizontalS})`, borderRadius: 0 },
  barText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, flexBasis: '12rem', minWidth: 0 },
  barStep: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  p: { margin: 0, overflowWrap: 'anywhere' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // One column in a side panel; on a tablet or wider the agenda moves to the right (after the step, as
  // in the reading and tab order).
  grid: {
    display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalXL, alignItems: 'start',
    '@media (min-width: 60em)': { gridTemplateColumns: 'minmax(0, 1fr) minmax(14rem, 20rem)', columnGap: tokens.spacingHorizontalXXL },
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  stepHead: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // Focus moved to the heading must not land under the sticky run bar.
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, overflowWrap: 'anywhere', scrollMarginTop: '12rem', ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  panelH2: { fontSize: tokens.fontSizeBase400 },
  agenda: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  gridPanel: { '@media (min-width: 60em)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  paused: { fontWeight: tokens.fontWeightSemibold },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', margin: '-1px' },
});

export interface MeetingRunnerProps {
  services: Services;
  entry: CaseListEntry;
  document: PlanDocument & { plan: Plan };
  meetingId: string;
  /**
   * 'panel': the Teams meeting side panel (320 px): the agenda folds away above the step, the meeting line and
   * hints leave the bar. 'page': the personal tab or a tablet (the agenda beside the step when there is room).
   */
  layout?: 'panel' | 'page';
}

export function MeetingRunner(props: MeetingRunnerProps) {
  const meeting = props.document.plan.meetings.find((m) => m.id === props.meetingId);
  if (!meeting) return <MessageBar intent="warning"><MessageBarBody>{t('run.meetingGone')}</MessageBarBody></MessageBar>;
  return <Runner {...props} meeting={meeting} />;
}

function Runner({ services, document, meetingId, meeting, layout = 'page' }: MeetingRunnerProps & { meeting: Meeting }) {
  const styles = useStyles();
  const panel = layout === 'panel';
  const { plan, update } = document;
  const { wants, participants, actions, caseDirectorUserId } = plan;
  const { start, durationMinutes } = meeting;

  // Who sits at the table: the responses decide (a decline is not introduced), the case director is there.
  const invitees = useMemo(
    () => presentAtMeeting({ participants, actions, caseDirectorUserId }, meeting),
    [participants, actions, caseDirectorUserId, meeting],
  );
  const agenda = useMemo(
    () => buildAgenda({ wants: wants.map((w) => w.text), start, durationMinutes, participantCount: invitees.length }),
    [wants, start, durationMinutes, invitees.length],
  );
  const steps = useMemo(() => runSteps(agenda), [agenda]);

  const live = useLiveRun(services, document, meetingId, steps);
  const closed = meeting.status === 'held';
  // While the SO can still run, this screen follows the chair's clicks on other devices.
  useLiveRefresh(document.refresh, !closed);
  const ticker = useMemo(() => createTicker(services.clock), [services.clock]);
  const [selected, setSelected] = useState<string>();
  const [followUpChosen, setFollowUpChosen] = useState(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);

  const { events, settled } = live.run;
  // What the run's facts alone decide (which step, paused or not, which steps are done): time as of the last
  // fact, so this does not change between facts; the ticking parts compute their own.
  const doneKeys = useMemo(() => new Set(settled.steps.filter((s) => s.state === 'done').map((s) => s.key)), [settled]);

  const started = settled.started;
  const currentKey = started ? settled.currentKey : undefined;
  const firstKey = steps[0]?.key;
  const viewedKey = currentKey ?? (selected && steps.some((s) => s.key === selected) ? selected : firstKey);
  const viewed: RunStep | undefined = steps.find((s) => s.key === viewedKey);
  const position = viewed ? steps.indexOf(viewed) + 1 : 0;
  const next = currentKey ? nextStepKey(steps, currentKey) : undefined;
  const current: RunStep | undefined = currentKey ? steps.find((s) => s.key === currentKey) : undefined;
  const currentPosition = current ? steps.indexOf(current) + 1 : 0;

  const { command } = live;
  const add = useCallback((cmd: RunCommand) => {
    command(cmd);
    ticker.bump();
  }, [command, ticker]);
  const focusStep = () => requestAnimationFrame(() => stepHeading.current?.focus());

  const onSelect = useCallback((key: string) => {
    if (started) {
      if (key !== currentKey) add({ type: 'goto', stepKey: key });
    } else {
      setSelected(key);
    }
  }, [started, currentKey, add]);

  if (steps.length === 0 || !viewed || viewedKey === undefined) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          {t('run.agendaProblems')}
          <ul>{agenda.problems.map((p) => <li key={p.code}>{p.message}</li>)}</ul>
        </MessageBarBody>
      </MessageBar>
    );
  }

  const extend = () => {
    if (!currentKey) return;
    add({ type: 'extend', minutes: EXTEND_MINUTES });
    focusStep();
  };
  const followUp = () => {
    setFollowUpChosen(true);
    if (currentKey !== 'evaluation') add({ type: 'goto', stepKey: 'evaluation' });
    focusStep();
  };

  return (
    <TickerContext.Provider value={ticker}>
      <div className={styles.runner}>
        {agenda.problems.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              {agenda.problems.map((p) => <span key={p.code}>{p.message} </span>)}
            </MessageBarBody>
          </MessageBar>
        )}
        {closed && <MessageBar intent="info"><MessageBarBody>{t('run.closed')}</MessageBarBody></MessageBar>}

        {!panel && <p className={styles.p}>{t('run.meeting', { when: formatDateTime(start), minutes: durationMinutes })}</p>}
        <section className={mergeClasses(styles.bar, panel && styles.barPanel)} aria-label={t('run.bar')}>
          <div className={styles.barText}>
            {/* Where we are, said once for screen readers when it changes; seen by everyone in the bar. */}
            <p className={mergeClasses(styles.barStep, settled.paused && styles.paused)} aria-live="polite">
              {!started && t('meeting.bar.notStarted')}
              {started && settled.paused && t('run.pausedNow')}
              {started && !settled.paused && current && (
                <>
                  <span aria-hidden="true">{t('meeting.bar.step', { n: currentPosition, count: steps.length, title: current.title })}</span>
                  <span className={styles.srOnly}>{t('run.now', { n: currentPosition, count: steps.length, title: current.title })}</span>
                </>
              )}
            </p>
            {started && currentKey && <StepTimer steps={steps} events={events} stepKey={currentKey} compact />}
            {started && <MeetingClock steps={steps} events={events} />}
            {/* Said in words, not colour: this step is on this screen only until the device reconnects. */}
            {live.notShared && <p className={styles.hint} role="status">{t('liverun.notShared')}</p>}
          </div>
          {!closed && (
            <div className={styles.actions}>
              {/* One element for "Start" and then "Volgende onderdeel" (and one for pause/continue), so the
                  keyboard focus stays on the button that was pressed. */}
              {started ? (
                <Button
                  appearance="primary"
                  accessKey="n"
                  disabledFocusable={next === undefined}
                  aria-describedby={next === undefined ? 'run-last-step' : undefined}
                  onClick={() => { if (next) add({ type: 'next' }); }}
                >
                  {t('run.next')}
                </Button>
              ) : (
                <Button appearance="primary" onClick={() => add({ type: 'start', stepKey: viewedKey })}>{t('run.start')}</Button>
              )}
              {started && (
                <>
                  {settled.paused
                    ? <Button accessKey="p" onClick={() => add({ type: 'resume' })}>{t('run.resume')}</Button>
                    : <Button accessKey="p" onClick={() => add({ type: 'pause' })}>{t('run.pause')}</Button>}
                </>
              )}
            </div>
          )}
        </section>
        {!closed && (
          <p className={styles.hint}>
            {started && next === undefined && <span id="run-last-step">{t('run.lastStep')} </span>}
            {started ? t('run.keys') : t('run.startHint')}
          </p>
        )}
        {panel && (
          <>
            <p className={styles.hint}>{t('run.meeting', { when: formatDateTime(start), minutes: durationMinutes })}</p>
            {/* The agenda folds away in the side panel: the step and the recording get the room. */}
            <Accordion collapsible>
              <AccordionItem value="agenda">
                <AccordionHeader as="h2" size="small">
                  {started && currentPosition > 0
                    ? t('meeting.panel.agenda', { n: currentPosition, count: steps.length })
                    : t('meeting.panel.agendaNotStarted', { count: steps.length })}
                </AccordionHeader>
                <AccordionPanel>
                  <nav className={styles.agenda} aria-label={t('run.agenda.heading')}>
                    <AgendaList agenda={agenda} currentKey={currentKey} viewedKey={viewedKey} doneKeys={doneKeys} onSelect={onSelect} />
                  </nav>
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          </>
        )}

        <div className={mergeClasses(styles.grid, panel && styles.gridPanel)}>
          <div className={styles.main}>
            <section className={styles.step} aria-labelledby="run-step-heading">
              <div className={styles.stepHead}>
                <p className={styles.hint}>
                  {[t('run.position', { n: position, count: steps.length }), viewed.minutes ? t('run.agenda.minutes', { minutes: viewed.minutes }) : undefined]
                    .filter(Boolean).join(' · ')}
                </p>
                <h2 id="run-step-heading" ref={stepHeading} tabIndex={-1} className={mergeClasses(styles.h2, panel && styles.panelH2)}>{viewed.title}</h2>
              </div>
              {started && !closed && (
                <ContinueOrFollowUp
                  steps={steps}
                  events={events}
                  onExtend={extend}
                  onFollowUp={followUp}
                  hidden={followUpChosen && (currentKey === 'evaluation' || currentKey === 'closingRound')}
                />
              )}
              <StepContent stepKey={viewedKey} plan={plan} meeting={meeting} invitees={invitees} />
              <StepNotes key={viewedKey} plan={plan} update={update} clock={services.clock} meetingId={meetingId} stepKey={viewedKey} />
            </section>
            <RecordPanel services={services} document={document} meetingId={meetingId} stepKey={viewedKey} />
          </div>
          {!panel && (
            <nav className={styles.agenda} aria-labelledby="run-agenda-heading">
              <h2 id="run-agenda-heading" className={styles.h2}>{t('run.agenda.heading')}</h2>
              <AgendaList agenda={agenda} currentKey={currentKey} viewedKey={viewedKey} doneKeys={doneKeys} onSelect={onSelect} />
            </nav>
          )}
        </div>
      </div>
    </TickerContext.Provider>
  );
}
