// Rights from the source (issue 11 item 7), in the demo in a real browser: after the case director shared
// SO-2026-021 read-only with Bram (the app's own share: POST …/invite, roles ['read']), Bram opens it and the
// drive's answer decides what he gets — the plan as text, a note that only the case director changes it, none
// of the organiser's tabs, no field or button that edits. axe finds nothing; and no request of his journey was
// answered 403 (the demo tenant's journal holds every answer), also not after a reload.
import type { Page } from '@playwright/test';
import { DEMO_PLAN_DRIVE_ID } from '../../src/demo/seed';
import { axeViolations } from './support/axe';
import { openDemo, personaSelect } from './support/demo';
import { expect, test } from './support/fixtures';
import { graphAs } from './support/graph';

const BRAM = 'bram.hoekstra@veldwijzer.example';
const ORGANISER_TABS = ['Plan', 'SO voorbereiden', 'Reacties', 'SO voorzitten', 'Na het SO'];

interface Entry { method: string; url: string; status: number; userId: string }

const journal = (page: Page) => page.evaluate(() => (window.__soDemo?.journal() ?? []).map((e) => ({ method: e.method, url: e.url, status: e.status, userId: e.userId })));

test('a participant with read access sees a read-only plan, and nothing he does meets a 403', async ({ page }) => {
  await openDemo(page);
  const esraId = await page.evaluate(() => (window.__soDemo?.journal() ?? []).find((e) => e.userId)?.userId ?? '');
  const listing = await graphAs<{ value: { id: string; name: string }[] }>(page, esraId, `/drives/${DEMO_PLAN_DRIVE_ID}/root:/Samenwerkplannen:/children?$select=id,name`);
  const item = listing.body.value.find((i) => i.name === 'SO-2026-021.json');
  expect(item, 'SO-2026-021 in the library').toBeTruthy();
  const shared = await graphAs(page, esraId, `/drives/${DEMO_PLAN_DRIVE_ID}/items/${item!.id}/invite`, {
    method: 'POST',
    body: { recipients: [{ email: BRAM }], roles: ['read'], requireSignIn: true, sendInvitation: false },
  });
  expect(shared.status).toBe(200);

  await personaSelect(page).selectOption({ label: 'Deelnemer – Bram Hoekstra (Veldwijzer GGZ)' });
  await expect(page.getByText('Aangemeld als Bram Hoekstra')).toBeVisible();
  const bramId = (await journal(page)).at(-1)?.userId ?? '';
  expect(bramId).not.toBe(esraId);
  const bramsJournal = async () => (await journal(page)).filter((e) => e.userId === bramId);
  await page.getByRole('tab', { name: 'Mijn casussen' }).click();
  await page.getByRole('button', { name: 'Casus SO-2026-021 openen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Casus SO-2026-021' })).toBeVisible();

  const readOnly = async () => {
    const main = page.getByRole('main');
    await expect(main.getByText('Alleen lezen')).toBeVisible();
    await expect(main.getByText(/Alleen de casusregisseur kan het aanpassen: Esra Aydin\./)).toBeVisible();
    await expect(main.getByRole('heading', { level: 2, name: 'Afspraken' })).toBeVisible();
    await expect(main.getByRole('tablist', { name: 'Onderdelen van de casus' })).toHaveCount(0);
    for (const name of ORGANISER_TABS) await expect(main.getByRole('tab', { name, exact: true })).toHaveCount(0);
    await expect(main.getByRole('textbox')).toHaveCount(0);
    await expect(main.getByRole('checkbox')).toHaveCount(0);
    await expect(main.getByRole('radio')).toHaveCount(0);
    await expect(main.getByRole('spinbutton')).toHaveCount(0);
    await expect(main.getByRole('button')).toHaveText(['← Terug naar mijn casussen']);
    expect(await axeViolations(page)).toEqual([]);
  };
  await readOnly();
  // (The journal lives in the page: what it holds now is kept before the reload.)
  const beforeReload = await bramsJournal();

  // A reload opens from this device first (the rights it knew), then asks the drive again: still read-only.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Casus SO-2026-021' })).toBeVisible();
  await readOnly();

  const bramsRequests: Entry[] = [...beforeReload, ...(await bramsJournal())];
  expect(bramsRequests.some((e) => e.method === 'GET' && e.url.includes('/permissions'))).toBe(true);
  expect(bramsRequests.filter((e) => e.status === 403), 'answers 403 in the reader\'s journey').toEqual([]);
  expect(bramsRequests.filter((e) => e.method !== 'GET'), 'writes in the reader\'s journey').toEqual([]);
});
