// The send-time check driven the way Outlook drives it: an Office global built with Microsoft's mock library
// (office-addin-mock, Outlook mode), the handler registered through Office.actions.associate under the action
// id the manifest names, and the event's completed() call as the only outcome.
import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeProtectedPeople, SEND_CHECK_PEOPLE_KEY } from '../app/appointmentSendCheck';
import { registerSendCheck, SEND_CHECK_ACTION_ID } from '../entries/launchevent';
import { ERROR_MESSAGE_LIMIT } from './appointmentSendHandler';

type Result = { status: string; value?: string; error?: { name: string; message: string; code: number } };
type Field = string | { fail: string } | { throws: true };
type Completed = { allowEvent: boolean; errorMessage?: string };

const BSN = '111222333'; // passes the 11-proef
const NBSP = '\u00A0';

function answer(field: Field, cb: (r: Result) => void) {
  if (typeof field === 'string') return cb({ status: 'succeeded', value: field });
  if ('throws' in field) throw new Error('Outlook went away');
  cb({ status: 'failed', error: { name: field.fail, message: `${field.fail} (and the text ${BSN})`, code: 9002 } });
}

/** Registers the handler on a mocked Office and sends one appointment through it. */
async function send(appointment: { subject?: Field; location?: Field; body?: Field; session?: Record<string, string> }, displayLanguage = 'nl-NL'): Promise<Completed> {
  const handlers = new Map<string, (event: unknown) => void>();
  const office = new OfficeMockObject({
    host: 'outlook',
    context: {
      displayLanguage,
      mailbox: {
        item: {
          subject: { getAsync: (cb: (r: Result) => void) => answer(appointment.subject ?? 'SO SO-2026-014', cb) },
          location: { getAsync: (cb: (r: Result) => void) => answer(appointment.location ?? 'Wijkcentrum De Brug', cb) },
          body: {
            getAsync: (coercion: string, cb: (r: Result) => void) => {
              expect(coercion).toBe('text');
              answer(appointment.body ?? 'Welkom bij het Samenwerkoverleg.', cb);
            },
          },
          sessionData: {
            getAsync: (name: string, cb: (r: Result) => void) => {
              const value = appointment.session?.[name];
              if (value === undefined) cb({ status: 'failed', error: { name: 'KeyNotFound', message: 'not found', code: 9041 } });
              else cb({ status: 'succeeded', value });
            },
          },
        },
      },
    },
    actions: { associate: (name: string, handler: (event: unknown) => void) => handlers.set(name, handler) },
  });
  registerSendCheck(office as unknown as Parameters<typeof registerSendCheck>[0]);
  const handler = handlers.get(SEND_CHECK_ACTION_ID);
  expect(handler, `handler registered as ${SEND_CHECK_ACTION_ID}`).toBeTypeOf('function');
  const calls: Completed[] = [];
  await new Promise<void>((resolve) => {
    handler!({ completed: (options: Completed) => { calls.push(options); resolve(); } });
  });
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

const people = (...list: [string, 'resident' | 'network'][]) => ({ [SEND_CHECK_PEOPLE_KEY]: encodeProtectedPeople(list.map(([name, role]) => ({ name, role }))) });

afterEach(() => vi.restoreAllMocks());

describe('the send-time check in Outlook', () => {
  it('lets a clean invitation go', async () => {
    expect(await send({})).toEqual({ allowEvent: true });
  });

  it.each([
    ['plainly', `Dossier ${BSN}, graag meenemen.`],
    ['with non-breaking spaces', `Dossier 111${NBSP}222${NBSP}333, graag meenemen.`],
    ['with dots', 'Dossier 111.222.333, graag meenemen.'],
  ])('blocks a BSN in the body, typed %s, with a Dutch message that does not repeat it', async (_how, body) => {
    const result = await send({ body });
    expect(result.allowEvent).toBe(false);
    expect(result.errorMessage).toMatch(/^Samenwerkoverleg houdt deze uitnodiging tegen: in de tekst staat iets wat op een BSN/);
    expect(result.errorMessage!.replace(/\D/g, '')).toBe('');
    expect(result.errorMessage!.length).toBeLessThanOrEqual(ERROR_MESSAGE_LIMIT);
  });

  it('names every field that carries an identifier, and is strict about subject and location', async () => {
    const result = await send({ subject: `SO ${BSN}`, location: 'Bel 06-12345678' });
    expect(result).toEqual({ allowEvent: false, errorMessage: expect.stringContaining('in het onderwerp en de plek staat') });
    // An e-mail address in the body is a warning for invitations (a professional may give theirs): it goes.
    expect(await send({ body: 'Vragen? Mail j.jansen@wijkteam.example.nl' })).toEqual({ allowEvent: true });
    // In the subject it is not.
    expect((await send({ subject: 'SO met j.jansen@wijkteam.example.nl' })).allowEvent).toBe(false);
  });

  it('blocks the names of the resident and the network when the task pane left them for this item', async () => {
    const session = people(['Samira Benali', 'resident'], ['Nadia Benali', 'network']);
    const result = await send({ body: 'We praten over hoe het met samira gaat.', session });
    expect(result.allowEvent).toBe(false);
    expect(result.errorMessage).toContain('de naam van de inwoner of van iemand uit het netwerk');
    expect(result.errorMessage).not.toMatch(/samira|benali/i);
    expect((await send({ location: 'Bij Nadia thuis', session })).errorMessage).toContain('in de plek staat de naam');
    expect(await send({ body: 'We praten over hoe het met de inwoner gaat.', session })).toEqual({ allowEvent: true });
  });

  it('checks identifiers only when no names were left (an appointment the add-in did not fill)', async () => {
    expect(await send({ body: 'We praten over hoe het met Samira gaat.' })).toEqual({ allowEvent: true });
    expect(await send({ body: 'We praten over Samira.', session: { [SEND_CHECK_PEOPLE_KEY]: '{damaged' } })).toEqual({ allowEvent: true });
    expect((await send({ body: `Samira, ${BSN}`, session: { [SEND_CHECK_PEOPLE_KEY]: 'not json' } })).allowEvent).toBe(false);
  });

  it('reports an identifier before a name when both are there', async () => {
    const result = await send({ body: `Samira ${BSN}`, session: people(['Samira Benali', 'resident']) });
    expect(result.errorMessage).toContain('BSN');
  });

  it.each([
    ['fails', { fail: 'GenericResponseError' }],
    ['throws', { throws: true }],
  ] as const)('holds the invitation back, without crashing, when reading the body %s', async (_how, body) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await send({ body });
    expect(result).toEqual({
      allowEvent: false,
      errorMessage: 'Samenwerkoverleg kon deze uitnodiging niet controleren op persoonsgegevens, dus die is nog niet verstuurd. Probeer het over een moment opnieuw.',
    });
    // The diagnostic names the step and the code, never what Outlook's error text carried.
    const line = logged.mock.calls.map((c) => c.map(String).join(' ')).join('\n');
    expect(line).toContain('outlook send check');
    expect(line).not.toContain(BSN);
  });

  it('holds it back when the subject or location cannot be read either', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await send({ subject: { fail: 'GenericResponseError' } })).allowEvent).toBe(false);
    expect((await send({ location: { throws: true } })).allowEvent).toBe(false);
  });

  it('speaks English when Outlook does', async () => {
    expect((await send({ body: BSN }, 'en-GB')).errorMessage).toMatch(/^Samenwerkoverleg is holding this invitation back: the text contains something that looks like a BSN/);
    expect((await send({ body: BSN }, 'fr-FR')).errorMessage).toMatch(/^Samenwerkoverleg houdt/);
  });
});
