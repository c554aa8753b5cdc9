// Pure mapping from the teams-js context to our HostInfo, kept apart from the SDK so it is testable.
import type { HostInfo, HostKind, HostTheme, Surface } from '../app/hostPort';

export interface TeamsContextLike {
  app: { theme?: string; locale?: string; host: { name: string } };
  page: { frameContext?: string; subPageId?: string };
  user?: { loginHint?: string; tenant?: { id: string } };
  meeting?: { id: string };
}

export function hostKindOf(hostName: string): HostKind {
  if (hostName === 'Outlook' || hostName === 'OutlookWin32') return 'outlook';
  if (hostName === 'Office') return 'microsoft365';
  return 'teams';
}

export function themeOf(theme: string | undefined): HostTheme {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

export function surfaceOf(frameContext: string | undefined, requested: Surface): Surface {
  switch (frameContext) {
    case 'settings': return 'tabSettings';
    case 'sidePanel': return 'meetingSidePanel';
    case 'meetingStage': return 'meetingStage';
    case 'content': return requested === 'personal' ? 'personal' : 'meetingContent';
    default: return requested;
  }
}

export function hostInfoFromTeamsContext(context: TeamsContextLike, requested: Surface): HostInfo {
  const info: HostInfo = {
    kind: hostKindOf(context.app.host.name),
    surface: surfaceOf(context.page.frameContext, requested),
    theme: themeOf(context.app.theme),
    hostName: context.app.host.name,
  };
  if (context.user?.loginHint) info.loginHint = context.user.loginHint;
  if (context.user?.tenant?.id) info.tenantId = context.user.tenant.id;
  if (context.meeting?.id) info.meetingId = context.meeting.id;
  if (context.app.locale) info.locale = context.app.locale;
  // A deep link's subEntityId: which case (and tab) to open in the tab (src/ui/route.ts parses it).
  if (context.page.subPageId) info.subPageId = context.page.subPageId;
  return info;
}
