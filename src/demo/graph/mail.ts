// Mail: POST /me/sendMail delivers into every tenant recipient's inbox and the sender's Sent Items, and the
// meeting messages Exchange generates (invitations, responses, forward notifications) land in the same folders.
// GET /me/messages lists every folder, as Graph does; /me/mailFolders/{inbox|sentitems}/messages one folder.
import type { DemoAttachment, DemoEmailAddress, DemoMailFolder, DemoMessage, DemoTenantState, DemoUser } from '../tenantState';
import { fromInstant, preferredTimeZone, toInstant } from '../time';
import { emailAddressOf, mailboxOf, userByAddress } from './directory';
import { applySelect, graphError, isRecord, jsonObjectBody, newId, noContent, page, prop } from './http';
import type { Route, RouteContext } from './http';

export function bodyPreview(body: { contentType: string; content: string }): string {
  const text = body.contentType === 'html' ? body.content.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/<[^>]+>/g, ' ') : body.content;
  return text.replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 255);
}

export interface NewMessage {
  kind?: DemoMessage['kind'];
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  from: DemoEmailAddress;
  to: DemoEmailAddress[];
  cc?: DemoEmailAddress[];
  bcc?: DemoEmailAddress[];
  attachments?: DemoAttachment[];
  meeting?: DemoMessage['meeting'];
  conversationId?: string;
}

/** Puts a copy of the message into the mailbox's folder and returns it. */
export function storeMessage(state: DemoTenantState, user: DemoUser, folder: DemoMailFolder, message: NewMessage, now: Date): DemoMessage {
  const at = now.toISOString();
  const stored: DemoMessage = {
    id: newId('AAMkAGMsg', 40),
    folder,
    kind: message.kind ?? 'message',
    subject: message.subject,
    body: { ...message.body },
    from: { emailAddress: { ...message.from } },
    toRecipients: message.to.map((a) => ({ emailAddress: { ...a } })),
    ccRecipients: (message.cc ?? []).map((a) => ({ emailAddress: { ...a } })),
    // Only the sender's own copy shows the Bcc line.
    bccRecipients: folder === 'sentitems' ? (message.bcc ?? []).map((a) => ({ emailAddress: { ...a } })) : [],
    sentDateTime: at,
    receivedDateTime: at,
    isRead: folder === 'sentitems',
    conversationId: message.conversationId ?? newId('AAQkAGConv', 32),
    internetMessageId: `<${newId('', 20)}@demo.maasveld.onmicrosoft.com>`,
    attachments: (message.attachments ?? []).map((a) => ({ ...a, id: newId('AAMkAGAtt', 40) })),
  };
  if (message.meeting) stored.meeting = { ...message.meeting };
  mailboxOf(state, user.id).messages.push(stored);
  return stored;
}

/** Delivers to every tenant user among the recipients (others are outside the demo). */
export function deliver(state: DemoTenantState, message: NewMessage, now: Date): void {
  const seen = new Set<string>();
  for (const address of [...message.to, ...(message.cc ?? []), ...(message.bcc ?? [])]) {
    const user = userByAddress(state, address.address);
    if (!user || seen.has(user.id)) continue;
    seen.add(user.id);
    storeMessage(state, user, 'inbox', message, now);
  }
}

export function toGraphMessage(message: DemoMessage, timeZone: string): Record<string, unknown> {
  const graph: Record<string, unknown> = {
    id: message.id,
    createdDateTime: message.sentDateTime,
    lastModifiedDateTime: message.receivedDateTime,
    changeKey: message.id.slice(-12),
    categories: [],
    receivedDateTime: message.receivedDateTime,
    sentDateTime: message.sentDateTime,
    hasAttachments: message.attachments.length > 0,
    internetMessageId: message.internetMessageId,
    subject: message.subject,
    bodyPreview: bodyPreview(message.body),
    importance: 'normal',
    parentFolderId: message.folder,
    conversationId: message.conversationId,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: message.isRead,
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(message.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    body: { ...message.body },
    sender: message.from,
    from: message.from,
    toRecipients: message.toRecipients,
    ccRecipients: message.ccRecipients,
    bccRecipients: message.bccRecipients,
    replyTo: [],
    flag: { flagStatus: 'notFlagged' },
  };
  if (message.kind !== 'message') {
    graph['@odata.type'] = `#microsoft.graph.${message.kind}`;
    const meeting = message.meeting;
    if (meeting) {
      const toZone = (v: { dateTime: string; timeZone: string }) => {
        const instant = toInstant(v);
        return instant ? fromInstant(instant, timeZone) : v;
      };
      graph.meetingMessageType = meeting.meetingMessageType;
      graph.startDateTime = toZone(meeting.start);
      graph.endDateTime = toZone(meeting.end);
      graph.location = { displayName: meeting.location };
      graph.type = 'singleInstance';
      graph.isOutOfDate = false;
      graph.isAllDay = false;
      graph.isDelegated = false;
    }
    if (message.kind === 'eventMessageRequest') {
      graph.responseRequested = true;
      graph.allowNewTimeProposals = true;
      graph.meetingRequestType = 'newMeetingRequest';
    }
    if (message.kind === 'eventMessageResponse' && meeting) {
      graph.responseType = ({ meetingAccepted: 'accepted', meetingTenativelyAccepted: 'tentativelyAccepted', meetingDeclined: 'declined' } as Record<string, string>)[meeting.meetingMessageType] ?? 'none';
    }
  }
  return graph;
}

function recipientsOf(value: unknown, path: string): DemoEmailAddress[] | string {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return `${path} must be an array`;
  const out: DemoEmailAddress[] = [];
  for (const r of value) {
    const email = prop(r, 'emailAddress');
    const address = prop(email, 'address');
    if (typeof address !== 'string' || !address.includes('@')) return `Recipient '${String(address ?? '')}' is not resolved.`;
    const name = prop(email, 'name');
    out.push(typeof name === 'string' ? { name, address } : { address });
  }
  return out;
}

function listMessages(ctx: RouteContext, folder?: DemoMailFolder) {
  const zone = preferredTimeZone(ctx.request.headers.get('prefer')) ?? 'UTC';
  const all = mailboxOf(ctx.state, ctx.me.id).messages
    .filter((m) => !folder || m.folder === folder)
    .sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
  const select = ctx.request.url.searchParams.get('$select');
  const expand = ctx.request.url.searchParams.get('$expand');
  // $expand=microsoft.graph.eventMessage/event($select=id): the event a meeting message is about, in this mailbox.
  const expandEvent = expand !== null && /^microsoft\.graph\.eventMessage\/event(\(\$select=id\))?$/i.test(expand.trim());
  if (expand !== null && !expandEvent) {
    return graphError(400, 'BadRequest', `The demo tenant does not support $expand=${expand} on messages.`, ctx.requestId, ctx.now);
  }
  const events = mailboxOf(ctx.state, ctx.me.id).events;
  const shaped = all.map((m) => {
    const graph = applySelect(toGraphMessage(m, zone), select, ['@odata.type']);
    if (!expandEvent || m.kind === 'message' || !m.meeting) return graph;
    const event = events.find((e) => e.iCalUId === m.meeting!.iCalUId);
    return { ...graph, event: event ? { id: event.id } : null };
  });
  return { status: 200, body: page(ctx.request, shaped, 10) };
}

const FOLDERS: Record<string, DemoMailFolder> = { inbox: 'inbox', sentitems: 'sentitems' };

export const mailRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/me\/sendMail$/,
    request: 'user.sendMail',
    handle: (ctx) => {
      const body = jsonObjectBody(ctx.request);
      const message = prop(body, 'message');
      if (!isRecord(message)) return graphError(400, 'ErrorInvalidParameter', "The parameter 'Message' is missing.", ctx.requestId, ctx.now);
      const to = recipientsOf(prop(message, 'toRecipients'), 'toRecipients');
      const cc = recipientsOf(prop(message, 'ccRecipients'), 'ccRecipients');
      const bcc = recipientsOf(prop(message, 'bccRecipients'), 'bccRecipients');
      for (const r of [to, cc, bcc]) if (typeof r === 'string') return graphError(400, 'ErrorInvalidRecipients', r, ctx.requestId, ctx.now);
      const [toList, ccList, bccList] = [to, cc, bcc] as DemoEmailAddress[][];
      if (toList!.length + ccList!.length + bccList!.length === 0) {
        return graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid., A message can\'t be sent because it contains no recipients.', ctx.requestId, ctx.now);
      }
      const rawBody = prop(message, 'body');
      const contentType = String(prop(rawBody, 'contentType') ?? 'text').toLowerCase() === 'html' ? 'html' : 'text';
      const attachments: DemoAttachment[] = [];
      const rawAttachments = prop(message, 'attachments');
      if (Array.isArray(rawAttachments)) {
        for (const a of rawAttachments) {
          const bytes = String(prop(a, 'contentBytes') ?? '');
          attachments.push({
            id: '', name: String(prop(a, 'name') ?? 'bijlage'), contentType: String(prop(a, 'contentType') ?? 'application/octet-stream'),
            contentBytes: bytes, size: Math.floor((bytes.length * 3) / 4), isInline: false, lastModifiedDateTime: ctx.now.toISOString(),
          });
        }
      }
      const outgoing: NewMessage = {
        subject: String(prop(message, 'subject') ?? ''),
        body: { contentType, content: String(prop(rawBody, 'content') ?? '') },
        from: emailAddressOf(ctx.me),
        to: toList!, cc: ccList!, bcc: bccList!,
        attachments,
      };
      deliver(ctx.state, outgoing, ctx.now);
      if (prop(body, 'saveToSentItems') !== false) storeMessage(ctx.state, ctx.me, 'sentitems', outgoing, ctx.now);
      return noContent(202);
    },
  },
  {
    method: 'GET',
    pattern: /^\/me\/messages$/,
    response: 'Collection(message)',
    handle: (ctx) => listMessages(ctx),
  },
  {
    method: 'GET',
    pattern: /^\/me\/messages\/([^/]+)$/,
    response: 'message',
    handle: (ctx) => {
      const id = decodeURIComponent(ctx.params[0] ?? '');
      const message = mailboxOf(ctx.state, ctx.me.id).messages.find((m) => m.id === id);
      if (!message) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.', ctx.requestId, ctx.now);
      const zone = preferredTimeZone(ctx.request.headers.get('prefer')) ?? 'UTC';
      return { status: 200, body: applySelect(toGraphMessage(message, zone), ctx.request.url.searchParams.get('$select'), ['@odata.type']) };
    },
  },
  {
    method: 'GET',
    pattern: /^\/me\/mailFolders\/([^/]+)\/messages$/,
    response: 'Collection(message)',
    handle: (ctx) => {
      const folder = FOLDERS[decodeURIComponent(ctx.params[0] ?? '').toLowerCase()];
      if (!folder) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.', ctx.requestId, ctx.now);
      return listMessages(ctx, folder);
    },
  },
];

/** The meeting part of a meeting message, in the organizer's zone as Exchange writes it. */
export function meetingInfo(
  iCalUId: string,
  type: NonNullable<DemoMessage['meeting']>['meetingMessageType'],
  start: Date,
  end: Date,
  zone: string,
  location: string,
): NonNullable<DemoMessage['meeting']> {
  return { iCalUId, meetingMessageType: type, start: fromInstant(start, zone), end: fromInstant(end, zone), location };
}
