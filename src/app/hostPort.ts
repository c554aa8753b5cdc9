// Where the app runs, as a port: one adapter per host (src/hosts) implements it.

export type HostKind = 'teams' | 'outlook' | 'microsoft365' | 'outlookAddin' | 'browser';

/** Where inside the host we are; decides which screen the user lands on. */
export type Surface =
  | 'personal'
  | 'meetingSidePanel'
  | 'meetingStage'
  | 'meetingContent'
  | 'tabSettings'
  | 'addinOrganizer'
  | 'addinAttendee';

export type HostTheme = 'light' | 'dark' | 'contrast';

export interface HostInfo {
  kind: HostKind;
  surface: Surface;
  theme: HostTheme;
  /** The signed-in user's UPN as the host knows it, for MSAL's account hint. */
  loginHint?: string;
  tenantId?: string;
  meetingId?: string;
  /** Teams: the deep link's subEntityId (teams-js `page.subPageId`), naming the screen to open. */
  subPageId?: string;
  /** The host's own name (teams-js app.host.name or Office's host), for diagnostics. */
  hostName?: string;
  /** What the host can do, asked of its SDK once at start; absent = nothing beyond a plain page. */
  capabilities?: HostCapabilities;
  /** The host's UI language (teams-js app.locale, Office.context.displayLanguage), e.g. "en-US". */
  locale?: string;
}

/**
 * Asked of the host SDK, never guessed from the host's name: teams-js (NAA recommendation, the meeting
 * frame and client its meeting APIs need), Office's requirement sets. Screens ask `hostCan` (src/app/hostCapabilities.ts) before they offer a
 * meeting or stage action, and explain in Dutch when the host lacks it.
 */
export interface HostCapabilities {
  /** The host brokers tokens for us (nested app auth): teams-js nestedAppAuth.isNAAChannelRecommended(),
   *  or Office's NestedAppAuth 1.1 requirement set. Decides the MSAL client (src/auth/msalAuth.ts). */
  nestedAppAuth: boolean;
  /** The meeting APIs: in a meeting's frame (side panel, stage, meeting tab) with a meeting id. */
  meeting: boolean;
  /** Sharing our content to the meeting stage: meeting APIs, in the side panel or on the stage. */
  stageShare: boolean;
}

/** The meeting-stage actions, present on Host only where `capabilities.stageShare` is true. */
export interface MeetingStageApi {
  /** Whether this user may share now (the app's manifest permission and their meeting role). */
  canShare(): Promise<boolean>;
  /** Shares `url` (a page of this app) to the meeting stage for everyone in the meeting. */
  shareToStage(url: string): Promise<void>;
}

export interface TabConfig {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

/** pages.config for the meeting tab's settings page; absent outside Teams. */
export interface TabConfigApi {
  setValid(valid: boolean): void;
  onSave(build: () => TabConfig): void;
}

export interface Host {
  info: HostInfo;
  /** Tells the host the first screen is usable (Teams hides its loading indicator). */
  notifySuccess(): void;
  notifyFailure(reason: string): void;
  onThemeChange(listener: (theme: HostTheme) => void): () => void;
  tabConfig?: TabConfigApi;
  /** Meeting stage sharing; only where the host supports it (see HostCapabilities.stageShare). */
  stage?: MeetingStageApi;
}
