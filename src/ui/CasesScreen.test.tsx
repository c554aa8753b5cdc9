// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { renderWithFluent } from './testing/renderWithFluent';
import { servicesFor } from './testing/servicesFor';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../app/errors';
import type { CaseListEntry, NewCaseDocument, Services } from '../app/ports';
import { areaChampionsFrom } from '../app/ports/areaChampions';
import { CasesScreen } from './CasesScreen';

const entry = (caseAlias: string, extra: Partial<CaseListEntry> = {}): CaseListEntry => ({
  documentId: `doc-${caseAlias}`, caseAlias, status: 'preparing', openAgreements: 0, lastModified: '2026-11-19T10:00:00Z', ...extra,
});

function fakeServices(overrides: Partial<Services['cases']> = {}): Services {
  return servicesFor({
    directory: { me: async () => ({ id: 'u1', displayName: 'Esra Aydin' }), searchPeople: async () => [], searchUsers: async () => [] },
    cases: {
      listCases: async () => [entry('SO-2026-021', { status: 'evaluating', openAgreements: 2 }), entry('SO-2026-014', { nextMeeting: '2026-12-01T10:00:00+01:00' })],
      createCase: async ({ summary }: NewCaseDocument) => entry(summary.caseAlias, { status: summary.status }),
      updateSummary: async () => undefined,
      ...overrides,
    },
    clock: { now: () => new Date('2026-11-22T09:00:00+01:00') },
    municipality: 'Maasveld',
    areaChampions: areaChampionsFrom([
      { areaId: 'area-noord', areaName: 'Maasveld-Noord', name: 'Joris van Leeuwen', email: 'joris@example.org' },
      { areaId: 'area-zuid', areaName: 'Maasveld-Zuid', name: 'Anouk Smit', email: 'anouk@example.org' },
      // A second champion for the same area: the area is offered once.
      { areaId: 'area-zuid', areaName: 'Maasveld-Zuid', name: 'Tim Bos', email: 'tim@example.org' },
    ]),
  });
}

const renderScreen = (services: Services, onOpen: (entry: CaseListEntry, how?: { created?: boolean }) => void = () => undefined) =>
  renderWithFluent(<CasesScreen services={services} onOpen={onOpen} />);

afterEach(cleanup);

/**
 * Opens "Nieuwe casus". happy-dom lets tabster (Fluent's focus manager) put its aria-hidden on the dialog
 * itself; a browser does not (the end-to-end axe run checks it), so it is taken off here.
 */
async function openNewCaseDialog(): Promise<HTMLElement> {
  await userEvent.click(screen.getByRole('button', { name: 'Nieuwe casus' }));
  const surface = await waitFor(() => {
    const found = document.querySelector('[role="dialog"]');
    if (!found) throw new Error('no dialog yet');
    return found;
  });
  for (let element: Element | null = surface; element; element = element.parentElement) element.removeAttribute('aria-hidden');
  return screen.getByRole('dialog', { name: 'Nieuwe casus' });
}

describe('CasesScreen', () => {
  it('lists the cases sorted by alias with Dutch status and the next SO in Dutch time', async () => {
    renderScreen(fakeServices());
    const table = await screen.findByRole('table', { name: 'Casussen' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['SO-2026-014', 'SO-2026-021']);
    expect(rows[0]!.textContent).toContain('SO in voorbereiding');
    expect(rows[0]!.textContent).toContain('1 december 2026');
    expect(rows[0]!.textContent).toContain('10:00');
    expect(rows[1]!.textContent).toContain('Evaluatie');
    expect(rows[1]!.textContent).toContain('Nog niet gepland');
  });

  it('asks for the area, starts the new case under the next alias in that area and opens it', async () => {
    const createCase = vi.fn(async ({ summary }: NewCaseDocument) => entry(summary.caseAlias, { status: summary.status }));
    const onOpen = vi.fn();
    renderScreen(fakeServices({ createCase }), onOpen);
    await screen.findByRole('table', { name: 'Casussen' });
    const dialog = await openNewCaseDialog();
    expect(within(dialog).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['area-noord', 'area-zuid']);
    // Without an area: a Dutch message, nothing created.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Casus aanmaken' }));
    expect(await within(dialog).findByText('Kies een gebied.')).toBeTruthy();
    expect(createCase).not.toHaveBeenCalled();

    await userEvent.click(within(dialog).getByRole('radio', { name: 'Maasveld-Zuid' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Casus aanmaken' }));
    await vi.waitFor(() => expect(onOpen).toHaveBeenCalledTimes(1));
    expect(createCase).toHaveBeenCalledTimes(1);
    const document = JSON.parse(createCase.mock.calls[0]![0].content) as { caseAlias: string; status: string; createdAt: string; areaId: string };
    expect(document).toMatchObject({ caseAlias: 'SO-2026-022', status: 'draft', createdAt: '2026-11-22T08:00:00.000Z', areaId: 'area-zuid' });
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ caseAlias: 'SO-2026-022' }), { created: true });
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
  });

  it('cancelling the new case creates nothing', async () => {
    const createCase = vi.fn();
    renderScreen(fakeServices({ createCase }));
    await screen.findByRole('table', { name: 'Casussen' });
    const dialog = await openNewCaseDialog();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
    expect(createCase).not.toHaveBeenCalled();
  });

  it('shows a Dutch error with its code and retries on request', async () => {
    let calls = 0;
    const listCases = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new AppError('network-offline');
      return [entry('SO-2026-014')];
    });
    renderScreen(fakeServices({ listCases }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Er is geen internetverbinding.');
    expect(alert.textContent).toContain('network-offline');
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByRole('table', { name: 'Casussen' })).toBeTruthy();
    expect(listCases).toHaveBeenCalledTimes(2);
  });

  it('keeps focus on "Vernieuwen" and "Casus aanmaken" while they work (unavailable, not gone)', async () => {
    let answer: (cases: CaseListEntry[]) => void = () => undefined;
    let calls = 0;
    const listCases = vi.fn(() => {
      calls += 1;
      return calls === 1 ? Promise.resolve([entry('SO-2026-014')]) : new Promise<CaseListEntry[]>((resolve) => { answer = resolve; });
    });
    let created: () => void = () => undefined;
    const createCase = vi.fn(({ summary }: NewCaseDocument) => new Promise<CaseListEntry>((resolve) => { created = () => resolve(entry(summary.caseAlias)); }));
    renderScreen(fakeServices({ listCases, createCase }));
    await screen.findByRole('table', { name: 'Casussen' });

    const dialog = await openNewCaseDialog();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Maasveld-Noord' }));
    const create = within(dialog).getByRole('button', { name: 'Casus aanmaken' });
    create.focus();
    await userEvent.keyboard('{Enter}');
    expect(create.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(create);
    // Pressed again while it works: nothing more is asked.
    await userEvent.keyboard('{Enter}');
    expect(createCase).toHaveBeenCalledTimes(1);
    created();
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    for (const element of document.querySelectorAll('body > [aria-hidden="true"]')) element.removeAttribute('aria-hidden');

    const refresh = screen.getByRole('button', { name: 'Vernieuwen' });
    refresh.focus();
    await userEvent.keyboard('{Enter}');
    expect(refresh.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(refresh);
    // Pressed again while it works: nothing more is asked.
    await userEvent.keyboard('{Enter}');
    expect(listCases).toHaveBeenCalledTimes(2);
    answer([entry('SO-2026-014')]);
    expect(await screen.findByRole('table', { name: 'Casussen' })).toBeTruthy();
    expect(document.activeElement).toBe(refresh);
  });
});
