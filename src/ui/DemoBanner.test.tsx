// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react';
import { renderWithFluent } from './testing/renderWithFluent';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DemoControls } from '../app/ports';
import { DemoBanner } from './DemoBanner';

function controls(overrides: Partial<DemoControls> = {}): DemoControls {
  let current = 'a';
  return {
    personas: [
      { userId: 'a', role: 'caseDirector', displayName: 'Esra Aydin', jobTitle: 'Sociaal werker', organisation: 'Buurtkracht' },
      { userId: 'b', role: 'chair', displayName: 'Priya Ramdin', jobTitle: 'Wijkconsulent', organisation: 'Gemeente' },
    ],
    currentPersonaId: () => current,
    switchPersona: async (id) => { current = id; },
    reset: async () => undefined,
    ...overrides,
  };
}

afterEach(cleanup);

describe('DemoBanner', () => {
  it('is a labelled region that says it is a demo', () => {
    renderWithFluent(<DemoBanner demo={controls()} onChanged={async () => undefined} />);
    const region = screen.getByRole('region', { name: 'Demo-omgeving' });
    expect(region.textContent).toContain('Demo');
    expect(region.textContent).toContain('verzonnen');
  });

  it('switches persona and then reopens the session', async () => {
    const onChanged = vi.fn(async () => undefined);
    const demo = controls();
    renderWithFluent(<DemoBanner demo={demo} onChanged={onChanged} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Je bent nu' }), 'b');
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(demo.currentPersonaId()).toBe('b');
  });

  it('shows the failure when the switch fails, instead of hiding it', async () => {
    const onChanged = vi.fn(async () => undefined);
    const demo = controls({ switchPersona: async () => { throw new Error('IndexedDB is full'); } });
    renderWithFluent(<DemoBanner demo={demo} onChanged={onChanged} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Je bent nu' }), 'b');
    expect((await screen.findByRole('alert')).textContent).toContain('Er ging iets onverwachts mis.');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('shows Graph contract violations as they are recorded', async () => {
    const violations: string[] = [];
    const listeners = new Set<() => void>();
    const demo = controls({
      contractViolations: () => violations,
      onContractViolation: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
    });
    renderWithFluent(<DemoBanner demo={demo} onChanged={async () => undefined} />);
    expect(screen.queryByText(/contract van Microsoft Graph/)).toBeNull();
    violations.push('PATCH /planner/tasks/x: $.dueDate unknown property');
    act(() => listeners.forEach((l) => l()));
    expect(screen.getByText(/1 verzoek aan de demo hield zich niet aan het contract van Microsoft Graph/)).toBeTruthy();
  });

  it('asks before resetting and resets only on confirmation', async () => {
    const reset = vi.fn(async () => undefined);
    const onChanged = vi.fn(async () => undefined);
    renderWithFluent(<DemoBanner demo={controls({ reset })} onChanged={onChanged} />);
    await userEvent.click(screen.getByRole('button', { name: 'Demo herstellen' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Annuleren' }));
    expect(reset).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Demo herstellen' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Herstellen' }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledWith('De demo is hersteld.'));
    expect(reset).toHaveBeenCalledTimes(1);
  });
});
