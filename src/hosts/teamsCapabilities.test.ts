import { describe, expect, it } from 'vitest';
import { teamsCapabilities, teamsStage, type TeamsSdkLike } from './teamsCapabilities';

function fakeSdk(options: { naa?: boolean | 'throws'; permission?: boolean; shareError?: unknown } = {}) {
  const shared: string[] = [];
  const sdk: TeamsSdkLike = {
    nestedAppAuth: { isNAAChannelRecommended: () => { if (options.naa === 'throws') throw new Error('not initialized'); return options.naa ?? false; } },
    meeting: {
      getAppContentStageSharingCapabilities: (callback) => callback(null, { doesAppHaveSharePermission: options.permission ?? false }),
      shareAppContentToStage: (callback, url) => { shared.push(url); callback(options.shareError ?? null, options.shareError ? null : true); },
    },
  };
  return { sdk, shared };
}

describe('teamsCapabilities', () => {
  it('takes nested app auth from the host recommendation, not from the host being Teams', () => {
    const personal = { surface: 'personal' as const };
    expect(teamsCapabilities(fakeSdk({ naa: true }).sdk, personal).nestedAppAuth).toBe(true);
    expect(teamsCapabilities(fakeSdk({ naa: false }).sdk, personal).nestedAppAuth).toBe(false);
    expect(teamsCapabilities(fakeSdk({ naa: 'throws' }).sdk, personal).nestedAppAuth).toBe(false);
  });

  it('offers meeting APIs only in a meeting frame, and the stage only from the side panel or stage on desktop and web', () => {
    const { sdk } = fakeSdk();
    const inMeeting = { meetingId: 'm-1', clientType: 'desktop' };
    expect(teamsCapabilities(sdk, { ...inMeeting, surface: 'meetingSidePanel' })).toMatchObject({ meeting: true, stageShare: true });
    expect(teamsCapabilities(sdk, { ...inMeeting, surface: 'meetingStage', clientType: 'web' })).toMatchObject({ meeting: true, stageShare: true });
    expect(teamsCapabilities(sdk, { ...inMeeting, surface: 'meetingContent' })).toMatchObject({ meeting: true, stageShare: false });
    expect(teamsCapabilities(sdk, { ...inMeeting, surface: 'meetingSidePanel', clientType: 'android' })).toMatchObject({ meeting: true, stageShare: false });
    expect(teamsCapabilities(sdk, { surface: 'meetingSidePanel', clientType: 'desktop' })).toMatchObject({ meeting: false, stageShare: false });
    expect(teamsCapabilities(sdk, { ...inMeeting, surface: 'personal' })).toMatchObject({ meeting: false, stageShare: false });
  });
});

describe('teamsStage', () => {
  it('asks whether the user may share and shares the given page', async () => {
    const { sdk, shared } = fakeSdk({ permission: true });
    const stage = teamsStage(sdk);
    expect(await stage.canShare()).toBe(true);
    await stage.shareToStage('https://so.example/index.html?surface=stage&case=SO-2026-014');
    expect(shared).toEqual(['https://so.example/index.html?surface=stage&case=SO-2026-014']);
  });

  it('rejects when Teams refuses the share', async () => {
    const { sdk } = fakeSdk({ shareError: { errorCode: 1000 } });
    await expect(teamsStage(sdk).shareToStage('https://so.example/x')).rejects.toThrow(/1000/);
    expect(await teamsStage(fakeSdk({ permission: false }).sdk).canShare()).toBe(false);
  });
});
