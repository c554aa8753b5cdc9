// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { renderWithFluent } from './testing/renderWithFluent';
import { servicesFor } from './testing/servicesFor';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../app/errors';
import type { CaseListEntry, NewCaseDocument, Services } from '../app/ports';
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
  });
}

const renderScreen = (services: Services) =>
  renderWithFluent(<CasesScreen services={services} onOpen={() => undefined} />);

afterEach(cleanup);

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

  it('starts a new case under the next alias and says so', async () => {
    const createCase = vi.fn(async ({ summary }: NewCaseDocument) => entry(summary.caseAlias, { status: summary.status }));
    renderScreen(fakeServices({ createCase }));
    await screen.findByRole('table', { name: 'Casussen' });
    await userEvent.click(screen.getByRole('button', { name: 'Nieuwe casus' }));
    expect(await screen.findByText('Casus SO-2026-022 is aangemaakt.')).toBeTruthy();
    expect(createCase).toHaveBeenCalledTimes(1);
    const document = JSON.parse(createCase.mock.calls[0]![0].content) as { caseAlias: string; status: string; createdAt: string };
    expect(document).toMatchObject({ caseAlias: 'SO-2026-022', status: 'draft', createdAt: '2026-11-22T08:00:00.000Z' });
    expect(within(screen.getByRole('table', { name: 'Casussen' })).getByText('Concept')).toBeTruthy();
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

  it('keeps focus on "Vernieuwen" and "Nieuwe casus" while they work (unavailable, not gone)', async () => {
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

    const create = screen.getByRole('button', { name: 'Nieuwe casus' });
    create.focus();
    await userEvent.keyboard('{Enter}');
    expect(create.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(create);
    created();
    expect(await screen.findByText('Casus SO-2026-015 is aangemaakt.')).toBeTruthy();
    expect(document.activeElement).toBe(create);

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
