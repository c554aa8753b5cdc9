import { describe, expect, it, vi } from 'vitest';
import { AppError } from './errors';
import type { MeetingStageApi } from './hostPort';
import { stageViewUrl } from './meetingTab';
import { shareCaseToStage, stageShareStep, type StageShareState } from './stageShare';

function fakeStage(overrides: Partial<MeetingStageApi> = {}): MeetingStageApi & { shared: string[] } {
  const shared: string[] = [];
  return {
    shared,
    canShare: async () => true,
    shareToStage: async (url) => { shared.push(url); },
    ...overrides,
  };
}

describe('stageViewUrl', () => {
  it('is the same page as the meeting tab, on the stage surface, for the case', () => {
    expect(stageViewUrl('SO-2026-014', 'https://so.example')).toBe('https://so.example/index.html?surface=stage&case=SO-2026-014');
    expect(stageViewUrl('a&b', 'https://x')).toBe('https://x/index.html?surface=stage&case=a%26b');
  });
});

describe('shareCaseToStage', () => {
  it('asks whether the user may share, then shares the case stage view', async () => {
    const stage = fakeStage();
    await shareCaseToStage(stage, 'SO-2026-014', 'https://so.example');
    expect(stage.shared).toEqual(['https://so.example/index.html?surface=stage&case=SO-2026-014']);
  });

  it('shares nothing when Teams says this user may not share, with the code that explains it', async () => {
    const stage = fakeStage({ canShare: async () => false });
    await expect(shareCaseToStage(stage, 'SO-2026-014', 'https://x')).rejects.toMatchObject({ code: 'host-lacks-stage-share' });
    expect(stage.shared).toEqual([]);
  });

  it('reports a failed share as stage-share-failed and keeps Teams\' error as the cause', async () => {
    const teamsError = { errorCode: 500, message: 'internal' };
    const stage = fakeStage({ shareToStage: vi.fn(async () => { throw teamsError; }) });
    const error = await shareCaseToStage(stage, 'SO-2026-014', 'https://x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('stage-share-failed');
    expect((error as AppError).cause).toBe(teamsError);
  });

  it('a failing permission question is a failed share, not a silent no', async () => {
    const stage = fakeStage({ canShare: async () => { throw new Error('host gone'); } });
    await expect(shareCaseToStage(stage, 'SO-2026-014', 'https://x')).rejects.toMatchObject({ code: 'stage-share-failed' });
  });
});

describe('stageShareStep', () => {
  const failed = new AppError('stage-share-failed');
  it('starts one share per request and ignores a second request while one runs', () => {
    const first = stageShareStep({ name: 'idle' }, { type: 'request' });
    expect(first).toEqual({ state: { name: 'sharing' }, effects: ['share'] });
    expect(stageShareStep(first.state, { type: 'request' })).toEqual({ state: { name: 'sharing' }, effects: [] });
  });

  it('ends in shared or failed, and a request after either shares again', () => {
    const sharing: StageShareState = { name: 'sharing' };
    expect(stageShareStep(sharing, { type: 'succeeded' }).state).toEqual({ name: 'shared' });
    expect(stageShareStep(sharing, { type: 'failed', error: failed }).state).toEqual({ name: 'failed', error: failed });
    expect(stageShareStep({ name: 'shared' }, { type: 'request' }).effects).toEqual(['share']);
    expect(stageShareStep({ name: 'failed', error: failed }, { type: 'request' }).effects).toEqual(['share']);
  });

  it('an outcome without a running share changes nothing', () => {
    expect(stageShareStep({ name: 'idle' }, { type: 'succeeded' })).toEqual({ state: { name: 'idle' }, effects: [] });
    expect(stageShareStep({ name: 'shared' }, { type: 'failed', error: failed })).toEqual({ state: { name: 'shared' }, effects: [] });
  });
});
