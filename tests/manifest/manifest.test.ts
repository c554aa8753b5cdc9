// The app package as Teams/Outlook will see it: built by scripts/package-manifest.mjs, unzipped, and
// validated offline against the official v1.30 schema shipped in @microsoft/app-manifest.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
// The schema says draft-04; Ajv 8's default class is draft-07 and rejects draft-04 schemas.
// ajv-draft-04 is what @microsoft/app-manifest itself validates with (it is its dependency).
import Ajv04 from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';

type Manifest = TeamsManifestV1D30.TeamsManifestV1D30;
type Env = Record<string, string | undefined>;

// The scripts are plain ESM for Node (no build step). TypeScript cannot see their types, so the test
// imports them by URL and states the surface it relies on.
interface Packager {
  buildAppPackage(opts?: { env?: Env; outDir?: string }): Promise<{
    zipPath: string;
    size: number;
    manifest: Manifest;
    warnings: string[];
  }>;
  fillManifest(templateText: string, values: Record<string, string>): string;
  parseDotEnv(text: string): Record<string, string>;
  loadEnv(dir?: string): Env;
  DEV_DEFAULTS: Readonly<Record<'APP_ID' | 'CLIENT_ID' | 'HOST', string>>;
  TEMPLATE_PATH: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const packagerUrl = pathToFileURL(path.join(repoRoot, 'scripts/package-manifest.mjs')).href;
const packager = (await import(packagerUrl)) as Packager;

const TEST = {
  APP_ID: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
  CLIENT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  HOST: 'so.test.example:8443',
};

// ---------- offline schema validation ----------

const require = createRequire(import.meta.url);
const schemaDir = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams/v1.30',
);
const schemaFile = path.join(schemaDir, 'MicrosoftTeams.schema.json');

function externalRefs(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => externalRefs(n, found));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) found.add(v.split('#')[0] ?? v);
      else externalRefs(v, found);
    }
  }
  return found;
}

function compileOfficialSchema(): ValidateFunction {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $schema?: string };
  // Fail loudly if Microsoft moves v1.30 to another draft: the validator class must follow it.
  expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  // strictTypes off as in @microsoft/app-manifest: the official schema omits "type" next to some keywords.
  const ajv = new Ajv04({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  // No loadSchema is configured, so Ajv can never fetch; any $ref to a sibling file comes from the package.
  for (const ref of externalRefs(schema)) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(schemaDir, path.basename(ref)), 'utf8')) as object, ref);
  }
  return ajv.compile(schema);
}

const validate = compileOfficialSchema();

function schemaErrors(manifest: unknown): string[] {
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

// ---------- the package ----------

let outDir: string;
let manifestText: string;
let manifest: Manifest;
let zipEntries: string[];
let zip: JSZip;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'so-manifest-'));
  const result = await packager.buildAppPackage({ env: { ...TEST }, outDir });
  expect(result.zipPath).toBe(path.join(outDir, 'appPackage.zip'));
  expect(result.warnings).toEqual([]);
  zip = await JSZip.loadAsync(readFileSync(result.zipPath));
  zipEntries = Object.keys(zip.files).sort();
  manifestText = await zip.file('manifest.json')!.async('string');
  manifest = JSON.parse(manifestText) as Manifest;
});

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

async function pngFromZip(name: string): Promise<PNG> {
  const entry = zip.file(name);
  expect(entry, `${name} in zip`).not.toBeNull();
  return PNG.sync.read(await entry!.async('nodebuffer'));
}

const base = `https://${TEST.HOST}`;

/** A copy of the built manifest with one change, to prove the schema rejects it. */
function broken(change: (m: Record<string, unknown>) => void): Record<string, unknown> {
  const copy = structuredClone(manifest) as unknown as Record<string, unknown>;
  change(copy);
  return copy;
}

describe('app package', () => {
  it('holds exactly manifest.json, color.png and outline.png at the zip root', () => {
    expect(zipEntries).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect([manifest.icons.color, manifest.icons.outline].sort()).toEqual(['color.png', 'outline.png']);
  });

  it('is valid against the official v1.30 schema', () => {
    expect(schemaErrors(manifest)).toEqual([]);
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
  });

  it('has every placeholder filled with the given values', () => {
    expect(manifestText).not.toContain('${{');
    expect(manifest.id).toBe(TEST.APP_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: TEST.CLIENT_ID, resource: `api://${TEST.HOST}/${TEST.CLIENT_ID}` });
    expect(manifest.validDomains).toContain(TEST.HOST);
  });

  it('points every URL at https://HOST/', () => {
    const urls = [...manifestText.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
    const appUrls = urls.filter((u) => !u.startsWith('https://developer.microsoft.com/json-schemas/'));
    expect(appUrls.length).toBeGreaterThan(10);
    for (const u of appUrls) expect(u.startsWith(`${base}/`), u).toBe(true);
    expect(manifest.developer).toMatchObject({
      name: 'Samenwerkoverleg-team',
      websiteUrl: `${base}/`,
      privacyUrl: `${base}/privacy.html`,
      termsOfUseUrl: `${base}/terms.html`,
    });
  });

  it('has one personal tab that runs in Teams, Outlook and the Microsoft 365 app', () => {
    expect(manifest.staticTabs).toEqual([
      {
        entityId: 'so-home',
        name: 'Samenwerkoverleg',
        contentUrl: `${base}/index.html?surface=personal`,
        websiteUrl: `${base}/index.html`,
        scopes: ['personal'],
        context: ['personalTab'],
      },
    ]);
  });

  it('has exactly one configurable tab for the meeting (side panel and stage)', () => {
    expect(manifest.configurableTabs).toHaveLength(1);
    const tab = manifest.configurableTabs![0]!;
    expect(tab.configurationUrl).toBe(`${base}/config.html`);
    expect(tab.canUpdateConfiguration).toBe(true);
    expect(tab.scopes).toEqual(['groupChat']);
    expect([...(tab.context ?? [])].sort()).toEqual(
      ['meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage'],
    );
    expect([...(tab.meetingSurfaces ?? [])].sort()).toEqual(['sidePanel', 'stage']);
  });

  it('asks for the resource-specific permissions the add-in and the stage need', () => {
    const rsc = manifest.authorization?.permissions?.resourceSpecific ?? [];
    expect(rsc).toContainEqual({ name: 'MailboxItem.ReadWrite.User', type: 'Delegated' });
    expect(rsc).toContainEqual({ name: 'MeetingStage.Write.Chat', type: 'Delegated' });
  });

  it('declares an Outlook add-in for mail with Mailbox >= 1.8', () => {
    expect(manifest.extensions).toHaveLength(1);
    const req = manifest.extensions![0]!.requirements!;
    expect(req.scopes).toEqual(['mail']);
    const mailbox = req.capabilities?.find((c) => c.name === 'Mailbox');
    expect(mailbox?.minVersion).toBeDefined();
    const [major = 0, minor = 0] = mailbox!.minVersion!.split('.').map(Number);
    expect(major * 1000 + minor).toBeGreaterThanOrEqual(1 * 1000 + 8);
  });

  // The schema cannot check cross references: each button's actionId must be an openPage action of a
  // runtime, and that runtime's page is what the task pane shows.
  it.each([
    ['meetingDetailsOrganizer', 'SO-uitnodiging', 'organizer'],
    ['meetingDetailsAttendee', 'Waarom ben ik uitgenodigd?', 'attendee'],
  ])('shows a %s button "%s" that opens addin.html?mode=%s', (context, label, mode) => {
    const ext = manifest.extensions![0]!;
    const ribbons = (ext.ribbons ?? []).filter((r) => r.contexts?.includes(context as never));
    expect(ribbons).toHaveLength(1);
    const controls = ribbons[0]!.tabs.flatMap((t) => t.groups ?? []).flatMap((g) => g.controls ?? []);
    const button = controls.find((c) => c.label === label);
    expect(button, `button ${label}`).toBeDefined();
    expect(button!.type).toBe('button');
    expect(button!.icons.map((i) => [i.size, i.url])).toEqual([
      [16, `${base}/assets/icon-16.png`],
      [32, `${base}/assets/icon-32.png`],
      [80, `${base}/assets/icon-80.png`],
    ]);
    const runtime = (ext.runtimes ?? []).find((r) => r.actions?.some((a) => a.id === button!.actionId));
    expect(runtime, `runtime with action ${button!.actionId}`).toBeDefined();
    expect(runtime!.type).toBe('general');
    expect(runtime!.actions!.find((a) => a.id === button!.actionId)!.type).toBe('openPage');
    expect(runtime!.code.page).toBe(`${base}/addin.html?mode=${mode}`);
  });

  it('uses unique ids for runtimes, actions, groups and controls', () => {
    const ext = manifest.extensions![0]!;
    const groups = (ext.ribbons ?? []).flatMap((r) => r.tabs).flatMap((t) => t.groups ?? []);
    const ids = [
      ...(ext.runtimes ?? []).map((r) => r.id),
      ...(ext.runtimes ?? []).flatMap((r) => r.actions ?? []).map((a) => a.id),
      ...groups.map((g) => g.id),
      ...groups.flatMap((g) => g.controls ?? []).map((c) => c.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('ships a 192×192 colour icon', async () => {
    const color = await pngFromZip('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
  });

  it('ships a 32×32 outline icon that is white on fully transparent', async () => {
    const outline = await pngFromZip('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let visible = 0;
    const offenders: string[] = [];
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      if (a === 0) continue;
      visible++;
      if (r !== 255 || g !== 255 || b !== 255) offenders.push(`pixel ${i / 4}: ${r},${g},${b},${a}`);
    }
    expect(offenders).toEqual([]);
    expect(visible).toBeGreaterThan(50); // an empty icon would pass the colour rule; it must show the mark
  });

  // Outlook clients that do not read the unified manifest themselves (Mac, mobile, Windows before 2304,
  // perpetual Windows) can only get an add-in-only (XML) manifest generated from ours, and Microsoft
  // generates one only when alternateIcons is valid: 64×64 and 128×128 for a mail add-in. The schema
  // accepts any listed "size" (it is ignored), so the files themselves are measured here, as the store does.
  it('has alternateIcons (64×64 and 128×128) so older and non-Windows Outlook clients can get the add-in', () => {
    const alternates = manifest.extensions![0]!.alternates ?? [];
    const icons = alternates.map((a) => a.alternateIcons).filter(Boolean);
    expect(icons).toHaveLength(1);
    const { icon, highResolutionIcon } = icons[0]!;
    expect(icon.url).toBe(`${base}/assets/icon-64.png`);
    expect(highResolutionIcon.url).toBe(`${base}/assets/icon-128.png`);
    for (const [url, size] of [[icon.url, 64], [highResolutionIcon.url, 128]] as const) {
      const png = PNG.sync.read(readFileSync(path.join(repoRoot, new URL(url).pathname)));
      expect([png.width, png.height], url).toEqual([size, size]);
    }
    expect(schemaErrors(broken((m) => {
      const ext = (m.extensions as { alternates: { alternateIcons: Record<string, unknown> }[] }[])[0]!;
      delete ext.alternates[0]!.alternateIcons.highResolutionIcon;
    })).join('\n')).toMatch(/missingProperty":"highResolutionIcon"/);
  });

  // Smart Alerts on appointment send (Mailbox 1.12). The unified manifest spells the event "appointmentSending"
  // (the XML manifest's OnAppointmentSend). Classic Outlook on Windows runs code.script alone in a JavaScript-only
  // runtime; web, new Outlook and Mac load code.page. The schema cannot see that the actionId is an
  // executeFunction action whose name the handler really registers: checked here against the entry's constant
  // and the built script.
  it('runs the send-time check on appointmentSending through a function the handler registers', async () => {
    const ext = manifest.extensions![0]!;
    const events = (ext.autoRunEvents ?? []).flatMap((a) => a.events.map((e) => ({ ...e, requirements: a.requirements })));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.type).toBe('appointmentSending');
    expect(event!.options).toEqual({ sendMode: 'softBlock' });
    expect(event!.requirements?.capabilities).toContainEqual({ name: 'Mailbox', minVersion: '1.12' });
    const { SEND_CHECK_ACTION_ID } = await import('../../src/entries/launchevent');
    expect(event!.actionId).toBe(SEND_CHECK_ACTION_ID);
    const runtime = (ext.runtimes ?? []).find((r) => r.actions?.some((a) => a.id === event!.actionId));
    expect(runtime, `runtime with action ${event!.actionId}`).toBeDefined();
    expect(runtime!.actions!.find((a) => a.id === event!.actionId)!.type).toBe('executeFunction');
    expect(runtime!.lifetime).toBe('short');
    expect(runtime!.code).toEqual({ page: `${base}/launchevent.html`, script: `${base}/launchevent.js` });
    expect(runtime!.requirements?.capabilities).toContainEqual({ name: 'Mailbox', minVersion: '1.12' });
    // The registration in the source names the same action: Office.actions.associate(SEND_CHECK_ACTION_ID, …).
    const entry = readFileSync(path.join(repoRoot, 'src/entries/launchevent.ts'), 'utf8');
    expect(entry).toMatch(/\.associate\(SEND_CHECK_ACTION_ID,/);
    // The send mode is one of Microsoft's three; anything else is refused by the schema.
    expect(schemaErrors(broken((m) => {
      const e = (m.extensions as { autoRunEvents: { events: { options: Record<string, unknown> }[] }[] }[])[0]!;
      e.autoRunEvents[0]!.events[0]!.options.sendMode = 'hardBlock';
    })).join('\n')).toMatch(/autoRunEvents\/0\/events\/0\/options\/sendMode/);
  });

  // The pages webpack builds under those names (webpack.config.js SEND_CHECK): a fixed file name, and the page
  // loads Office.js before the handler.
  it('names the send check files that the web build emits', () => {
    const config = readFileSync(path.join(repoRoot, 'webpack.config.js'), 'utf8');
    expect(config).toContain("filename: 'launchevent.html', script: 'launchevent.js'");
    const page = readFileSync(path.join(repoRoot, 'src/entries/launchevent.html'), 'utf8');
    expect(page).toMatch(/<script src="<%= htmlWebpackPlugin\.options\.officeJs %>"><\/script>/);
  });

  it('has the ribbon icons in assets/ at their stated sizes', () => {
    for (const size of [16, 32, 80]) {
      const png = PNG.sync.read(readFileSync(path.join(repoRoot, `assets/icon-${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
    }
  });
});

// ---------- the validator really rejects ----------

describe('schema validation rejects broken manifests', () => {

  it('without name', () => {
    const errors = schemaErrors(broken((m) => delete m.name));
    expect(errors.join('\n')).toMatch(/required.*"missingProperty":"name"/);
  });

  it('with an unknown root property', () => {
    const errors = schemaErrors(broken((m) => (m.samenwerkplanUrl = `${base}/plan`)));
    expect(errors.join('\n')).toMatch(/additionalProperty":"samenwerkplanUrl"/);
  });

  it('with an id that is not a GUID', () => {
    const errors = schemaErrors(broken((m) => (m.id = 'samenwerkoverleg')));
    expect(errors.some((e) => e.startsWith('/id ') && e.includes('pattern'))).toBe(true);
  });

  it('with a second configurable tab', () => {
    const errors = schemaErrors(
      broken((m) => {
        const tabs = m.configurableTabs as unknown[];
        m.configurableTabs = [tabs[0], structuredClone(tabs[0])];
      }),
    );
    expect(errors.some((e) => e.startsWith('/configurableTabs ') && e.includes('limit'))).toBe(true);
  });

  it('with a ribbon context that Outlook does not know', () => {
    const errors = schemaErrors(
      broken((m) => {
        const ext = (m.extensions as { ribbons: { contexts: string[] }[] }[])[0]!;
        ext.ribbons[0]!.contexts = ['appointmentOrganizer'];
      }),
    );
    expect(errors.some((e) => e.includes('/ribbons/0/contexts/0') && e.includes('allowedValues'))).toBe(true);
  });
});

// ---------- the packager ----------

describe('packager', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'so-package-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each([
    ['HOST', 'https://x', /HOST .*without a scheme/],
    ['HOST', 'so.example.nl/app', /HOST .*without a path/],
    ['HOST', 'so example.nl', /HOST must be hostname\[:port\]/],
    ['HOST', 'localhost:70000', /HOST must be hostname\[:port\]/],
    ['APP_ID', 'samenwerkoverleg', /APP_ID must be a GUID/],
    ['CLIENT_ID', '1234', /CLIENT_ID must be a GUID/],
  ])('refuses %s=%s', async (key, value, message) => {
    const outDir = path.join(scratch, `bad-${key}`);
    await expect(packager.buildAppPackage({ env: { ...TEST, [key]: value }, outDir })).rejects.toThrow(message);
    expect(() => readdirSync(outDir)).toThrow(); // nothing written
  });

  it('falls back to labelled development defaults and warns per missing variable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await packager.buildAppPackage({ env: { HOST: TEST.HOST }, outDir: path.join(scratch, 'dev') });
    expect(result.manifest.id).toBe(packager.DEV_DEFAULTS.APP_ID);
    expect(result.manifest.webApplicationInfo?.id).toBe(packager.DEV_DEFAULTS.CLIENT_ID);
    expect(result.warnings).toHaveLength(2);
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/APP_ID[\s\S]*DEVELOPMENT[\s\S]*CLIENT_ID/);
    expect(schemaErrors(result.manifest)).toEqual([]);
  });

  it('fillManifest replaces every placeholder and refuses leftovers', () => {
    expect(packager.fillManifest('{"a":"${{X}}-${{X}}","b":"${{Y}}"}', { X: '1', Y: '2' })).toBe('{"a":"1-1","b":"2"}');
    expect(() => packager.fillManifest('{"a":"${{X}}"}', {})).toThrow(/X/);
    // A malformed placeholder is not replaced, and must not slip through.
    expect(() => packager.fillManifest('{"a":"${{APP-ID}}"}', { 'APP-ID': 'x' })).toThrow(/\$\{\{/);
  });

  it('fillManifest keeps the JSON valid whatever the value', () => {
    const text = packager.fillManifest('{"a":"${{X}}"}', { X: 'say "hi"\\' });
    expect(JSON.parse(text)).toEqual({ a: 'say "hi"\\' });
  });

  it('the template itself uses only the three documented placeholders', () => {
    const names = new Set([...readFileSync(packager.TEMPLATE_PATH, 'utf8').matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]));
    expect([...names].sort()).toEqual(['APP_ID', 'CLIENT_ID', 'HOST']);
  });

  it('reads .env, with process.env taking precedence', () => {
    const dir = mkdtempSync(path.join(scratch, 'env-'));
    writeFileSync(
      path.join(dir, '.env'),
      ['# comment', `APP_ID=${TEST.APP_ID}`, 'export CLIENT_ID="quoted"', '', 'HOST = from-file:1'].join('\n'),
    );
    expect(packager.parseDotEnv(readFileSync(path.join(dir, '.env'), 'utf8'))).toEqual({
      APP_ID: TEST.APP_ID,
      CLIENT_ID: 'quoted',
      HOST: 'from-file:1',
    });
    vi.stubEnv('HOST', 'from-shell:2');
    const env = packager.loadEnv(dir);
    expect(env.HOST).toBe('from-shell:2');
    expect(env.APP_ID).toBe(TEST.APP_ID);
  });
});
