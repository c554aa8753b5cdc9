import type nl from './hosts.nl';

export default {
  'addin.organizer.recorded': 'The SO is now also in the case plan; follow the responses on the Responses tab.',
  'language.switch.title': 'Language of the app',
  'error.host-lacks-meeting': 'This only works in a Teams meeting. Open the SO in the meeting in Teams; it works there.',
  'error.host-lacks-stage-share': 'Sharing to the stage is not possible here. It only works in a Teams meeting on a computer or in the browser, as organiser or presenter. You can also share your screen.',
  'error.stage-share-failed': 'Teams could not put the agenda on the meeting stage. Try again, or share your screen through Teams itself.',
  'error.outlook-save-failed': 'Outlook could not save the appointment, so the SO is not in the plan yet. Try again; if that fails, send it from the app.',
} satisfies Record<keyof typeof nl, string>;
