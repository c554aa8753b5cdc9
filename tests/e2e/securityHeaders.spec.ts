// The production build as the host serves it: every page with the documented CSP, no inline script in any
// built page (the CSP would block it, so the app must not need it), and the CSP really enforced.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { expect, test } from './support/fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CSP } = require('../../scripts/security-headers.js') as { CSP: string };
const dist = path.resolve('dist');
const pages = readdirSync(dist).filter((f) => f.endsWith('.html'));

interface Node { tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string; nodeName: string }

function inlineScripts(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    if (node.tagName === 'script' && !(node.attrs ?? []).some((a) => a.name === 'src')) found.push('inline <script>');
    for (const attr of node.attrs ?? []) {
      if (/^on/i.test(attr.name)) found.push(`${node.tagName} ${attr.name}`);
      if (/^\s*javascript:/i.test(attr.value)) found.push(`${node.tagName} ${attr.name}=javascript:`);
    }
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parse(html) as unknown as Node);
  return found;
}

test('every built page is served with the CSP and carries no inline script', async ({ request }) => {
  expect(pages).toEqual(expect.arrayContaining(['index.html', 'config.html', 'addin.html', 'redirect.html', 'launchevent.html']));
  for (const page of pages) {
    const response = await request.get(`/${page}`);
    expect(response.status(), page).toBe(200);
    expect(response.headers()['content-security-policy'], page).toBe(CSP);
    expect(response.headers()['x-content-type-options'], page).toBe('nosniff');
    expect(inlineScripts(readFileSync(path.join(dist, page), 'utf8')), page).toEqual([]);
  }
});

test('the browser enforces it: an injected inline script does not run', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto('/index.html');
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});
