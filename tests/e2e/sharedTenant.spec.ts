// The shared-tenant relay: two browser contexts (two devices, two personas) on one demo tenant in the test
// process. What one writes, the other reads after a reload; a contract violation in the shared tenant fails the test.
import type { Page } from '@playwright/test';
import { openDemo, showCase } from './support/demo';
import { choosePersona, DEMO_START, expect, test } from './support/sharedTenant';

const CASE = 'SO-2026-014';

async function openPlan(page: Page): Promise<void> {
  await showCase(page, CASE);
  await page.getByRole('tab', { name: 'Plan' }).click();
}

async function addWant(page: Page, text: string, target: string): Promise<void> {
  const newWant = page.getByRole('group', { name: 'Nieuw punt' });
  await newWant.getByRole('textbox', { name: 'Ik wil …' }).fill(text);
  await newWant.getByRole('textbox', { name: 'Hier werk ik naartoe' }).fill(target);
  await newWant.getByRole('button', { name: 'Punt toevoegen' }).click();
}

function wantTexts(page: Page) {
  return page.getByRole('textbox', { name: 'Ik wil …' });
}

test('two browser contexts on one shared tenant see each other\'s writes', async ({ page, context, browser, sharedTenant }) => {
  await context.clock.install({ time: new Date(DEMO_START) });
  const before = await sharedTenant.readPlan(CASE);
  expect(before.plan.wants).toHaveLength(3);

  // Device A: the case director (the first persona) adds a point to the plan.
  await openDemo(page);
  await expect(page.getByText('Aangemeld als Esra Aydin')).toBeVisible();
  await openPlan(page);
  await addWant(page, 'Ik wil weer naar de sportschool.', 'Ik ga twee keer per week.');
  await expect.poll(async () => (await sharedTenant.readPlan(CASE)).plan.wants.map((w) => w.text)).toContain('Ik wil weer naar de sportschool.');

  // Device B: another context (its own IndexedDB, its own persona): the chair opens the same plan and sees it.
  const other = await sharedTenant.newContext(browser, { clockAt: DEMO_START });
  const chair = await other.newPage();
  await openDemo(chair);
  await choosePersona(chair, 'chair');
  await openPlan(chair);
  await expect(wantTexts(chair)).toHaveCount(5); // four points and the empty "Nieuw punt"
  await expect(chair.getByRole('group', { name: 'Punt 4' }).getByRole('textbox', { name: 'Ik wil …' })).toHaveValue('Ik wil weer naar de sportschool.');

  // B writes, A reloads and sees it: both go through the one tenant.
  await addWant(chair, 'Ik wil mijn buren beter leren kennen.', 'Ik drink één keer per maand koffie bij de buren.');
  await expect.poll(async () => (await sharedTenant.readPlan(CASE)).plan.wants.map((w) => w.text)).toContain('Ik wil mijn buren beter leren kennen.');
  await page.reload();
  await expect(page.getByText('Aangemeld als Esra Aydin')).toBeVisible();
  await openPlan(page);
  await expect(page.getByRole('group', { name: 'Punt 5' }).getByRole('textbox', { name: 'Ik wil …' })).toHaveValue('Ik wil mijn buren beter leren kennen.');

  // The pages ran no tenant of their own: every write is in the shared tenant's journal, from both personas.
  const writers = new Set(sharedTenant.journal().filter((e) => e.method === 'PUT' && e.status < 300).map((e) => e.userId));
  expect(writers).toEqual(new Set([
    'f24d582b-f8ad-40cf-acc8-71c316c5bac3', // Esra
    '1a620eff-687d-47aa-80a7-2e84f350f055', // Priya
  ]));
  expect(await page.evaluate(() => window.__soDemo)).toBeUndefined();
});

/** GET /me from the page as the persona's Outlook would: the status, or 'network error' when fetch rejects. */
function fetchMe(page: Page, userId: string): Promise<number | 'network error'> {
  return page.evaluate(async (id) => {
    try {
      return (await fetch('https://graph.microsoft.com/v1.0/me', { headers: { Authorization: `Bearer demo.${id}` } })).status;
    } catch {
      return 'network error' as const;
    }
  }, userId);
}

test('one device offline: its Graph requests fail, the other device keeps working, and it reconnects', async ({ page, context, browser, sharedTenant }) => {
  const esra = 'f24d582b-f8ad-40cf-acc8-71c316c5bac3';
  await openDemo(page);
  const other = await sharedTenant.newContext(browser);
  const second = await other.newPage();
  await openDemo(second);

  await sharedTenant.setOffline(context, true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(await fetchMe(page, esra)).toBe('network error');
  expect(await fetchMe(second, esra)).toBe(200);

  await sharedTenant.setOffline(context, false);
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  expect(await fetchMe(page, esra)).toBe(200);
});

/** A planner task with a property Graph does not know (dueDate instead of dueDateTime), sent from the page. */
async function postBrokenTask(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await fetch('https://graph.microsoft.com/v1.0/planner/tasks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo.f24d582b-f8ad-40cf-acc8-71c316c5bac3' },
      body: JSON.stringify({ planId: 'x', title: 'SO-2026-014: test', dueDate: '2026-12-01' }),
    });
  });
}

test('a contract violation in the shared tenant reaches the test process and the page\'s banner', async ({ browser, sharedTenant }) => {
  // A context of its own: the default page's console audit (fixtures.ts) would fail this test on the banner's log line.
  const other = await sharedTenant.newContext(browser);
  const page = await other.newPage();
  await openDemo(page);
  await postBrokenTask(page);
  // The relay carries the violation back to the page, so the banner says so as it does with the in-page tenant.
  await expect(page.getByText(/(hield|hielden) zich niet aan het contract van Microsoft Graph/)).toBeVisible();
  const taken = sharedTenant.takeContractViolations();
  expect(taken.length).toBeGreaterThan(0);
  expect(taken.join('\n')).toMatch(/^POST \/planner\/tasks request plannerTask: \$\.dueDate /m);
});

test('a contract violation left in the shared tenant fails the test', async ({ browser, sharedTenant }) => {
  // Expected to fail: the shared-tenant fixture must turn the violation into a failed test at its end.
  test.fail();
  const other = await sharedTenant.newContext(browser);
  const page = await other.newPage();
  await openDemo(page);
  await postBrokenTask(page);
  await expect.poll(() => sharedTenant.contractViolations().length).toBeGreaterThan(0);
});
