// "Op het scherm delen" in the meeting side panel: asks Teams (through the host port's stage API) to show the
// case's stage view to everyone in the meeting. Rendered only where the host can share (Root passes `stage`
// only then); whether this user may share is Teams' answer at the click.
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { toAppError } from '../../app/errors';
import type { MeetingStageApi } from '../../app/hostPort';
import { shareCaseToStage, stageShareStep, type StageShareEvent, type StageShareState } from '../../app/stageShare';
import { ErrorNotice } from '../ErrorNotice';
import { t } from '../messages';

const useStyles = makeStyles({
  share: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS, minWidth: 0 },
});

export function StageShareButton({ stage, caseAlias, origin = window.location.origin }: { stage: MeetingStageApi; caseAlias: string; origin?: string }) {
  const styles = useStyles();
  const [state, setState] = useState<StageShareState>({ name: 'idle' });
  // The chart's current state outside React's render cycle: two quick clicks must see 'sharing' at once.
  const current = useRef<StageShareState>(state);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => { mounted.current = false; };
  }, []);

  function dispatch(event: StageShareEvent): void {
    if (!mounted.current) return;
    const step = stageShareStep(current.current, event);
    current.current = step.state;
    setState(step.state);
    for (const effect of step.effects) {
      if (effect === 'share') {
        shareCaseToStage(stage, caseAlias, origin).then(
          () => dispatch({ type: 'succeeded' }),
          (error: unknown) => dispatch({ type: 'failed', error: toAppError(error, 'stage-share-failed') }),
        );
      }
    }
  }

  const sharing = state.name === 'sharing';
  return (
    <div className={styles.share}>
      <Button
        appearance="secondary"
        disabledFocusable={sharing}
        icon={sharing ? <Spinner size="extra-tiny" /> : undefined}
        onClick={() => dispatch({ type: 'request' })}
      >
        {t('meeting.share.button')}
      </Button>
      <div aria-live="polite">
        {sharing && <span>{t('meeting.share.sharing')}</span>}
        {state.name === 'shared' && (
          <MessageBar intent="success" layout="multiline"><MessageBarBody>{t('meeting.share.done')}</MessageBarBody></MessageBar>
        )}
      </div>
      {/* The button above stays the way to try again: a retry inside the notice would vanish under the keyboard focus. */}
      {state.name === 'failed' && <ErrorNotice error={state.error} />}
    </div>
  );
}
