// The policy the production host must send (scripts/security-headers.js, documented in the README):
// framed only by Teams, Outlook and Microsoft 365; scripts only from us and the Office.js CDN; never
// inline or eval'd script. tests/e2e/securityHeaders.spec.ts checks the built files are served with it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { CSP, headersFor } = require('../../scripts/security-headers.js') as { CSP: string; headersFor: (path: string) => Record<string, string> };

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name!, values] as const;
  }));
}

const policy = directives(CSP);

describe('Content-Security-Policy', () => {
  // teams-js refuses to trust a parent frame until it has fetched its list of valid origins; a CSP that
  // blocks that fetch leaves the app hanging in Teams. Read the URL from the installed teams-js itself,
  // so an SDK update that moves the list makes this test fail instead of the tab.
  it('lets teams-js fetch its valid-origins list', () => {
    const constants = readFileSync(require.resolve('@microsoft/teams-js').replace(/dist\/.*$/, 'dist/esm/packages/teams-js/src/internal/constants.js'), 'utf8');
    const url = /https:\/\/[a-z0-9.-]+\/teams-js\/validDomains\/json\/validDomains\.json/.exec(constants)?.[0];
    expect(url).toBeDefined();
    expect(policy.get('connect-src')).toContain(new URL(url!).origin);
  });

  it('lets Teams, Outlook and Microsoft 365 frame the app, and nobody else', () => {
    const ancestors = policy.get('frame-ancestors') ?? [];
    for (const host of ['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://outlook.office.com', 'https://outlook.office365.com', 'https://*.office.com', 'https://*.microsoft365.com', 'https://*.cloud.microsoft']) {
      expect(ancestors, host).toContain(host);
    }
    expect(ancestors).not.toContain('*');
    expect(ancestors.every((a) => a === "'self'" || a.startsWith('https://'))).toBe(true);
  });

  it('runs scripts only from the app itself and the Office.js CDN: no inline script, no eval', () => {
    const scripts = policy.get('script-src') ?? [];
    expect(scripts).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'", 'data:', '*']) expect(scripts).not.toContain(unsafe);
    expect(policy.has('script-src-elem') || policy.has('script-src-attr')).toBe(false);
  });

  it('talks only to Graph, sign-in, Office.js and the teams-js origin list, and embeds no plugins', () => {
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://graph.microsoft.com', 'https://login.microsoftonline.com', 'https://appsforoffice.microsoft.com', 'https://res.cdn.office.net']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('goes with every file, with nosniff; pages and service workers are revalidated on every load, hashed scripts kept a year', () => {
    const page = headersFor('/index.html');
    expect(page['Content-Security-Policy']).toBe(CSP);
    expect(page['X-Content-Type-Options']).toBe('nosniff');
    expect(page['Cache-Control']).toBe('no-cache');
    expect(headersFor('/')['Cache-Control']).toBe('no-cache');
    expect(headersFor('/sw.js')['Cache-Control']).toBe('no-cache');
    expect(headersFor('/mockServiceWorker.js')['Cache-Control']).toBe('no-cache');
    expect(headersFor('/redirect.html')['Cache-Control']).toBe('no-store');
    expect(headersFor('/js/main.0123abcd.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor('/js/main.js')['Cache-Control']).toBe('no-cache');
    expect(headersFor('/assets/icon-color.png')['Content-Security-Policy']).toBe(CSP);
  });
});
