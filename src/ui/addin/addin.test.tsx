// @vitest-environment happy-dom
// The Outlook add-in screens on the real Office.js adapter over the faithful fake of the mailbox item.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Host, HostKind, Surface } from '../../app/hostPort';
import type { CaseListEntry, Person, Runtime, Services } from '../../app/ports';
import { planCodec } from '../../app/savePlan';
import { createSeed } from '../../demo/seed';
import type { Plan } from '../../domain';
import { createOutlookAppointment } from '../../hosts/outlookAppointment';
import type { MailboxLike } from '../../hosts/outlookAppointment';
import { createFakeMailbox } from '../../hosts/testing/fakeMailboxItem';
import { createAppointmentSendHandler } from '../../hosts/appointmentSendHandler';
import type { SendingAppointment } from '../../hosts/appointmentSendHandler';
import { SEND_CHECK_PEOPLE_KEY } from '../../app/appointmentSendCheck';
import onSendNl from '../messages/onSend.nl';
import { axeViolations, bram, composed, fakeServices, HANDOUT_FILE } from '../participant/testFixtures';
import { Root } from '../Root';
import { renderWithFluent } from '../testing/renderWithFluent';
import { AddinAttendeeScreen } from './AddinAttendeeScreen';
import { AddinOrganizerScreen } from './AddinOrganizerScreen';

afterEach(cleanup);

const esra: Person = { id: 'u-esra', displayName: 'Esra Aydin', mail: 'esra.aydin@buurtkracht.example' };
const seedPlan = createSeed().planDrive.items.find((i) => i.name === 'SO-2026-014.json')!.content;
const entry: CaseListEntry = { documentId: 'doc-014', caseAlias: 'SO-2026-014', status: 'preparing', openAgreements: 0, lastModified: '2026-11-19T10:00:00Z' };

function organizerWorld(options: { plan?: (plan: Plan) => void; failures?: { method: string; name: string }[] } = {}) {
  const fake = createFakeMailbox({ mode: 'compose', ...(options.failures ? { failures: options.failures } : {}) });
  // The seed is a version 1 document; the app reads it as version 2, as the store would after a save.
  const plan = planCodec.parse(seedPlan);
  options.plan?.(plan);
  const read = vi.fn(async () => ({ content: planCodec.serialize(plan), eTag: '"1"' }));
  const services = fakeServices({
    directory: { me: async () => esra, searchPeople: async () => [], searchUsers: async () => [] },
    cases: { listCases: vi.fn(async () => [entry]), createCase: vi.fn(), updateSummary: vi.fn() } as unknown as Services['cases'],
    plans: { read, write: vi.fn(), share: vi.fn(), revoke: vi.fn() },
    outlook: createOutlookAppointment(fake.mailbox as unknown as MailboxLike),
  });
  return { fake, services, read };
}

async function chooseCase() {
  await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Casus' }), 'SO-2026-014');
  return screen.findByRole('region', { name: 'Dit komt in de afspraak' });
}


describe('the add-in on the organizer\'s appointment', () => {
  it('fills the open appointment with the invitation of the chosen SO, the hand-out attached; Outlook\'s limits hold', async () => {
    const { fake, services } = organizerWorld();
    const { container } = renderWithFluent(<AddinOrganizerScreen services={services} />);
    const preview = await chooseCase();
    expect(screen.getByRole('radio', { name: 'di 1 december 2026 om 10:00 – 11:30' })).toHaveProperty('checked', true);
    expect(preview.textContent).toContain('Samenwerkoverleg SO-2026-014 op dinsdag 1 december 2026');
    expect(within(preview).getAllByRole('listitem').map((li) => li.textContent)).toEqual(expect.arrayContaining(['Bram Hoekstra', 'Wouter Dijkman', 'Kofi Mensah']));
    // Warnings from the domain are shown; they do not block.
    expect(preview.textContent).toContain('Er is nog geen voorzitter gekozen uit de genodigden.');
    expect(await axeViolations(container)).toEqual([]);

    await userEvent.click(within(preview).getByRole('button', { name: 'Vul deze afspraak' }));
    expect(await screen.findByText('De afspraak is ingevuld, met de hand-out als bijlage. Kijk alles na en klik in Outlook op Verzenden.')).toBeTruthy();
    expect(fake.state.subject).toBe('Samenwerkoverleg SO-2026-014 op dinsdag 1 december 2026');
    expect([fake.state.start.toISOString(), fake.state.end.toISOString()]).toEqual(['2026-12-01T09:00:00.000Z', '2026-12-01T10:30:00.000Z']);
    expect(fake.state.location).toBe('Bij de inwoner thuis (adres volgt na acceptatie)');
    expect(fake.state.requiredAttendees.map((r) => r.emailAddress)).toEqual(['bram.hoekstra@veldwijzer.example', 'wouter.dijkman@thuisveld.example', 'kofi.mensah@geldrust.example']);
    expect(fake.state.body.content).toContain('<h2>Wie er aan tafel zitten, en waarom</h2>');
    expect(fake.state.attachments.map((a) => a.name)).toEqual([HANDOUT_FILE]);
    expect(fake.state.saved).toBe(false);
    expect(fake.violations).toEqual([]);
    expect(fake.maxConcurrent()).toBeLessThanOrEqual(3);
    // The send-time check at Outlook's Send: the plan's protected names were left for it, and the invitation as
    // the app filled it passes (no false alarm on its own text); a resident's name typed in afterwards does not.
    const roles = (JSON.parse(fake.state.sessionData[SEND_CHECK_PEOPLE_KEY] ?? '[]') as { role: string }[]).map((p) => p.role);
    expect(roles[0]).toBe('resident');
    const sendCheck = createAppointmentSendHandler({ item: () => fake.mailbox.item as unknown as SendingAppointment, texts: onSendNl });
    const press = async () => new Promise<unknown>((resolve) => void sendCheck({ completed: resolve }));
    expect(await press()).toEqual({ allowEvent: true });
    const resident = (JSON.parse(fake.state.sessionData[SEND_CHECK_PEOPLE_KEY]!) as { name: string }[])[0]!.name;
    fake.state.body.content += `<p>Groet aan ${resident}.</p>`;
    expect(await press()).toMatchObject({ allowEvent: false });
  });

  it('shows the domain\'s errors and does not fill while there are any', async () => {
    const { fake, services } = organizerWorld({ plan: (p) => { p.meetings[0]!.goal = ''; } });
    renderWithFluent(<AddinOrganizerScreen services={services} />);
    const preview = await chooseCase();
    expect(preview.textContent).toContain('Eerst nog regelen:');
    expect(preview.textContent).toContain('Het doel van het overleg ontbreekt.');
    expect((within(preview).getByRole('button', { name: 'Vul deze afspraak' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fake.calls).toEqual([]);
  });

  it('does not fill an SO whose invitation already went out, and says where to follow it', async () => {
    const { services } = organizerWorld({ plan: (p) => { p.meetings[0]!.eventId = 'AAMk-sent'; } });
    renderWithFluent(<AddinOrganizerScreen services={services} />);
    const preview = await chooseCase();
    expect(screen.getByRole('radio', { name: /al verstuurd/ })).toBeTruthy();
    expect(preview.textContent).toContain('De uitnodiging voor dit SO is al verstuurd.');
    expect((within(preview).getByRole('button', { name: 'Vul deze afspraak' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says in Dutch what Outlook refused, with the code, and lets you try again', async () => {
    const { fake, services } = organizerWorld({ failures: [{ method: 'requiredAttendees.setAsync', name: 'NumberOfRecipientsExceeded' }] });
    renderWithFluent(<AddinOrganizerScreen services={services} />);
    const preview = await chooseCase();
    await userEvent.click(within(preview).getByRole('button', { name: 'Vul deze afspraak' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Er staan meer mensen op de uitnodiging dan Outlook in één afspraak toelaat.');
    expect(alert.textContent).toContain('outlook-too-many-attendees');
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByText(/De afspraak is ingevuld/);
    expect(fake.state.requiredAttendees).toHaveLength(3);
    expect(fake.state.attachments).toHaveLength(1);
  });

  it('says so when there is no planned SO', async () => {
    const { services } = organizerWorld({ plan: (p) => { p.meetings[0]!.status = 'cancelled'; } });
    renderWithFluent(<AddinOrganizerScreen services={services} />);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Casus' }), 'SO-2026-014');
    expect(await screen.findByText(/Voor deze casus is nog geen SO gepland/)).toBeTruthy();
  });
});

describe('the add-in on a received SO meeting', () => {
  function attendeeWorld() {
    const fake = createFakeMailbox({
      mode: 'read',
      initial: {
        start: new Date('2026-12-01T09:00:00Z'),
        end: new Date('2026-12-01T10:30:00Z'),
        location: 'Bij de inwoner thuis (adres volgt na acceptatie)',
        requiredAttendees: composed.attendees.map((a) => ({ displayName: a.name, emailAddress: a.email })),
      },
      received: {
        itemId: 'AAMkAGI2/bram+copy=',
        subject: composed.subject,
        organizer: { displayName: 'Esra Aydin', emailAddress: 'esra.aydin@buurtkracht.example' },
        // What Outlook gives for Text: the HTML converted (bullets, no indentation).
        bodyText: composed.html.replace(/<li>/g, '\n* ').replace(/<br>/g, '\n').replace(/<\/(p|h2|ul|div)>/g, '\n\n').replace(/<[^>]+>/g, ''),
        attachments: [HANDOUT_FILE],
      },
      user: { displayName: bram.displayName, emailAddress: bram.mail! },
    });
    const services = fakeServices({ outlook: createOutlookAppointment(fake.mailbox as unknown as MailboxLike) });
    return { fake, services };
  }

  it('shows why I am invited from the open item, and accepts through Graph with the REST id', async () => {
    const { services } = attendeeWorld();
    const { container } = renderWithFluent(<AddinAttendeeScreen services={services} />);
    const mine = await screen.findByRole('region', { name: 'Jouw rol in dit overleg' });
    expect(within(mine).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['je kennis en kunde over deze vraag', 'een kritische blik']);
    expect(mine.textContent).toContain('Brengt kennis over slapen en angst mee.');
    expect(screen.getByRole('region', { name: 'De hand-out' }).textContent).toContain(HANDOUT_FILE);
    expect(await axeViolations(container)).toEqual([]);

    await userEvent.type(screen.getByRole('textbox', { name: /Bericht aan de organisator/ }), 'Ik kom.');
    await userEvent.click(screen.getByRole('button', { name: 'Accepteren' }));
    await screen.findByText(/Je hebt de uitnodiging geaccepteerd/);
    expect(services.calendar.respond).toHaveBeenCalledWith('AAMkAGI2-bram_copy=', 'accept', 'Ik kom.');
  });
});

describe('routing the add-in surfaces', () => {
  function runtime(kind: HostKind, surface: Surface, services: Services): Runtime {
    const host: Host = { info: { kind, surface, theme: 'light' }, notifySuccess: () => undefined, notifyFailure: () => undefined, onThemeChange: () => () => undefined };
    return { mode: 'demo', host, createServices: async () => services };
  }

  it('shows the organizer screen inside Outlook on an appointment being composed', async () => {
    const { services } = organizerWorld();
    renderWithFluent(<Root runtime={runtime('outlookAddin', 'addinOrganizer', services)} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Uitnodiging voor een Samenwerkoverleg' })).toBeTruthy();
  });

  it('outside Outlook keeps the personal screens with the notice', async () => {
    const services = fakeServices();
    renderWithFluent(<Root runtime={runtime('browser', 'addinAttendee', services)} />);
    expect(await screen.findByText('Deze pagina hoort bij Outlook. Buiten Outlook zie je hier je casussen.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('tablist', { name: 'Onderdelen van de app' })).toBeTruthy());
  });
});
