// Mail from my mailbox. There is no transactionId for sendMail, so a send that may have gone out
// is never repeated blindly: 429 (not processed) is retried by the request path, while a network
// loss or a 5xx becomes 'mail-ambiguous' and the UI asks the user to look in Sent Items first.
import { AppError } from '../app/errors';
import type { MailPort } from '../app/ports';
import type { GraphRequester } from './graphClient';
import { isAmbiguousFailure, toGraphAppError } from './graphClient';

export function createMailAdapter(graph: GraphRequester): MailPort {
  return {
    async send(message) {
      if (message.to.length === 0) throw new RangeError('a mail needs at least one recipient');
      try {
        await graph.post('/me/sendMail', {
          message: {
            subject: message.subject,
            body: { contentType: 'html', content: message.html },
            toRecipients: message.to.map((r) => ({ emailAddress: { address: r.email, name: r.name } })),
          },
          saveToSentItems: true,
        }, { idempotent: false });
      } catch (error) {
        const appError = toGraphAppError(error);
        if (isAmbiguousFailure(appError)) {
          throw new AppError('mail-ambiguous', { cause: appError, status: appError.status, requestId: appError.requestId, detail: appError.code });
        }
        throw appError;
      }
    },
  };
}
