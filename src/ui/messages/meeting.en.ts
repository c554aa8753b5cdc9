import type nl from './meeting.nl';

export default {
  'meeting.panel.heading': 'SO {alias}',
  'meeting.panel.agenda': 'Agenda: part {n} of {count}',
  'meeting.panel.agendaNotStarted': 'Agenda: {count} {count, plural, one {part} other {parts}}',
  'meeting.bar.step': '{n}/{count} {title}',
  'meeting.bar.notStarted': 'Not started yet',
  'meeting.share.button': 'Share to the meeting stage',
  'meeting.share.sharing': 'Asking Teams to share the agenda to the stage…',
  'meeting.share.done': 'Teams now shows the agenda on the meeting stage.',
  'meeting.live.synced': 'Everyone sees this part.',
  'meeting.live.pending': 'Not yet shared with the others: this device is offline or still busy.',
} satisfies Record<keyof typeof nl, string>;
