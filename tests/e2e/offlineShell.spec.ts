// The app shell that opens offline (src/sw/serviceWorker.ts): with the device's network cut, a reload of the
// personal tab and of the SO runner opens the app from the service worker's precache and shows the device's copy
// of the plans; what is edited then reaches the shared plan after reconnecting. A new build deployed while an edit
// is pending does not take over until that edit is written. One shared demo tenant: Graph is cut with the device.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { casesTable, openDemo } from './support/demo';
import { choosePersona, expect, test } from './support/sharedTenant';

const CASE = 'SO-2026-014';
const RUNNER = `/index.html?surface=meeting&case=${CASE}`;

function syncStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /gesynchroniseerd|Offline|opgeslagen|Synchroniseren/ });
}

/** The app's service worker controls the page and its offline copy is complete (it answers PRECACHE when done). */
async function shellReady(page: Page): Promise<void> {
  const answer = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller || !registration.active?.scriptURL.endsWith('/sw.js')) return 'not controlled by /sw.js';
    const channel = new MessageChannel();
    const reply = new Promise<{ type: string }>((resolve) => { channel.port1.onmessage = (event) => resolve(event.data as { type: string }); });
    registration.active.postMessage({ type: 'PRECACHE' }, [channel.port2]);
    return (await reply).type;
  });
  expect(answer).toBe('PRECACHED');
}

async function openCase(page: Page): Promise<void> {
  await page.getByRole('button', { name: `Casus ${CASE} openen` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Casus ${CASE}` })).toBeVisible();
}

async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  expect(await axeViolations(page), state).toEqual([]);
}

test('offline, a reload of the personal tab opens the app from the shell with the device\'s plans; edits sync after reconnecting', async ({ page, context, sharedTenant }) => {
  await openDemo(page);
  await openCase(page);
  const name = page.getByRole('textbox', { name: 'Naam van de inwoner' });
  await expect(name).not.toHaveValue('');
  await shellReady(page);

  await sharedTenant.setOffline(context, true);
  await page.reload();
  // The address keeps the open case (deep links): the reload opens it again, from the device's copy.
  await expect(page.getByRole('region', { name: 'Demo-omgeving' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: `Casus ${CASE}` })).toBeVisible();
  await expect(name).not.toHaveValue('');
  await page.getByRole('button', { name: '← Terug naar mijn casussen' }).click();
  await expect(casesTable(page).getByRole('row', { name: new RegExp(CASE) })).toBeVisible();
  await expectNoAxeViolations(page, 'case list after an offline reload');
  await openCase(page);
  await expect(name).not.toHaveValue('');
  await name.fill('Mira de Vries');
  await expect(syncStatus(page)).toContainText('Offline: opgeslagen op dit apparaat');
  await expectNoAxeViolations(page, 'plan after an offline reload, one unsynchronised change');

  await sharedTenant.setOffline(context, false);
  const retry = page.getByRole('button', { name: 'Nu synchroniseren' });
  if (await retry.isVisible()) await retry.click();
  await expect(syncStatus(page)).toContainText('Alles is gesynchroniseerd', { timeout: 30_000 });
  expect((await sharedTenant.readPlan(CASE)).plan.resident.name).toBe('Mira de Vries');
});

test('offline, a reload of the SO runner opens it from the shell with the device\'s plan; agreements recorded then sync after reconnecting', async ({ page, context, sharedTenant }) => {
  await openDemo(page);
  await choosePersona(page, 'chair');
  await page.goto(RUNNER);
  const form = page.getByRole('form', { name: 'Afspraak vastleggen' });
  await expect(form).toBeVisible();
  await shellReady(page);

  await sharedTenant.setOffline(context, true);
  await page.reload();
  await expect(form).toBeVisible();
  await expectNoAxeViolations(page, 'SO runner after an offline reload');
  const what = 'Samen de brieven van de woningcorporatie doorlopen';
  await form.getByRole('combobox', { name: 'Wie' }).selectOption({ index: 1 });
  await form.getByRole('textbox', { name: 'Wat' }).fill(what);
  await form.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  const list = page.getByRole('list', { name: 'Afspraken van dit overleg' });
  await expect(list.getByRole('listitem').filter({ hasText: what })).toContainText('nog niet gesynchroniseerd');
  await expectNoAxeViolations(page, 'SO runner offline with an unsynchronised agreement');

  await sharedTenant.setOffline(context, false);
  const retry = page.getByRole('button', { name: 'Nu synchroniseren' });
  if (await retry.isVisible()) await retry.click();
  await expect(syncStatus(page)).toContainText('Alles is gesynchroniseerd', { timeout: 30_000 });
  expect((await sharedTenant.readPlan(CASE)).plan.agreements.map((a) => a.what)).toContain(what);
});

// ---- a second deployment: a copy of dist/ on a server of its own, changed in place like a host's files
const DEPLOY_PORT = Number(process.env.E2E_PORT ?? 4173) + 1000;
const NEW_TITLE = 'Samenwerkoverleg (nieuwe versie)';

async function startServer(dir: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, [path.resolve('scripts/serve-dist.mjs')], { env: { ...process.env, DIST_DIR: dir, PORT: String(DEPLOY_PORT) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => { if (chunk.toString().includes('Serving')) resolve(); });
    server.once('exit', (code) => reject(new Error(`serve-dist exited with ${code}`)));
  });
  return server;
}

/** "Deploys" a new build: another index.html, and a service worker whose precache manifest says so. */
function deployNewBuild(dir: string): void {
  const indexFile = path.join(dir, 'index.html');
  writeFileSync(indexFile, readFileSync(indexFile, 'utf8').replace(/<title>[^<]*<\/title>/, `<title>${NEW_TITLE}</title>`));
  const swFile = path.join(dir, 'sw.js');
  const sw = readFileSync(swFile, 'utf8');
  const changed = sw.replace(/'revision':'[0-9a-f]+','url':'\/index\.html'/, "'revision':'0000000000000000000000000000beef','url':'/index.html'");
  expect(changed, 'the precache manifest names index.html').not.toBe(sw);
  writeFileSync(swFile, changed);
  // The precompressed copies belong to the old files: a host that deploys replaces them too.
  for (const file of [indexFile, swFile]) for (const ext of ['.br', '.gz']) rmSync(file + ext, { force: true });
}

/** Asks the registration for an update; the state the new worker reaches: redundant (refused) or installed (waiting). */
async function checkForUpdate(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.getRegistration())!;
    const found = new Promise<ServiceWorker>((resolve) => registration.addEventListener('updatefound', () => resolve(registration.installing!), { once: true }));
    await registration.update();
    const worker = await found;
    return new Promise<string>((resolve) => {
      const settled = () => ['installed', 'activated', 'redundant'].includes(worker.state);
      if (settled()) resolve(worker.state);
      else worker.addEventListener('statechange', () => { if (settled()) resolve(worker.state); });
    });
  });
}

test('a new build deployed while an edit is pending does not take over until the edit is written', async ({ page, context, sharedTenant }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'so-deploy-'));
  cpSync('dist', dir, { recursive: true, filter: (source) => !source.endsWith('.map') });
  const server = await startServer(dir);
  try {
    const base = `http://localhost:${DEPLOY_PORT}`;
    await openDemo(page, `${base}/index.html`);
    await openCase(page);
    await shellReady(page);
    const oldTitle = await page.title();

    // Graph out of reach (the browser still online, so the host is): the edit stays in the outbox.
    await sharedTenant.setOffline(context, true, { browser: false });
    await page.getByRole('textbox', { name: 'Naam van de inwoner' }).fill('Mira de Vries');
    await expect(syncStatus(page)).toContainText('nog niet gesynchroniseerd');

    deployNewBuild(dir);
    expect(await checkForUpdate(page), 'the new version refuses to install while an edit is pending').toBe('redundant');
    await page.reload();
    await expect(page.getByRole('region', { name: 'Demo-omgeving' })).toBeVisible();
    expect(await page.title()).toBe(oldTitle);

    // Graph is back: the edit is written; now the new version installs, and takes over at the next start.
    await sharedTenant.setOffline(context, false, { browser: false });
    await expect(page.getByRole('heading', { level: 1, name: `Casus ${CASE}` })).toBeVisible();
    const retry = page.getByRole('button', { name: 'Nu synchroniseren' });
    if (await retry.isVisible()) await retry.click();
    await expect(syncStatus(page)).toContainText('Alles is gesynchroniseerd', { timeout: 30_000 });
    expect((await sharedTenant.readPlan(CASE)).plan.resident.name).toBe('Mira de Vries');
    expect(await checkForUpdate(page)).toBe('installed');
    expect(await page.title(), 'a waiting version does not take over an open page').toBe(oldTitle);
    await page.reload();
    await expect(page).toHaveTitle(NEW_TITLE);
    await expect(page.getByRole('heading', { level: 1, name: `Casus ${CASE}` })).toBeVisible();
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
