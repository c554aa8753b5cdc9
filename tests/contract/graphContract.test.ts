// The committed Graph contract (src/demo/contract/graphContract.json) must be what the generator makes from
// Microsoft's official Graph v1.0 metadata today. Regenerate with: node scripts/gen-graph-contract.mjs
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContract, serialiseContract } from '../../scripts/gen-graph-contract.mjs';
import { validateBody } from '../../src/demo/contract/validate';

const repo = path.resolve(import.meta.dirname, '../..');
const csdlPath = path.resolve(repo, '../shared/graph/graph-v1.0.csdl');
const committedPath = path.resolve(repo, 'src/demo/contract/graphContract.json');
const haveCsdl = existsSync(csdlPath);

describe('Graph v1.0 contract', () => {
  it.skipIf(!haveCsdl)(`is up to date with ${path.relative(repo, csdlPath)} (regenerate: node scripts/gen-graph-contract.mjs)`, () => {
    const regenerated = serialiseContract(buildContract(readFileSync(csdlPath, 'utf8')));
    const committed = readFileSync(committedPath, 'utf8');
    expect(committed === regenerated, 'src/demo/contract/graphContract.json is out of date: run node scripts/gen-graph-contract.mjs').toBe(true);
  });

  if (!haveCsdl) {
    it('cannot be checked: the official metadata is absent', () => {
      console.warn(`SKIPPED the Graph contract freshness check: ${csdlPath} does not exist.`);
    });
  }

  it('stays commit-sized and covers every type and action the demo tenant checks', () => {
    const committed = readFileSync(committedPath, 'utf8');
    expect(committed.length).toBeLessThan(80 * 1024);
    const contract = JSON.parse(committed) as { types: Record<string, unknown>; actions: Record<string, unknown> };
    for (const type of ['event', 'fileAttachment', 'plannerTask', 'plannerAssignment', 'permission', 'person', 'message', 'scheduleInformation', 'meetingTimeSuggestionsResult']) {
      expect(contract.types, type).toHaveProperty([type]);
    }
    expect(Object.keys(contract.actions).sort()).toEqual([
      'calendar.getSchedule', 'driveItem.invite', 'event.accept', 'event.cancel', 'event.decline', 'event.forward', 'event.tentativelyAccept',
      'user.findMeetingTimes', 'user.sendMail',
    ]);
  });

  it('makes the validator reject a misspelled property (dueDate on a plannerTask)', () => {
    const violations = validateBody('plannerTask', { planId: 'p', title: 'Afspraak', dueDate: '2026-12-04T17:00:00Z' }, 'request');
    expect(violations.map((v) => v.message)).toEqual(["unknown property 'dueDate' on microsoft.graph.plannerTask"]);
  });
});
