// The demo tenant's whole state: what a small Microsoft 365 tenant of one municipality would hold.
// It is plain data so it can be persisted in IndexedDB and reset to the seed at any time.

/** Bumped when the shape changes: stored state of another version is replaced by the seed. */
export const DEMO_STATE_VERSION = 2;

export type PersonaRole = 'caseDirector' | 'chair' | 'participant';

export interface DemoOrganisation {
  id: string;
  name: string;
  /** welzijn, ggz, woningcorporatie, schuldhulp, wijkverpleging, gemeente */
  kind: 'gemeente' | 'welzijn' | 'ggz' | 'woningcorporatie' | 'schuldhulp' | 'wijkverpleging';
}

export interface DemoUser {
  id: string; // GUID, as Entra object ids are
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  userPrincipalName: string;
  jobTitle: string;
  department: string;
  companyName: string; // the organisation's name
  organisationId: string;
  officeLocation: string;
  areaId: string;
  /** The demo offers these users in the persona switcher. */
  persona?: PersonaRole;
}

export interface DemoArea {
  id: string;
  name: string; // a neighbourhood (wijk) of the municipality
  championUserId: string; // gebiedsaanjager / wijkaanjager
}

export interface DemoDriveItem {
  id: string;
  name: string;
  /** Folder path below the drive root, without leading slash, e.g. "Samenwerkplannen". */
  folder: string;
  mimeType: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdByUserId: string;
  lastModifiedByUserId: string;
  /** Incremented on every write; the eTag is derived from it. */
  version: number;
  content: string;
  /** The document library's columns (Graph: listItem fields); set by the app, derived for the seed. */
  fields?: Record<string, string | number | boolean | null>;
  /** Sharing invitations on this item (drive item permissions), besides the library members' inherited access. */
  permissions?: DemoPermission[];
}

/** A permission created by POST /drives/{d}/items/{id}/invite. */
export interface DemoPermission {
  id: string;
  roles: ('read' | 'write')[];
  /** Set when the recipient is a user of the tenant. */
  grantedToUserId?: string;
  /** The address the invitation went to. */
  email: string;
  invitedByUserId: string;
  createdDateTime: string;
  requireSignIn: boolean;
}

export interface DemoDrive {
  id: string;
  name: string;
  /** The Microsoft 365 group owning the library: its members read and write every item. */
  memberGroupId?: string;
  items: DemoDriveItem[];
}

/** A Microsoft 365 group (the area team); owns the plan library or the Planner plan. */
export interface DemoGroup {
  id: string;
  displayName: string;
  mail: string;
  description: string;
  memberIds: string[];
}

// ---------------------------------------------------------------------------------------------------------
// Exchange: one mailbox per user, with a calendar and mail folders.

export interface DemoDateTimeTimeZone {
  /** Local date and time without offset, e.g. 2026-12-01T10:00:00. */
  dateTime: string;
  /** IANA or Windows time zone name, as the client sent it. */
  timeZone: string;
}

export interface DemoEmailAddress {
  name?: string;
  address: string;
}

export type DemoResponse = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';
export type DemoShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

export interface DemoAttendee {
  type: 'required' | 'optional' | 'resource';
  emailAddress: DemoEmailAddress;
  status: { response: DemoResponse; time: string };
  proposedNewTime?: { start: DemoDateTimeTimeZone; end: DemoDateTimeTimeZone };
}

export interface DemoAttachment {
  id: string;
  name: string;
  contentType: string;
  /** Base64. */
  contentBytes: string;
  size: number;
  isInline: boolean;
  lastModifiedDateTime: string;
}

export interface DemoEvent {
  id: string;
  /** Shared by the organizer's event and every attendee's copy. */
  iCalUId: string;
  /** The client's idempotency key (organizer's event only). */
  transactionId?: string;
  /** Incremented on every change; the changeKey is derived from it. */
  version: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  start: DemoDateTimeTimeZone;
  end: DemoDateTimeTimeZone;
  isAllDay: boolean;
  showAs: DemoShowAs;
  sensitivity: 'normal' | 'personal' | 'private' | 'confidential';
  location: { displayName: string } & Record<string, unknown>;
  isCancelled: boolean;
  isOrganizer: boolean;
  organizer: { emailAddress: DemoEmailAddress };
  responseStatus: { response: DemoResponse; time: string };
  attendees: DemoAttendee[];
  attachments: DemoAttachment[];
  /** Declined events leave the calendar (Exchange moves them to Deleted Items). */
  deleted?: boolean;
  /** singleValueExtendedProperties set by the client (id as sent, e.g. 'String {guid} Name X'), on copies too. */
  extendedProperties?: { id: string; value: string }[];
  /** Any other writable event property, kept as the client sent it (responseRequested, isOnlineMeeting, ...). */
  extra: Record<string, unknown>;
}

export type DemoMailFolder = 'inbox' | 'sentitems';

export interface DemoMessage {
  id: string;
  folder: DemoMailFolder;
  /** Plain messages, or the meeting messages Exchange generates for invitations and responses. */
  kind: 'message' | 'eventMessageRequest' | 'eventMessageResponse' | 'eventMessage';
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  from: { emailAddress: DemoEmailAddress };
  toRecipients: { emailAddress: DemoEmailAddress }[];
  ccRecipients: { emailAddress: DemoEmailAddress }[];
  bccRecipients: { emailAddress: DemoEmailAddress }[];
  sentDateTime: string;
  receivedDateTime: string;
  isRead: boolean;
  conversationId: string;
  internetMessageId: string;
  attachments: DemoAttachment[];
  /** Meeting messages: which meeting and what happened. */
  meeting?: {
    iCalUId: string;
    meetingMessageType: 'meetingRequest' | 'meetingCancelled' | 'meetingAccepted' | 'meetingTenativelyAccepted' | 'meetingDeclined' | 'none';
    start: DemoDateTimeTimeZone;
    end: DemoDateTimeTimeZone;
    location: string;
  };
}

export interface DemoMailbox {
  userId: string;
  /** The mailbox's time zone as Exchange stores it (a Windows name). */
  timeZone: string;
  events: DemoEvent[];
  messages: DemoMessage[];
}

// ---------------------------------------------------------------------------------------------------------
// Planner

export interface DemoPlannerPlan {
  id: string;
  title: string;
  groupId: string;
  createdDateTime: string;
  createdByUserId: string;
  version: number;
}

export interface DemoPlannerBucket {
  id: string;
  planId: string;
  name: string;
  orderHint: string;
  version: number;
}

export interface DemoPlannerAssignment {
  assignedDateTime: string;
  assignedByUserId: string;
  orderHint: string;
}

export interface DemoPlannerTask {
  id: string;
  planId: string;
  bucketId: string | null;
  title: string;
  orderHint: string;
  assigneePriority: string;
  percentComplete: number;
  priority: number;
  startDateTime: string | null;
  dueDateTime: string | null;
  createdDateTime: string;
  createdByUserId: string;
  completedDateTime: string | null;
  completedByUserId: string | null;
  assignments: Record<string, DemoPlannerAssignment>;
  appliedCategories: Record<string, boolean>;
  conversationThreadId: string | null;
  version: number;
}

export interface DemoPlanner {
  plans: DemoPlannerPlan[];
  buckets: DemoPlannerBucket[];
  tasks: DemoPlannerTask[];
}

export interface DemoTenantState {
  version: typeof DEMO_STATE_VERSION;
  tenant: { id: string; displayName: string; municipality: string; domain: string };
  organisations: DemoOrganisation[];
  users: DemoUser[];
  areas: DemoArea[];
  /** The area team's document library holding the Samenwerkplannen. */
  planDrive: DemoDrive;
  /** Microsoft 365 groups: the library's area team and the area network that owns the Planner plan. */
  groups: DemoGroup[];
  /** One Exchange mailbox per user, keyed by user id. */
  mailboxes: Record<string, DemoMailbox>;
  planner: DemoPlanner;
}
