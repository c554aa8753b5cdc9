import { describe, expect, it } from 'vitest';
import { capabilityGap, hostCan, requireCapability } from './hostCapabilities';
import type { Host } from './hostPort';

const stage = { canShare: async () => true, shareToStage: async () => undefined };
const inMeeting: Pick<Host, 'info' | 'stage'> = {
  info: { kind: 'teams', surface: 'meetingSidePanel', theme: 'light', capabilities: { nestedAppAuth: true, meeting: true, stageShare: true } },
  stage,
};
const browser: Pick<Host, 'info'> = { info: { kind: 'browser', surface: 'personal', theme: 'light' } };

describe('host capabilities', () => {
  it('lets a meeting host with the stage API share to the stage', () => {
    expect(hostCan(inMeeting, 'meeting')).toBe(true);
    expect(hostCan(inMeeting, 'stageShare')).toBe(true);
    expect(capabilityGap(inMeeting, 'stageShare')).toBeUndefined();
  });

  it('explains with a code when the host lacks a capability', () => {
    expect(capabilityGap(browser, 'meeting')).toBe('host-lacks-meeting');
    expect(capabilityGap(browser, 'stageShare')).toBe('host-lacks-stage-share');
    expect(() => requireCapability(browser, 'stageShare')).toThrow(expect.objectContaining({ code: 'host-lacks-stage-share' }));
  });

  it('does not offer stage sharing when the capability is claimed but no stage API is wired', () => {
    expect(hostCan({ info: inMeeting.info }, 'stageShare')).toBe(false);
  });
});
