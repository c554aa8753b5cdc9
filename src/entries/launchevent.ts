// Outlook's send-time check: the function the manifest's autoRunEvents (appointmentSending) runs. Built as one
// self-contained file, launchevent.js (webpack.config.js: own runtime, no split chunks, fixed name), because
// classic Outlook on Windows loads exactly that file in a JavaScript-only runtime; Outlook on the web, new
// Outlook and Mac load launchevent.html, which loads Office.js and then this file.
import { createAppointmentSendHandler } from '../hosts/appointmentSendHandler';
import type { SendingAppointment } from '../hosts/appointmentSendHandler';
import en from '../ui/messages/onSend.en';
import nl from '../ui/messages/onSend.nl';

/** The action id in manifest/manifest.json (runtimes → actions → id, autoRunEvents → actionId). */
export const SEND_CHECK_ACTION_ID = 'onAppointmentSendHandler';

/** Dutch is the product's voice; English only when Outlook itself is in English. */
export function sendCheckTexts(displayLanguage: string | undefined) {
  return /^en\b/i.test(displayLanguage ?? '') ? en : nl;
}

export function registerSendCheck(office: Pick<typeof Office, 'actions' | 'context'>): void {
  const handler = createAppointmentSendHandler({
    item: () => office.context.mailbox?.item as unknown as SendingAppointment | undefined,
    get texts() {
      return sendCheckTexts(office.context.displayLanguage);
    },
  });
  office.actions.associate(SEND_CHECK_ACTION_ID, (event: Office.AddinCommands.Event) => {
    void handler(event as unknown as Parameters<typeof handler>[0]);
  });
}

// Outlook loads this file for the event only; the tests import the functions above without an Office global.
if (typeof Office !== 'undefined' && Office.actions) registerSendCheck(Office);
