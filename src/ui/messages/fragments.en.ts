// English message fragments, one spread per area, key for key with ./fragments.ts (the Dutch ones).
// Only ./en.ts imports this file, so every .en fragment lands in the lazy "messages-en" chunk.
import type { nlFragments } from './fragments';
import calendarEn from './calendar.en';
import hostsEn from './hosts.en';
import meetingEn from './meeting.en';
import newCaseEn from './newCase.en';
import routeEn from './route.en';
import afterEn from './after.en';
import onSendEn from './onSend.en';
import rightsEn from './rights.en';
import liverunEn from './liverun.en';

export const enFragments: Record<keyof typeof nlFragments, string> = {
  ...calendarEn,
  ...hostsEn,
  ...meetingEn,
  ...routeEn,
  ...newCaseEn,
  ...afterEn,
  ...onSendEn,
  ...rightsEn,
  ...liverunEn,
};
