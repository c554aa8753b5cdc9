// Dutch message fragments per screen area, merged into the catalogue in ../messages.ts (first paint).
// A new screen area puts its texts in `<area>.nl.ts` (a default-exported object `as const`) and
// `<area>.en.ts` (the same keys, `satisfies Record<keyof typeof nl, string>`), and adds one spread line
// HERE for the .nl file and one in ./fragments.en.ts for the .en file. Never import an .en file here:
// English is its own lazily loaded chunk (./en.ts), and fragments.en.ts' type check fails when a Dutch
// key has no English. Keys are prefixed with the area (`followUp.…`), so fragments never collide.
import calendarNl from './calendar.nl';
import hostsNl from './hosts.nl';
import meetingNl from './meeting.nl';
import newCaseNl from './newCase.nl';
import routeNl from './route.nl';
import afterNl from './after.nl';
import onSendNl from './onSend.nl';
import rightsNl from './rights.nl';
import liverunNl from './liverun.nl';

export const nlFragments = {
  ...calendarNl,
  ...hostsNl,
  ...meetingNl,
  ...routeNl,
  ...newCaseNl,
  ...afterNl,
  ...onSendNl,
  ...rightsNl,
  ...liverunNl,
} as const;
