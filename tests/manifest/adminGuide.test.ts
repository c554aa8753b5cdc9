// docs/ADMIN.md is followed by administrators step by step, so every product value in it must be the one the
// code uses: the Graph permissions, the redirect URIs, the Application ID URI, the configuration variables and
// the manifest's names. This test reads the guide and compares.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { msalConfiguration } from '../../src/auth/msalAuth';
import { GRAPH_SCOPES } from '../../src/auth/scopes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const guide = readFileSync(path.join(root, 'docs/ADMIN.md'), 'utf8');
const template = readFileSync(path.join(root, 'manifest/manifest.json'), 'utf8');
const manifest = JSON.parse(template) as {
  webApplicationInfo: { resource: string };
  staticTabs: { entityId: string }[];
  authorization: { permissions: { resourceSpecific: { name: string }[] } };
  extensions: { autoRunEvents: { events: { type: string; options: { sendMode: string } }[] }[]; ribbons: { tabs: { groups: { controls: { label: string }[] }[] }[] }[] }[];
};

function section(title: RegExp): string {
  const start = guide.search(title);
  expect(start, String(title)).toBeGreaterThanOrEqual(0);
  const rest = guide.slice(start + 1);
  const next = rest.search(/\n## /);
  return next < 0 ? rest : rest.slice(0, next);
}

describe('docs/ADMIN.md matches the code', () => {
  it('asks for exactly the delegated Graph permissions the app uses', () => {
    const entra = section(/^## 1\. /m);
    const table = [...entra.matchAll(/^\s*\| `([A-Za-z.]+)` \|/gm)].map((m) => m[1]);
    expect(table.sort()).toEqual(Object.values(GRAPH_SCOPES).sort());
  });

  it('gives the redirect URIs and the Application ID URI the app and the package use', () => {
    const entra = section(/^## 1\. /m);
    const redirect = msalConfiguration({ clientId: 'c', tenantId: '', origin: 'https://HOST' }).auth.redirectUri;
    expect(entra).toContain(`\`${redirect}\``);
    expect(entra).toContain('`brk-multihub://HOST`');
    expect(manifest.webApplicationInfo.resource).toBe('api://${{HOST}}/${{CLIENT_ID}}');
    expect(entra).toContain('api://HOST/CLIENT_ID');
  });

  it('names only configuration variables the build or the packager reads', () => {
    const read = [readFileSync(path.join(root, 'webpack.config.js'), 'utf8'), readFileSync(path.join(root, 'scripts/package-manifest.mjs'), 'utf8')].join('\n');
    const config = section(/^## 2\. /m);
    const names = [...config.matchAll(/^\s*([A-Z_]+)=/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect(read, name).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('uses the manifest\'s own names for the tab, the buttons, the permissions and the send check', () => {
    expect(guide).toContain(`(\`${manifest.staticTabs[0]!.entityId}\`)`);
    const labels = manifest.extensions[0]!.ribbons.flatMap((r) => r.tabs).flatMap((t) => t.groups).flatMap((g) => g.controls).map((c) => c.label);
    for (const label of labels) expect(guide).toContain(`**${label}**`);
    for (const { name } of manifest.authorization.permissions.resourceSpecific) expect(guide).toContain(`\`${name}\``);
    const [event] = manifest.extensions[0]!.autoRunEvents[0]!.events;
    expect(guide).toContain(`event \`${event!.type}\``);
    expect(guide).toContain(`send mode is \`${event!.options.sendMode}\``);
  });

  it('describes the cache rules scripts/security-headers.js applies', () => {
    const { cacheControlFor } = createRequire(import.meta.url)('../../scripts/security-headers.js') as { cacheControlFor: (p: string) => string };
    const hosting = section(/^## 3\. /m);
    expect(hosting).toContain(`\`${cacheControlFor('/js/name.0123abcd.js')}\``);
    expect(hosting).toContain(`\`${cacheControlFor('/redirect.html')}\``);
    expect(hosting).toContain(`\`${cacheControlFor('/launchevent.js')}\``);
  });

  it('is linked from the README', () => {
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain('](docs/ADMIN.md)');
  });
});
