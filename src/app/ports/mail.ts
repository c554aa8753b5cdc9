// Mail: escalation to the area champion and distribution of the completed plan.
import type { Recipient } from './calendar';

export interface MailMessage {
  to: Recipient[];
  subject: string;
  /** Already escaped HTML. */
  html: string;
}

export interface MailPort {
  /**
   * Sends from my mailbox (saved to Sent Items). Mail has no transactionId: after a failure that
   * may have sent it (network loss, 5xx) this fails with 'mail-ambiguous' and is NOT retried;
   * the UI asks the user to check Sent Items before sending again. Throttling (429) is retried.
   */
  send(message: MailMessage): Promise<void>;
}
