// Teams, Outlook and the Microsoft 365 app hosting our tabs, through teams-js. Loaded lazily.
import { app, meeting, nestedAppAuth, pages } from '@microsoft/teams-js';
import type { Host, Surface } from '../app/hostPort';
import { teamsCapabilities, teamsStage, type TeamsSdkLike } from './teamsCapabilities';
import { hostInfoFromTeamsContext, themeOf } from './teamsContext';

export async function initialiseTeams(): Promise<void> {
  await app.initialize();
}

export async function createTeamsHost(requested: Surface): Promise<Host> {
  const context = await app.getContext();
  const info = hostInfoFromTeamsContext(context, requested);
  // teams-js' callback types (SdkError | null) are narrower than the slice's `unknown`; same calls.
  const sdk = { nestedAppAuth, meeting } as unknown as TeamsSdkLike;
  info.capabilities = teamsCapabilities(sdk, { surface: info.surface, meetingId: info.meetingId, clientType: context.app.host.clientType });
  const listeners = new Set<(theme: ReturnType<typeof themeOf>) => void>();
  app.registerOnThemeChangeHandler((theme) => listeners.forEach((l) => l(themeOf(theme))));
  const host: Host = {
    info,
    notifySuccess: () => { void app.notifySuccess(); },
    notifyFailure: (reason) => app.notifyFailure({ reason: app.FailedReason.Other, message: reason }),
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  if (info.capabilities.stageShare) host.stage = teamsStage(sdk);
  if (info.surface === 'tabSettings') {
    host.tabConfig = {
      setValid: (valid) => pages.config.setValidityState(valid),
      onSave(build) {
        pages.config.registerOnSaveHandler((event) => {
          pages.config.setConfig(build()).then(() => event.notifySuccess(), (error: unknown) => event.notifyFailure(String(error)));
        });
      },
    };
  }
  return host;
}
