// The fault matrix: each fault × {send the SO invitation, run the SO}, end to end on the built app, one fresh
// shared demo tenant per cell. Each cell reports invitations created (exactly 1 per send, 0 when running the
// SO), agreements lost (0), duplicates (0: agreements by id and text, Planner tasks per agreement, events,
// attendee copies and meeting requests) and every error the user saw (a Dutch catalogue text with a way
// forward: a control next to it, or a promised automatic recovery that happened). matrixReporter.ts prints
// the table and writes test-results/fault-matrix.{md,json}; a cell that breaks a "must" fails its test.
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { expect, test } from '../e2e/support/sharedTenant';
import type { SharedTenant } from '../e2e/support/sharedTenant';
import { judgeMessages } from './support/catalogue';
import {
  AGREEMENTS, closeSo, faultTaken, hit, measureRun, measureSend, newCellContext, openPrepare, openRunner, record, RUN_AT, SEND_AT,
  sendButton, startRunJourney, startSendJourney, syncStatus, untilSent, waitSynced,
} from './support/journeys';
import type { CellContext } from './support/journeys';
import { violationsOf } from './support/matrix';
import type { CellResult, Journey } from './support/matrix';

type FaultId = 'offline' | 'reload' | '412' | '429' | 'token' | 'slow';

const FAULT_LABEL: Record<FaultId, string> = {
  offline: 'Offline during the SO',
  reload: 'Reload mid-SO',
  412: '412 on every other plan write',
  429: '429 storm (Retry-After) on calendar and Planner',
  token: 'Token expiry (mid-send, mid-SO)',
  slow: 'Slow Graph (3 s per call)',
};

/** The plan document's content: the writes that carry If-Match. */
const PLAN_WRITE = { method: 'PUT', path: /^\/drives\/[^/]+\/items\/[^/]+\/content$/ };
const CALENDAR = /^\/me\/(events|calendarView|calendar\/|findMeetingTimes)/;

interface Cell {
  fault: FaultId;
  journey: Journey;
  variant: string;
  timeoutMs?: number;
  run(ctx: CellContext): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------
// Sending the invitation

/** Presses Versturen once and follows the way forward until the invitation shows as sent. */
async function send(ctx: CellContext, timeoutMs?: number): Promise<void> {
  await sendButton(ctx.page).click();
  await untilSent(ctx, timeoutMs);
}

const SEND: Cell[] = [
  {
    fault: 'offline', journey: 'send',
    variant: 'device goes offline while the event is being created (before the attendees are added); back online after 1 s; the user takes the way forward shown',
    async run(ctx) {
      await startSendJourney(ctx);
      ctx.arm();
      ctx.sharedTenant.faults.inject({ kind: 'slow', delayMs: 800, match: { method: 'POST', path: /^\/me\/events$/ }, times: 1 });
      await sendButton(ctx.page).click();
      await faultTaken(ctx, 'slow');
      await ctx.sharedTenant.setOffline(ctx.context, true);
      hit(ctx, 'device offline');
      await expect(ctx.page.getByRole('alert').or(ctx.page.getByText('Uitnodiging verstuurd', { exact: true })).first()).toBeVisible({ timeout: 15_000 });
      await ctx.page.waitForTimeout(1000);
      await ctx.sharedTenant.setOffline(ctx.context, false);
      await untilSent(ctx);
    },
  },
  {
    fault: 'reload', journey: 'send',
    variant: 'reload right after pressing Versturen, while the event is being created (its answer is lost); then the case again and "Verzending afronden"',
    async run(ctx) {
      await startSendJourney(ctx);
      ctx.arm();
      ctx.sharedTenant.faults.inject({ kind: 'slow', delayMs: 800, match: { method: 'POST', path: /^\/me\/events$/ }, times: 1 });
      await sendButton(ctx.page).click();
      await faultTaken(ctx, 'slow');
      await ctx.page.reload();
      hit(ctx, 'reload');
      await openPrepare(ctx.page);
      await untilSent(ctx);
    },
  },
  {
    fault: '412', journey: 'send',
    variant: "412 on the 1st, 3rd, 5th … write of the plan document ('412-periodic', every 2) while sending",
    async run(ctx) {
      await startSendJourney(ctx);
      ctx.arm();
      ctx.sharedTenant.faults.inject({ kind: '412-periodic', every: 2, match: PLAN_WRITE });
      await send(ctx);
    },
  },
  {
    fault: '429', journey: 'send',
    variant: '429 + Retry-After 1 s: 3× on the event create, then in the $batch 2× on the attachment and 2× on the attendee PATCH (sub-requests, each with its own Retry-After)',
    async run(ctx) {
      await startSendJourney(ctx);
      ctx.arm();
      ctx.sharedTenant.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 1, match: { method: 'POST', path: /^\/me\/events$/ }, times: 3 });
      ctx.sharedTenant.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 1, match: { method: 'POST', path: /^\/me\/events\/[^/]+\/attachments$/ }, times: 2 });
      ctx.sharedTenant.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 1, match: { method: 'PATCH', path: /^\/me\/events\/[^/]+$/ }, times: 2 });
      await send(ctx);
    },
  },
  {
    fault: 'token', journey: 'send',
    variant: '401 InvalidAuthenticationToken once each on the plan write, the event create and the $batch of the send',
    async run(ctx) {
      await startSendJourney(ctx);
      ctx.arm();
      ctx.sharedTenant.faults.inject({ kind: 'token-expired', match: PLAN_WRITE });
      ctx.sharedTenant.faults.inject({ kind: 'token-expired', match: { method: 'POST', path: /^\/me\/events$/ } });
      ctx.sharedTenant.faults.inject({ kind: 'token-expired', match: { method: 'POST', path: /^\/\$batch$/ } });
      await send(ctx);
    },
  },
  {
    fault: 'slow', journey: 'send', timeoutMs: 90_000,
    variant: 'every call 3 s; the user double-clicks Versturen and clicks twice more while it sends',
    async run(ctx) {
      await startSendJourney(ctx);
      ctx.arm();
      ctx.sharedTenant.faults.inject({ kind: 'slow', delayMs: 3000 });
      await sendButton(ctx.page).dblclick();
      await expectProgress(ctx, ctx.page.getByText('De uitnodiging wordt verstuurd…'), 'no progress shown while sending');
      if ((await sendButton(ctx.page).getAttribute('aria-disabled')) !== 'true' && !(await sendButton(ctx.page).isDisabled())) {
        ctx.violations.push('Versturen stays enabled while sending');
      }
      await sendButton(ctx.page).click({ force: true });
      await ctx.page.waitForTimeout(500);
      await sendButton(ctx.page).click({ force: true });
      await untilSent(ctx, 60_000);
    },
  },
];

async function expectProgress(ctx: CellContext, progress: ReturnType<Page['getByText']>, problem: string): Promise<void> {
  try {
    await expect(progress.first()).toBeVisible({ timeout: 2000 });
    ctx.notes.push('progress shown');
  } catch {
    ctx.violations.push(problem);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Running the SO: the chair records 3 agreements, the note taker 1 (2 of the 4 for professionals), then the
// chair closes the SO. The fault is applied from the first agreement on.

async function finishRun(ctx: CellContext, timeoutMs = 30_000): Promise<void> {
  await Promise.all([waitSynced(ctx.page, timeoutMs), waitSynced(ctx.noteTaker!, timeoutMs)]);
  await closeSo(ctx, timeoutMs);
  ctx.notes.push('closed the SO');
  await waitSynced(ctx.page, timeoutMs);
}

async function recordAll(ctx: CellContext): Promise<void> {
  for (const agreement of AGREEMENTS) await record(ctx, agreement);
}

const RUN: Cell[] = [
  {
    fault: 'offline', journey: 'run',
    variant: "chair's device offline after the 1st agreement; it records 2 more while the note taker records 1; back online: synced without a click",
    async run(ctx) {
      await startRunJourney(ctx);
      ctx.arm();
      await record(ctx, AGREEMENTS[0]!);
      await waitSynced(ctx.page);
      await ctx.sharedTenant.setOffline(ctx.context, true);
      hit(ctx, 'device offline');
      await record(ctx, AGREEMENTS[1]!);
      await record(ctx, AGREEMENTS[2]!);
      await record(ctx, AGREEMENTS[3]!);
      await expect(syncStatus(ctx.page)).toContainText('Offline');
      await ctx.page.waitForTimeout(1000);
      await ctx.sharedTenant.setOffline(ctx.context, false);
      await finishRun(ctx);
    },
  },
  {
    fault: 'reload', journey: 'run',
    variant: "chair's page reloaded right after the 2nd agreement shows (before it is synced); back in the runner, the rest",
    async run(ctx) {
      await startRunJourney(ctx);
      ctx.arm();
      await record(ctx, AGREEMENTS[0]!);
      await record(ctx, AGREEMENTS[1]!);
      await ctx.page.reload();
      hit(ctx, 'reload');
      await openRunner(ctx.page);
      await expect(ctx.page.getByRole('button', { name: /Pauzeer|Ga verder/ })).toBeVisible();
      await record(ctx, AGREEMENTS[2]!);
      await record(ctx, AGREEMENTS[3]!);
      await finishRun(ctx);
    },
  },
  {
    fault: '412', journey: 'run',
    variant: "412 on the 1st, 3rd, 5th … write of the plan document by either device ('412-periodic', every 2)",
    async run(ctx) {
      await startRunJourney(ctx);
      ctx.arm();
      ctx.sharedTenant.faults.inject({ kind: '412-periodic', every: 2, match: PLAN_WRITE });
      await recordAll(ctx);
      await finishRun(ctx);
    },
  },
  {
    fault: '429', journey: 'run',
    variant: '429 + Retry-After 1 s on Planner: 6× on reads (bucket lookup, task list) and 4× on task creates in the $batch, either device; 3× on calendar paths (armed; the runner calls none)',
    async run(ctx) {
      await startRunJourney(ctx);
      ctx.arm();
      // Shared by both devices' first Planner calls; whether one of them runs out of its 5 attempts (and the
      // Planner mark with its retry shows) depends on how they interleave — either way nothing may be lost or doubled.
      ctx.sharedTenant.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 1, match: { method: 'GET', path: /^\/planner\// }, times: 6 });
      ctx.sharedTenant.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 1, match: { method: 'POST', path: /^\/planner\/tasks$/ }, times: 4 });
      ctx.sharedTenant.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 1, match: { path: CALENDAR }, times: 3 });
      await recordAll(ctx);
      await finishRun(ctx, 45_000);
    },
  },
  {
    fault: 'token', journey: 'run',
    variant: 'token expiry mid-SO: 401 once each on a plan write, a Planner read and a Planner $batch',
    async run(ctx) {
      await startRunJourney(ctx);
      ctx.arm();
      ctx.sharedTenant.faults.inject({ kind: 'token-expired', match: PLAN_WRITE });
      ctx.sharedTenant.faults.inject({ kind: 'token-expired', match: { method: 'GET', path: /^\/planner\// } });
      ctx.sharedTenant.faults.inject({ kind: 'token-expired', match: { method: 'POST', path: /^\/\$batch$/ } });
      await recordAll(ctx);
      await finishRun(ctx);
    },
  },
  {
    fault: 'slow', journey: 'run', timeoutMs: 120_000,
    variant: 'every call 3 s from the first agreement on; recording stays instant, sync shows its progress',
    async run(ctx) {
      await startRunJourney(ctx);
      ctx.arm();
      ctx.sharedTenant.faults.inject({ kind: 'slow', delayMs: 3000 });
      await recordAll(ctx);
      await expectProgress(ctx, syncStatus(ctx.page).filter({ hasText: /Synchroniseren|nog niet gesynchroniseerd|Opgeslagen op dit apparaat/ }), 'no sync progress shown');
      await finishRun(ctx, 80_000);
    },
  },
];

// ---------------------------------------------------------------------------------------------------------

// Playwright colours its assertion messages; the table wants plain text.
const ANSI_COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

interface Fixtures {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  sharedTenant: SharedTenant;
}

async function runCell(cell: Cell, { page, context, browser, sharedTenant }: Fixtures, testInfo: TestInfo): Promise<void> {
  const ctx = newCellContext(page, context, browser, sharedTenant);
  let completed = false;
  let journeyError: string | undefined;
  try {
    await cell.run(ctx);
    completed = true;
  } catch (error) {
    journeyError = error instanceof Error ? error.message.replace(ANSI_COLOURS, '').split('\n').slice(0, 6).join(' ') : String(error);
  }
  sharedTenant.faults.clear();
  for (const c of [context, ...sharedTenant.contexts]) await sharedTenant.setOffline(c, false);

  const faultHits: Record<string, number> = { ...ctx.manualHits };
  const where = new Map<string, number>();
  for (const e of sharedTenant.journal().slice(ctx.journalMark)) {
    if (!e.fault) continue;
    faultHits[e.fault] = (faultHits[e.fault] ?? 0) + 1;
    // Which requests it hit, ids left out: "429 POST /planner/tasks (in $batch)".
    const path = decodeURIComponent(new URL(e.url).pathname).replace(/^\/v1\.0/, '').replace(/\/(drives|items|events|plans|buckets|tasks)\/[^/]+/g, '/$1/{id}');
    const key = `${e.fault} ${e.method} ${path}${e.batch ? ' (in $batch)' : ''}`;
    where.set(key, (where.get(key) ?? 0) + 1);
  }
  if (where.size > 0) ctx.notes.push(`fault hits: ${[...where.entries()].map(([k, n]) => `${k} ×${n}`).join('; ')}`);
  // 'slow' delays the whole exchange before the tenant journals it: every call after arming was slowed.
  if (cell.fault === 'slow') faultHits['slowed calls'] = sharedTenant.journal().slice(ctx.journalMark).filter((e) => !e.batch).length;

  const measured = cell.journey === 'send' ? await measureSend(ctx) : await measureRun(ctx);
  const armedAt = ctx.armedAt ?? 0;
  const baseline = new Set(ctx.seen.filter((m) => m.at < armedAt).map((m) => m.text));
  const errors = judgeMessages(ctx.seen.filter((m) => m.at >= armedAt && !baseline.has(m.text)), { recovered: completed });
  const violationsSeen = sharedTenant.contractViolations();
  const partial: Omit<CellResult, 'violations'> = {
    faultId: cell.fault,
    fault: FAULT_LABEL[cell.fault],
    journey: cell.journey,
    variant: cell.variant,
    durationMs: Date.now() - ctx.startedAt,
    completed,
    ...(journeyError !== undefined ? { journeyError } : {}),
    faultHits,
    invitations: { expected: cell.journey === 'send' ? 1 : 0, created: measured.created, createRequests: measured.createRequests },
    lost: measured.lost,
    ...('agreements' in measured ? { agreements: measured.agreements as CellResult['agreements'] } : {}),
    duplicates: measured.duplicates,
    // One line per distinct text and device: a status that changes every second is one message.
    errors: [...new Map(errors.map((e) => [`${e.device}\u0000${e.text}`, e])).values()].map(({ device, role, text, keys, wayForward, verdict, problem }) => ({
      device, role, text, keys, verdict, ...(wayForward ? { wayForward } : {}), ...(problem ? { problem } : {}),
    })),
    notes: ctx.notes,
  };
  const violations = [...violationsOf(partial), ...ctx.violations, ...violationsSeen.map((v) => `Graph contract violation: ${v}`)];
  const result: CellResult = { ...partial, violations };
  await testInfo.attach('fault-cell', { body: JSON.stringify(result), contentType: 'application/json' });
  expect(violations, `${cell.fault} × ${cell.journey}`).toEqual([]);
}

test.describe('send the SO invitation', () => {
  test.use({ sharedTenantOptions: { startAt: SEND_AT } });
  for (const cell of SEND) {
    test(`${FAULT_LABEL[cell.fault]} × send`, async ({ page, context, browser, sharedTenant }, testInfo) => {
      test.setTimeout(cell.timeoutMs ?? 60_000);
      await runCell(cell, { page, context, browser, sharedTenant }, testInfo);
    });
  }
});

test.describe('run the SO', () => {
  test.use({ sharedTenantOptions: { startAt: RUN_AT } });
  for (const cell of RUN) {
    test(`${FAULT_LABEL[cell.fault]} × run`, async ({ page, context, browser, sharedTenant }, testInfo) => {
      test.setTimeout(cell.timeoutMs ?? 60_000);
      await runCell(cell, { page, context, browser, sharedTenant }, testInfo);
    });
  }
});
