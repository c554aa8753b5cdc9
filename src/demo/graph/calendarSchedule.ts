// Free/busy from the seeded (and app-made) calendars: POST /me/findMeetingTimes and POST /me/calendar/getSchedule.
// Working hours of every demo mailbox: Monday–Friday 08:30–17:00 Europe/Amsterdam (mailbox zone
// "W. Europe Standard Time", a Windows name, as Exchange reports it). Answers are in UTC unless
// `Prefer: outlook.timezone="..."` names a zone.
import type { DemoShowAs, DemoTenantState } from '../tenantState';
import { fromInstant, ianaZone, localParts, minuteOfDay, parseDuration, preferredTimeZone, toInstant } from '../time';
import { mailboxOf, userByAddress } from './directory';
import { eventEnd, eventStart } from './events';
import { graphError, isRecord, json, jsonObjectBody, prop } from './http';
import type { Route, RouteContext, TenantResponse } from './http';

export const WORK_DAY = { startMinute: 8 * 60 + 30, endMinute: 17 * 60, zone: 'Europe/Amsterdam', windowsZone: 'W. Europe Standard Time' };
const STEP_MS = 30 * 60_000;
const MAX_SCHEDULES = 20;
const MAX_WINDOW_DAYS = 62;

interface Busy { start: Date; end: Date; status: DemoShowAs; subject: string; location: string; isPrivate: boolean }

/** The busy periods of a tenant user's calendar that overlap [from, to). */
export function busyPeriods(state: DemoTenantState, userId: string, from: Date, to: Date): Busy[] {
  return mailboxOf(state, userId).events
    .filter((e) => !e.deleted && !e.isCancelled && e.showAs !== 'free')
    .map((e) => ({ e, start: eventStart(e), end: eventEnd(e) }))
    .filter(({ start, end }) => start < to && end > from)
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .map(({ e, start, end }) => ({
      start, end, status: e.showAs,
      subject: e.subject, location: e.location.displayName, isPrivate: e.sensitivity === 'private',
    }));
}

const SEVERITY: Record<DemoShowAs, number> = { free: 0, unknown: 0, workingElsewhere: 1, tentative: 2, busy: 3, oof: 4 };

function statusDuring(busy: Busy[], from: Date, to: Date): DemoShowAs {
  let worst: DemoShowAs = 'free';
  for (const b of busy) if (b.start < to && b.end > from && SEVERITY[b.status] > SEVERITY[worst]) worst = b.status;
  return worst;
}

function withPreference(ctx: RouteContext, response: TenantResponse, zone: string | undefined): TenantResponse {
  return zone ? { ...response, headers: { ...response.headers, 'Preference-Applied': `outlook.timezone="${zone}"` } } : response;
}

function readSlotBound(value: unknown): Date | undefined {
  const dateTime = prop(value, 'dateTime');
  const timeZone = prop(value, 'timeZone');
  if (typeof dateTime !== 'string') return undefined;
  return toInstant({ dateTime, timeZone: typeof timeZone === 'string' && timeZone ? timeZone : 'UTC' });
}

function inWorkingHours(start: Date, end: Date, domain: string): boolean {
  if (domain === 'unrestricted') return true;
  const s = localParts(start, WORK_DAY.zone);
  const e = localParts(new Date(end.getTime() - 1), WORK_DAY.zone);
  if (s.day !== e.day || s.month !== e.month) return false;
  if (domain !== 'personal' && (s.weekday === 0 || s.weekday === 6)) return false;
  return minuteOfDay(start, WORK_DAY.zone) >= WORK_DAY.startMinute
    && minuteOfDay(new Date(end.getTime() - 1), WORK_DAY.zone) < WORK_DAY.endMinute;
}

const REASON = 'Suggested because it is one of the nearest times when all attendees are available.';

function findMeetingTimes(ctx: RouteContext): TenantResponse {
  const body = jsonObjectBody(ctx.request);
  const preferred = preferredTimeZone(ctx.request.headers.get('prefer'));
  if (preferred && !ianaZone(preferred)) {
    return graphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${preferred}'.`, ctx.requestId, ctx.now);
  }
  const outZone = preferred ?? 'UTC';
  const durationText = prop(body, 'meetingDuration');
  const duration = typeof durationText === 'string' ? parseDuration(durationText) : 30 * 60_000;
  if (!duration || duration <= 0) return graphError(400, 'ErrorInvalidParameter', `The meetingDuration '${String(durationText)}' is not valid.`, ctx.requestId, ctx.now);

  const constraint = prop(body, 'timeConstraint');
  const domain = String(prop(constraint, 'activityDomain') ?? 'work');
  const rawSlots = prop(constraint, 'timeSlots');
  const slots: { start: Date; end: Date }[] = [];
  if (Array.isArray(rawSlots) && rawSlots.length > 0) {
    for (const s of rawSlots) {
      const start = readSlotBound(prop(s, 'start'));
      const end = readSlotBound(prop(s, 'end'));
      if (!start || !end) return graphError(400, 'ErrorInvalidParameter', 'A time slot has an invalid start or end.', ctx.requestId, ctx.now);
      slots.push({ start, end });
    }
  } else {
    // Without time slots the demo looks from now through the next seven days.
    slots.push({ start: ctx.now, end: new Date(ctx.now.getTime() + 7 * 24 * 3600_000) });
  }

  const attendees = (Array.isArray(prop(body, 'attendees')) ? prop(body, 'attendees') as unknown[] : [])
    .map((a) => ({ type: String(prop(a, 'type') ?? 'required'), address: String(prop(prop(a, 'emailAddress'), 'address') ?? '') }))
    .filter((a) => a.address && a.type !== 'resource');
  const isOrganizerOptional = prop(body, 'isOrganizerOptional') === true;
  const minimum = Number(prop(body, 'minimumAttendeePercentage') ?? 50);
  const maxCandidates = Number(prop(body, 'maxCandidates') ?? 10);
  const withReasons = prop(body, 'returnSuggestionReasons') === true;
  const locations = (Array.isArray(prop(prop(body, 'locationConstraint'), 'locations')) ? prop(prop(body, 'locationConstraint'), 'locations') as unknown[] : [])
    .filter(isRecord)
    .map((l) => ({ displayName: String(l.displayName ?? '') }));

  const from = new Date(Math.min(...slots.map((s) => s.start.getTime())));
  const to = new Date(Math.max(...slots.map((s) => s.end.getTime())));
  const organizerBusy = busyPeriods(ctx.state, ctx.me.id, from, to);
  const people = attendees.map((a) => {
    const user = userByAddress(ctx.state, a.address);
    return { ...a, busy: user ? busyPeriods(ctx.state, user.id, from, to) : undefined };
  });

  interface Candidate { start: Date; end: Date; confidence: number; organizer: DemoShowAs; availability: { address: string; type: string; status: DemoShowAs }[] }
  const candidates: Candidate[] = [];
  let anyWindow = false;
  let organizerEverFree = false;
  for (const slot of slots) {
    const first = Math.ceil(slot.start.getTime() / STEP_MS) * STEP_MS;
    for (let t = first; t + duration <= slot.end.getTime(); t += STEP_MS) {
      const start = new Date(t);
      const end = new Date(t + duration);
      if (!inWorkingHours(start, end, domain)) continue;
      anyWindow = true;
      const organizer = statusDuring(organizerBusy, start, end);
      if (!isOrganizerOptional && (organizer === 'busy' || organizer === 'oof')) continue;
      organizerEverFree = true;
      const availability = people.map((p) => ({ address: p.address, type: p.type, status: p.busy ? statusDuring(p.busy, start, end) : 'unknown' as DemoShowAs }));
      // Graph's documented weights: free 100%, unknown 49%, busy 0%; tentative counts as available.
      const chance = (s: DemoShowAs) => (s === 'unknown' ? 49 : SEVERITY[s] >= 3 ? 0 : 100);
      const confidence = availability.length === 0 ? 100 : availability.reduce((sum, a) => sum + chance(a.status), 0) / availability.length;
      if (confidence < minimum) continue;
      candidates.push({ start, end, confidence, organizer, availability });
    }
  }
  candidates.sort((a, b) => b.confidence - a.confidence || a.start.getTime() - b.start.getTime());
  const chosen = candidates.slice(0, Number.isInteger(maxCandidates) && maxCandidates > 0 ? maxCandidates : 10);
  let emptySuggestionsReason = '';
  if (chosen.length === 0) {
    if (!anyWindow) emptySuggestionsReason = 'Unknown';
    else if (!organizerEverFree) emptySuggestionsReason = 'OrganizerUnavailable';
    else emptySuggestionsReason = people.some((p) => !p.busy) ? 'AttendeesUnavailableOrUnknown' : 'AttendeesUnavailable';
  }
  const result = {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.meetingTimeSuggestionsResult',
    emptySuggestionsReason,
    meetingTimeSuggestions: chosen.map((c, i) => ({
      confidence: Math.round(c.confidence * 100) / 100,
      order: i + 1,
      organizerAvailability: c.organizer,
      ...(withReasons ? { suggestionReason: REASON } : {}),
      attendeeAvailability: c.availability.map((a) => ({
        attendee: { type: a.type, emailAddress: { address: a.address } },
        availability: a.status,
      })),
      locations,
      meetingTimeSlot: { start: fromInstant(c.start, outZone), end: fromInstant(c.end, outZone) },
    })),
  };
  return withPreference(ctx, json(200, result), preferred);
}

const DIGIT: Record<DemoShowAs, string> = { free: '0', unknown: '0', tentative: '1', busy: '2', oof: '3', workingElsewhere: '4' };

function getSchedule(ctx: RouteContext): TenantResponse {
  const body = jsonObjectBody(ctx.request);
  const preferred = preferredTimeZone(ctx.request.headers.get('prefer'));
  const outZone = preferred && ianaZone(preferred) ? preferred : 'UTC';
  const schedules = prop(body, 'schedules');
  if (!Array.isArray(schedules) || schedules.length === 0) {
    return graphError(400, 'ErrorInvalidParameter', "The parameter 'Schedules' is required.", ctx.requestId, ctx.now);
  }
  if (schedules.length > MAX_SCHEDULES) {
    return graphError(400, 'ErrorInvalidParameter', `The number of schedules (${schedules.length}) exceeds the maximum of ${MAX_SCHEDULES}.`, ctx.requestId, ctx.now);
  }
  const start = readSlotBound(prop(body, 'startTime'));
  const end = readSlotBound(prop(body, 'endTime'));
  if (!start || !end || end <= start) return graphError(400, 'ErrorInvalidParameter', 'StartTime and EndTime must be valid, with EndTime after StartTime.', ctx.requestId, ctx.now);
  if (end.getTime() - start.getTime() >= MAX_WINDOW_DAYS * 24 * 3600_000) {
    return graphError(400, 'ErrorInvalidParameter', `The requested time window must be shorter than ${MAX_WINDOW_DAYS} days.`, ctx.requestId, ctx.now);
  }
  const interval = Number(prop(body, 'availabilityViewInterval') ?? 30);
  if (!Number.isInteger(interval) || interval < 5 || interval > 1440) {
    return graphError(400, 'ErrorInvalidParameter', 'AvailabilityViewInterval must be between 5 and 1440 minutes.', ctx.requestId, ctx.now);
  }
  const value = schedules.map((s) => {
    const scheduleId = String(s);
    const user = userByAddress(ctx.state, scheduleId);
    if (!user) {
      return {
        scheduleId,
        availabilityView: '',
        scheduleItems: [],
        error: { message: `The mailbox '${scheduleId}' could not be found.`, responseCode: 'ErrorMailRecipientNotFound' },
      };
    }
    const busy = busyPeriods(ctx.state, user.id, start, end);
    let view = '';
    for (let t = start.getTime(); t < end.getTime(); t += interval * 60_000) {
      view += DIGIT[statusDuring(busy, new Date(t), new Date(Math.min(t + interval * 60_000, end.getTime())))];
    }
    return {
      scheduleId,
      availabilityView: view,
      scheduleItems: busy.map((b) => ({
        isPrivate: b.isPrivate,
        status: b.status,
        ...(b.isPrivate ? {} : { subject: b.subject, location: b.location }),
        start: fromInstant(b.start, outZone),
        end: fromInstant(b.end, outZone),
      })),
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:30:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: { name: mailboxOf(ctx.state, user.id).timeZone },
      },
    };
  });
  return withPreference(ctx, json(200, {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)',
    value,
  }), preferred);
}

export const scheduleRoutes: Route[] = [
  { method: 'POST', pattern: /^\/me\/findMeetingTimes$/, request: 'user.findMeetingTimes', response: 'user.findMeetingTimes', handle: findMeetingTimes },
  { method: 'POST', pattern: /^\/me\/calendar\/getSchedule$/, request: 'calendar.getSchedule', response: 'calendar.getSchedule', handle: getSchedule },
];
