// @vitest-environment happy-dom
// Root sends the Teams meeting surfaces (and ?surface=meeting in a browser) to the SO of the linked case.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Surface } from '../../app/hostPort';
import type { Runtime } from '../../app/ports';
import { fakeServices, seedPlan014 } from '../case/prepare/fakeServices';
import { Root } from '../Root';
import { pageSurface } from './meetingChoice';

afterEach(cleanup);

function runtimeOn(surface: Surface): Runtime {
  const fake = fakeServices(seedPlan014());
  return {
    mode: 'tenant',
    host: {
      info: { kind: 'teams', surface, theme: 'light' },
      notifySuccess: () => undefined,
      notifyFailure: () => undefined,
      onThemeChange: () => () => undefined,
    },
    createServices: async () => fake.services,
  };
}

describe('meeting surfaces', () => {
  it('opens the runner of the linked case on meetingContent, on the case screen\'s "SO voorzitten" tab', async () => {
    render(<Root runtime={runtimeOn('meetingContent')} meetingCase="SO-2026-014" />);
    const tab = await screen.findByRole('tab', { name: 'SO voorzitten' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('button', { name: 'Start het overleg' })).toBeTruthy();
  });

  it('opens only the runner in the side panel: no app header, back link or case tabs', async () => {
    render(<Root runtime={runtimeOn('meetingSidePanel')} meetingCase="SO-2026-014" />);
    expect(await screen.findByRole('button', { name: 'Start het overleg' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'SO SO-2026-014' })).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.queryByRole('banner')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Terug naar mijn casussen' })).toBeNull();
  });

  it('shows the stage view on the meeting stage', async () => {
    render(<Root runtime={runtimeOn('meetingStage')} meetingCase="SO-2026-014" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Samenwerkoverleg SO-2026-014' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start het overleg' })).toBeNull();
  });

  it('keeps the personal home on the personal tab', async () => {
    render(<Root runtime={runtimeOn('personal')} meetingCase="SO-2026-014" />);
    expect(await screen.findByRole('tab', { name: 'Mijn casussen' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'SO voorzitten' })).toBeNull();
  });
});

describe('the surface a browser URL asks for', () => {
  it.each([
    ['?surface=meeting&case=SO-2026-014', 'meetingContent'],
    ['?surface=sidePanel&case=SO-2026-014', 'meetingSidePanel'],
    ['?surface=stage&case=SO-2026-014', 'meetingStage'],
    ['?surface=meetingStage&case=SO-2026-014', 'meetingStage'],
    ['?case=SO-2026-014', 'personal'],
    ['?surface=tabSettings', 'personal'],
    ['', 'personal'],
  ])('%s opens %s', (search, surface) => {
    expect(pageSurface(search)).toBe(surface);
  });
});
