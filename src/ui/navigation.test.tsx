// @vitest-environment happy-dom
// The route in the address: a Teams deep link (subEntityId → page.subPageId) opens its case in the tab and
// is written into the address; Back (popstate) returns to where the user came from.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostInfo } from '../app/hostPort';
import type { Runtime } from '../app/ports';
import { fakeServices, seedPlan014 } from './case/prepare/fakeServices';
import { Root } from './Root';

function runtimeWith(info: Partial<HostInfo>): Runtime {
  const fake = fakeServices(seedPlan014());
  return {
    mode: 'tenant',
    host: {
      info: { kind: 'teams', surface: 'personal', theme: 'light', ...info },
      notifySuccess: () => undefined,
      notifyFailure: () => undefined,
      onThemeChange: () => () => undefined,
    },
    createServices: async () => fake.services,
  };
}

beforeEach(() => window.history.replaceState(null, '', '/index.html'));
afterEach(cleanup);

const selected = (name: string) => screen.getByRole('tab', { name }).getAttribute('aria-selected');

describe('navigation by address', () => {
  it('opens the case and tab a Teams deep link names, and puts it in the address', async () => {
    render(<Root runtime={runtimeWith({ subPageId: 'case=SO-2026-014&tab=responses' })} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Casus SO-2026-014' })).toBeTruthy();
    expect(selected('Reacties')).toBe('true');
    expect(window.location.search).toBe('?case=SO-2026-014&tab=responses');
  });

  it('a bare case alias as subEntityId opens the case on its plan', async () => {
    render(<Root runtime={runtimeWith({ subPageId: 'SO-2026-014' })} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Casus SO-2026-014' })).toBeTruthy();
    expect(selected('Plan')).toBe('true');
  });

  it('the address wins over the deep link (a reload after moving on keeps where the user is)', async () => {
    window.history.replaceState(null, '', '/index.html?tab=invitations');
    render(<Root runtime={runtimeWith({ subPageId: 'SO-2026-014' })} />);
    expect(await screen.findByRole('tab', { name: 'Mijn uitnodigingen', selected: true })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'Casus SO-2026-014' })).toBeNull();
  });

  it('follows Back: the case, then the list', async () => {
    render(<Root runtime={runtimeWith({})} />);
    (await screen.findByRole('button', { name: 'Casus SO-2026-014 openen' })).click();
    expect(await screen.findByRole('heading', { level: 1, name: 'Casus SO-2026-014' })).toBeTruthy();
    expect(window.location.search).toBe('?case=SO-2026-014');
    // What the browser does on Back: the address changes, then popstate.
    act(() => {
      window.history.replaceState(null, '', '/index.html');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(await screen.findByRole('table', { name: 'Casussen' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'Casus SO-2026-014' })).toBeNull();
  });
});
