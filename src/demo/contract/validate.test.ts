import { describe, expect, it } from 'vitest';
import { isKnownContractTarget, typeNameOf, validateBody } from './validate';

const paths = (v: { path: string }[]) => v.map((x) => x.path);

describe('Graph contract validator: accepts what Graph accepts', () => {
  it('accepts the invitation flow bodies: event, fileAttachment, attendees PATCH', () => {
    expect(validateBody('event', {
      subject: 'Samenwerkoverleg SO-2026-014',
      body: { contentType: 'html', content: '<p>Doel</p>' },
      start: { dateTime: '2026-12-01T10:00:00', timeZone: 'Europe/Amsterdam' },
      end: { dateTime: '2026-12-01T11:30:00', timeZone: 'Europe/Amsterdam' },
      location: { displayName: 'Bij de inwoner thuis' },
      isOnlineMeeting: false,
      sensitivity: 'normal',
      allowNewTimeProposals: true,
      responseRequested: true,
      transactionId: 'SO-2026-014/m-1/send-1',
      isAllDay: false,
      categories: [],
      reminderMinutesBeforeStart: 15,
    }, 'request')).toEqual([]);
    expect(validateBody('attachment', {
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'samenwerkwijze.pdf',
      contentType: 'application/pdf',
      contentBytes: 'JVBERi0xLjQK',
    }, 'request')).toEqual([]);
    expect(validateBody('event', {
      attendees: [{ type: 'required', emailAddress: { address: 'bram.hoekstra@veldwijzer.example', name: 'Bram Hoekstra' } }],
    }, 'request')).toEqual([]);
  });

  it('accepts a plannerTask with assignments typed as plannerAssignment, and removals as null', () => {
    expect(validateBody('plannerTask', {
      planId: 'qN3vXyK8mE2sLwT6pR0dJhUcAbFg',
      bucketId: 'Vb7kT2nQ9xWm4cLp8sRj1yHdEfGa',
      title: 'SO-2026-021 · Vrijwilliger thuisadministratie zoeken',
      dueDateTime: '2026-12-04T17:00:00Z',
      assignments: {
        'f24d582b-f8ad-40cf-acc8-71c316c5bac3': { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' },
        '5e591c63-24aa-42f9-acee-00ad5dcf0ab4': null,
      },
      appliedCategories: { category1: true },
    }, 'request')).toEqual([]);
  });

  it('accepts annotations everywhere, and any column on an open fieldValueSet', () => {
    expect(validateBody('plannerTask', { '@odata.etag': 'W/"x"', title: 'x', 'title@odata.type': '#String' }, 'response')).toEqual([]);
    expect(validateBody('fieldValueSet', { SOCaseAlias: 'SO-2026-022', SOOpenAgreements: 0, Anything: null }, 'request')).toEqual([]);
  });

  it('accepts collection responses with paging annotations', () => {
    expect(validateBody('Collection(user)', {
      '@odata.context': 'x', '@odata.nextLink': 'https://graph.microsoft.com/v1.0/users?$skiptoken=5',
      value: [{ id: 'a', displayName: 'A', businessPhones: [] }],
    }, 'response')).toEqual([]);
  });

  it('accepts derived types named with or without "#", and action results', () => {
    expect(validateBody('Collection(message)', {
      value: [{ '@odata.type': 'microsoft.graph.eventMessageRequest', id: 'm', meetingMessageType: 'meetingRequest', subject: 's' }],
    }, 'response')).toEqual([]);
    expect(validateBody('user.findMeetingTimes', { emptySuggestionsReason: '', meetingTimeSuggestions: [] }, 'response')).toEqual([]);
    expect(validateBody('event.accept', undefined, 'response')).toEqual([]);
  });

  it('accepts the primitive formats Graph uses', () => {
    expect(validateBody('user.findMeetingTimes', {
      meetingDuration: 'PT1H30M',
      maxCandidates: 5,
      minimumAttendeePercentage: 50,
      timeConstraint: { activityDomain: 'work', timeSlots: [{ start: { dateTime: '2026-12-01T08:30:00', timeZone: 'Europe/Amsterdam' }, end: { dateTime: '2026-12-05T17:00:00', timeZone: 'Europe/Amsterdam' } }] },
    }, 'request')).toEqual([]);
    expect(validateBody('scheduleInformation', { workingHours: { startTime: '08:30:00.0000000', daysOfWeek: ['monday'], timeZone: { name: 'W. Europe Standard Time' } } }, 'response')).toEqual([]);
  });
});

describe('Graph contract validator: rejects what Graph rejects', () => {
  it('(1) rejects a misspelled property: dueDate on a plannerTask', () => {
    const violations = validateBody('plannerTask', { planId: 'p', title: 't', dueDate: '2026-12-04' }, 'request');
    expect(violations).toEqual([{ path: '$.dueDate', message: "unknown property 'dueDate' on microsoft.graph.plannerTask" }]);
  });

  it('(2) rejects a fileAttachment posted without @odata.type (attachment is abstract)', () => {
    const violations = validateBody('attachment', { name: 'x.pdf', contentType: 'application/pdf', contentBytes: 'JVBERi0=' }, 'request');
    expect(violations).toHaveLength(1);
    expect(violations[0]!.path).toBe('$');
    expect(violations[0]!.message).toMatch(/missing @odata\.type: attachment is abstract/);
  });

  it('(3) rejects a wrong primitive type: isAllDay "yes"', () => {
    const violations = validateBody('event', { isAllDay: 'yes' }, 'request');
    expect(paths(violations)).toEqual(['$.isAllDay']);
    expect(violations[0]!.message).toMatch(/expected Edm\.Boolean, got string/);
  });

  it('(4) rejects an unknown nested property in attendees[].emailAddress', () => {
    const violations = validateBody('event', {
      attendees: [
        { type: 'required', emailAddress: { address: 'a@b.example' } },
        { type: 'required', emailAddress: { adress: 'c@d.example' } },
      ],
    }, 'request');
    expect(violations).toEqual([{ path: '$.attendees[1].emailAddress.adress', message: "unknown property 'adress' on microsoft.graph.emailAddress" }]);
  });

  it('rejects an unknown property on an event, although the CSDL marks event OpenType (Graph rejects it)', () => {
    expect(paths(validateBody('event', { event: { subject: 'x' } }, 'request'))).toEqual(['$.event']);
  });

  it('rejects a plannerAssignment without @odata.type inside assignments', () => {
    const violations = validateBody('plannerTask', { assignments: { 'user-1': { orderHint: ' !' } } }, 'request');
    expect(paths(violations)).toEqual(['$.assignments["user-1"]']);
    expect(violations[0]!.message).toMatch(/missing @odata\.type/);
  });

  it('rejects enums by member name, dates, durations, collections and non-nullable nulls', () => {
    expect(paths(validateBody('event', { sensitivity: 'secret', showAs: 2 }, 'request'))).toEqual(['$.sensitivity', '$.showAs']);
    expect(paths(validateBody('plannerTask', { dueDateTime: '2026-12-04' }, 'request'))).toEqual(['$.dueDateTime']);
    expect(paths(validateBody('user.findMeetingTimes', { meetingDuration: '90 minutes' }, 'request'))).toEqual(['$.meetingDuration']);
    expect(paths(validateBody('event', { attendees: { emailAddress: {} } }, 'request'))).toEqual(['$.attendees']);
    expect(paths(validateBody('plannerTask', { title: null }, 'request'))).toEqual(['$.title']);
    expect(paths(validateBody('event', { reminderMinutesBeforeStart: 1.5 }, 'request'))).toEqual(['$.reminderMinutesBeforeStart']);
  });

  it('rejects an @odata.type that is not derived from the declared type', () => {
    const violations = validateBody('attachment', { '@odata.type': '#microsoft.graph.plannerAssignment' }, 'request');
    expect(violations[0]!.message).toMatch(/not attachment or derived/);
  });

  it('rejects a collection response without value or with stray properties', () => {
    expect(paths(validateBody('Collection(event)', { items: [] }, 'response'))).toEqual(['$.items', '$']);
  });
});

describe('Graph contract validator: action parameters', () => {
  it('compares action parameter names case-insensitively: ToRecipients and toRecipients', () => {
    const upper = { ToRecipients: [{ EmailAddress: { Address: 'x@y.example', Name: 'X' } }], Comment: 'Mijn collega komt.' };
    const lower = { toRecipients: [{ emailAddress: { address: 'x@y.example', name: 'X' } }], comment: 'Mijn collega komt.' };
    expect(validateBody('event.forward', upper, 'request')).toEqual([]);
    expect(validateBody('event.forward', lower, 'request')).toEqual([]);
    expect(validateBody('event.accept', { comment: 'Ik kom', sendResponse: true }, 'request')).toEqual([]);
    expect(validateBody('user.sendMail', { message: { subject: 's', toRecipients: [] }, saveToSentItems: true }, 'request')).toEqual([]);
    expect(validateBody('calendar.getSchedule', {
      schedules: ['a@b.example'],
      startTime: { dateTime: '2026-12-01T08:00:00', timeZone: 'Europe/Amsterdam' },
      endTime: { dateTime: '2026-12-01T17:00:00', timeZone: 'Europe/Amsterdam' },
      availabilityViewInterval: 30,
    }, 'request')).toEqual([]);
    expect(validateBody('driveItem.invite', { recipients: [{ email: 'a@b.example' }], roles: ['read'], requireSignIn: true, sendInvitation: false, message: 'x' }, 'request')).toEqual([]);
  });

  it('still rejects unknown parameters, wrong types and missing required parameters', () => {
    expect(paths(validateBody('event.forward', { To: [] }, 'request'))).toEqual(['$.To']);
    expect(paths(validateBody('event.accept', { sendResponse: 'yes' }, 'request'))).toEqual(['$.sendResponse']);
    expect(validateBody('user.sendMail', { saveToSentItems: false }, 'request')[0]!.message).toMatch(/missing required parameter 'Message'/);
    expect(paths(validateBody('driveItem.invite', { recipients: [{ mail: 'a@b.example' }] }, 'request'))).toEqual(['$.recipients[0].mail']);
  });
});

describe('Graph contract validator: names', () => {
  it('resolves @odata.type names and knows its targets', () => {
    expect(typeNameOf('#microsoft.graph.fileAttachment')).toBe('fileAttachment');
    expect(isKnownContractTarget('Collection(plannerTask)')).toBe(true);
    expect(isKnownContractTarget('event.forward')).toBe(true);
    expect(isKnownContractTarget('plannerTaskz')).toBe(false);
    expect(() => validateBody('nope', {}, 'request')).toThrow(/no type or action/);
  });
});
