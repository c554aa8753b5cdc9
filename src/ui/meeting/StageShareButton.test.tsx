// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingStageApi } from '../../app/hostPort';
import { ENTRY, fakeServices, seedPlan014 } from '../case/prepare/fakeServices';
import { renderWithFluent } from '../testing/renderWithFluent';
import { MeetingSurface } from './MeetingSurface';
import { StageShareButton } from './StageShareButton';

afterEach(cleanup);

/** A stage whose share waits until the test lets Teams answer. */
function controllableStage(allowed = true) {
  const requests: string[] = [];
  let answer: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  const stage: MeetingStageApi = {
    canShare: async () => allowed,
    shareToStage: (url) => new Promise<void>((resolve, reject) => {
      requests.push(url);
      answer = { resolve, reject };
    }),
  };
  return { stage, requests, succeed: () => answer?.resolve(), fail: (e: unknown) => answer?.reject(e) };
}

const STAGE_URL = 'https://so.example/index.html?surface=stage&case=SO-2026-014';

describe('"Op het scherm delen"', () => {
  it('by keyboard: shows progress while Teams works, then that the agenda is on the stage', async () => {
    const teams = controllableStage();
    renderWithFluent(<StageShareButton stage={teams.stage} caseAlias={ENTRY.caseAlias} origin="https://so.example" />);
    await userEvent.tab();
    const button = screen.getByRole('button', { name: 'Op het scherm delen' });
    expect(document.activeElement).toBe(button);
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('Teams wordt gevraagd de agenda op het scherm te delen…')).toBeTruthy();
    expect(teams.requests).toEqual([STAGE_URL]);
    // Busy: a second press shares nothing twice, and the focus stays on the button.
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await userEvent.keyboard('{Enter}');
    expect(teams.requests).toHaveLength(1);
    expect(document.activeElement).toBe(button);
    teams.succeed();
    expect(await screen.findByText('Teams deelt de agenda nu op het scherm van de vergadering.')).toBeTruthy();
    expect(screen.queryByText(/Teams wordt gevraagd/)).toBeNull();
  });

  it('a failed share says so in Dutch with its code, and the button tries again', async () => {
    const teams = controllableStage();
    renderWithFluent(<StageShareButton stage={teams.stage} caseAlias={ENTRY.caseAlias} origin="https://so.example" />);
    await userEvent.click(screen.getByRole('button', { name: 'Op het scherm delen' }));
    await screen.findByText(/Teams wordt gevraagd/);
    teams.fail({ errorCode: 500 });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Teams kon de agenda niet op het scherm van de vergadering zetten');
    expect(alert.textContent).toContain('stage-share-failed');
    await userEvent.click(screen.getByRole('button', { name: 'Op het scherm delen' }));
    expect(teams.requests).toEqual([STAGE_URL, STAGE_URL]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('when Teams says this user may not share, it explains instead of sharing', async () => {
    const teams = controllableStage(false);
    renderWithFluent(<StageShareButton stage={teams.stage} caseAlias={ENTRY.caseAlias} origin="https://so.example" />);
    await userEvent.click(screen.getByRole('button', { name: 'Op het scherm delen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('als organisator of presentator');
    expect(alert.textContent).toContain('host-lacks-stage-share');
    expect(teams.requests).toEqual([]);
  });
});

describe('the side panel offers it only where the host can share', () => {
  it('shows the button with a stage API', async () => {
    const fake = fakeServices(seedPlan014());
    renderWithFluent(<MeetingSurface services={fake.services} caseAlias="SO-2026-014" view="panel" stage={controllableStage().stage} />);
    expect(await screen.findByRole('button', { name: 'Op het scherm delen' })).toBeTruthy();
  });

  it('has no button without one', async () => {
    const fake = fakeServices(seedPlan014());
    renderWithFluent(<MeetingSurface services={fake.services} caseAlias="SO-2026-014" view="panel" />);
    expect(await screen.findByRole('button', { name: 'Start het overleg' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Op het scherm delen' })).toBeNull();
  });
});
