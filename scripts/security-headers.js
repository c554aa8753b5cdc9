// The HTTP headers the production host must send (documented in the README). Used by
// scripts/serve-dist.mjs, so the end-to-end tests run under the same policy users get.
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://teams.cloud.microsoft', 'https://*.cloud.microsoft',
  'https://*.skype.com',
  'https://outlook.office.com', 'https://outlook.office365.com', 'https://outlook.cloud.microsoft', 'https://*.outlook.com',
  'https://*.office.com', 'https://*.microsoft365.com', 'https://*.officeapps.live.com',
];

const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  // Fluent UI (Griffel) inserts its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // teams-js fetches its list of valid host origins from Microsoft's CDN (res.cdn.office.net) before it
  // trusts a parent frame; Office.js loads its host-specific parts from appsforoffice.microsoft.com.
  "connect-src 'self' https://graph.microsoft.com https://login.microsoftonline.com https://appsforoffice.microsoft.com https://res.cdn.office.net",
  "frame-src 'self' https://login.microsoftonline.com",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/**
 * How long a file may be kept. Hashed scripts never change under their name: a year, immutable. Pages and the
 * service workers are checked on every load (no-cache: kept, but revalidated), so a new build reaches users at
 * once; the app's worker then keeps the offline copy. The MSAL redirect bridge is never stored at all. Anything
 * else (icons, the hand-out, the static pages) is revalidated too: their names carry no hash.
 */
function cacheControlFor(urlPath) {
  if (urlPath.endsWith('/redirect.html')) return 'no-store';
  if (/\/js\/.+\.[0-9a-f]{8}\.js$/.test(urlPath)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/** Headers for a served file (before content negotiation: serve-dist adds Content-Encoding and Vary). */
function headersFor(urlPath) {
  const headers = {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
  headers['Cache-Control'] = cacheControlFor(urlPath);
  return headers;
}

module.exports = { CSP, FRAME_ANCESTORS, headersFor, cacheControlFor };
