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

/** Headers for a served file; the MSAL redirect bridge must never be cached. */
function headersFor(urlPath) {
  const headers = {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
  if (urlPath.endsWith('.html') || urlPath === '/' || urlPath.endsWith('mockServiceWorker.js')) headers['Cache-Control'] = 'no-store';
  else if (/\/js\/.+\.[0-9a-f]{8}\.js$/.test(urlPath)) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  return headers;
}

module.exports = { CSP, FRAME_ANCESTORS, headersFor };
