// The redirect bridge page for MSAL v5 popups in a plain browser: hands the auth response to the
// opener and closes. Served with Cache-Control: no-store and without COOP (see README).
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';
import { logFailure } from '../app/log';

broadcastResponseToMainFrame().catch((error: unknown) => {
  logFailure('sign-in redirect bridge', error);
});
