// Tokens never reach localStorage, and demo mode never loads MSAL.
import { expect, test } from './support/fixtures';
import { casesTable, createCase, openDemo, personaSelect } from './support/demo';

/** Anything that looks like a bearer token: a JWT, the demo's persona token, or MSAL's cache entries. */
const TOKEN_LIKE = /eyJ[\w-]+\.eyJ[\w-]+|demo\.[0-9a-f-]{36}|accesstoken|refreshtoken|idtoken|msal\./i;

test('nothing token-like is ever written to localStorage while the demo is used', async ({ page }) => {
  // Every localStorage write is logged to sessionStorage, so the log survives the reload below.
  await page.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItem(this: Storage, key: string, value: string) {
      if (this === window.localStorage) {
        const log = JSON.parse(window.sessionStorage.getItem('__lsWrites') ?? '[]') as string[];
        original.call(window.sessionStorage, '__lsWrites', JSON.stringify([...log, `${key}=${value}`]));
      }
      return original.call(this, key, value);
    };
  });
  const scripts: string[] = [];
  page.on('request', (request) => { if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname); });

  await openDemo(page);
  await createCase(page);
  await expect(page.getByText(/is aangemaakt/)).toBeVisible();
  await personaSelect(page).selectOption({ label: 'Voorzitter – Priya Ramdin (Gemeente Maasveld)' });
  await expect(page.getByText('Aangemeld als Priya Ramdin')).toBeVisible();
  await page.reload();
  await expect(casesTable(page)).toBeVisible();

  const writes = await page.evaluate(() => JSON.parse(window.sessionStorage.getItem('__lsWrites') ?? '[]') as string[]);
  const stored = await page.evaluate(() => Object.entries(window.localStorage).map(([k, v]) => `${k}=${v}`));
  for (const entry of [...writes, ...stored]) expect(entry).not.toMatch(TOKEN_LIKE);

  // The guard must be able to see writes and tokens: prove both on a sample.
  await page.evaluate(() => window.localStorage.setItem('probe', 'ok'));
  expect(await page.evaluate(() => window.sessionStorage.getItem('__lsWrites'))).toContain('probe=ok');
  expect('msal.token.keys=eyJhbGciOi.eyJzdWIiOi').toMatch(TOKEN_LIKE);

  // Demo mode signs in by persona: the MSAL chunk is never requested.
  expect(scripts.some((path) => /\/auth\.[0-9a-f]+\.js$/.test(path))).toBe(false);
  expect(scripts.some((path) => /\/demo\.[0-9a-f]+\.js$/.test(path))).toBe(true);
});
