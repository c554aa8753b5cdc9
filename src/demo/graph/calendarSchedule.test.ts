import { describe, expect, it } from 'vitest';
import { localParts, minuteOfDay, toInstant } from '../time';
import { bodyOf, createTestTenant, people } from '../testHarness';

const { esra, bram, wouter, kofi } = people;
const AMS = { Prefer: 'outlook.timezone="Europe/Amsterdam"' };

interface Suggestion {
  confidence: number;
  order: number;
  organizerAvailability: string;
  suggestionReason?: string;
  attendeeAvailability: { attendee: { emailAddress: { address: string } }; availability: string }[];
  meetingTimeSlot: { start: { dateTime: string; timeZone: string }; end: { dateTime: string; timeZone: string } };
}
interface Result { emptySuggestionsReason: string; meetingTimeSuggestions: Suggestion[] }
interface Schedule {
  scheduleId: string;
  availabilityView: string;
  scheduleItems: { isPrivate: boolean; status: string; subject?: string; start: { dateTime: string; timeZone: string }; end: { dateTime: string; timeZone: string } }[];
  workingHours?: { startTime: string; endTime: string; timeZone: { name: string } };
  error?: { responseCode: string };
}

const slot = (from: string, to: string) => ({
  activityDomain: 'work',
  timeSlots: [{ start: { dateTime: from, timeZone: 'Europe/Amsterdam' }, end: { dateTime: to, timeZone: 'Europe/Amsterdam' } }],
});
const required = (address: string) => ({ type: 'required', emailAddress: { address } });

describe('findMeetingTimes', () => {
  it('suggests times within working hours when everyone in the tenant is free, in the preferred zone', async () => {
    const t = createTestTenant();
    const response = await t.call(esra, 'POST', '/me/findMeetingTimes', {
      headers: AMS,
      body: {
        attendees: [required(bram.mail), required(wouter.mail), required(kofi.mail)],
        timeConstraint: slot('2026-11-30T08:00:00', '2026-12-04T18:00:00'),
        meetingDuration: 'PT1H30M',
        returnSuggestionReasons: true,
        maxCandidates: 20,
        // Graph's default is 50%: a slot where one of three attendees is busy would qualify.
        minimumAttendeePercentage: 100,
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers?.['Preference-Applied']).toBe('outlook.timezone="Europe/Amsterdam"');
    const result = bodyOf<Result>(response);
    expect(result.emptySuggestionsReason).toBe('');
    expect(result.meetingTimeSuggestions.length).toBeGreaterThan(0);
    // The seed keeps 1 December 10:00–11:30 free for the SO of case SO-2026-014.
    expect(result.meetingTimeSuggestions.map((s) => s.meetingTimeSlot.start.dateTime)).toContain('2026-12-01T10:00:00.0000000');

    const state = await t.tenant.snapshot();
    for (const s of result.meetingTimeSuggestions) {
      expect(s.meetingTimeSlot.start.timeZone).toBe('Europe/Amsterdam');
      expect(s.suggestionReason).toMatch(/Suggested because/);
      const start = toInstant(s.meetingTimeSlot.start)!;
      const end = toInstant(s.meetingTimeSlot.end)!;
      expect(end.getTime() - start.getTime()).toBe(90 * 60_000);
      const day = localParts(start, 'Europe/Amsterdam').weekday;
      expect(day).toBeGreaterThanOrEqual(1);
      expect(day).toBeLessThanOrEqual(5);
      expect(minuteOfDay(start, 'Europe/Amsterdam')).toBeGreaterThanOrEqual(8 * 60 + 30);
      expect(minuteOfDay(end, 'Europe/Amsterdam')).toBeLessThanOrEqual(17 * 60);
      // Nobody required is busy then.
      for (const person of [esra, bram, wouter, kofi]) {
        const clash = state.mailboxes[person.id]!.events.find((e) => !e.isCancelled && ['busy', 'oof'].includes(e.showAs)
          && toInstant(e.start)! < end && toInstant(e.end)! > start);
        expect(clash, `${person.displayName} is busy at ${s.meetingTimeSlot.start.dateTime}`).toBeUndefined();
      }
    }
    expect(result.meetingTimeSuggestions.map((s) => s.order)).toEqual(result.meetingTimeSuggestions.map((_, i) => i + 1));
  });

  it('with the default 50% also offers slots where some attendees are busy, best first', async () => {
    const t = createTestTenant();
    const result = bodyOf<Result>(await t.call(esra, 'POST', '/me/findMeetingTimes', {
      body: {
        attendees: [required(bram.mail), required(wouter.mail), required(kofi.mail)],
        timeConstraint: slot('2026-11-30T08:00:00', '2026-12-04T18:00:00'),
        meetingDuration: 'PT1H30M',
        maxCandidates: 100,
      },
    }));
    const confidences = result.meetingTimeSuggestions.map((s) => s.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(confidences.some((c) => c < 100 && c >= 50)).toBe(true);
    expect(Math.min(...confidences)).toBeGreaterThanOrEqual(50);
  });

  it('answers in UTC without the Prefer header, and counts people outside the tenant as unknown (49%)', async () => {
    const t = createTestTenant();
    const result = bodyOf<Result>(await t.call(esra, 'POST', '/me/findMeetingTimes', {
      body: {
        attendees: [required(bram.mail), required('nadia.benali@example.org')],
        timeConstraint: slot('2026-12-01T10:00:00', '2026-12-01T11:30:00'),
        meetingDuration: 'PT1H30M',
      },
    }));
    expect(result.meetingTimeSuggestions).toHaveLength(1);
    const [only] = result.meetingTimeSuggestions;
    expect(only!.meetingTimeSlot.start).toEqual({ dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'UTC' });
    expect(only!.confidence).toBe(74.5);
    expect(only!.attendeeAvailability.map((a) => a.availability)).toEqual(['free', 'unknown']);
  });

  it('explains an empty answer: attendees unavailable, or no working time in the window', async () => {
    const t = createTestTenant();
    // Bram is on a course all day on 3 December.
    const busy = bodyOf<Result>(await t.call(esra, 'POST', '/me/findMeetingTimes', {
      body: { attendees: [required(bram.mail)], timeConstraint: slot('2026-12-03T08:30:00', '2026-12-03T17:00:00'), meetingDuration: 'PT1H' },
    }));
    expect(busy).toMatchObject({ emptySuggestionsReason: 'AttendeesUnavailable', meetingTimeSuggestions: [] });
    const weekend = bodyOf<Result>(await t.call(esra, 'POST', '/me/findMeetingTimes', {
      body: { attendees: [required(bram.mail)], timeConstraint: slot('2026-12-05T08:30:00', '2026-12-06T17:00:00'), meetingDuration: 'PT1H' },
    }));
    expect(weekend.emptySuggestionsReason).toBe('Unknown');
  });

  it('refuses a duration that is not ISO 8601', async () => {
    const t = createTestTenant();
    const response = await t.call(esra, 'POST', '/me/findMeetingTimes', { body: { meetingDuration: '90 minutes' } });
    expect(response.status).toBe(400);
    expect(bodyOf(response)).toMatchObject({ error: { code: 'demoContractViolation' } });
    const { takeContractViolations } = await import('../../../tests/setup/contractViolations');
    expect(takeContractViolations()).toHaveLength(1);
  });
});

describe('getSchedule', () => {
  const window = (from: string, to: string) => ({
    startTime: { dateTime: from, timeZone: 'Europe/Amsterdam' },
    endTime: { dateTime: to, timeZone: 'Europe/Amsterdam' },
  });

  it('gives availabilityView and scheduleItems from the seeded calendars, hiding private subjects', async () => {
    const t = createTestTenant();
    const response = await t.call(esra, 'POST', '/me/calendar/getSchedule', {
      headers: AMS,
      body: { schedules: [kofi.mail, wouter.mail, 'iemand@extern.example'], ...window('2026-11-25T08:00:00', '2026-11-28T00:00:00'), availabilityViewInterval: 60 },
    });
    expect(response.status).toBe(200);
    const [kofis, wouters, external] = bodyOf<{ value: Schedule[] }>(response).value;
    expect(kofis!.availabilityView).toHaveLength(64);
    expect(kofis!.availabilityView).toMatch(/^[0-4]+$/);
    const privateItem = kofis!.scheduleItems.find((i) => i.isPrivate)!;
    expect(privateItem).toMatchObject({ status: 'busy', start: { dateTime: '2026-11-25T08:30:00.0000000', timeZone: 'Europe/Amsterdam' } });
    expect(privateItem.subject).toBeUndefined();
    expect(kofis!.availabilityView[0]).toBe('2'); // 08:00–09:00 overlaps the private appointment
    expect(kofis!.workingHours).toMatchObject({ startTime: '08:30:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'W. Europe Standard Time' } });
    // Wouter is out of office all of Friday 27 November.
    expect(wouters!.availabilityView.slice(-24)).toBe('3'.repeat(24));
    expect(external!.error).toMatchObject({ responseCode: 'ErrorMailRecipientNotFound' });
  });

  it('allows at most 20 schedules and a window shorter than 62 days', async () => {
    const t = createTestTenant();
    const many = await t.call(esra, 'POST', '/me/calendar/getSchedule', {
      body: { schedules: Array.from({ length: 21 }, (_, i) => `p${i}@extern.example`), ...window('2026-12-01T08:00:00', '2026-12-01T17:00:00') },
    });
    expect(many.status).toBe(400);
    const long = await t.call(esra, 'POST', '/me/calendar/getSchedule', {
      body: { schedules: [bram.mail], ...window('2026-12-01T00:00:00', '2027-02-01T00:00:00') },
    });
    expect(long.status).toBe(400);
    const ok = await t.call(esra, 'POST', '/me/calendar/getSchedule', {
      body: { Schedules: [bram.mail], StartTime: { dateTime: '2026-12-01T00:00:00', timeZone: 'UTC' }, EndTime: { dateTime: '2027-01-31T00:00:00', timeZone: 'UTC' }, AvailabilityViewInterval: 1440 },
    });
    expect(ok.status).toBe(200);
    expect(bodyOf<{ value: Schedule[] }>(ok).value[0]!.scheduleItems[0]!.start.timeZone).toBe('UTC');
  });
});
