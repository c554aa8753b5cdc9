// The open Outlook appointment through Office.js (Office.context.mailbox.item): fill it for the organizer,
// read it for an attendee. Office.js comes from Microsoft's CDN; tests use src/hosts/testing/fakeMailboxItem.ts.
//
// What Office.js asks of us, and how this adapter keeps to it:
// - at most 3 async calls in flight (Outlook on the web, new Outlook): every call goes through a small limiter;
// - ≤ 100 recipients per setAsync/addAsync: setAsync with the first 100 (it replaces the list), then addAsync
//   with the rest, only after setAsync has finished (else it could wipe them);
// - start.setAsync moves the end to keep the duration: start first, end after it finished;
// - body ≤ 1,000,000 characters, location ≤ 255: checked before the first call, so a form is never half-filled
//   by a fill that cannot succeed; HTML only into an HTML body (getTypeAsync first; plain text otherwise);
// - failures arrive as AsyncResult {status: 'failed', error: {name, message, code}}: mapped to AppError codes.
// The order of the calls is subject, start, end, location, attendees, body, attachment; with three lanes the
// later ones start as soon as a lane is free, the dependent ones (end, addAsync) as soon as they may.
import { encodeProtectedPeople, SEND_CHECK_PEOPLE_KEY } from '../app/appointmentSendCheck';
import { AppError } from '../app/errors';
import { logFailure } from '../app/log';
import type { ErrorCode } from '../app/errors';
import type { AppointmentAttendee, AppointmentFill, AppointmentResponse, OpenAppointment, OutlookAppointmentPort, Recipient } from '../app/ports';

export const OUTLOOK_LIMITS = {
  recipientsPerCall: 100,
  /** Outlook clients hold 500 (classic Windows, Mac) or more; Graph allows 500 attendees per event. */
  attendees: 500,
  bodyCharacters: 1_000_000,
  locationCharacters: 255,
  subjectCharacters: 255,
  concurrentCalls: 3,
} as const;

// ---------------------------------------------------------------------------------------------------------
// The slice of Office.js this adapter uses (structural, so the real mailbox and the fake both fit).

interface OfficeResult<T> {
  /** 'succeeded' | 'failed' at runtime (the typings declare a numeric enum). */
  status: unknown;
  value: T;
  error?: { name?: string; message?: string; code?: number } | null;
}
type Callback<T> = (result: OfficeResult<T>) => void;

interface OfficeRecipient {
  displayName?: string;
  emailAddress?: string;
  appointmentResponse?: string;
}

interface ComposeRecipients {
  setAsync(recipients: { displayName: string; emailAddress: string }[], callback: Callback<void>): void;
  addAsync(recipients: { displayName: string; emailAddress: string }[], callback: Callback<void>): void;
}

export interface ComposeAppointment {
  subject: { setAsync(subject: string, callback: Callback<void>): void };
  start: { setAsync(dateTime: Date, callback: Callback<void>): void };
  end: { setAsync(dateTime: Date, callback: Callback<void>): void };
  location: { setAsync(location: string, callback: Callback<void>): void };
  requiredAttendees: ComposeRecipients;
  optionalAttendees: ComposeRecipients;
  body: {
    getTypeAsync(callback: Callback<string>): void;
    setAsync(data: string, options: { coercionType: string }, callback: Callback<void>): void;
  };
  addFileAttachmentFromBase64Async(base64File: string, attachmentName: string, options: { isInline: boolean }, callback: Callback<string>): void;
  getAttachmentsAsync?(callback: Callback<{ name?: string; isInline?: boolean }[]>): void;
  /** Mailbox 1.11: per item and per add-in, kept in this Outlook, not sent; the send-time check reads it. */
  sessionData?: { setAsync(name: string, value: string, callback: Callback<void>): void };
  /** Mailbox 1.3: saves the item (a meeting is not sent) and gives its EWS item id. */
  saveAsync?(callback: Callback<string>): void;
}

export interface ReadAppointment {
  itemId?: string;
  subject: string;
  organizer?: OfficeRecipient;
  start?: Date;
  end?: Date;
  location?: string;
  requiredAttendees?: OfficeRecipient[];
  optionalAttendees?: OfficeRecipient[];
  attachments?: { name?: string; isInline?: boolean }[];
  body: { getAsync(coercionType: string, callback: Callback<string>): void };
}

export interface MailboxLike {
  item?: unknown;
  convertToRestId(itemId: string, restVersion: string): string;
}

// Office.js enum values as they are at runtime (Office.CoercionType, Office.MailboxEnums.RestVersion).
const HTML = 'html';
const TEXT = 'text';
const REST_V2 = 'v2.0';

// ---------------------------------------------------------------------------------------------------------

/** Runs at most `max` tasks at once; a waiting task with a lower rank goes first, equal ranks in arrival order. */
export function createLimiter(max: number) {
  let active = 0;
  let arrivals = 0;
  const waiting: { rank: number; arrival: number; start: () => void }[] = [];
  const pump = () => {
    while (active < max && waiting.length > 0) {
      waiting.sort((a, b) => a.rank - b.rank || a.arrival - b.arrival);
      active += 1;
      waiting.shift()!.start();
    }
  };
  return function limit<T>(rank: number, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      waiting.push({
        rank,
        arrival: arrivals++,
        start: () => {
          task().then(resolve, reject).finally(() => {
            active -= 1;
            // Next turn of the event loop: a step that waited for this one (the end after the start) is queued
            // by then and takes the lane by its rank.
            setTimeout(pump, 0);
          });
        },
      });
      pump();
    });
  };
}

function failed(result: OfficeResult<unknown>): boolean {
  return String(result.status).toLowerCase() === 'failed' || result.status === 1;
}

function errorCodeFor(step: string, name: string): ErrorCode {
  if (name === 'DataExceedsMaximumSize' && step === 'body') return 'outlook-body-too-large';
  if (name === 'DataExceedsMaximumSize' && step === 'location') return 'outlook-location-too-long';
  if (name === 'NumberOfRecipientsExceeded') return 'outlook-too-many-attendees';
  if (name === 'AttachmentSizeExceeded') return 'attachment-too-large';
  return 'outlook-failed';
}

/** One Office.js call as a promise; a failed AsyncResult (or a throw) becomes an AppError naming the step. */
function officeCall<T>(step: string, invoke: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((result) => {
        if (!failed(result)) return resolve(result.value);
        const name = result.error?.name ?? 'unknown';
        reject(new AppError(errorCodeFor(step, name), { serviceCode: name, detail: `${step}: ${result.error?.message ?? name}` }));
      });
    } catch (cause) {
      reject(new AppError('outlook-failed', { cause, detail: `${step}: the call threw` }));
    }
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function toDate(iso: string, what: string): Date {
  const date = new Date(iso);
  if (!/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || Number.isNaN(date.getTime())) throw new RangeError(`${what} must be ISO 8601 with an offset: ${iso}`);
  return date;
}

const RESPONSES: Record<string, AppointmentResponse> = { none: 'none', organizer: 'organizer', tentative: 'tentative', accepted: 'accepted', declined: 'declined' };

function isCompose(item: unknown): item is ComposeAppointment {
  const subject = (item as { subject?: unknown } | null | undefined)?.subject;
  return typeof subject === 'object' && subject !== null && typeof (subject as { setAsync?: unknown }).setAsync === 'function';
}

function isRead(item: unknown): item is ReadAppointment {
  return typeof (item as { subject?: unknown } | null | undefined)?.subject === 'string';
}

/** Checks a fill against Outlook's limits before anything is written. */
export function checkFill(fill: AppointmentFill): void {
  if (fill.location.length > OUTLOOK_LIMITS.locationCharacters) {
    throw new AppError('outlook-location-too-long', { detail: `${fill.location.length} > ${OUTLOOK_LIMITS.locationCharacters} characters` });
  }
  const bodyLength = Math.max(fill.html.length, fill.text.length);
  if (bodyLength > OUTLOOK_LIMITS.bodyCharacters) {
    throw new AppError('outlook-body-too-large', { detail: `${bodyLength} > ${OUTLOOK_LIMITS.bodyCharacters} characters` });
  }
  const attendees = fill.requiredAttendees.length + (fill.optionalAttendees?.length ?? 0);
  if (attendees > OUTLOOK_LIMITS.attendees) {
    throw new AppError('outlook-too-many-attendees', { detail: `${attendees} > ${OUTLOOK_LIMITS.attendees}` });
  }
  if (fill.subject.length > OUTLOOK_LIMITS.subjectCharacters) {
    throw new AppError('outlook-failed', { detail: `subject: ${fill.subject.length} > ${OUTLOOK_LIMITS.subjectCharacters} characters` });
  }
  if (toDate(fill.end, 'end') < toDate(fill.start, 'start')) throw new RangeError('the end lies before the start');
}

// Ranks: the order in which the steps are asked for when lanes are free.
const RANK = { subject: 0, start: 1, end: 2, location: 3, required: 4, optional: 5, bodyType: 6, body: 7, attachmentList: 8, attachment: 9, sessionData: 10 } as const;

export function createOutlookAppointment(mailbox: MailboxLike, options: { concurrentCalls?: number } = {}): OutlookAppointmentPort {
  const limit = createLimiter(options.concurrentCalls ?? OUTLOOK_LIMITS.concurrentCalls);
  const item = mailbox.item;

  async function fillAppointment(fill: AppointmentFill): Promise<void> {
    if (!isCompose(item)) throw new AppError('outlook-wrong-item', { detail: 'the open item is not an appointment being composed' });
    checkFill(fill);
    let firstFailure: unknown;
    /** A step through the limiter; once one step failed, the steps still waiting are not sent to Outlook. */
    const step = <T>(rank: number, name: string, invoke: (callback: Callback<T>) => void): Promise<T> =>
      limit(rank, () => (firstFailure ? Promise.reject(firstFailure) : officeCall<T>(name, invoke))).catch((error: unknown) => {
        firstFailure ??= error;
        throw error;
      });
    const people = (list: readonly Recipient[]) => list.map((r) => ({ displayName: r.name, emailAddress: r.email }));
    const recipients = async (rank: number, name: string, field: ComposeRecipients, list: readonly Recipient[]) => {
      const [first = [], ...rest] = chunks(people(list), OUTLOOK_LIMITS.recipientsPerCall);
      await step<void>(rank, `${name}.setAsync`, (cb) => field.setAsync(first, cb));
      // addAsync only after setAsync finished: setAsync replaces the list.
      await Promise.all(rest.map((chunk) => step<void>(rank, `${name}.addAsync`, (cb) => field.addAsync(chunk, cb))));
    };

    const steps: Promise<unknown>[] = [
      step<void>(RANK.subject, 'subject', (cb) => item.subject.setAsync(fill.subject, cb)),
      // Outlook keeps the duration when the start moves: the end goes second, after the start is set.
      step<void>(RANK.start, 'start', (cb) => item.start.setAsync(toDate(fill.start, 'start'), cb))
        .then(() => step<void>(RANK.end, 'end', (cb) => item.end.setAsync(toDate(fill.end, 'end'), cb))),
      step<void>(RANK.location, 'location', (cb) => item.location.setAsync(fill.location, cb)),
      recipients(RANK.required, 'requiredAttendees', item.requiredAttendees, fill.requiredAttendees),
    ];
    if (fill.optionalAttendees && fill.optionalAttendees.length > 0) {
      steps.push(recipients(RANK.optional, 'optionalAttendees', item.optionalAttendees, fill.optionalAttendees));
    }
    steps.push(
      step<string>(RANK.bodyType, 'body', (cb) => item.body.getTypeAsync(cb)).then((type) => {
        const html = String(type).toLowerCase() !== TEXT;
        return step<void>(RANK.body, 'body', (cb) => item.body.setAsync(html ? fill.html : fill.text, { coercionType: html ? HTML : TEXT }, cb));
      }),
      (item.getAttachmentsAsync
        ? step<{ name?: string; isInline?: boolean }[]>(RANK.attachmentList, 'attachment', (cb) => item.getAttachmentsAsync!(cb))
        : Promise.resolve([])
      ).then((present) => {
        if (present.some((a) => a.name === fill.attachment.name && !a.isInline)) return undefined;
        return step<string>(RANK.attachment, 'attachment', (cb) => item.addFileAttachmentFromBase64Async(fill.attachment.bytesBase64, fill.attachment.name, { isInline: false }, cb));
      }),
    );
    const names = fill.protectedPeople ?? [];
    if (names.length > 0 && item.sessionData) {
      // For the send-time check only: when it fails, the fill itself still stands and the check at Send falls
      // back to identifiers. Logged (code only), not shown: the invitation as filled was already checked.
      const sessionData = item.sessionData;
      steps.push(limit(RANK.sessionData, () => officeCall<void>('sessionData', (cb) => sessionData.setAsync(SEND_CHECK_PEOPLE_KEY, encodeProtectedPeople(names), cb)))
        .catch((error: unknown) => logFailure('outlook session data for the send check', error)));
    }
    await Promise.allSettled(steps);
    if (firstFailure) throw firstFailure;
  }

  async function readAppointment(): Promise<OpenAppointment> {
    if (!isRead(item)) throw new AppError('outlook-wrong-item', { detail: 'the open item is not a received appointment' });
    const bodyText = await limit(0, () => officeCall<string>('body', (cb) => item.body.getAsync(TEXT, cb)));
    const attendees = (list: OfficeRecipient[] | undefined, type: AppointmentAttendee['type']): AppointmentAttendee[] =>
      (list ?? []).map((r) => ({
        name: r.displayName ?? r.emailAddress ?? '',
        email: r.emailAddress ?? '',
        type,
        response: RESPONSES[r.appointmentResponse ?? 'none'] ?? 'none',
      }));
    const open: OpenAppointment = {
      subject: item.subject,
      organizerName: item.organizer?.displayName ?? item.organizer?.emailAddress ?? '',
      organizerEmail: item.organizer?.emailAddress ?? '',
      bodyText: bodyText ?? '',
      attendees: [...attendees(item.requiredAttendees, 'required'), ...attendees(item.optionalAttendees, 'optional')],
      attachmentNames: (item.attachments ?? []).filter((a) => !a.isInline && a.name).map((a) => a.name!),
    };
    if (item.itemId) open.itemRestId = mailbox.convertToRestId(item.itemId, REST_V2);
    if (item.start instanceof Date) open.start = item.start.toISOString();
    if (item.end instanceof Date) open.end = item.end.toISOString();
    if (item.location) open.location = item.location;
    return open;
  }

  /** Saves the composed appointment and turns Outlook's item id into the Graph (REST v2.0) event id. */
  async function saveAppointment(): Promise<string> {
    if (!isCompose(item) || !item.saveAsync) throw new AppError('outlook-wrong-item', { detail: 'the open item is not an appointment being composed' });
    const itemId = await limit(0, () => officeCall<string>('save', (cb) => item.saveAsync!(cb))).catch((error: unknown) => {
      throw new AppError('outlook-save-failed', { cause: error, ...(error instanceof AppError && error.serviceCode ? { serviceCode: error.serviceCode } : {}) });
    });
    if (!itemId) throw new AppError('outlook-save-failed', { detail: 'saveAsync gave no item id' });
    return mailbox.convertToRestId(itemId, REST_V2);
  }

  return {
    mode: isRead(item) ? 'attendee' : 'organizer',
    fillAppointment,
    readAppointment,
    saveAppointment,
  };
}
