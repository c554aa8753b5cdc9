// Test support: a faithful fake of Office.js's mailbox item for appointments, in both forms the add-in meets:
// the organizer's compose form (AppointmentCompose) and an attendee's read form (AppointmentRead).
//
// Faithful where the add-in depends on it (Office.js reference, @types/office-js, GRAPH.md):
// - every *Async method answers through its callback with an AsyncResult {status: 'succeeded' | 'failed',
//   value, error: {name, message, code}, asyncContext}, always later (never synchronously), after `latencyMs`;
// - options are optional where Office.js has overloads (setAsync(data, callback) and (data, options, callback));
// - limits: ≤ 100 recipients per setAsync/addAsync call (NumberOfRecipientsExceeded), body ≤ 1,000,000 characters
//   and location/subject ≤ 255 (DataExceedsMaximumSize), HTML into a plain-text body (InvalidFormatError), end
//   before start (InvalidEndTime), attachment ≤ 25 MB and name ≤ 255 (AttachmentSizeExceeded / DataExceedsMaximumSize);
// - start.setAsync moves the end so the duration stays (as Outlook documents); end.setAsync changes only the end;
// - at most 3 calls in flight, as Outlook on the web and new Outlook allow. Microsoft documents the limit, not
//   the error: a 4th call fails with the fake's own name 'TooManyConcurrentCalls' and is listed in `violations`;
// - recipients.setAsync replaces the list, addAsync appends; convertToRestId maps an EWS id to REST ('/'→'-', '+'→'_').
// Status strings are Office.js's runtime values ("succeeded"/"failed"); the typings declare a numeric enum.
//
// Every call is recorded (`calls`) with its arguments' shape, the moment it started and ended, and how many
// calls were in flight when it started, so tests can prove order, chunking and concurrency.

export const OFFICE_LIMITS = {
  recipientsPerCall: 100,
  bodyCharacters: 1_000_000,
  locationCharacters: 255,
  subjectCharacters: 255,
  attachmentNameCharacters: 255,
  /** 25 MB before Base64 encoding (34,865,152 encoded characters). */
  attachmentBase64Characters: 34_865_152,
  concurrentCalls: 3,
} as const;

export interface FakeOfficeError {
  name: string;
  message: string;
  code: number;
}

export interface FakeAsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: FakeOfficeError;
  asyncContext?: unknown;
}

type Callback<T> = (result: FakeAsyncResult<T>) => void;

export interface RecordedCall {
  id: number;
  /** e.g. 'requiredAttendees.setAsync', 'body.setAsync', 'addFileAttachmentFromBase64Async'. */
  method: string;
  /** A short summary of the arguments: recipients' addresses, text length, coercion type, attachment name. */
  detail: Record<string, unknown>;
  /** Milliseconds since the fake was made. */
  startedAt: number;
  endedAt?: number;
  /** Calls in flight when this one started, itself included. */
  inFlight: number;
  status?: 'succeeded' | 'failed';
  errorName?: string;
}

export interface FakeRecipient {
  displayName: string;
  emailAddress: string;
  appointmentResponse?: string;
  recipientType?: string;
}

export interface FakeAppointmentState {
  subject: string;
  start: Date;
  end: Date;
  location: string;
  requiredAttendees: FakeRecipient[];
  optionalAttendees: FakeRecipient[];
  body: { type: 'html' | 'text'; content: string };
  attachments: { id: string; name: string; base64: string; isInline: boolean }[];
  saved: boolean;
  /** Office.js sessionData (Mailbox 1.11): key-value strings per item and add-in. */
  sessionData: Record<string, string>;
}

export interface FakeMailboxOptions {
  mode: 'compose' | 'read';
  /** Delay before each callback, per method or for all (default 2 ms). */
  latencyMs?: number | ((method: string) => number);
  /** The body type of the open form; Outlook refuses HTML into a plain-text body. */
  bodyType?: 'html' | 'text';
  /** Make a method fail with this Office error name (once per listed call, in order). */
  failures?: { method: string; name: string; message?: string }[];
  /** The concurrency limit; 3 as on the web and in new Outlook. */
  concurrentCalls?: number;
  initial?: Partial<FakeAppointmentState>;
  /** Read mode only: the meeting as the attendee received it. */
  received?: {
    itemId: string;
    subject: string;
    organizer: { displayName: string; emailAddress: string };
    bodyText: string;
    bodyHtml?: string;
    attachments?: string[];
  };
  user?: { displayName: string; emailAddress: string };
}

/** Error codes are Office's where documented (see "JavaScript API for Office error codes"), else the fake's. */
const ERROR_CODES: Record<string, number> = {
  DataExceedsMaximumSize: 9019,
  NumberOfRecipientsExceeded: 9041,
  InvalidFormatError: 2006,
  InvalidEndTime: 9020,
  AttachmentSizeExceeded: 9007,
  TooManyConcurrentCalls: 9999,
  GenericResponseError: 9018,
};

function officeError(name: string, message: string): FakeOfficeError {
  return { name, message, code: ERROR_CODES[name] ?? 9018 };
}

type Recipientish = string | { displayName?: string; emailAddress?: string; address?: string; name?: string };

function toRecipient(r: Recipientish): FakeRecipient {
  if (typeof r === 'string') return { displayName: r, emailAddress: r };
  const emailAddress = r.emailAddress ?? r.address ?? '';
  return { displayName: r.displayName ?? r.name ?? emailAddress, emailAddress };
}

export function createFakeMailbox(options: FakeMailboxOptions) {
  const born = performance.now();
  const now = () => Math.round((performance.now() - born) * 1000) / 1000;
  const latency = (method: string) => (typeof options.latencyMs === 'function' ? options.latencyMs(method) : options.latencyMs ?? 2);
  const maxInFlight = options.concurrentCalls ?? OFFICE_LIMITS.concurrentCalls;
  const failures = [...(options.failures ?? [])];
  const calls: RecordedCall[] = [];
  const violations: string[] = [];
  let inFlight = 0;
  let nextId = 1;
  let nextAttachment = 1;

  const state: FakeAppointmentState = {
    subject: '',
    start: new Date('2026-12-01T09:00:00Z'),
    end: new Date('2026-12-01T09:30:00Z'),
    location: '',
    requiredAttendees: [],
    optionalAttendees: [],
    body: { type: options.bodyType ?? 'html', content: '' },
    attachments: [],
    saved: false,
    sessionData: {},
    ...options.initial,
  };

  /** Splits Office.js's overloads: (args..., callback) or (args..., options, callback). */
  function split<T>(rest: unknown[]): { options: Record<string, unknown>; callback: Callback<T> | undefined } {
    const last = rest[rest.length - 1];
    const callback = typeof last === 'function' ? (last as Callback<T>) : undefined;
    const opts = rest.find((x) => x !== null && typeof x === 'object') as Record<string, unknown> | undefined;
    return { options: opts ?? {}, callback };
  }

  /** Runs one async call: limits first, then the effect, answered later through the callback. */
  function asyncCall<T>(method: string, detail: Record<string, unknown>, rest: unknown[], effect: (opts: Record<string, unknown>) => { value: T } | { error: FakeOfficeError }): void {
    const { options: opts, callback } = split<T>(rest);
    inFlight += 1;
    const call: RecordedCall = { id: nextId++, method, detail, startedAt: now(), inFlight };
    calls.push(call);
    let outcome: { value: T } | { error: FakeOfficeError };
    const injected = failures.findIndex((f) => f.method === method);
    if (inFlight > maxInFlight) {
      violations.push(`${method} started with ${inFlight} calls in flight (limit ${maxInFlight})`);
      outcome = { error: officeError('TooManyConcurrentCalls', `More than ${maxInFlight} asynchronous calls are in progress.`) };
    } else if (injected >= 0) {
      const [f] = failures.splice(injected, 1);
      outcome = { error: officeError(f!.name, f!.message ?? `${method} failed`) };
    } else {
      outcome = effect(opts);
    }
    setTimeout(() => {
      inFlight -= 1;
      call.endedAt = now();
      const result: FakeAsyncResult<T> = 'error' in outcome
        ? { status: 'failed', value: undefined as T, error: outcome.error, asyncContext: opts.asyncContext }
        : { status: 'succeeded', value: outcome.value, asyncContext: opts.asyncContext };
      call.status = result.status;
      if (result.error) call.errorName = result.error.name;
      callback?.(result);
    }, latency(method));
  }

  const tooLong = (what: string, limit: number) => ({ error: officeError('DataExceedsMaximumSize', `The ${what} is longer than ${limit} characters.`) });

  function recipients(field: 'requiredAttendees' | 'optionalAttendees') {
    const write = (verb: 'setAsync' | 'addAsync') => (list: Recipientish[], ...rest: unknown[]) => {
      const method = `${field}.${verb}`;
      asyncCall<void>(method, { count: list.length, emails: list.map((r) => toRecipient(r).emailAddress) }, rest, () => {
        if (list.length > OFFICE_LIMITS.recipientsPerCall) {
          violations.push(`${method} with ${list.length} recipients (limit ${OFFICE_LIMITS.recipientsPerCall})`);
          return { error: officeError('NumberOfRecipientsExceeded', `The number of recipients exceeded ${OFFICE_LIMITS.recipientsPerCall} entries.`) };
        }
        const added = list.map(toRecipient);
        state[field] = verb === 'setAsync' ? added : [...state[field], ...added];
        return { value: undefined };
      });
    };
    return {
      setAsync: write('setAsync'),
      addAsync: write('addAsync'),
      getAsync: (...rest: unknown[]) => asyncCall<FakeRecipient[]>(`${field}.getAsync`, {}, rest, () => ({ value: state[field].map((r) => ({ ...r })) })),
    };
  }

  function time(which: 'start' | 'end') {
    return {
      setAsync: (dateTime: Date, ...rest: unknown[]) => asyncCall<void>(`${which}.setAsync`, { iso: dateTime.toISOString() }, rest, () => {
        if (!(dateTime instanceof Date) || Number.isNaN(dateTime.getTime())) return { error: officeError('InvalidEndTime', 'Not a valid date.') };
        if (which === 'start') {
          const duration = state.end.getTime() - state.start.getTime();
          state.start = new Date(dateTime);
          state.end = new Date(dateTime.getTime() + duration);
        } else {
          if (dateTime.getTime() < state.start.getTime()) return { error: officeError('InvalidEndTime', 'The appointment end time is before the appointment start time.') };
          state.end = new Date(dateTime);
        }
        return { value: undefined };
      }),
      getAsync: (...rest: unknown[]) => asyncCall<Date>(`${which}.getAsync`, {}, rest, () => ({ value: new Date(state[which]) })),
    };
  }

  const composeItem = {
    itemType: 'appointment',
    subject: {
      setAsync: (subject: string, ...rest: unknown[]) => asyncCall<void>('subject.setAsync', { length: subject.length }, rest, () => {
        if (subject.length > OFFICE_LIMITS.subjectCharacters) return tooLong('subject', OFFICE_LIMITS.subjectCharacters);
        state.subject = subject;
        return { value: undefined };
      }),
      getAsync: (...rest: unknown[]) => asyncCall<string>('subject.getAsync', {}, rest, () => ({ value: state.subject })),
    },
    start: time('start'),
    end: time('end'),
    location: {
      setAsync: (location: string, ...rest: unknown[]) => asyncCall<void>('location.setAsync', { length: location.length }, rest, () => {
        if (location.length > OFFICE_LIMITS.locationCharacters) return tooLong('location parameter', OFFICE_LIMITS.locationCharacters);
        state.location = location;
        return { value: undefined };
      }),
      getAsync: (...rest: unknown[]) => asyncCall<string>('location.getAsync', {}, rest, () => ({ value: state.location })),
    },
    requiredAttendees: recipients('requiredAttendees'),
    optionalAttendees: recipients('optionalAttendees'),
    body: {
      getTypeAsync: (...rest: unknown[]) => asyncCall<string>('body.getTypeAsync', {}, rest, () => ({ value: state.body.type })),
      setAsync: (data: string, ...rest: unknown[]) => {
        const coercion = String(split(rest).options.coercionType ?? 'text');
        asyncCall<void>('body.setAsync', { length: data.length, coercionType: coercion }, rest, () => {
          if (data.length > OFFICE_LIMITS.bodyCharacters) return tooLong('data parameter', OFFICE_LIMITS.bodyCharacters);
          if (coercion === 'html' && state.body.type === 'text') {
            return { error: officeError('InvalidFormatError', 'The coercionType is Html and the body is in plain text.') };
          }
          state.body = { type: state.body.type, content: data };
          return { value: undefined };
        });
      },
      getAsync: (coercionType: string, ...rest: unknown[]) => asyncCall<string>('body.getAsync', { coercionType }, rest, () => ({
        value: coercionType === 'html' ? state.body.content : state.body.content.replace(/<[^>]+>/g, ''),
      })),
    },
    addFileAttachmentFromBase64Async: (base64File: string, attachmentName: string, ...rest: unknown[]) =>
      asyncCall<string>('addFileAttachmentFromBase64Async', { name: attachmentName, length: base64File.length }, rest, (opts) => {
        if (attachmentName.length > OFFICE_LIMITS.attachmentNameCharacters) return tooLong('attachment name', OFFICE_LIMITS.attachmentNameCharacters);
        if (base64File.length > OFFICE_LIMITS.attachmentBase64Characters) return { error: officeError('AttachmentSizeExceeded', 'The attachment is larger than allowed.') };
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64File)) return { error: officeError('GenericResponseError', 'The attachment is not valid Base64.') };
        const id = `fake-attachment-${nextAttachment++}`;
        state.attachments.push({ id, name: attachmentName, base64: base64File, isInline: opts.isInline === true });
        return { value: id };
      }),
    getAttachmentsAsync: (...rest: unknown[]) => asyncCall<{ id: string; name: string; attachmentType: string; isInline: boolean }[]>('getAttachmentsAsync', {}, rest, () => ({
      value: state.attachments.map((a) => ({ id: a.id, name: a.name, attachmentType: 'file', isInline: a.isInline })),
    })),
    // Office.js does not document what getAsync answers for a key never set; the fake answers an empty string.
    sessionData: {
      setAsync: (name: string, value: string, ...rest: unknown[]) => asyncCall<void>('sessionData.setAsync', { name, length: value.length }, rest, () => {
        state.sessionData[name] = value;
        return { value: undefined };
      }),
      getAsync: (name: string, ...rest: unknown[]) => asyncCall<string>('sessionData.getAsync', { name }, rest, () => ({ value: state.sessionData[name] ?? '' })),
    },
    saveAsync: (...rest: unknown[]) => asyncCall<string>('saveAsync', {}, rest, () => {
      state.saved = true;
      return { value: 'AAMkFakeSavedItemId=' };
    }),
  };

  const received = options.received;
  const readItem = received && {
    itemType: 'appointment',
    itemId: received.itemId,
    subject: received.subject,
    organizer: { ...received.organizer },
    start: new Date(state.start),
    end: new Date(state.end),
    location: state.location,
    requiredAttendees: state.requiredAttendees.map((r) => ({ ...r, appointmentResponse: r.appointmentResponse ?? 'none', recipientType: r.recipientType ?? 'user' })),
    optionalAttendees: state.optionalAttendees.map((r) => ({ ...r, appointmentResponse: r.appointmentResponse ?? 'none', recipientType: r.recipientType ?? 'user' })),
    attachments: (received.attachments ?? []).map((name, i) => ({ id: `att-${i + 1}`, name, attachmentType: 'file', contentType: 'application/pdf', size: 1000, isInline: false })),
    body: {
      getAsync: (coercionType: string, ...rest: unknown[]) => asyncCall<string>('body.getAsync', { coercionType }, rest, () => ({
        value: coercionType === 'html' ? received.bodyHtml ?? received.bodyText : received.bodyText,
      })),
    },
  };

  const mailbox = {
    item: options.mode === 'compose' ? composeItem : readItem,
    userProfile: options.user ?? { displayName: 'Esra Aydin', emailAddress: 'esra.aydin@buurtkracht.example' },
    convertToRestId: (itemId: string, restVersion: string) => {
      calls.push({ id: nextId++, method: 'convertToRestId', detail: { restVersion }, startedAt: now(), endedAt: now(), inFlight });
      return itemId.replace(/\//g, '-').replace(/\+/g, '_');
    },
  };

  return {
    mailbox,
    state,
    calls,
    violations,
    /** Resolves once no call is in flight. */
    async idle(): Promise<void> {
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 1));
    },
    /** The largest number of calls that were in flight at once. */
    maxConcurrent: () => calls.reduce((m, c) => Math.max(m, c.inFlight), 0),
  };
}

export type FakeMailbox = ReturnType<typeof createFakeMailbox>;
