import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PLAN_DRIVE_ID } from './seed';
import { DEMO_PLANNER_PLAN_ID } from './seedWorkplace';
import { createJournalFileSink } from './journal';
import type { JournalEntry } from './journal';
import { createTestTenant, people } from './testHarness';

const { esra } = people;

describe('request journal', () => {
  it('records method, url, the headers that matter, bodies and status — never the Authorization header', async () => {
    const seen: JournalEntry[] = [];
    const t = createTestTenant({ onJournal: (e) => seen.push(e) });
    const created = await t.call(esra, 'POST', '/planner/tasks', { body: { planId: DEMO_PLANNER_PLAN_ID, title: 'SO-2026-014 · Post op een rij' } });
    const task = created.body as { id: string; '@odata.etag': string };
    await t.call(esra, 'PATCH', `/planner/tasks/${task.id}`, {
      body: { percentComplete: 50 },
      headers: { 'If-Match': task['@odata.etag'], Prefer: 'return=representation', 'X-Other': 'not journaled' },
    });
    await t.call(esra, 'GET', `/users?$search=${encodeURIComponent('"displayName:esra"')}`, { headers: { ConsistencyLevel: 'eventual' } });
    const item = (await t.tenant.snapshot()).planDrive.items[0]!;
    await t.call(esra, 'PUT', `/drives/${DEMO_PLAN_DRIVE_ID}/items/${item.id}/content`, { body: 'not json at all', headers: { 'content-type': 'text/plain' } });
    await t.call(esra, 'GET', `/drives/${DEMO_PLAN_DRIVE_ID}/items/${item.id}/content`);

    const journal = t.tenant.journal();
    expect(journal).toEqual(seen);
    expect(journal).toHaveLength(5);
    const [post, patch, search, put, get] = journal;
    expect(post).toMatchObject({
      method: 'POST', url: 'https://graph.microsoft.com/v1.0/planner/tasks', userId: esra.id, status: 201,
      headers: { 'content-type': 'application/json' }, requestBody: { planId: DEMO_PLANNER_PLAN_ID, title: 'SO-2026-014 · Post op een rij' },
      responseBody: { id: task.id },
    });
    expect(patch!.headers).toEqual({ 'if-match': task['@odata.etag'], prefer: 'return=representation', 'content-type': 'application/json' });
    expect(patch!.status).toBe(200);
    expect(search!.headers).toEqual({ consistencylevel: 'eventual' });
    expect(put).toMatchObject({ requestBodyLength: 'not json at all'.length, status: 200 });
    expect(put!.requestBody).toBeUndefined();
    expect(get).toMatchObject({ responseBodyLength: 'not json at all'.length });

    const text = JSON.stringify(journal);
    expect(text).not.toMatch(/authorization/i);
    expect(text).not.toContain('Bearer');
    expect(text).not.toContain(`demo.${esra.id}`);
  });

  it('journals refused requests too, without a user', async () => {
    const t = createTestTenant();
    await t.call('not-a-token', 'GET', '/me');
    expect(t.tenant.journal()[0]).toMatchObject({ status: 401, userId: '' });
  });

  it('writes one JSON line per entry with the file sink', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'journal-'));
    try {
      const file = path.join(dir, 'graph.jsonl');
      const sink = createJournalFileSink(file);
      sink({ at: 'a', requestId: 'r1', method: 'GET', url: 'u', userId: 'x', headers: {}, status: 200 });
      sink({ at: 'b', requestId: 'r2', method: 'GET', url: 'u', userId: 'x', headers: {}, status: 404 });
      const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JournalEntry);
      expect(lines.map((l) => l.requestId)).toEqual(['r1', 'r2']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GRAPH_JOURNAL makes a Vitest run append every exchange, with its test, to the named file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'journal-run-'));
    try {
      const file = path.join(dir, 'run.jsonl');
      execFileSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'src/demo/graph/users.test.ts'], {
        cwd: process.cwd(),
        env: { ...process.env, GRAPH_JOURNAL: file },
        stdio: 'pipe',
      });
      const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JournalEntry & { test: string; file: string });
      expect(lines.length).toBeGreaterThan(5);
      expect(lines.every((l) => l.file === path.join('src', 'demo', 'graph', 'users.test.ts'))).toBe(true);
      expect(lines.map((l) => l.test)).toContain('users: directory search > answers /me and /users/{id|upn}');
      expect(readFileSync(file, 'utf8')).not.toMatch(/authorization|Bearer/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
