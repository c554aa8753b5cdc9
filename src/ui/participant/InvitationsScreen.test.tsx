// @vitest-environment happy-dom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { MotionBehaviourProvider } from '@fluentui/react-motion';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../app/errors';
import type { CaseListEntry } from '../../app/ports';
import { renderWithFluent } from '../testing/renderWithFluent';
import { InvitationsScreen } from './InvitationsScreen';
import { PersonalHome } from './PersonalHome';
import { axeViolations, bram, detail, fakeCalendar, fakeServices, HANDOUT_FILE, invitation, linda } from './testFixtures';

afterEach(cleanup);

async function openFirst() {
  await userEvent.click(await screen.findByRole('button', { name: invitation.subject }));
  return screen.findByRole('heading', { level: 1, name: 'Waarom ben ik uitgenodigd?' });
}

/** Tabs forward until the element with this role and name has focus (keyboard only). */
async function tabTo(role: 'button' | 'textbox' | 'radio' | 'searchbox', name: string | RegExp, max = 40) {
  for (let i = 0; i < max; i += 1) {
    await userEvent.tab();
    const active = document.activeElement;
    if (active && active === screen.queryByRole(role, { name })) return active as HTMLElement;
  }
  throw new Error(`never reached ${role} ${String(name)} with Tab`);
}

describe('Mijn uitnodigingen', () => {
  it('lists the app\'s invitations I was invited to (whatever their subject), with time, place, organiser and my answer', async () => {
    // The port lists only the app's events (marked at creation); an evaluation's subject differs from an SO's.
    const calendar = fakeCalendar({
      listInvitations: vi.fn(async () => [
        invitation,
        { ...invitation, eventId: 'own', subject: 'Samenwerkoverleg SO-2026-030', isOrganizer: true },
        { ...invitation, eventId: 'evaluation', subject: 'Evaluatie SO-2026-021', start: '2026-12-15T09:00:00Z', end: '2026-12-15T10:00:00Z' },
      ]),
    });
    const { container } = renderWithFluent(<InvitationsScreen services={fakeServices({ calendar })} />);
    const list = await screen.findByRole('list', { name: 'Uitnodigingen voor een Samenwerkoverleg' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[1]!.textContent).toContain('Evaluatie SO-2026-021');
    expect(items[0]!.textContent).toContain('di 1 december 2026 om 10:00 – 11:30');
    expect(items[0]!.textContent).toContain('Bij de inwoner thuis');
    expect(items[0]!.textContent).toContain('Uitnodiging van Esra Aydin');
    expect(items[0]!.textContent).toContain('Nog niet gereageerd');
    // The next 60 days from now.
    expect(calendar.listInvitations).toHaveBeenCalledWith({ start: '2026-11-22T08:00:00.000Z', end: '2027-01-21T08:00:00.000Z' });
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says so when there are none, and shows a failure with a way forward', async () => {
    let calls = 0;
    const calendar = fakeCalendar({ listInvitations: vi.fn(async () => { calls += 1; if (calls === 1) throw new AppError('network-offline'); return []; }) });
    renderWithFluent(<InvitationsScreen services={fakeServices({ calendar })} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Er is geen internetverbinding.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByText('Je hebt de komende 60 dagen geen uitnodigingen voor een Samenwerkoverleg.')).toBeTruthy();
  });
});

describe('Waarom ben ik uitgenodigd?', () => {
  it('shows my reasons and what is expected, the goal, the hand-out, organiser, time and place', async () => {
    const { container } = renderWithFluent(<InvitationsScreen services={fakeServices()} />);
    const heading = await openFirst();
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const mine = screen.getByRole('region', { name: 'Jouw rol in dit overleg' });
    expect(within(mine).getByText('In de uitnodiging sta je zo: Bram Hoekstra, Ambulant begeleider GGZ, Veldwijzer GGZ.')).toBeTruthy();
    expect(within(mine).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['je kennis en kunde over deze vraag', 'een kritische blik']);
    expect(within(mine).getByText('Brengt kennis over slapen en angst mee.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Het doel van het overleg' }).textContent).toContain('Samen zoeken naar rust');
    expect(screen.getByRole('region', { name: 'De hand-out' }).textContent).toContain(HANDOUT_FILE);
    const others = screen.getByRole('region', { name: 'Wie er nog meer aan tafel zitten' });
    expect(within(others).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Samira Benali, inwoner',
      'Wouter Dijkman, Woonstichting Thuisveld – kennis en kunde over deze vraag',
    ]);
    const facts = container.querySelector('dl')!.textContent!;
    for (const part of ['di 1 december 2026 om 10:00 – 11:30', 'Bij de inwoner thuis', 'Esra Aydin', 'vrijdag 27 november 2026', 'Nog niet gereageerd']) expect(facts).toContain(part);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('finds me under the name the invitation used for my address, and lists everyone when I am not in it', async () => {
    const renamed = fakeServices({ directory: { ...fakeServices().directory, me: async () => ({ ...bram, displayName: 'B. Hoekstra' }) } });
    renderWithFluent(<InvitationsScreen services={renamed} />);
    await openFirst();
    expect(screen.getByRole('region', { name: 'Jouw rol in dit overleg' }).textContent).toContain('een kritische blik');
    cleanup();

    const stranger = fakeServices({ directory: { ...fakeServices().directory, me: async () => ({ id: 'x', displayName: 'Linda Martens', mail: linda.mail! }) } });
    renderWithFluent(<InvitationsScreen services={stranger} />);
    await openFirst();
    const region = screen.getByRole('region', { name: 'Jouw rol in dit overleg' });
    expect(region.textContent).toContain('We vinden je naam niet in de uitnodiging');
    expect(within(region).getByRole('list', { name: 'Uitgenodigd, en waarom' }).textContent).toContain('Bram Hoekstra');
  });

  it('accepts with a comment through CalendarPort.respond, keyboard only', async () => {
    const services = fakeServices();
    renderWithFluent(<InvitationsScreen services={services} />);
    (await screen.findByRole('button', { name: invitation.subject })).focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Waarom ben ik uitgenodigd?' });
    const comment = await tabTo('textbox', /Bericht aan de organisator/);
    await userEvent.type(comment, '  Ik neem het slaapdagboek mee. ');
    await tabTo('button', 'Accepteren');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('Je hebt de uitnodiging geaccepteerd. Esra Aydin krijgt je antwoord.')).toBeTruthy();
    expect(services.calendar.respond).toHaveBeenCalledWith('evt-bram-1', 'accept', 'Ik neem het slaapdagboek mee.');
    expect(document.querySelector('dl')!.textContent).toContain('Geaccepteerd');
  });

  it('declines or answers tentatively without a comment', async () => {
    const services = fakeServices();
    renderWithFluent(<InvitationsScreen services={services} />);
    await openFirst();
    await userEvent.click(screen.getByRole('button', { name: 'Onder voorbehoud' }));
    await screen.findByText('Je hebt onder voorbehoud geaccepteerd. Esra Aydin krijgt je antwoord.');
    await userEvent.click(screen.getByRole('button', { name: 'Afslaan' }));
    await screen.findByText('Je hebt de uitnodiging afgeslagen. Esra Aydin krijgt je antwoord.');
    expect(services.calendar.respond).toHaveBeenNthCalledWith(1, 'evt-bram-1', 'tentative', undefined);
    expect(services.calendar.respond).toHaveBeenNthCalledWith(2, 'evt-bram-1', 'decline', undefined);
  });

  it('forwards my seat only with a colleague and a note, through CalendarPort.forward', async () => {
    const services = fakeServices();
    const { container } = renderWithFluent(<InvitationsScreen services={services} />);
    await openFirst();
    const forward = screen.getByRole('region', { name: 'Plek doorgeven aan een collega' });

    await userEvent.click(within(forward).getByRole('button', { name: 'Plek doorgeven' }));
    expect(within(forward).getByText('Kies eerst een collega.')).toBeTruthy();
    expect(within(forward).getByText('Schrijf kort waarom deze collega beter past.')).toBeTruthy();
    expect(services.calendar.forward).not.toHaveBeenCalled();

    await userEvent.type(within(forward).getByRole('searchbox', { name: /Zoek een collega/ }), 'li{Enter}');
    expect(await within(forward).findByText('2 gevonden. Kies hieronder je collega.')).toBeTruthy();
    // Not myself, even when the directory offers me.
    expect(within(forward).queryByRole('radio', { name: /Bram Hoekstra/ })).toBeNull();
    await userEvent.click(within(forward).getByRole('radio', { name: 'Lisa Zondermail' }));
    await userEvent.type(within(forward).getByRole('textbox', { name: /Waarom past deze collega beter/ }), 'Zij kent de huurzaken.');
    await userEvent.click(within(forward).getByRole('button', { name: 'Plek doorgeven' }));
    expect(within(forward).getByText('Deze collega heeft geen e-mailadres. Kies iemand anders.')).toBeTruthy();
    expect(services.calendar.forward).not.toHaveBeenCalled();

    await userEvent.click(within(forward).getByRole('radio', { name: 'Linda Martens – Woonconsulent, Woonstichting Thuisveld' }));
    await userEvent.click(within(forward).getByRole('button', { name: 'Plek doorgeven' }));
    expect(await within(forward).findByText('Je plek is doorgegeven aan Linda Martens. Je hebt afgezegd; de organisator leest aan wie en waarom.')).toBeTruthy();
    expect(services.calendar.forward).toHaveBeenCalledWith('evt-bram-1', { name: 'Linda Martens', email: linda.mail }, 'Zij kent de huurzaken.');
    // The organiser learns who takes the seat and why from my decline's comment (Exchange's forward notice has no note).
    expect(services.calendar.respond).toHaveBeenCalledWith('evt-bram-1', 'decline', `Ik geef mijn plek door aan Linda Martens <${linda.mail}>. Waarom: Zij kent de huurzaken.`);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('goes back to the list with the focus on the invitation it came from', async () => {
    renderWithFluent(<InvitationsScreen services={fakeServices()} />);
    await openFirst();
    await userEvent.click(screen.getByRole('button', { name: '← Terug naar mijn uitnodigingen' }));
    const button = await screen.findByRole('button', { name: invitation.subject });
    await waitFor(() => expect(document.activeElement).toBe(button));
  });

  it('shows a cancelled meeting as such, without the actions', async () => {
    const calendar = fakeCalendar({ getInvitation: vi.fn(async () => ({ ...detail, isCancelled: true })) });
    renderWithFluent(<InvitationsScreen services={fakeServices({ calendar })} />);
    await openFirst();
    expect(screen.getByText('Dit overleg is geannuleerd. Je hoeft niet meer te reageren.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Accepteren' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the personal tab', () => {
  const entry: CaseListEntry = { documentId: 'doc-1', caseAlias: 'SO-2026-014', status: 'preparing', openAgreements: 0, lastModified: '2026-11-19T10:00:00Z' };

  it('starts on my invitations when I have no cases, and reads the case list only once', async () => {
    const services = fakeServices();
    renderWithFluent(<PersonalHome services={services} />);
    const tabs = await screen.findByRole('tablist', { name: 'Onderdelen van de app' });
    expect(within(tabs).getByRole('tab', { name: 'Mijn uitnodigingen' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn uitnodigingen' })).toBeTruthy();
    await userEvent.click(within(tabs).getByRole('tab', { name: 'Mijn casussen' }));
    expect(await screen.findByText('Er zijn nog geen casussen. Begin een nieuwe casus om een Samenwerkplan te maken.')).toBeTruthy();
    expect(services.cases.listCases).toHaveBeenCalledTimes(1);
  });

  it('starts on my cases when I have some', async () => {
    const services = fakeServices({ cases: { listCases: vi.fn(async () => [entry]), createCase: vi.fn(), updateSummary: vi.fn() } as never });
    const { container } = renderWithFluent(<PersonalHome services={services} />);
    expect(await screen.findByRole('table', { name: 'Casussen' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Mijn casussen' }).getAttribute('aria-selected')).toBe('true');
    expect(services.cases.listCases).toHaveBeenCalledTimes(1);
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('the personal tab after a change of session', () => {
  it('starts afresh for new services (another demo persona): the tab is chosen again', async () => {
    const entry: CaseListEntry = { documentId: 'doc-1', caseAlias: 'SO-2026-014', status: 'preparing', openAgreements: 0, lastModified: '2026-11-19T10:00:00Z' };
    const esra = fakeServices({ cases: { listCases: vi.fn(async () => [entry]), createCase: vi.fn(), updateSummary: vi.fn() } as never });
    const view = renderWithFluent(<PersonalHome services={esra} />);
    expect(await screen.findByRole('table', { name: 'Casussen' })).toBeTruthy();
    // The same tree as renderWithFluent, so only the services change.
    view.rerender(<FluentProvider theme={teamsLightTheme}><MotionBehaviourProvider value="skip"><PersonalHome services={fakeServices()} /></MotionBehaviourProvider></FluentProvider>);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn uitnodigingen' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Mijn uitnodigingen' }).getAttribute('aria-selected')).toBe('true');
  });
});
