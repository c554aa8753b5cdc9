// The open Outlook appointment, as the add-in sees it: the organizer's compose form (fill it, the user
// sends it with Outlook's own Send button) or an attendee's received meeting (read it).
// The Office.js adapter (src/hosts/outlookAppointment.ts) implements it; absent outside Outlook.
import type { ProtectedPerson } from '../../domain';
import type { Recipient } from './calendar';

export interface AppointmentAttachment {
  name: string;
  /** The file, base64 encoded (no data: prefix). */
  bytesBase64: string;
}

export interface AppointmentFill {
  subject: string;
  /** The invitation body, already escaped HTML (≤ 1,000,000 characters). */
  html: string;
  /** The same body as plain text, for a form whose body is plain text (Outlook refuses HTML there). */
  text: string;
  /** ≤ 255 characters. */
  location: string;
  /** ISO 8601 with offset, e.g. '2026-12-01T10:00:00+01:00'. */
  start: string;
  end: string;
  requiredAttendees: Recipient[];
  optionalAttendees?: Recipient[];
  attachment: AppointmentAttachment;
  /**
   * The resident and network names of the case (protectedPeople(plan)), left in the item's session data for
   * Outlook's send-time check (src/app/appointmentSendCheck.ts) so it can hold back an invitation that names them
   * after the user edited it. Session data stays with the item in this Outlook; it is not sent.
   */
  protectedPeople?: readonly ProtectedPerson[];
}

export type AppointmentResponse = 'none' | 'organizer' | 'tentative' | 'accepted' | 'declined';

export interface AppointmentAttendee extends Recipient {
  type: 'required' | 'optional';
  response: AppointmentResponse;
}

export interface OpenAppointment {
  subject: string;
  organizerName: string;
  organizerEmail: string;
  /** The body as plain text, as the mail client converts it. */
  bodyText: string;
  /** The event id for Graph (REST v2.0 id); absent when Outlook cannot give one (an unsaved item). */
  itemRestId?: string;
  /** ISO 8601 (UTC). */
  start?: string;
  end?: string;
  location?: string;
  attendees: AppointmentAttendee[];
  attachmentNames: string[];
}

export interface OutlookAppointmentPort {
  /** Which form is open: the organizer composing, or an attendee reading. */
  readonly mode: 'organizer' | 'attendee';
  /**
   * Fills the appointment being composed: subject, start/end, location, attendees, body, attachment, in
   * that order. Resolves when every part is set; nothing is saved or sent. Filling twice adds the attachment
   * once (an attachment with the same name is kept). Fails with an AppError:
   * 'outlook-body-too-large', 'outlook-location-too-long', 'outlook-too-many-attendees',
   * 'attachment-too-large', 'outlook-wrong-item' or 'outlook-failed' (serviceCode = Office's error name).
   */
  fillAppointment(fill: AppointmentFill): Promise<void>;
  /** Reads the received appointment (attendee mode). */
  readAppointment(): Promise<OpenAppointment>;
  /**
   * Saves the appointment being composed (Outlook's saveAsync: stored in the organiser's calendar, not sent)
   * and resolves with its Graph event id (the item id through convertToRestId, REST v2.0), so the plan can
   * follow responses as for an invitation sent from the tab. Fails with 'outlook-save-failed' or
   * 'outlook-wrong-item'.
   */
  saveAppointment(): Promise<string>;
}
