// Other people's Outlook, simulated: the demo tenant's Graph called from the page with someone's own demo
// token, as their mail client would call it. Also the audit of what the app sent: the page's journal and
// the GRAPH_JOURNAL file the fixture writes.
import { DEMO_PLANNER_BUCKET_ID, DEMO_PLANNER_PLAN_ID } from '../../../src/demo/seedWorkplace';
import { existsSync, readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';

const GRAPH = 'https://graph.microsoft.com/v1.0';

/**
 * The seed's weeks: scenario tests run on a clock from late November 2026, and a demo seeded for today
 * (seedTime.ts) lies within a few weeks of today. The window covers both.
 */
const DAY = 24 * 60 * 60 * 1000;
const SEED_WINDOW = {
  from: new Date(Math.min(Date.parse('2026-11-01T00:00:00Z'), Date.now() - 60 * DAY)).toISOString(),
  to: new Date(Math.max(Date.parse('2027-01-31T00:00:00Z'), Date.now() + 60 * DAY)).toISOString(),
};

export interface DemoEvent {
  id: string;
  subject: string;
  isOrganizer: boolean;
  attendees: { type: string; emailAddress: { name?: string; address: string }; status: { response: string } }[];
}

/** One Graph request as `userId` (with their demo token); the answer's status and parsed body. */
export async function graphAs<T = unknown>(
  page: Page,
  userId: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const url = path.startsWith('https://') ? path : `${GRAPH}${path}`;
  return page.evaluate(async ({ userId, url, method, body }) => {
    const headers: Record<string, string> = { Authorization: `Bearer demo.${userId}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }, { userId, url, method: init.method ?? 'GET', body: init.body });
}

/**
 * The SO invitation of a case in someone's calendar, found as Outlook lists it (calendarView, every page):
 * the attendee's copy, or with `organizer: true` the organiser's own event.
 */
export async function soEventOf(page: Page, userId: string, caseAlias: string, options: { organizer?: boolean } = {}): Promise<DemoEvent | undefined> {
  let url: string | undefined = `/me/calendarView?startDateTime=${SEED_WINDOW.from}&endDateTime=${SEED_WINDOW.to}&$select=id,subject,isOrganizer,attendees`;
  while (url) {
    const { status, body }: { status: number; body: { value: DemoEvent[]; '@odata.nextLink'?: string } } = await graphAs(page, userId, url);
    expect(status, `calendarView of ${userId}`).toBe(200);
    const found = body.value.find((e) => e.subject.startsWith(`Samenwerkoverleg ${caseAlias} `) && (options.organizer === undefined || e.isOrganizer === options.organizer));
    if (found) return found;
    url = body['@odata.nextLink'];
  }
  return undefined;
}

export interface Invitee {
  userId: string;
  caseAlias: string;
}

async function copyOf(page: Page, who: Invitee): Promise<DemoEvent> {
  const copy = await soEventOf(page, who.userId, who.caseAlias, { organizer: false });
  expect(copy, `the ${who.caseAlias} invitation in the calendar of ${who.userId}`).toBeDefined();
  return copy!;
}

/** An invitee answers in their own Outlook. */
export async function replyAs(page: Page, who: Invitee, action: 'accept' | 'tentativelyAccept' | 'decline', comment: string): Promise<void> {
  const copy = await copyOf(page, who);
  const { status } = await graphAs(page, who.userId, `/me/events/${copy.id}/${action}`, { method: 'POST', body: { comment, sendResponse: true } });
  expect(status, `${action} by ${who.userId}`).toBe(202);
}

/** An invitee forwards the invitation from their own Outlook. */
export async function forwardAs(page: Page, who: Invitee, to: { name: string; address: string }[], comment: string): Promise<void> {
  const copy = await copyOf(page, who);
  const { status } = await graphAs(page, who.userId, `/me/events/${copy.id}/forward`, {
    method: 'POST',
    body: { ToRecipients: to.map((r) => ({ emailAddress: r })), Comment: comment },
  });
  expect(status, `forward by ${who.userId}`).toBe(202);
}

/** The organiser's event as the case director's Graph sees it: who is on it, and their answers. */
export async function organiserAttendees(page: Page, organiserId: string, caseAlias: string): Promise<{ address: string; response: string }[]> {
  const event = await soEventOf(page, organiserId, caseAlias, { organizer: true });
  return (event?.attendees ?? []).map((a) => ({ address: a.emailAddress.address.toLowerCase(), response: a.status.response }));
}

interface Exchange {
  method: string;
  url: string;
  status: number;
  contractViolations?: string[];
}

/** Creating an event (the invitation): POST /me/events answered 201, directly or inside a $batch. */
export function isEventCreate(e: Exchange): boolean {
  return e.method === 'POST' && /^(\/v1\.0)?\/me\/events$/.test(new URL(e.url, 'https://graph.microsoft.com').pathname) && e.status === 201;
}

/** What the demo tenant served since this page loaded (window.__soDemo.journal(): in memory, per page load). */
export function pageJournal(page: Page): Promise<Exchange[]> {
  return page.evaluate(() => (window.__soDemo?.journal() ?? []).map((e) => ({
    method: e.method, url: e.url, status: e.status, ...(e.contractViolations ? { contractViolations: e.contractViolations } : {}),
  })));
}

export async function eventCreates(page: Page): Promise<number> {
  return (await pageJournal(page)).filter(isEventCreate).length;
}

/** Lines in the GRAPH_JOURNAL file so far: take it before the test starts, read the test's own lines after. */
export function journalFileMark(): number {
  const file = process.env.GRAPH_JOURNAL;
  return file && existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
}

/** This test's lines in the GRAPH_JOURNAL file after `mark` (across page loads); undefined without the file. */
export function journalFileSince(mark: number, testInfo: TestInfo): Exchange[] | undefined {
  const file = process.env.GRAPH_JOURNAL;
  if (!file || !existsSync(file)) return undefined;
  const test = testInfo.titlePath.join(' › ');
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(mark)
    .map((line) => JSON.parse(line) as Exchange & { test?: string })
    .filter((line) => line.test === test);
}

/** A task in the area team's Planner plan assigned to `assigneeId`, created as `userId` (as the chair's recording would). */
export async function plannerTaskAs(page: Page, userId: string, assigneeId: string, title: string, due: string): Promise<void> {
  const { status } = await graphAs(page, userId, '/planner/tasks', {
    method: 'POST',
    body: {
      planId: DEMO_PLANNER_PLAN_ID,
      bucketId: DEMO_PLANNER_BUCKET_ID,
      title,
      dueDateTime: `${due}T10:00:00Z`,
      assignments: { [assigneeId]: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } },
    },
  });
  expect(status, `creating Planner task ${title}`).toBe(201);
}
