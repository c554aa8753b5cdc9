// "Op het scherm delen": the chair asks Teams to show the case's stage view on the meeting stage. Through the
// host port only (Host.stage); the screen follows a small state chart so a second click while Teams is busy
// shares nothing twice.
import { AppError } from './errors';
import type { MeetingStageApi } from './hostPort';
import { stageViewUrl } from './meetingTab';

export type StageShareState =
  | { name: 'idle' }
  | { name: 'sharing' }
  | { name: 'shared' }
  | { name: 'failed'; error: AppError };

export type StageShareEvent =
  | { type: 'request' }
  | { type: 'succeeded' }
  | { type: 'failed'; error: AppError };

export type StageShareEffect = 'share';

/** Pure: a request starts one share unless one is running; its outcome ends it. */
export function stageShareStep(state: StageShareState, event: StageShareEvent): { state: StageShareState; effects: StageShareEffect[] } {
  switch (event.type) {
    case 'request':
      return state.name === 'sharing' ? { state, effects: [] } : { state: { name: 'sharing' }, effects: ['share'] };
    case 'succeeded':
      return state.name === 'sharing' ? { state: { name: 'shared' }, effects: [] } : { state, effects: [] };
    case 'failed':
      return state.name === 'sharing' ? { state: { name: 'failed', error: event.error }, effects: [] } : { state, effects: [] };
  }
}

/**
 * Asks Teams whether this user may share (their meeting role, the app's permission), then shares the case's
 * stage view. Rejects with `host-lacks-stage-share` when Teams says no, `stage-share-failed` when the share
 * itself fails (Teams' own error is kept as the cause).
 */
export async function shareCaseToStage(stage: MeetingStageApi, caseAlias: string, origin: string): Promise<void> {
  let allowed: boolean;
  try {
    allowed = await stage.canShare();
  } catch (cause) {
    throw new AppError('stage-share-failed', { cause });
  }
  if (!allowed) throw new AppError('host-lacks-stage-share', { detail: 'no share permission in this meeting' });
  try {
    await stage.shareToStage(stageViewUrl(caseAlias, origin));
  } catch (cause) {
    throw new AppError('stage-share-failed', { cause });
  }
}
