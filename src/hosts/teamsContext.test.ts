import { describe, expect, it } from 'vitest';
import { hostInfoFromTeamsContext, hostKindOf, surfaceOf, themeOf } from './teamsContext';

describe('teams context mapping', () => {
  it('carries a deep link\'s subEntityId (page.subPageId) for the route', () => {
    const info = hostInfoFromTeamsContext({ app: { host: { name: 'Teams' } }, page: { frameContext: 'content', subPageId: 'case=SO-2026-014&tab=responses' } }, 'personal');
    expect(info.subPageId).toBe('case=SO-2026-014&tab=responses');
    expect(hostInfoFromTeamsContext({ app: { host: { name: 'Teams' } }, page: { frameContext: 'content' } }, 'personal').subPageId).toBeUndefined();
  });

  it('tells Teams, Outlook and the Microsoft 365 app apart', () => {
    expect(hostKindOf('Teams')).toBe('teams');
    expect(hostKindOf('TeamsModern')).toBe('teams');
    expect(hostKindOf('Outlook')).toBe('outlook');
    expect(hostKindOf('OutlookWin32')).toBe('outlook');
    expect(hostKindOf('Office')).toBe('microsoft365');
  });

  it('maps the meeting frame contexts to surfaces', () => {
    expect(surfaceOf('sidePanel', 'meetingContent')).toBe('meetingSidePanel');
    expect(surfaceOf('meetingStage', 'meetingContent')).toBe('meetingStage');
    expect(surfaceOf('settings', 'tabSettings')).toBe('tabSettings');
    expect(surfaceOf('content', 'personal')).toBe('personal');
    expect(surfaceOf('content', 'meetingContent')).toBe('meetingContent');
  });

  it('maps the themes, defaulting to light', () => {
    expect(themeOf('dark')).toBe('dark');
    expect(themeOf('contrast')).toBe('contrast');
    expect(themeOf('default')).toBe('light');
    expect(themeOf(undefined)).toBe('light');
  });

  it('carries the login hint, tenant and meeting for sign-in and the meeting tab', () => {
    const info = hostInfoFromTeamsContext({
      app: { theme: 'dark', host: { name: 'Teams' } },
      page: { frameContext: 'sidePanel' },
      user: { loginHint: 'a.visser@maasveld.example', tenant: { id: 't-1' } },
      meeting: { id: 'm-1' },
    }, 'meetingContent');
    expect(info).toEqual({ kind: 'teams', surface: 'meetingSidePanel', theme: 'dark', hostName: 'Teams', loginHint: 'a.visser@maasveld.example', tenantId: 't-1', meetingId: 'm-1' });
  });
});
