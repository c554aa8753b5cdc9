// Outlook's send-time check loads launchevent.html (web, new Outlook, Mac) or launchevent.js alone (classic
// Outlook on Windows). Both come from our host under the app's headers: the page must run under the CSP as it
// is (no inline script, scripts only from us and the Office.js CDN), and the script, whose name carries no hash
// because the manifest names it, must be revalidated so a fixed check reaches Outlook at once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { CSP, headersFor } = require('../../scripts/security-headers.js') as { CSP: string; headersFor: (path: string) => Record<string, string> };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const scriptSources = CSP.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name === 'script-src')!.slice(1);
const OFFICE_JS = /const OFFICE_JS = '([^']+)'/.exec(readFileSync(path.join(root, 'webpack.config.js'), 'utf8'))?.[1];

describe('the send-time check under the app\'s headers', () => {
  it('has a page whose only scripts are Office.js from the CDN and our own file, nothing inline', () => {
    const template = readFileSync(path.join(root, 'src/entries/launchevent.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '')
      // The template's own expressions, named so the markup around them can be read.
      .replace(/<%= htmlWebpackPlugin\.options\.(\w+) %>/g, '{$1}');
    const scripts = [...template.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    for (const [, attributes, body] of scripts) {
      expect(body!.trim()).toBe('');
      expect(attributes!.trim()).toBe('src="{officeJs}"');
    }
    expect(template).not.toMatch(/\son[a-z]+=/i);
    expect(OFFICE_JS).toBeDefined();
    expect(scriptSources).toContain(new URL(OFFICE_JS!).origin);
    // webpack injects launchevent.js itself (same origin: 'self').
    expect(scriptSources).toContain("'self'");
  });

  it('serves the page and the script with the CSP, and revalidates both on every load', () => {
    for (const file of ['/launchevent.html', '/launchevent.js']) {
      const headers = headersFor(file);
      expect(headers['Content-Security-Policy'], file).toBe(CSP);
      expect(headers['X-Content-Type-Options'], file).toBe('nosniff');
      expect(headers['Cache-Control'], file).toBe('no-cache');
    }
  });
});
