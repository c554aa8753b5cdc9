import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDraftPlan } from './draftPlan';
import { addAgreement, closeMeeting, editAgreement, recordDistribution, setMeetingNote } from './meetingRecord';
import { mergePlans } from './mergePlans';
import { applyMirrorLinks } from './plannerMirror';
import type { Agreement, LogEntry, Plan } from './planSchema';
import { PlanSchema } from './planSchema';
import { cleanText } from './text';

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
  it('keeps agreements added on either side, and the later edit of one both changed', () => {
    const base = basePlan();
    const local = { ...base, agreements: [edit(base.agreements[0]!, 5, 'lokaal'), base.agreements[1]!, agreement('a-local', 3)] };
    const remote = { ...base, agreements: [edit(base.agreements[0]!, 4, 'op de server'), base.agreements[1]!, agreement('a-remote', 2)] };
    const merged = mergePlans(base, local, remote);
    expect(merged.agreements.map((a) => [a.id, a.what])).toEqual([
      ['a-1', 'lokaal'],
      ['a-2', 'afspraak a-2'],
      ['a-local', 'afspraak a-local'],
      ['a-remote', 'afspraak a-remote'],
    ]);
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

  it('picks the same winner whichever side merges first, even on an exact tie', () => {
    const base = basePlan();
    const left = { ...base, agreements: [edit(base.agreements[0]!, 7, 'links')] };
    const right = { ...base, agreements: [edit(base.agreements[0]!, 7, 'rechts')] };
    expect(mergePlans(base, left, right).agreements[0]).toEqual(mergePlans(base, right, left).agreements[0]);
  });

  it('ends with every agreement ever made and the latest value of each field, for any interleaving of two devices', () => {
    // The model of issue 6: two devices (chair and note taker), each with a local copy and the version it
    // last loaded (base, with its eTag); one stored document with an eTag, kept as JSON like the real one.
    // A sync writes with If-Match; on a stale eTag it reloads, merges (base, mine, theirs) and writes again.
    // A sync may also lose its response (written, but the device never hears so) or be cut off after the
    // reload (merged, not yet written). Timestamps increase strictly across the whole run, so "latest" is
    // well defined per field.
    type Field = 'who' | 'what' | 'due' | 'perspectiveOnly' | 'wantId';
    type Step =
      | { kind: 'add'; device: 0 | 1; who: string }
      | { kind: 'edit'; device: 0 | 1; pick: number; field: Field; value: string | boolean }
      | { kind: 'toggle'; device: 0 | 1; pick: number }
      | { kind: 'link'; device: 0 | 1; pick: number }
      | { kind: 'sync'; device: 0 | 1; mode: 'ok' | 'lostResponse' | 'cutOff' };
    const device = fc.constantFrom<0 | 1>(0, 1);
    const pick = fc.nat();
    const fieldEdit = fc.oneof(
      fc.record({ field: fc.constant('who' as const), value: fc.constantFrom('p-kofi', 'p-esra', 'p-sam') }),
      fc.record({ field: fc.constant('what' as const), value: fc.string({ minLength: 1, maxLength: 6 }).map((s) => cleanText(`x${s}`)) }), // what is stored is the cleaned text
      fc.record({ field: fc.constant('due' as const), value: fc.constantFrom('2026-12-10', '2026-12-20', '2027-01-05') }),
      fc.record({ field: fc.constant('perspectiveOnly' as const), value: fc.boolean() }),
      fc.record({ field: fc.constant('wantId' as const), value: fc.constantFrom('w-1', 'w-2', '') }),
    );
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), device, who: fc.constantFrom('p-kofi', 'p-esra') }),
      fc.tuple(device, pick, fieldEdit).map(([d, p, e]): Step => ({ kind: 'edit', device: d, pick: p, ...e })),
      fc.record({ kind: fc.constant('toggle' as const), device, pick }),
      fc.record({ kind: fc.constant('link' as const), device, pick }),
      fc.record({ kind: fc.constant('sync' as const), device, mode: fc.constantFrom('ok' as const, 'ok' as const, 'lostResponse' as const, 'cutOff' as const) }),
    );

    interface Expected { who: string; what: string; due: string; perspectiveOnly?: boolean; wantId?: string; status: 'open' | 'done'; doneAt?: string; updatedAt: string; changes: number; linked: boolean }
    interface Device { userId: string; base: { plan: Plan; eTag: number }; local: Plan }

    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 80, size: 'medium' }), (steps) => {
        const start: Plan = { ...basePlan(), agreements: [] };
        let store = { json: JSON.stringify(start), eTag: 1 };
        const read = () => ({ plan: PlanSchema.parse(JSON.parse(store.json)), eTag: store.eTag });
        /** If-Match: false is a 412. */
        const write = (plan: Plan, ifMatch: number) => {
          if (ifMatch !== store.eTag) return false;
          store = { json: JSON.stringify(plan), eTag: store.eTag + 1 };
          return true;
        };
        const devices: Device[] = [0, 1].map((i) => ({ userId: `u-${i}`, base: read(), local: read().plan }));
        const expected = new Map<string, Expected>();
        // What each link's task showed when it was made: the mirror's view of the agreement.
        const mirrored = (a: Agreement) => JSON.stringify([a.who, a.what, a.due, a.status]);
        const taskShows = new Map<string, string>();
        let tick = 0;

        const sync = (d: Device, mode: 'ok' | 'lostResponse' | 'cutOff') => {
          let ifMatch = d.base.eTag;
          if (!write(d.local, ifMatch)) {
            const theirs = read();
            d.local = mergePlans(d.base.plan, d.local, theirs.plan);
            d.base = theirs;
            if (mode === 'cutOff') return;
            ifMatch = theirs.eTag;
            expect(write(d.local, ifMatch)).toBe(true);
          }
          if (mode === 'lostResponse') return;
          d.base = read();
          d.local = d.base.plan;
        };
        const target = (d: Device, n: number) => (d.local.agreements.length === 0 ? undefined : d.local.agreements[n % d.local.agreements.length]);

        for (const s of steps) {
          tick += 1;
          const d = devices[s.device]!;
          const stamp = { at: at(tick), byUserId: d.userId };
          if (s.kind === 'add') {
            const id = `a-${s.device}-${tick}`;
            d.local = addAgreement(d.local, { id, who: s.who, what: `afspraak ${tick}`, due: '2026-12-31', meetingId: 'm-1' }, stamp);
            expected.set(id, { who: s.who, what: `afspraak ${tick}`, due: '2026-12-31', status: 'open', updatedAt: stamp.at, changes: 1, linked: false });
          } else if (s.kind === 'edit' || s.kind === 'toggle') {
            const a = target(d, s.pick);
            if (a === undefined) continue;
            const patch = s.kind === 'toggle' ? { status: a.status === 'done' ? ('open' as const) : ('done' as const) } : { [s.field]: s.value };
            const before = d.local;
            d.local = editAgreement(d.local, a.id, patch, stamp);
            if (d.local === before) continue;
            const e = expected.get(a.id)!;
            e.updatedAt = stamp.at;
            e.changes += 1;
            if (s.kind === 'toggle') {
              e.status = a.status === 'done' ? 'open' : 'done';
              e.doneAt = e.status === 'done' ? stamp.at : undefined;
            } else if (s.field === 'wantId') {
              e.wantId = s.value === '' ? undefined : (s.value as string);
            } else {
              (e as unknown as Record<string, unknown>)[s.field] = s.value;
            }
          } else if (s.kind === 'link') {
            // The Planner mirror on this device linked a task (deterministic id, fresh etag).
            const a = target(d, s.pick);
            if (a === undefined) continue;
            d.local = applyMirrorLinks(d.local, [{ agreementId: a.id, planId: 'plan-1', taskId: `t-${a.id}`, etag: `e-${tick}` }]);
            taskShows.set(`e-${tick}`, mirrored(a));
            expected.get(a.id)!.linked = true;
          } else {
            sync(d, s.mode);
          }
        }
        sync(devices[0]!, 'ok');
        sync(devices[1]!, 'ok');

        const stored = read().plan;
        const ids = stored.agreements.map((a) => a.id);
        expect(ids.length).toBe(new Set(ids).size);
        expect(new Set(ids)).toEqual(new Set(expected.keys()));
        for (const a of stored.agreements) {
          const e = expected.get(a.id)!;
          expect({ who: a.who, what: a.what, due: a.due, perspectiveOnly: a.perspectiveOnly, wantId: a.wantId, status: a.status, doneAt: a.doneAt, updatedAt: a.updatedAt }).toEqual({
            who: e.who, what: e.what, due: e.due, perspectiveOnly: e.perspectiveOnly, wantId: e.wantId, status: e.status, doneAt: e.doneAt, updatedAt: e.updatedAt,
          });
          // Every change either device made is in the history exactly once.
          expect(a.history.length).toBe(e.changes);
          // A Planner link is a fact: once made on either device, it is never lost.
          expect(a.planner?.taskId).toBe(e.linked ? `t-${a.id}` : undefined);
          // "In step with Planner" is only claimed when the task shows what the agreement says; otherwise
          // the mirror sends an update.
          if (a.planner !== undefined && a.planner.syncedUpdatedAt === a.updatedAt) expect(taskShows.get(a.planner.etag!)).toBe(mirrored(a));
        }
        // Each addition is logged once.
        expect(stored.log.filter((l) => l.action === 'agreement.added').map((l) => l.targetId).sort()).toEqual([...expected.keys()].sort());
        // The second device, now in step, holds the same plan.
        expect(devices[1]!.local).toEqual(stored);
      }),
      { numRuns: 400 },
    );
  }, 30_000);

  it('merges one agreement per field: a reworded text and a moved due date both survive', () => {
    const base = { ...basePlan(), agreements: [] };
    const added = addAgreement(base, { id: 'a-9', who: 'p-kofi', what: 'Belt de huisarts', due: '2026-12-20' }, { at: at(1), byUserId: 'u-chair' });
    const chair = editAgreement(added, 'a-9', { due: '2027-01-05' }, { at: at(3), byUserId: 'u-chair' });
    const noteTaker = editAgreement(added, 'a-9', { what: 'Belt de huisarts over de slaapmedicatie' }, { at: at(2), byUserId: 'u-notes' });
    for (const merged of [mergePlans(added, chair, noteTaker), mergePlans(added, noteTaker, chair)]) {
      expect(merged.agreements).toHaveLength(1);
      expect(merged.agreements[0]).toMatchObject({ what: 'Belt de huisarts over de slaapmedicatie', due: '2027-01-05', updatedAt: at(3) });
      expect(merged.agreements[0]!.history.map((h) => h.change)).toEqual(['created', 'edited', 'edited']);
    }
  });

  it('takes done-ness with its moment from the side that changed the status last', () => {
    const added = addAgreement({ ...basePlan(), agreements: [] }, { id: 'a-9', who: 'p-kofi', what: 'x', due: '2026-12-20' }, { at: at(1), byUserId: 'u' });
    const done = editAgreement(added, 'a-9', { status: 'done' }, { at: at(2), byUserId: 'u' });
    const reworded = editAgreement(added, 'a-9', { what: 'y' }, { at: at(5), byUserId: 'v' });
    const merged = mergePlans(added, reworded, done).agreements[0]!;
    expect(merged).toMatchObject({ what: 'y', status: 'done', doneAt: at(2), updatedAt: at(5) });
    const reopened = editAgreement(merged.status === 'done' ? { ...added, agreements: [merged] } : added, 'a-9', { status: 'open' }, { at: at(6), byUserId: 'u' });
    expect(mergePlans(added, reopened, done).agreements[0]).not.toHaveProperty('doneAt');
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

  it('keeps a Planner link from either side, the later synced one when both have one', () => {
    const added = addAgreement({ ...basePlan(), agreements: [] }, { id: 'a-9', who: 'p-kofi', what: 'x', due: '2026-12-20' }, { at: at(1), byUserId: 'u' });
    const linked = applyMirrorLinks(added, [{ agreementId: 'a-9', planId: 'p', taskId: 't-1', etag: 'e1' }]);
    const edited = editAgreement(added, 'a-9', { what: 'y' }, { at: at(2), byUserId: 'v' });
    const merged = mergePlans(added, edited, linked).agreements[0]!;
    expect(merged.planner).toEqual({ planId: 'p', taskId: 't-1', etag: 'e1', syncedUpdatedAt: at(1) });
    expect(merged.updatedAt).toBe(at(2));
    const resynced = applyMirrorLinks({ ...added, agreements: [merged] }, [{ agreementId: 'a-9', planId: 'p', taskId: 't-1', etag: 'e2' }]);
    expect(mergePlans(added, linked, resynced).agreements[0]!.planner).toMatchObject({ etag: 'e2', syncedUpdatedAt: at(2) });
    expect(mergePlans(added, resynced, linked).agreements[0]!.planner).toMatchObject({ etag: 'e2', syncedUpdatedAt: at(2) });
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
    for (const merged of [mergePlans(base, chair, edited), mergePlans(base, edited, chair)]) {
      expect(merged.meetingNotes.map((n) => [n.id, n.text]).sort()).toEqual([['m-1:closingRound', 'Fijn overleg'], ['m-1:wants', 'B']]);
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
        const byId = (list: Agreement[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));
        expect(byId(one)).toEqual(byId(other));
      }),
    );
  });
});
