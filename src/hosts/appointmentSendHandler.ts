// Outlook's send-time check (Smart Alerts, event `appointmentSending` in the unified manifest, canonical name
// OnAppointmentSend): when the case director selects Send on an appointment, Outlook runs this handler, which
// reads the subject, location and body, asks src/app/appointmentSendCheck.ts, and lets the invitation go or
// holds it back with a Dutch (or English, following Outlook's display language) message in Outlook's dialog.
//
// Classic Outlook on Windows runs it in a JavaScript-only runtime: one self-contained file (launchevent.js), no
// DOM, no Office.onReady, no imports at run time. So this module touches nothing but the Office object it is
// given, and the texts come in as plain strings.
//
// A field that cannot be read holds the invitation back ("could not check"): it may carry exactly what the check
// is for, and sending again is cheap. The manifest's send mode is softBlock, so if the add-in itself cannot load
// at all, Outlook still lets the user send (see manifest/README.md for why not `block`).
import { checkOutgoingAppointment, decodeProtectedPeople, SEND_CHECK_PEOPLE_KEY } from '../app/appointmentSendCheck';
import type { OutgoingField } from '../app/appointmentSendCheck';
import { AppError } from '../app/errors';
import { logFailure } from '../app/log';

/** Outlook allows at most 500 characters in errorMessage. */
export const ERROR_MESSAGE_LIMIT = 500;

interface AsyncResultLike<T> {
  status: unknown;
  value: T;
  error?: { name?: string; message?: string; code?: number } | null;
}
type Callback<T> = (result: AsyncResultLike<T>) => void;

/** The slice of an appointment in compose mode that the check reads (structural: Office.js and the mock fit). */
export interface SendingAppointment {
  subject: { getAsync(callback: Callback<string>): void };
  location: { getAsync(callback: Callback<string>): void };
  body: { getAsync(coercionType: string, callback: Callback<string>): void };
  /** Mailbox 1.11; every client with OnAppointmentSend (1.12) has it. */
  sessionData?: { getAsync(name: string, callback: Callback<string>): void };
}

export interface SendEvent {
  completed(options: { allowEvent: boolean; errorMessage?: string }): void;
}

export interface SendCheckTexts {
  'onSend.blocked.identifier': string;
  'onSend.blocked.name': string;
  'onSend.unreadable': string;
  'onSend.field.subject': string;
  'onSend.field.location': string;
  'onSend.field.body': string;
  'onSend.and': string;
}

export interface SendCheckEnvironment {
  /** Office.context.mailbox.item at the moment Outlook raises the event. */
  item(): SendingAppointment | undefined;
  texts: SendCheckTexts;
}

// Office.CoercionType.Text at run time.
const TEXT = 'text';

function failed(result: AsyncResultLike<unknown>): boolean {
  return String(result.status).toLowerCase() === 'failed' || result.status === 1;
}

function read<T>(step: string, invoke: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((result) => {
        if (!failed(result)) return resolve(result.value);
        reject(new AppError('outlook-failed', { serviceCode: result.error?.name ?? 'unknown', detail: `send check: ${step}` }));
      });
    } catch (cause) {
      reject(new AppError('outlook-failed', { cause, detail: `send check: ${step} threw` }));
    }
  });
}

/** Names from the task pane, if it filled this item; never a reason to hold the invitation back by itself. */
async function protectedPeopleOf(item: SendingAppointment) {
  if (!item.sessionData) return undefined;
  try {
    return decodeProtectedPeople(await read<string>('sessionData', (cb) => item.sessionData!.getAsync(SEND_CHECK_PEOPLE_KEY, cb)));
  } catch {
    // Outlook answers "not found" as a failure when the task pane never wrote the key: identifiers only then.
    return undefined;
  }
}

function fieldList(fields: readonly OutgoingField[], texts: SendCheckTexts): string {
  const names = fields.map((f) => texts[`onSend.field.${f}`]);
  if (names.length <= 1) return names[0] ?? texts['onSend.field.body'];
  return `${names.slice(0, -1).join(', ')} ${texts['onSend.and']} ${names[names.length - 1]}`;
}

function limited(message: string): string {
  return message.length <= ERROR_MESSAGE_LIMIT ? message : `${message.slice(0, ERROR_MESSAGE_LIMIT - 1)}…`;
}

/** The handler Outlook calls; it always ends with exactly one event.completed. */
export function createAppointmentSendHandler(env: SendCheckEnvironment): (event: SendEvent) => Promise<void> {
  return async (event) => {
    const { texts } = env;
    let outcome: { allowEvent: boolean; errorMessage?: string };
    try {
      const item = env.item();
      if (!item) throw new AppError('outlook-wrong-item', { detail: 'send check: no item' });
      // One call after another: Outlook on the web and new Outlook allow three in flight, and these are quick.
      const people = await protectedPeopleOf(item);
      const subject = await read<string>('subject', (cb) => item.subject.getAsync(cb));
      const location = await read<string>('location', (cb) => item.location.getAsync(cb));
      const body = await read<string>('body', (cb) => item.body.getAsync(TEXT, cb));
      const verdict = checkOutgoingAppointment({ subject: subject ?? '', location: location ?? '', body: body ?? '' }, people);
      outcome = verdict.allow
        ? { allowEvent: true }
        : {
            allowEvent: false,
            errorMessage: limited(texts[verdict.reason === 'identifier' ? 'onSend.blocked.identifier' : 'onSend.blocked.name'].replace('{fields}', fieldList(verdict.fields, texts))),
          };
    } catch (error) {
      logFailure('outlook send check', error);
      outcome = { allowEvent: false, errorMessage: limited(texts['onSend.unreadable']) };
    }
    event.completed(outcome);
  };
}
