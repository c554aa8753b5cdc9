import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDraftPlan } from './draftPlan';
import { mergePlans } from './mergePlans';
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

  // Two devices edit the same plan offline and sync in any order, the way the 412 loop does: read the
  // server copy, merge with what we had loaded (base) and what we changed (local), write the result.
  it('ends with every agreement ever made and the latest value of each, for any interleaving', () => {
    type Step =
      | { kind: 'add'; device: 0 | 1 }
      | { kind: 'edit'; device: 0 | 1; pick: number; what: string }
      | { kind: 'done'; device: 0 | 1; pick: number }
      | { kind: 'log'; device: 0 | 1 }
      | { kind: 'sync'; device: 0 | 1 };
    const device = fc.constantFrom<0 | 1>(0, 1);
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), device }),
      fc.record({ kind: fc.constant('edit' as const), device, pick: fc.nat(), what: fc.string({ maxLength: 8 }) }),
      fc.record({ kind: fc.constant('done' as const), device, pick: fc.nat() }),
      fc.record({ kind: fc.constant('log' as const), device }),
      fc.record({ kind: fc.constant('sync' as const), device }),
    );

    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let server = basePlan();
        const devices = [0, 1].map(() => ({ base: server, local: server }));
        const latest = new Map(server.agreements.map((a) => [a.id, a]));
        const logged = new Set(server.log.map((e) => e.at + e.action));
        let tick = 0;
        const sync = (d: { base: Plan; local: Plan }) => {
          server = mergePlans(d.base, d.local, server);
          d.base = server;
          d.local = server;
        };
        const change = (d: { local: Plan }, pick: number, apply: (a: Agreement) => Agreement) => {
          const list = d.local.agreements;
          const target = list[pick % list.length]!;
          const next = apply(target);
          d.local = { ...d.local, agreements: list.map((a) => (a.id === target.id ? next : a)) };
          latest.set(next.id, next);
        };

        for (const s of steps) {
          tick += 1;
          const d = devices[s.device]!;
          if (s.kind === 'add') {
            const added = agreement(`a-${s.device}-${tick}`, tick);
            d.local = { ...d.local, agreements: [...d.local.agreements, added] };
            latest.set(added.id, added);
          } else if (s.kind === 'edit') {
            change(d, s.pick, (a) => edit(a, tick, s.what, `u${s.device}`));
          } else if (s.kind === 'done') {
            change(d, s.pick, (a) => ({ ...a, status: 'done', updatedAt: at(tick) }));
          } else if (s.kind === 'log') {
            const action = `device${s.device}.step${tick}`;
            d.local = { ...d.local, log: [...d.local.log, { at: at(tick), byUserId: `u${s.device}`, action }] };
            logged.add(at(tick) + action);
          } else {
            sync(d);
          }
        }
        sync(devices[0]!);
        sync(devices[1]!);

        expect(new Set(server.agreements.map((a) => a.id))).toEqual(new Set(latest.keys()));
        for (const a of server.agreements) {
          const expected = latest.get(a.id)!;
          expect({ what: a.what, status: a.status, updatedAt: a.updatedAt }).toEqual({ what: expected.what, status: expected.status, updatedAt: expected.updatedAt });
          // Every edit made to it, on either device, is in its history.
          expect(a.history.length).toBeGreaterThanOrEqual(expected.history.length);
        }
        expect(server.log.map((e) => e.at + e.action).sort()).toEqual([...logged].sort());
        expect(server.log.map((e) => Date.parse(e.at))).toEqual(server.log.map((e) => Date.parse(e.at)).sort((x, y) => x - y));
        expect(PlanSchema.safeParse(server).success).toBe(true);
      }),
      { numRuns: 300 },
    );
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
