// Builds build/appPackage.zip (manifest.json + color.png + outline.png) from manifest/manifest.json.
// Values come from process.env, then .env in the repo root; missing ones fall back to labelled dev defaults.
// Run: npm run package
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import envLoader from './load-env.js';

const { parseDotEnv, loadEnv: loadEnvFrom } = envLoader;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATE_PATH = path.join(root, 'manifest', 'manifest.json');
const ICONS_DIR = path.join(root, 'assets', 'icons');

// Same pattern as "#/definitions/guid" in the v1.30 schema (which would also accept the all-zero GUID;
// we default to a recognisable non-zero dev GUID instead so a dev package is never mistaken for "unset").
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const LABEL = '(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)';
const HOST = new RegExp(`^${LABEL}(?:\\.${LABEL})*(?::(\\d{1,5}))?$`);

/** Development defaults: fine for sideloading against localhost, never for a real tenant. */
export const DEV_DEFAULTS = Object.freeze({
  APP_ID: '6f1c6a52-2b7e-4e0c-9a57-5a0d1f5d0c01',
  CLIENT_ID: '6f1c6a52-2b7e-4e0c-9a57-5a0d1f5d0c02',
  HOST: 'localhost:3000',
});

/** .env first, process.env on top: a value set in the shell or CI always wins. */
export { parseDotEnv };
export function loadEnv(dir = root) {
  return loadEnvFrom(dir);
}

/** Picks APP_ID, CLIENT_ID and HOST from env, checks them, and reports which dev defaults were used. */
export function resolveValues(env) {
  const values = {};
  const warnings = [];
  for (const key of Object.keys(DEV_DEFAULTS)) {
    const given = env[key]?.trim();
    if (given) {
      values[key] = given;
    } else {
      values[key] = DEV_DEFAULTS[key];
      warnings.push(`${key} is not set: using the DEVELOPMENT default ${DEV_DEFAULTS[key]} (not for a real tenant).`);
    }
  }
  for (const key of ['APP_ID', 'CLIENT_ID']) {
    if (!GUID.test(values[key])) {
      throw new Error(`${key} must be a GUID like ${DEV_DEFAULTS[key]}, got "${values[key]}".`);
    }
  }
  const host = values.HOST;
  if (host.includes('://')) {
    throw new Error(`HOST must be hostname[:port] without a scheme (the manifest adds https://), got "${host}".`);
  }
  if (/[/?#]/.test(host)) {
    throw new Error(`HOST must be hostname[:port] without a path; the app is served at https://HOST/, got "${host}".`);
  }
  const hostMatch = HOST.exec(host);
  if (!hostMatch || (hostMatch[1] !== undefined && (Number(hostMatch[1]) < 1 || Number(hostMatch[1]) > 65535))) {
    throw new Error(`HOST must be hostname[:port], e.g. so.example.nl or localhost:3000, got "${host}".`);
  }
  return { values, warnings };
}

/**
 * Replaces every ${{NAME}} in the template with values[NAME]; throws if a placeholder has no value
 * or if anything that looks like a placeholder survives. Returns the filled text (still JSON).
 */
export function fillManifest(templateText, values) {
  const missing = new Set();
  const filled = templateText.replace(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name) => {
    if (!Object.hasOwn(values, name)) {
      missing.add(name);
      return whole;
    }
    // Escape as JSON string content so a value can never break out of its string.
    return JSON.stringify(String(values[name])).slice(1, -1);
  });
  if (missing.size) throw new Error(`No value for placeholder(s): ${[...missing].join(', ')}.`);
  if (filled.includes('${{')) throw new Error('The manifest still contains "${{" after filling placeholders.');
  JSON.parse(filled); // fail here, not at upload time, if the template is not valid JSON
  return filled;
}

// A fixed timestamp keeps the zip byte-identical for identical input.
const ZIP_DATE = new Date('2024-01-01T00:00:00Z');

/** Writes <outDir>/appPackage.zip and returns its path, size, the filled manifest and any warnings. */
export async function buildAppPackage({ env = loadEnv(), outDir = path.join(root, 'build') } = {}) {
  const { values, warnings } = resolveValues(env);
  for (const w of warnings) console.warn(`warning: ${w}`);

  const manifestText = fillManifest(await readFile(TEMPLATE_PATH, 'utf8'), values);
  const zip = new JSZip();
  const opts = { date: ZIP_DATE };
  zip.file('manifest.json', manifestText, opts);
  zip.file('color.png', await readFile(path.join(ICONS_DIR, 'color.png')), opts);
  zip.file('outline.png', await readFile(path.join(ICONS_DIR, 'outline.png')), opts);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });

  await mkdir(outDir, { recursive: true });
  const zipPath = path.join(outDir, 'appPackage.zip');
  await writeFile(zipPath, bytes);
  return { zipPath, size: bytes.length, manifest: JSON.parse(manifestText), values, warnings };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const { zipPath, size } = await buildAppPackage();
    console.log(`wrote ${path.relative(process.cwd(), zipPath)} (${size} bytes)`);
  } catch (err) {
    console.error(`package-manifest: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
