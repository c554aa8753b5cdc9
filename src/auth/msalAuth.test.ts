// The sign-in logic around MSAL: which client for which host, silent before popup, the account
// from the host's login hint, and where tokens are cached. MSAL itself is replaced by a fake that
// records the calls; what it does against Entra ID cannot run here (no tenant, no network).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostInfo } from '../app/hostPort';

const calls: string[] = [];
const accounts = [
  { username: 'someone.else@maasveld.example', homeAccountId: 'x' },
  { username: 'Esra.Aydin@maasveld.example', homeAccountId: 'esra' },
];
let silent: (request: unknown) => Promise<{ accessToken: string }>;
let popup: (request: unknown) => Promise<{ accessToken: string; account: unknown }>;
let lastConfiguration: unknown;

vi.mock('@azure/msal-browser', () => {
  class InteractionRequiredAuthError extends Error {
    errorCode: string;
    constructor(code: string) { super(code); this.errorCode = code; }
  }
  const fakePca = () => ({
    getAllAccounts: () => accounts,
    getActiveAccount: () => null,
    setActiveAccount: () => { calls.push('setActiveAccount'); },
    acquireTokenSilent: (request: unknown) => { calls.push('silent'); return silent(request); },
    acquireTokenPopup: (request: unknown) => { calls.push('popup'); return popup(request); },
  });
  return {
    InteractionRequiredAuthError,
    createNestablePublicClientApplication: async (configuration: unknown) => { calls.push('nestable'); lastConfiguration = configuration; return fakePca(); },
    createStandardPublicClientApplication: async (configuration: unknown) => { calls.push('standard'); lastConfiguration = configuration; return fakePca(); },
  };
});

const { createMsalTokenProvider, msalConfiguration } = await import('./msalAuth');
// The fake class above takes just an error code; the real constructor's signature is wider.
const InteractionRequiredAuthError = (await import('@azure/msal-browser')).InteractionRequiredAuthError as unknown as new (code: string) => Error;

const naa = { nestedAppAuth: true, meeting: false, stageShare: false };
const teams: HostInfo = { kind: 'teams', surface: 'personal', theme: 'light', loginHint: 'esra.aydin@maasveld.example', tenantId: 'tenant-1', capabilities: naa };
const browser: HostInfo = { kind: 'browser', surface: 'personal', theme: 'light' };

beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal('window', { location: { origin: 'https://so.example' } });
  silent = async () => ({ accessToken: 'silent-token' });
  popup = async () => ({ accessToken: 'popup-token', account: accounts[1] });
});

describe('MSAL configuration', () => {
  it('caches in sessionStorage, never localStorage, and uses the redirect bridge page', () => {
    const configuration = msalConfiguration({ clientId: 'c', tenantId: 't', origin: 'https://so.example' });
    expect(configuration.cache?.cacheLocation).toBe('sessionStorage');
    expect(JSON.stringify(configuration)).not.toContain('localStorage');
    expect(configuration.auth.redirectUri).toBe('https://so.example/redirect.html');
    expect(configuration.auth.authority).toBe('https://login.microsoftonline.com/t');
    expect(configuration.system?.loggerOptions).toBeUndefined();
  });

  it('falls back to the organizations authority without a tenant', () => {
    expect(msalConfiguration({ clientId: 'c', tenantId: '', origin: 'o' }).auth.authority).toBe('https://login.microsoftonline.com/organizations');
  });
});

describe('createMsalTokenProvider', () => {
  it('uses nested app auth inside a Microsoft 365 host, with the host tenant', async () => {
    const tokens = await createMsalTokenProvider({ clientId: 'c', tenantId: '', host: teams });
    expect(calls).toEqual(['nestable']);
    expect((lastConfiguration as { auth: { authority: string } }).auth.authority).toContain('tenant-1');
    expect(await tokens.getToken()).toBe('silent-token');
  });

  it('uses the standard client when the host does not recommend nested app auth (older Teams, Outlook or Office)', async () => {
    await createMsalTokenProvider({ clientId: 'c', tenantId: '', host: { ...teams, capabilities: { ...naa, nestedAppAuth: false } } });
    await createMsalTokenProvider({ clientId: 'c', tenantId: '', host: { kind: 'outlookAddin', surface: 'addinOrganizer', theme: 'light' } });
    expect(calls).toEqual(['standard', 'standard']);
  });

  it('uses the standard client in a plain browser', async () => {
    await createMsalTokenProvider({ clientId: 'c', tenantId: 't', host: browser });
    expect(calls).toEqual(['standard']);
  });

  it('asks silently for the account matching the host login hint, case-insensitively', async () => {
    let requested: unknown;
    silent = async (request) => { requested = request; return { accessToken: 'silent-token' }; };
    const tokens = await createMsalTokenProvider({ clientId: 'c', tenantId: '', host: teams });
    await tokens.getToken(['Calendars.ReadWrite']);
    expect(requested).toMatchObject({ scopes: ['Calendars.ReadWrite'], loginHint: teams.loginHint, account: { homeAccountId: 'esra' }, forceRefresh: false });
    await tokens.getToken(['Calendars.ReadWrite'], { forceRefresh: true });
    expect(requested).toMatchObject({ forceRefresh: true });
  });

  it('opens a popup only when MSAL says interaction is required', async () => {
    silent = async () => { throw new InteractionRequiredAuthError('consent_required'); };
    const tokens = await createMsalTokenProvider({ clientId: 'c', tenantId: '', host: teams });
    expect(await tokens.getToken()).toBe('popup-token');
    expect(calls).toEqual(['nestable', 'silent', 'popup', 'setActiveAccount']);
  });

  it('does not open a popup for other failures, and reports sign-in-failed', async () => {
    silent = async () => { throw new Error('network down'); };
    const tokens = await createMsalTokenProvider({ clientId: 'c', tenantId: '', host: teams });
    await expect(tokens.getToken()).rejects.toMatchObject({ code: 'sign-in-failed' });
    expect(calls).not.toContain('popup');
  });

  it('reports sign-in-needs-interaction when the popup fails (blocked or closed)', async () => {
    silent = async () => { throw new InteractionRequiredAuthError('login_required'); };
    popup = async () => { throw new Error('popup_window_error'); };
    const tokens = await createMsalTokenProvider({ clientId: 'c', tenantId: '', host: teams });
    await expect(tokens.getToken()).rejects.toMatchObject({ code: 'sign-in-needs-interaction' });
  });
});
