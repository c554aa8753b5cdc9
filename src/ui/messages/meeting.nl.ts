// Texts of the meeting surfaces (side panel, live run, stage sharing, park list).
export default {
  'meeting.panel.heading': 'SO {alias}',
  'meeting.panel.agenda': 'Agenda: onderdeel {n} van {count}',
  'meeting.panel.agendaNotStarted': 'Agenda: {count} {count, plural, one {onderdeel} other {onderdelen}}',
  'meeting.bar.step': '{n}/{count} {title}',
  'meeting.bar.notStarted': 'Nog niet begonnen',
  'meeting.share.button': 'Op het scherm delen',
  'meeting.share.sharing': 'Teams wordt gevraagd de agenda op het scherm te delen…',
  'meeting.share.done': 'Teams deelt de agenda nu op het scherm van de vergadering.',
  'meeting.live.synced': 'Iedereen ziet dit onderdeel.',
  'meeting.live.pending': 'Nog niet gedeeld met de anderen: dit apparaat is offline of nog bezig.',
} as const;
