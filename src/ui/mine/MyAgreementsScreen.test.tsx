// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../app/errors';
import type { MyAgreement } from '../../app/myAgreements';
import type { CaseListEntry } from '../../app/ports';
import { PersonalHome } from '../participant/PersonalHome';
import { renderWithFluent } from '../testing/renderWithFluent';
import { servicesFor } from '../testing/servicesFor';
import { MyAgreementsScreen } from './MyAgreementsScreen';

const app = vi.hoisted(() => ({ listMyAgreements: vi.fn(), markMyAgreementDone: vi.fn() }));
vi.mock('../../app/myAgreements', () => app);

afterEach(cleanup);
beforeEach(() => {
  app.listMyAgreements.mockReset();
  app.markMyAgreementDone.mockReset();
});

// Today is Monday 7 December 2026 in Amsterdam.
const services = () => servicesFor({ clock: { now: () => new Date('2026-12-07T09:00:00+01:00') } });

const item = (key: string, rest: Omit<MyAgreement, 'key' | 'taskId' | 'etag'>): MyAgreement => ({ key, taskId: key, etag: 'W/"1"', ...rest });
const ITEMS: MyAgreement[] = [
  item('t-later', { caseAlias: 'SO-2026-014', what: 'Plant een intake', due: '2027-01-12', done: false }),
  item('t-done', { caseAlias: 'SO-2026-014', what: 'Belt de verhuurder', due: '2026-12-02', done: true }),
  item('t-late', { caseAlias: 'SO-2026-021', what: 'Stuurt het rapport', due: '2026-12-03', done: false }),
  item('t-nodue', { what: 'Zoekt een maatje', done: false }),
  item('t-soon', { caseAlias: 'SO-2026-021', what: 'Regelt vervoer', due: '2026-12-10', done: false }),
];

const rows = () => within(screen.getByRole('list', { name: 'Mijn afspraken' })).getAllByRole('listitem');

describe('Mijn afspraken', () => {
  it('lists overdue agreements first, marked "te laat" with the date in Dutch; then by due date; done last', async () => {
    app.listMyAgreements.mockResolvedValue(ITEMS);
    renderWithFluent(<MyAgreementsScreen services={services()} />);
    await screen.findByRole('list', { name: 'Mijn afspraken' });
    expect(rows().map((r) => r.querySelector('p')!.textContent)).toEqual([
      'Stuurt het rapport', 'Regelt vervoer', 'Plant een intake', 'Zoekt een maatje', 'Belt de verhuurder',
    ]);
    expect(rows()[0]!.textContent).toContain('Te laat: uiterlijk 3 december 2026');
    expect(rows()[0]!.textContent).toContain('Casus SO-2026-021');
    expect(rows()[1]!.textContent).toContain('Uiterlijk 10 december 2026');
    expect(rows()[1]!.textContent).not.toContain('Te laat');
    expect(rows()[3]!.textContent).toContain('Geen uiterlijke datum');
    expect(rows()[4]!.textContent).not.toContain('Te laat');
    expect(within(rows()[4]!).queryByRole('button')).toBeNull();
    expect(screen.getByText('4 open, waarvan 1 te laat')).toBeTruthy();
  });

  it('marks one done: progress while saving, then it moves down as done and focus goes to the next open one', async () => {
    app.listMyAgreements.mockResolvedValue(ITEMS);
    let finish: () => void = () => undefined;
    app.markMyAgreementDone.mockImplementation(() => new Promise<{ etag: string }>((resolve) => { finish = () => resolve({ etag: 'W/"2"' }); }));
    const svc = services();
    renderWithFluent(<MyAgreementsScreen services={svc} />);
    const button = await screen.findByRole('button', { name: 'Klaar: Stuurt het rapport' });
    await userEvent.click(button);
    expect(screen.getByText('Wordt opgeslagen…')).toBeTruthy();
    // Unavailable while saving, but it keeps the focus (a disabled button would drop it to the page).
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    expect(app.markMyAgreementDone).toHaveBeenCalledWith(svc, expect.objectContaining({ taskId: 't-late', etag: 'W/"1"' }));
    finish();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Klaar: Stuurt het rapport' })).toBeNull());
    expect(rows().map((r) => r.querySelector('p')!.textContent)).toEqual([
      'Regelt vervoer', 'Plant een intake', 'Zoekt een maatje', 'Belt de verhuurder', 'Stuurt het rapport',
    ]);
    expect(rows()[4]!.textContent).toContain('Klaar');
    expect(rows()[4]!.textContent).not.toContain('Te laat');
    expect(screen.getByText('‘Stuurt het rapport’ staat op klaar.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Klaar: Regelt vervoer' }));
    expect(app.markMyAgreementDone).toHaveBeenCalledTimes(1);
  });

  it('shows a failure in Dutch at the item, with a retry', async () => {
    app.listMyAgreements.mockResolvedValue(ITEMS);
    app.markMyAgreementDone.mockRejectedValueOnce(new AppError('network-offline')).mockResolvedValueOnce({ etag: 'W/"2"' });
    renderWithFluent(<MyAgreementsScreen services={services()} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Klaar: Regelt vervoer' }));
    const alert = await screen.findByRole('alert');
    expect(alert.closest('li')!.textContent).toContain('Regelt vervoer');
    expect(alert.textContent).toContain('network-offline');
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(app.markMyAgreementDone).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('button', { name: 'Klaar: Regelt vervoer' })).toBeNull();
  });

  it('says so when there is nothing, and when loading fails offers a retry', async () => {
    app.listMyAgreements.mockRejectedValueOnce(new AppError('graph-unavailable')).mockResolvedValueOnce([]);
    renderWithFluent(<MyAgreementsScreen services={services()} />);
    const alert = await screen.findByRole('alert');
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByText(/Je hebt nu geen afspraken/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Mijn afspraken' })).toBeNull();
  });

  it('shows task text with markup as text', async () => {
    app.listMyAgreements.mockResolvedValue([item('t-x', { what: '<img src=x onerror="alert(1)">Belt <b>vet</b>', done: false })]);
    renderWithFluent(<MyAgreementsScreen services={services()} />);
    await screen.findByRole('list', { name: 'Mijn afspraken' });
    expect(rows()[0]!.textContent).toContain('<img src=x onerror="alert(1)">Belt <b>vet</b>');
    expect(document.body.querySelector('img')).toBeNull();
  });

  it('is the third tab of the personal home', async () => {
    app.listMyAgreements.mockResolvedValue(ITEMS);
    const cases: CaseListEntry[] = [];
    renderWithFluent(<PersonalHome services={servicesFor({ cases: { listCases: async () => cases, createCase: vi.fn(), updateSummary: vi.fn() } })} />);
    const tab = await screen.findByRole('tab', { name: 'Mijn afspraken' });
    const tabs = screen.getAllByRole('tab');
    expect(tabs.indexOf(tab)).toBe(2);
    expect(tabs[0]).toBe(screen.getByRole('tab', { name: 'Mijn casussen' }));
    expect(tabs[1]).toBe(screen.getByRole('tab', { name: 'Mijn uitnodigingen' }));
    await userEvent.click(tab);
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn afspraken' })).toBeTruthy();
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('home-tab-agreements');
  });
});
