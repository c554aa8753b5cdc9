// The merge, driven the way devices use it: three devices, each with its outbox (base + draft) and a clock
// that may be minutes off, one stored document with an eTag and a revision. Random edits of every record
// type (add, rewrite or add to a text, change a value, delete), syncs that may lose their answer or be cut
// off after the merge, and reads of the stored plan while edits wait. After everyone synced:
// - nothing lost: every record added and not deleted is there once; every text token no later edit replaced
//   is in its text; every value no later edit replaced is the one that stands (or one of two concurrent ones);
// - nothing resurrected: a deleted record never comes back; nothing duplicated: no id twice, no token twice
//   within one version of a text (two versions kept side by side may both hold the text they started from);
// - every device holds the stored plan; unknown fields and lists survive;
// - the outcome does not depend on the device clocks: the same run with other clocks ends in the same plan.
// Runs: MERGE_PROPERTY_RUNS (200 by default, the CI figure).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDraftPlan } from './draftPlan';
import { mergePlans } from './mergePlans';
import { decideParkedTopic, parkedTopicToAgreement } from './parkList';
import { applyMirrorLinks } from './plannerMirror';
import type { Plan } from './planSchema';
import { PlanSchema } from './planSchema';
import { landedBase, nextRevision, recordDeletes } from './tombstones';

const RUNS = Number(process.env.MERGE_PROPERTY_RUNS ?? 200);
const T0 = Date.UTC(2026, 10, 1, 9);

type Rec = Record<string, unknown>;
interface ListSpec {
  key: string;
  text: string;
  /** A value that is not free text, set to a unique value per edit (undefined: none). */
  value?: string;
  deletable: boolean;
  make(id: string, token: string, stamp: string): Rec;
}

const LISTS: ListSpec[] = [
  { key: 'wants', text: 'text', value: undefined, deletable: true, make: (id, t, at) => ({ id, text: t, target: '', updatedAt: at }) },
  { key: 'organisations', text: 'name', value: undefined, deletable: true, make: (id, t) => ({ organisationId: id, name: t }) },
  { key: 'meetingNotes', text: 'text', deletable: true, make: (id, t, at) => ({ id, meetingId: 'm-0', itemKey: id, text: t, updatedAt: at }) },
  { key: 'participants', text: 'expectation', value: 'name', deletable: true, make: (id, t, at) => ({ id, name: 'n0', role: 'professional', reasons: [], expectation: t, updatedAt: at }) },
  { key: 'consents', text: 'note', deletable: true, make: (id, t, at) => ({ id, subject: 'meeting', date: '2026-11-01', how: 'verbal', recordedByUserId: 'u', note: t, updatedAt: at }) },
  { key: 'meetings', text: 'goal', value: 'durationMinutes', deletable: true, make: (id, t, at) => ({ id, start: at, durationMinutes: 60, location: { kind: 'home' }, goal: t, status: 'planned', updatedAt: at }) },
  { key: 'agreements', text: 'what', value: 'due', deletable: false, make: (id, t, at) => ({ id, who: 'p-1', what: t, due: '2027-01-01', status: 'open', createdAt: at, updatedAt: at, history: [] }) },
  { key: 'evaluations', text: 'lessonsLearned', deletable: true, make: (id, t, at) => ({ id, date: '2026-12-01', how: 'meeting', status: 'planned', lessonsLearned: t, updatedAt: at }) },
  { key: 'wellbeing', text: 'comment', deletable: true, make: (id, t, at) => ({ id, score: 6, date: '2026-11-01', moment: 'start', comment: t, updatedAt: at }) },
  // Parked topics are decided, never deleted (like agreements); the note is free text, the step a value.
  { key: 'parkedTopics', text: 'note', value: 'stepKey', deletable: false, make: (id, t, at) => ({ id, meetingId: 'm-0', note: t, stepKey: 'currentState', parkedAt: at, decision: 'open', updatedAt: at }) },
  { key: 'microAnalyses', text: 'note', deletable: true, make: (id, t, at) => ({ id, date: '2026-11-01', before: [], after: [], oneOff: [], doNothing: [], note: t, updatedAt: at }) },
  // A list this version does not know (another engineer's, a newer app's): it merges like the others.
  { key: 'responses', text: 'text', deletable: true, make: (id, t) => ({ id, text: t, extra: { from: 'elsewhere' } }) },
];
// Organisations have no free text: their name is a value (both names cannot be kept).
const isText = (spec: ListSpec) => spec.key !== 'organisations';
const idOf = (r: Rec) => (r.id ?? r.organisationId) as string;

type Step =
  | { kind: 'add'; device: number; list: number }
  | { kind: 'text'; device: number; list: number; pick: number; append: boolean }
  | { kind: 'value'; device: number; list: number; pick: number }
  | { kind: 'delete'; device: number; list: number; pick: number }
  | { kind: 'link'; device: number; pick: number }
  | { kind: 'decide'; device: number; pick: number; choice: 'open' | 'follow-up' | 'dropped' | 'agreement' }
  | { kind: 'sync'; device: number; mode: 'ok' | 'lostResponse' | 'cutOff' }
  | { kind: 'refresh'; device: number };

const DEVICES = 3;
const device = fc.integer({ min: 0, max: DEVICES - 1 });
const list = fc.integer({ min: 0, max: LISTS.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), device, list }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('text' as const), device, list, pick: fc.nat(), append: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('value' as const), device, list, pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, list, pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('link' as const), device, pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('decide' as const), device, pick: fc.nat(), choice: fc.constantFrom('open' as const, 'follow-up' as const, 'dropped' as const, 'agreement' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), device, mode: fc.constantFrom('ok' as const, 'ok' as const, 'lostResponse' as const, 'cutOff' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refresh' as const), device }) },
);
/** Minutes each device's clock is off (up to ten either way). */
const skews = fc.array(fc.integer({ min: -600, max: 600 }), { minLength: DEVICES, maxLength: DEVICES });

function startPlan(): Plan {
  const plan = createDraftPlan({ caseAlias: 'SO-2026-014', municipality: 'Maasveld', caseDirectorUserId: 'u-esra', now: new Date(T0).toISOString() });
  return PlanSchema.parse({ ...plan, extra: { keep: 'top level' }, responses: [], resident: { ...plan.resident, pronoun: 'zij' } });
}

interface Oracle {
  created: Map<string, Set<string>>;
  deleted: Set<string>;
  tokens: Map<string, Set<string>>;
  values: Map<string, Set<string>>;
  superseded: Set<string>;
  linked: Set<string>;
  /** Per parked topic: every decision some device took. */
  decisions: Map<string, Set<string>>;
}

interface Device { base: { plan: Plan; eTag: number }; local: Plan; pending?: { plan: Plan; writeId: string } }

/** Runs the steps with these clocks; returns the stored plan at the end and what must be true of it. */
export function run(steps: readonly Step[], skew: readonly number[]) {
  let store = { json: JSON.stringify(startPlan()), eTag: 1 };
  const read = () => ({ plan: PlanSchema.parse(JSON.parse(store.json)), eTag: store.eTag });
  let writes = 0;
  /** If-Match: false is a 412. The device keeps what it sends (with the write's id) until it hears back. */
  const write = (d: Device, plan: Plan, ifMatch: number, stored: Plan) => {
    if (ifMatch !== store.eTag) return false;
    writes += 1;
    const written = nextRevision(plan, stored, `w-${writes}`);
    d.pending = { plan: PlanSchema.parse(JSON.parse(JSON.stringify(written))), writeId: `w-${writes}` };
    store = { json: JSON.stringify(written), eTag: store.eTag + 1 };
    return true;
  };
  const devices: Device[] = Array.from({ length: DEVICES }, () => ({ base: read(), local: read().plan }));
  const o: Oracle = { created: new Map(), deleted: new Set(), tokens: new Map(), values: new Map(), superseded: new Set(), linked: new Set(), decisions: new Map() };
  const merge = (d: Device) => {
    const theirs = read();
    d.local = mergePlans(landedBase(d.base.plan, theirs.plan, d.pending), d.local, theirs.plan);
    d.base = theirs;
    d.pending = undefined;
    return theirs;
  };
  const sync = (d: Device, mode: 'ok' | 'lostResponse' | 'cutOff') => {
    if (!write(d, d.local, d.base.eTag, d.base.plan)) {
      const theirs = merge(d);
      if (mode === 'cutOff') return;
      expect(write(d, d.local, theirs.eTag, theirs.plan)).toBe(true);
    }
    if (mode === 'lostResponse') return;
    d.base = read();
    d.local = d.base.plan;
    d.pending = undefined;
  };
  const refresh = (d: Device) => void merge(d);
  steps.forEach((s, tick) => {
    const d = devices[s.device]!;
    const stamp = new Date(T0 + tick * 1000 + skew[s.device]! * 60_000).toISOString();
    if (s.kind === 'sync') return sync(d, s.mode);
    if (s.kind === 'refresh') return refresh(d);
    if (s.kind === 'link') return link(d, s.pick, tick, o);
    if (s.kind === 'decide') return decide(d, s, tick, stamp, o);
    edit(d, s, tick, stamp, o);
  });
  for (const d of devices) sync(d, 'ok');
  for (const d of devices) refresh(d);
  return { stored: read().plan, devices, oracle: o };
}

const words = (text: unknown) => (typeof text === 'string' ? text.split(/\s+/).filter((w) => w !== '') : []);
const listOf = (plan: Plan, spec: ListSpec) => ((plan as Rec)[spec.key] as Rec[] | undefined) ?? [];
const withList = (plan: Plan, spec: ListSpec, records: Rec[]) => ({ ...plan, [spec.key]: records }) as Plan;

function edit(d: Device, s: Extract<Step, { list: number }>, tick: number, stamp: string, o: Oracle): void {
  const spec = LISTS[s.list]!;
  const records = listOf(d.local, spec);
  if (s.kind === 'add') {
    const id = `${spec.key}-${s.device}-${tick}`;
    const token = `t${tick}z`;
    const record = spec.make(id, token, stamp);
    d.local = withList(d.local, spec, [...records, record]);
    o.created.set(`${spec.key}#${id}`, new Set([token]));
    o.tokens.set(`${spec.key}#${id}`, new Set([token]));
    if (spec.value) o.values.set(`${spec.key}#${id}`, new Set([String(record[spec.value])]));
    return;
  }
  if (records.length === 0) return;
  const target = records[s.pick % records.length]!;
  const key = `${spec.key}#${idOf(target)}`;
  if (s.kind === 'delete') {
    if (!spec.deletable) return;
    const before = d.local;
    d.local = recordDeletes(before, withList(before, spec, records.filter((r) => r !== target)));
    o.deleted.add(key);
    return;
  }
  const token = `t${tick}z`;
  let changed: Rec;
  if (s.kind === 'text') {
    const old = target[spec.text];
    const append = s.append && isText(spec);
    if (!append) for (const w of words(old)) o.superseded.add(`${key}:${w}`);
    changed = { ...target, [spec.text]: append ? `${String(old)} ${token}` : token };
    o.tokens.get(key)!.add(token);
  } else {
    if (!spec.value) return;
    const value = spec.value === 'durationMinutes' ? 100 + tick : spec.value === 'due' ? new Date(T0 + (1000 + tick) * 86_400_000).toISOString().slice(0, 10) : token;
    o.superseded.add(`${key}=${String(target[spec.value])}`);
    changed = { ...target, [spec.value]: value };
    o.values.get(key)!.add(String(value));
  }
  if ('updatedAt' in changed) changed.updatedAt = stamp;
  d.local = withList(d.local, spec, records.map((r) => (r === target ? changed : r)));
}

function link(d: Device, pick: number, tick: number, o: Oracle): void {
  const agreements = d.local.agreements;
  if (agreements.length === 0) return;
  const a = agreements[pick % agreements.length]!;
  d.local = applyMirrorLinks(d.local, [{ agreementId: a.id, planId: 'plan-1', taskId: `task-${a.id}`, etag: `e-${tick}` }]);
  o.linked.add(a.id);
}

/** A device decides about a parked topic; "agreement" makes the agreement too (parkedTopicToAgreement). */
function decide(d: Device, s: Extract<Step, { kind: 'decide' }>, tick: number, stamp: string, o: Oracle): void {
  const topics = d.local.parkedTopics;
  if (topics.length === 0) return;
  const topic = topics[s.pick % topics.length]!;
  const by = { at: stamp, byUserId: `u-${s.device}` };
  if (s.choice === 'agreement') {
    const id = `agreements-${s.device}-${tick}`;
    const token = `t${tick}z`;
    d.local = parkedTopicToAgreement(d.local, topic.id, { id, who: 'p-1', what: token, due: '2027-01-01', meetingId: 'm-0' }, by);
    o.created.set(`agreements#${id}`, new Set([token]));
    o.tokens.set(`agreements#${id}`, new Set([token]));
    o.values.set(`agreements#${id}`, new Set(['2027-01-01']));
  } else {
    d.local = decideParkedTopic(d.local, topic.id, s.choice, by);
  }
  const made = o.decisions.get(topic.id) ?? new Set(['open']);
  o.decisions.set(topic.id, made.add(s.choice));
}

export function check(stored: Plan, devices: readonly Device[], o: Oracle): void {
  for (const spec of LISTS) {
    const records = listOf(stored, spec);
    const ids = records.map(idOf);
    expect(ids.length, `no ${spec.key} twice`).toBe(new Set(ids).size);
    const expected = [...o.created.keys()].filter((k) => k.startsWith(`${spec.key}#`) && !o.deleted.has(k)).map((k) => k.slice(spec.key.length + 1));
    expect(new Set(ids), `${spec.key}: every record added and not deleted, none deleted`).toEqual(new Set(expected));
    for (const record of records) checkRecord(spec, record, o);
  }
  // A decision comes whole from one device: "agreement" always with its agreement, nothing else with one.
  for (const topic of stored.parkedTopics) {
    expect([...(o.decisions.get(topic.id) ?? ['open'])], `${topic.id}: a decision someone took`).toContain(topic.decision);
    expect(topic.agreementId !== undefined, `${topic.id}: agreement id iff agreement`).toBe(topic.decision === 'agreement');
    if (topic.agreementId !== undefined) expect(stored.agreements.some((a) => a.id === topic.agreementId)).toBe(true);
    expect(topic.decidedAt !== undefined).toBe(topic.decision !== 'open');
  }
  for (const id of o.linked) expect(stored.agreements.find((a) => a.id === id)?.planner?.taskId).toBe(`task-${id}`);
  expect((stored as Rec).extra).toEqual({ keep: 'top level' });
  expect((stored.resident as Rec).pronoun).toBe('zij');
  for (const d of devices) expect(d.local).toEqual(stored);
}

function checkRecord(spec: ListSpec, record: Rec, o: Oracle): void {
  const key = `${spec.key}#${idOf(record)}`;
  const text = words(record[spec.text]);
  const live = [...o.tokens.get(key)!].filter((t) => !o.superseded.has(`${key}:${t}`));
  if (isText(spec)) {
    // Within one version no token twice; two kept versions may both hold the text they were written from.
    for (const version of String(record[spec.text]).split('\n\n').map(words)) expect(version, `${key}: no token twice`).toEqual([...new Set(version)]);
    for (const t of live) expect(text, `${key}: ${t} kept`).toContain(t);
    for (const t of text) expect(o.tokens.get(key)!.has(t), `${key}: ${t} was written`).toBe(true);
  } else {
    // A value: one of the values no later edit replaced (both concurrent values cannot stand).
    expect(live.map(String), `${key}: name`).toContain(record[spec.text]);
  }
  if (spec.value) {
    const values = [...o.values.get(key)!].filter((v) => !o.superseded.has(`${key}=${v}`));
    expect(values, `${key}: ${spec.value}`).toContain(String(record[spec.value]));
  }
}

/** The plan without edit stamps: what must not depend on the device clocks. */
function withoutStamps(plan: Plan): unknown {
  const plain = JSON.parse(JSON.stringify(plan, (k, v: unknown) => (['updatedAt', 'createdAt', 'start', 'syncedUpdatedAt', 'at', 'doneAt', 'writes', 'parkedAt', 'decidedAt'].includes(k) ? undefined : v))) as Rec;
  // The log is sorted by its entries' times, which are the devices' clocks: its content must not depend on them, its order may.
  return { ...plain, log: (plain.log as unknown[]).map((entry) => JSON.stringify(entry)).sort() };
}

describe('mergePlans, as devices use it', () => {
  it(`loses, duplicates and resurrects nothing, for every record type, with deletes and skewed clocks (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 90, size: 'medium' }), skews, skews, (steps, one, other) => {
        const a = run(steps, one);
        check(a.stored, a.devices, a.oracle);
        const b = run(steps, other);
        expect(withoutStamps(b.stored)).toEqual(withoutStamps(a.stored));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
