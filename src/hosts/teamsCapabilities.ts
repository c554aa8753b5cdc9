// What the Teams/Outlook/Microsoft 365 host can do, asked after app.initialize(): the host's NAA
// recommendation from teams-js, and the meeting APIs from the context teams-js documents for them.
// teams-js has no meeting.isSupported(): its meeting calls are valid only in a meeting's frame
// (side panel, stage, meeting tab) and sharing to the stage only from the side panel or the stage,
// on desktop and web clients; whether this user may share is asked at run time (canShare).
import type { HostCapabilities, MeetingStageApi, Surface } from '../app/hostPort';

/** The slice of teams-js this module uses, so tests can hand in a fake SDK. */
export interface TeamsSdkLike {
  nestedAppAuth: { isNAAChannelRecommended(): boolean };
  meeting: {
    getAppContentStageSharingCapabilities(callback: (error: unknown, result: { doesAppHaveSharePermission: boolean } | null) => void): void;
    shareAppContentToStage(callback: (error: unknown, result: boolean | null) => void, appContentUrl: string): void;
  };
}

export interface MeetingContextLike {
  surface: Surface;
  meetingId?: string | undefined;
  /** teams-js context.app.host.clientType: desktop, web, android, ios, … */
  clientType?: string | undefined;
}

/** teams-js throws "not initialized" or unsupported-host errors; that means no. */
function safely(ask: () => boolean): boolean {
  try {
    return ask();
  } catch {
    return false;
  }
}

const MEETING_FRAMES: readonly Surface[] = ['meetingSidePanel', 'meetingStage', 'meetingContent'];
const STAGE_FRAMES: readonly Surface[] = ['meetingSidePanel', 'meetingStage'];
const STAGE_CLIENTS = ['desktop', 'web'];

export function teamsCapabilities(sdk: Pick<TeamsSdkLike, 'nestedAppAuth'>, context: MeetingContextLike): HostCapabilities {
  const meeting = Boolean(context.meetingId) && MEETING_FRAMES.includes(context.surface);
  return {
    nestedAppAuth: safely(() => sdk.nestedAppAuth.isNAAChannelRecommended()),
    meeting,
    stageShare: meeting && STAGE_FRAMES.includes(context.surface) && STAGE_CLIENTS.includes(context.clientType ?? ''),
  };
}

/** The stage API over teams-js' callback style; only built when stageShare is supported. */
export function teamsStage(sdk: Pick<TeamsSdkLike, 'meeting'>): MeetingStageApi {
  return {
    canShare: () => new Promise((resolve) => {
      try {
        sdk.meeting.getAppContentStageSharingCapabilities((error, result) => resolve(!error && Boolean(result?.doesAppHaveSharePermission)));
      } catch {
        resolve(false);
      }
    }),
    shareToStage: (url) => new Promise((resolve, reject) => {
      sdk.meeting.shareAppContentToStage((error, result) => {
        if (error || result === false) reject(error instanceof Error ? error : new Error(`shareAppContentToStage failed: ${JSON.stringify(error)}`));
        else resolve();
      }, url);
    }),
  };
}
