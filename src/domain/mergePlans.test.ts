import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDraftPlan } from './draftPlan';
import { addAgreement, closeMeeting, editAgreement, recordDistribution, setMeetingNote } from './meetingRecord';
import { mergePlans, mergePlansReport } from './mergePlans';
import { applyMirrorLinks } from './plannerMirror';
import type { Agreement, LogEntry, Plan } from './planSchema';
import { PlanSchema } from './planSchema';

const T0 = Date.UTC(2026, 10, 1, 9);
const at = (tick: number) => new Date(T0 + tick * 1000).toISOString();

function agreement(id: string, tick: number, what = `afspraak ${id}`): Agreement {
  return { id, who: 'p-kofi', what, due: '2026-12-31', status: 'open', createdAt: at(tick), updatedAt: at(tick), history: [] };
}

function basePlan(): Plan {
  const plan = createDraftPlan({ caseAlias: 'SO-2026-014', municipality: 'Maasveld', caseDirectorUserId: 'u-esra', now: at(0) });
  return {
    ...plan,
    status: 'preparing',
    can: { own: ['Ik wandel elke ochtend.'], offer: [] },
    agreements: [agreement('a-1', 0), agreement('a-2', 0)],
    wants: [{ id: 'w-1', text: 'Ik wil rust.', target: 'Ik slaap door.', updatedAt: at(0) }],
  };
}

const edit = (a: Agreement, tick: number, what: string, byUserId = 'u'): Agreement => ({
  ...a,
  what,
  updatedAt: at(tick),
  history: [...a.history, { at: at(tick), byUserId, change: 'edited', previous: { what: a.what } }],
});

describe('mergePlans', () => {
  it('keeps agreements added on either side; two rewordings of one agreement keep both texts, ours first', () => {
    const base = basePlan();
    const local = { ...base, agreements: [edit(base.agreements[0]!, 5, 'lokaal'), base.agreements[1]!, agreement('a-local', 3)] };
    const remote = { ...base, agreements: [edit(base.agreements[0]!, 4, 'op de server'), base.agreements[1]!, agreement('a-remote', 2)] };
    const { plan: merged, report } = mergePlansReport(base, local, remote);
    expect(merged.agreements.map((a) => [a.id, a.what])).toEqual([
      ['a-1', 'lokaal\n\nop de server'],
      ['a-2', 'afspraak a-2'],
      ['a-remote', 'afspraak a-remote'],
      ['a-local', 'afspraak a-local'],
    ]);
    expect(report.textsKeptBoth).toEqual(['agreements/a-1/what']);
    // Both edits stay visible in the agreement's history, in time order.
    expect(merged.agreements[0]!.history.map((h) => h.at)).toEqual([at(4), at(5)]);
    expect(PlanSchema.safeParse(merged).success).toBe(true);
  });

  it('never drops an agreement, even when one side no longer has it', () => {
    const base = basePlan();
    const merged = mergePlans(base, { ...base, agreements: [] }, base);
    expect(merged.agreements.map((a) => a.id)).toEqual(['a-1', 'a-2']);
  });

  it('takes a plan-wide field from the side that changed it since base, and ours when both did', () => {
    const base = basePlan();
    expect(mergePlans(base, base, { ...base, status: 'planned' }).status).toBe('planned');
    expect(mergePlans(base, { ...base, status: 'running' }, base).status).toBe('running');
    expect(mergePlans(base, { ...base, status: 'running' }, { ...base, status: 'planned' }).status).toBe('running');
    expect(mergePlans(undefined, { ...base, status: 'running' }, { ...base, status: 'planned' }).status).toBe('running');
    const direction = mergePlans(
      base,
      { ...base, caseDirection: { ...base.caseDirection, aveLevel: 3 } },
      { ...base, caseDirection: { ...base.caseDirection, processDirectorNeeded: true } },
    ).caseDirection;
    expect(direction).toEqual({ processDirectorNeeded: true, aveLevel: 3 });
  });

  it('keeps lines both sides added to "ik kan", and honours a line they removed', () => {
    const base = basePlan();
    const local = { ...base, can: { own: [...base.can.own, 'Ik kook zelf.'], offer: [] } };
    const remote = { ...base, can: { own: ['Mijn zus gaat mee naar afspraken.'], offer: ['Ik kan naaien.'] } };
    expect(mergePlans(base, local, remote).can).toEqual({ own: ['Ik kook zelf.', 'Mijn zus gaat mee naar afspraken.'], offer: ['Ik kan naaien.'] });
  });

  it('joins the logs without duplicates, in time order', () => {
    const base = basePlan();
    const entry = (tick: number, action: string): LogEntry => ({ at: at(tick), byUserId: 'u', action });
    const local = { ...base, log: [...base.log, entry(3, 'agreement.recorded'), entry(1, 'plan.viewed')] };
    const remote = { ...base, log: [...base.log, entry(2, 'consent.recorded'), entry(1, 'plan.viewed')] };
    expect(mergePlans(base, local, remote).log.map((e) => e.action)).toEqual(['plan.created', 'plan.viewed', 'consent.recorded', 'agreement.recorded']);
  });

  it('on a value both changed, the later write in the document wins, whatever the device clocks say', () => {
    const base = basePlan();
    // The device merging now writes after the stored version: its due date stands, though its clock is behind.
    const behind = { ...base, agreements: [{ ...base.agreements[0]!, due: '2027-02-01', updatedAt: at(-300) }, base.agreements[1]!] };
    const stored = { ...base, revision: 7, agreements: [{ ...base.agreements[0]!, due: '2027-01-15', updatedAt: at(60) }, base.agreements[1]!] };
    const { plan, report } = mergePlansReport(base, behind, stored);
    expect(plan.agreements[0]).toMatchObject({ due: '2027-02-01', updatedAt: at(-300) });
    expect(plan.revision).toBe(7);
    expect(report.overwritten).toEqual(['agreements/a-1/due']);
  });

  it('merges one agreement per field: a reworded text and a moved due date both survive', () => {
    const base = { ...basePlan(), agreements: [] };
    const added = addAgreement(base, { id: 'a-9', who: 'p-kofi', what: 'Belt de huisarts', due: '2026-12-20' }, { at: at(1), byUserId: 'u-chair' });
    const chair = editAgreement(added, 'a-9', { due: '2027-01-05' }, { at: at(3), byUserId: 'u-chair' });
    const noteTaker = editAgreement(added, 'a-9', { what: 'Belt de huisarts over de slaapmedicatie' }, { at: at(2), byUserId: 'u-notes' });
    for (const merged of [mergePlans(added, chair, noteTaker), mergePlans(added, noteTaker, chair)]) {
      expect(merged.agreements).toHaveLength(1);
      expect(merged.agreements[0]).toMatchObject({ what: 'Belt de huisarts over de slaapmedicatie', due: '2027-01-05' });
      expect(merged.agreements[0]!.history.map((h) => h.change)).toEqual(['created', 'edited', 'edited']);
    }
  });

  it('takes done-ness with its moment from the side that changed the status', () => {
    const added = addAgreement({ ...basePlan(), agreements: [] }, { id: 'a-9', who: 'p-kofi', what: 'x', due: '2026-12-20' }, { at: at(1), byUserId: 'u' });
    const done = editAgreement(added, 'a-9', { status: 'done' }, { at: at(2), byUserId: 'u' });
    const reworded = editAgreement(added, 'a-9', { what: 'y' }, { at: at(5), byUserId: 'v' });
    const merged = mergePlans(added, reworded, done).agreements[0]!;
    expect(merged).toMatchObject({ what: 'y', status: 'done', doneAt: at(2), updatedAt: at(5) });
    // Reopened on a device that had seen it done (its base): the reopening is the change.
    const seen = { ...added, agreements: [merged] };
    const reopened = editAgreement(seen, 'a-9', { status: 'open' }, { at: at(6), byUserId: 'u' });
    expect(mergePlans(seen, reopened, seen).agreements[0]).not.toHaveProperty('doneAt');
  });

  it('unlinks an "ik wil" point when that was the latest change, and knows a field set from nothing', () => {
    const added = addAgreement({ ...basePlan(), agreements: [] }, { id: 'a-9', who: 'p-kofi', what: 'x', due: '2026-12-20', wantId: 'w-1' }, { at: at(1), byUserId: 'u' });
    const unlinked = editAgreement(added, 'a-9', { wantId: '' }, { at: at(4), byUserId: 'u' });
    const perspective = editAgreement(added, 'a-9', { perspectiveOnly: true }, { at: at(3), byUserId: 'v' });
    // Through JSON, as the stored document travels: a field that had no value before has no `previous`.
    const stored = JSON.parse(JSON.stringify(perspective)) as Plan;
    const merged = mergePlans(added, unlinked, PlanSchema.parse(stored)).agreements[0]!;
    expect(merged.wantId).toBeUndefined();
    expect(merged.perspectiveOnly).toBe(true);
  });

  it('keeps a Planner link from either side; when both linked, ours (the later write)', () => {
    const added = addAgreement({ ...basePlan(), agreements: [] }, { id: 'a-9', who: 'p-kofi', what: 'x', due: '2026-12-20' }, { at: at(1), byUserId: 'u' });
    const linked = applyMirrorLinks(added, [{ agreementId: 'a-9', planId: 'p', taskId: 't-1', etag: 'e1' }]);
    const edited = editAgreement(added, 'a-9', { what: 'y' }, { at: at(2), byUserId: 'v' });
    const merged = mergePlans(added, edited, linked).agreements[0]!;
    expect(merged.planner).toEqual({ planId: 'p', taskId: 't-1', etag: 'e1', syncedUpdatedAt: at(1) });
    expect(merged.updatedAt).toBe(at(2));
    const resynced = applyMirrorLinks({ ...added, agreements: [merged] }, [{ agreementId: 'a-9', planId: 'p', taskId: 't-1', etag: 'e2' }]);
    expect(mergePlans(added, resynced, linked).agreements[0]!.planner).toMatchObject({ etag: 'e2', syncedUpdatedAt: at(2) });
    expect(mergePlans(added, linked, resynced).agreements[0]!.planner).toMatchObject({ etag: 'e1' });
  });

  it('merges meeting notes by item, keeps a close and unites who received the plan', () => {
    const meeting = { id: 'm-1', start: at(0), durationMinutes: 90, location: { kind: 'home' as const }, goal: '', status: 'planned' as const, updatedAt: at(0) };
    const base = { ...basePlan(), meetings: [meeting] };
    const chair = recordDistribution(closeMeeting(setMeetingNote(base, { meetingId: 'm-1', itemKey: 'wants', text: 'A' }, at(3)), 'm-1', { at: at(5), byUserId: 'u-chair' }), 'm-1', [{ participantId: 'p-1', channel: 'mail' }], at(6));
    const notes = setMeetingNote(
      setMeetingNote(base, { meetingId: 'm-1', itemKey: 'wants', text: 'B' }, at(4)),
      { meetingId: 'm-1', itemKey: 'closingRound', text: 'Fijn overleg' },
      at(2),
    );
    const edited = { ...notes, meetings: [{ ...notes.meetings[0]!, goal: 'Rust', updatedAt: at(7), distribution: [{ participantId: 'p-2', channel: 'print' as const, at: at(7) }] }] };
    for (const [merged, wants] of [[mergePlans(base, chair, edited), 'A\n\nB'], [mergePlans(base, edited, chair), 'B\n\nA']] as const) {
      // Two devices wrote the same item's note at once: both notes stay, one under the other.
      expect(merged.meetingNotes.map((n) => [n.id, n.text]).sort()).toEqual([['m-1:closingRound', 'Fijn overleg'], ['m-1:wants', wants]]);
      expect(merged.meetings[0]).toMatchObject({ goal: 'Rust', status: 'held', closedAt: at(5), closedByUserId: 'u-chair' });
      expect(merged.meetings[0]!.distribution).toEqual([{ participantId: 'p-1', channel: 'mail', at: at(6) }, { participantId: 'p-2', channel: 'print', at: at(7) }]);
      expect(PlanSchema.safeParse(merged).success).toBe(true);
    }
  });

  it('unites any two sets of agreements, in either order', () => {
    const agreements = fc.uniqueArray(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), tick: fc.nat({ max: 20 }), what: fc.string({ maxLength: 4 }) }), {
      selector: (r) => r.id,
      maxLength: 6,
    });
    fc.assert(
      fc.property(agreements, agreements, (mine, theirs) => {
        const base = basePlan();
        const local = { ...base, agreements: mine.map((r) => agreement(r.id, r.tick, r.what)) };
        const remote = { ...base, agreements: theirs.map((r) => agreement(r.id, r.tick, r.what)) };
        const one = mergePlans(undefined, local, remote).agreements;
        const other = mergePlans(undefined, remote, local).agreements;
        expect(new Set(one.map((a) => a.id))).toEqual(new Set([...mine, ...theirs].map((r) => r.id)));
        expect(new Set(other.map((a) => a.id))).toEqual(new Set([...mine, ...theirs].map((r) => r.id)));
        // Without a base, two different texts of one agreement are both kept.
        for (const a of one) {
          for (const r of [...mine, ...theirs].filter((x) => x.id === a.id)) expect(a.what).toContain(r.what);
        }
      }),
    );
  });
});
