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
}
