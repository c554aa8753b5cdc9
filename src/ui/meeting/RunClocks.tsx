// The parts of the runner that follow the clock: the meeting's time, the current step's timer against its
// time box, and the question whether to go on longer or plan a follow-up SO. Each reads the ticker itself.
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { runStatus } from '../../domain';
import type { RunEvent, RunStatus, RunStep } from '../../domain';
import { t } from '../messages';
import { formatClock, wholeMinutes } from './runFormat';
import { useNow } from './ticker';

const useStyles = makeStyles({
  clock: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  // Over time: said in words, a warm (not alarming) colour and a border that forced colours keep.
  over: {
    color: tokens.colorPaletteMarigoldForeground2,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    paddingLeft: tokens.spacingHorizontalS,
    '@media (forced-colors: active)': { color: 'CanvasText', borderLeftColor: 'CanvasText' },
  },
  timer: { margin: 0, fontSize: tokens.fontSizeBase500, fontVariantNumeric: 'tabular-nums' },
  compact: { fontSize: tokens.fontSizeBase400 },
  prompt: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

function useLiveStatus(steps: RunStep[], events: readonly RunEvent[]): RunStatus {
  const now = useNow();
  return useMemo(() => runStatus(steps, events, now), [steps, events, now]);
}

/** The whole meeting: time spent (pauses not counted) against the planned length, and the pauses. */
export function MeetingClock({ steps, events }: { steps: RunStep[]; events: readonly RunEvent[] }) {
  const styles = useStyles();
  const status = useLiveStatus(steps, events);
  const over = status.overrunMs > 0;
  return (
    <div>
      <p className={mergeClasses(styles.clock, over && styles.over)} role="timer">
        {t('run.clock.meeting', { elapsed: formatClock(status.elapsedMs), planned: wholeMinutes(status.plannedMs) })}
        {over && ` ${t('run.clock.meetingOver', { minutes: wholeMinutes(status.overrunMs) })}`}
      </p>
      {status.pausedMs > 0 && <p className={styles.clock}>{t('run.clock.paused', { paused: formatClock(status.pausedMs) })}</p>}
    </div>
  );
}

/** The current step's timer against its time box (an extension makes the box larger). */
export function StepTimer({ steps, events, stepKey, compact = false }: { steps: RunStep[]; events: readonly RunEvent[]; stepKey: string; compact?: boolean }) {
  const styles = useStyles();
  const status = useLiveStatus(steps, events);
  const step = status.steps.find((s) => s.key === stepKey);
  if (!step) return null;
  const over = step.overrunMs > 0;
  return (
    <p className={mergeClasses(styles.timer, compact && styles.compact, over && styles.over)} role="timer">
      {t('run.clock.step', { elapsed: formatClock(step.elapsedMs), box: wholeMinutes(step.boxMs) })}
      {over && ` ${t('run.clock.stepOver', { minutes: wholeMinutes(step.overrunMs) })}`}
    </p>
  );
}

/**
 * "Langer doorgaan of een vervolg-SO plannen?" once the step or the meeting runs over: go on 10 minutes
 * longer (an 'extend' for the step), or plan a follow-up (to the evaluation step, where it is recorded).
 */
export function ContinueOrFollowUp({ steps, events, onExtend, onFollowUp, hidden }: {
  steps: RunStep[]; events: readonly RunEvent[]; onExtend(): void; onFollowUp(): void; hidden: boolean;
}) {
  const styles = useStyles();
  const status = useLiveStatus(steps, events);
  const ask = status.askContinueOrFollowUp && !status.paused && !hidden;
  const current = status.steps.find((s) => s.key === status.currentKey);
  return (
    // The live region stays in place so the question is announced once when it appears.
    <div aria-live="polite">
      {ask && (
        <section className={styles.prompt} aria-labelledby="run-continue-heading">
          <h3 id="run-continue-heading" className={styles.h3}>{t('run.continue.heading')}</h3>
          <p style={{ margin: 0 }}>
            {/* No running minutes here: the live region would announce every change. */}
            {current && current.overrunMs > 0 ? t('run.continue.stepOver') : t('run.continue.meetingOver')}
          </p>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={onExtend}>{t('run.continue.extend')}</Button>
            <Button onClick={onFollowUp}>{t('run.continue.followUp')}</Button>
          </div>
        </section>
      )}
    </div>
  );
}
