// Sign-in with MSAL, loaded only in tenant mode. Where Teams, Outlook or the Microsoft 365 app says it
// brokers tokens (nested app auth recommended) the nested client is used; elsewhere the standard client
// uses popups with the same-origin redirect bridge page. Tokens stay in sessionStorage, never in localStorage.
import {
  InteractionRequiredAuthError,
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
} from '@azure/msal-browser';
import type { AccountInfo, Configuration, IPublicClientApplication } from '@azure/msal-browser';
import { AppError } from '../app/errors';
import type { HostInfo } from '../app/hostPort';
import { SIGN_IN_SCOPES } from './scopes';

export interface TokenProvider {
  /** A token for these scopes; asks consent (popup) only when MSAL says interaction is required. */
  getToken(scopes?: readonly string[], options?: { forceRefresh?: boolean }): Promise<string>;
}

export function msalConfiguration(options: { clientId: string; tenantId: string; origin: string }): Configuration {
  return {
    auth: {
      clientId: options.clientId,
      authority: `https://login.microsoftonline.com/${options.tenantId || 'organizations'}`,
      redirectUri: `${options.origin}/redirect.html`,
    },
    cache: { cacheLocation: 'sessionStorage' },
    // No logger callback: MSAL's messages can carry account names and must not reach the console.
  };
}

function pickAccount(pca: IPublicClientApplication, loginHint: string | undefined): AccountInfo | undefined {
  const accounts = pca.getAllAccounts();
  return (loginHint ? accounts.find((a) => a.username.toLowerCase() === loginHint.toLowerCase()) : undefined)
    ?? pca.getActiveAccount() ?? accounts[0] ?? undefined;
}

/**
 * The nested client only where the host says it brokers tokens (teams-js isNAAChannelRecommended(),
 * Office's NestedAppAuth 1.1); an older Teams, Outlook or Office build, or a plain browser, gets the
 * standard client with the popup and redirect bridge, as Microsoft's NAA guidance prescribes.
 */
export function usesNestedAppAuth(host: HostInfo): boolean {
  return host.kind !== 'browser' && host.capabilities?.nestedAppAuth === true;
}

export async function createMsalTokenProvider(options: { clientId: string; tenantId: string; host: HostInfo }): Promise<TokenProvider> {
  const configuration = msalConfiguration({ clientId: options.clientId, tenantId: options.tenantId || options.host.tenantId || '', origin: window.location.origin });
  const pca = usesNestedAppAuth(options.host)
    ? await createNestablePublicClientApplication(configuration)
    : await createStandardPublicClientApplication(configuration);
  const loginHint = options.host.loginHint;

  return {
    async getToken(scopes = SIGN_IN_SCOPES, options = {}) {
      const request = { scopes: [...scopes], ...(loginHint ? { loginHint } : {}) };
      const account = pickAccount(pca, loginHint);
      // Silent first; only an interaction-required answer (or no account yet) justifies a popup.
      if (account) {
        try {
          const result = await pca.acquireTokenSilent({ ...request, account, forceRefresh: options.forceRefresh ?? false });
          return result.accessToken;
        } catch (error) {
          if (!(error instanceof InteractionRequiredAuthError)) throw new AppError('sign-in-failed', { cause: error });
        }
      }
      try {
        const result = await pca.acquireTokenPopup(request);
        pca.setActiveAccount(result.account);
        return result.accessToken;
      } catch (error) {
        throw new AppError('sign-in-needs-interaction', { cause: error });
      }
    },
  };
}
