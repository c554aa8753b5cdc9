// The generic three-way merge under mergePlans: any JSON value against the common base (the last stored
// version this device knows), field by field, down through nested objects and lists of records with ids.
// Nothing here reads a clock: who changed what comes from the base, and where both sides changed the same
// value the side that is written later in the document's own sequence — the device merging now, `local` —
// wins. Text fields are the exception: two concurrent edits of one text keep both (see joinTexts).

// Key order must not make two equal records look different.
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export const same = (a: unknown, b: unknown) => a === b || canonical(a) === canonical(b);

export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields whose value is free text a person wrote: concurrent edits keep both versions. */
export const TEXT_FIELDS: ReadonlySet<string> = new Set([
  'text', 'target', 'what', 'goal', 'expectation', 'note', 'comment', 'lessonsLearned', 'priorities', 'residentSupport', 'history', 'description', 'message',
]);

/** Between the two versions of a text that was changed on two devices at once. */
export const TEXT_JOIN = '\n\n';

const blocks = (text: string) => text.split(TEXT_JOIN);

/**
 * Both sides changed one text. When one side only added to what the other has (which itself only added to the
 * base), the longer one; when both only added to the base, the base once with both additions; otherwise the
 * text's blocks (paragraphs between blank lines) merge like lines: what either side added stays, what either
 * removed goes, so both versions stand one under the other, ours first — the user sees both and keeps what
 * is right (the screen says so: MergeReport.textsKeptBoth).
 */
export function joinTexts(base: string | undefined, local: string, remote: string): string {
  const from = base ?? '';
  if (local.startsWith(remote) && remote.startsWith(from)) return local;
  if (remote.startsWith(local) && local.startsWith(from)) return remote;
  if (from !== '' && local.startsWith(from) && remote.startsWith(from) && !remote.slice(from.length).includes(TEXT_JOIN)) return appendBoth(from, local, remote);
  const baseBlocks = base === undefined ? undefined : blocks(base);
  const theirs = blocks(remote);
  // A block both sides added to (each from the same base block): one block with both additions.
  const mine = blocks(local).map((block) => {
    if (theirs.includes(block)) return block;
    const root = baseBlocks?.find((b) => b !== '' && block.startsWith(b));
    const other = root === undefined ? -1 : theirs.findIndex((t) => t !== block && t.startsWith(root) && !(baseBlocks ?? []).includes(t));
    if (root === undefined || other < 0) return block;
    const combined = appendBoth(root, block, theirs[other]!);
    theirs[other] = combined;
    return combined;
  });
  return mergeLines(baseBlocks, mine, theirs).join(TEXT_JOIN);
}

/** Both added lines to `from`: ours, then their added lines ours does not have yet. */
function appendBoth(from: string, local: string, remote: string): string {
  const addedLines = (text: string) => text.slice(from.length).split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const mine = new Set(addedLines(local));
  const extra = addedLines(remote).filter((line) => !mine.has(line));
  if (extra.length === 0) return local;
  return `${local}${local.endsWith('\n') ? '' : '\n'}${extra.join('\n')}`;
}

/** Lines without ids ("ik kan", invitee ids): keep what either side added, honour what either removed. */
export function mergeLines(base: readonly string[] | undefined, local: readonly string[], remote: readonly string[]): string[] {
  const removedByThem = base === undefined ? new Set<string>() : new Set(base.filter((line) => !remote.includes(line)));
  const result = [...new Set(local.filter((line) => !removedByThem.has(line)))];
  for (const line of remote) {
    if (!result.includes(line) && !(base ?? []).includes(line)) result.push(line);
  }
  return result;
}

/** What the merge had to decide, so the screen can say it (and tests can count it). */
export interface MergeReport {
  /** Texts both sides changed: both versions are kept, one under the other. `path` ends in the field. */
  textsKeptBoth: string[];
  /** Records one side deleted while the other changed them: the delete stands (see mergeRecords). */
  editsOfDeleted: string[];
  /** Other values both sides changed differently: the later write (ours) stands. */
  overwritten: string[];
}

export const emptyReport = (): MergeReport => ({ textsKeptBoth: [], editsOfDeleted: [], overwritten: [] });

export interface MergeContext {
  /** Where we are, e.g. `agreements/a-1/what`; a list of records is named by its path (`meetings/m-1/responses`). */
  path: string;
  /** The field's own name (the last part of the path). */
  key: string;
  /** `${listPath}#${id}` of every record deleted on either side (tombstones). */
  deleted: ReadonlySet<string>;
  /** Lists whose records are never deleted (an agreement is marked done, never removed). */
  neverDropped: ReadonlySet<string>;
  /** Lists merged as an append-only union (the log, an agreement's history, who received the plan). */
  unions: ReadonlyMap<string, (local: readonly unknown[], remote: readonly unknown[]) => unknown[]>;
  /** Per list of records: a rule applied after the field-by-field merge of one record. */
  recordRules: ReadonlyMap<string, (base: Json | undefined, local: Json, remote: Json, merged: Json) => Json>;
  report: MergeReport;
}

const child = (ctx: MergeContext, key: string): MergeContext => ({ ...ctx, key, path: ctx.path === '' ? key : `${ctx.path}/${key}` });

/** One value, three ways: unchanged on one side → the other side's; changed on both → by its kind. */
export function mergeValue(base: unknown, local: unknown, remote: unknown, ctx: MergeContext): unknown {
  if (same(local, remote)) return local;
  // A list whose records are never deleted goes through mergeRecords even when one side only removed some.
  const keepAll = ctx.neverDropped.has(ctx.path) && Array.isArray(local) && Array.isArray(remote);
  if (!keepAll && same(base, local)) return remote;
  if (!keepAll && same(base, remote)) return local;
  if (isObject(local) && isObject(remote)) return mergeObject(isObject(base) ? base : undefined, local, remote, ctx);
  if (Array.isArray(local) && Array.isArray(remote)) return mergeArray(Array.isArray(base) ? base : undefined, local, remote, ctx);
  if (typeof local === 'string' && typeof remote === 'string' && TEXT_FIELDS.has(ctx.key)) {
    ctx.report.textsKeptBoth.push(ctx.path);
    return joinTexts(typeof base === 'string' ? base : undefined, local, remote);
  }
  // An edit stamp only says when; not a decision worth reporting.
  if (ctx.key !== 'updatedAt') ctx.report.overwritten.push(ctx.path);
  return local;
}

export function mergeObject(base: Json | undefined, local: Json, remote: Json, ctx: MergeContext): Json {
  const result: Json = {};
  for (const key of new Set([...Object.keys(local), ...Object.keys(remote)])) {
    const value = mergeValue(base?.[key], local[key], remote[key], child(ctx, key));
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** The id of a record in a list, if it is one: `id`, or `organisationId` for the plan's organisations. */
export function recordId(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.id === 'string') return value.id;
  return typeof value.organisationId === 'string' ? value.organisationId : undefined;
}

const isRecordList = (list: readonly unknown[]) => list.every((item) => recordId(item) !== undefined);
const isLineList = (list: readonly unknown[]) => list.every((item) => typeof item === 'string');

function mergeArray(base: readonly unknown[] | undefined, local: readonly unknown[], remote: readonly unknown[], ctx: MergeContext): unknown[] {
  const union = ctx.unions.get(ctx.key);
  if (union !== undefined) return union(local, remote);
  if (isRecordList(local) && isRecordList(remote) && (base === undefined || isRecordList(base))) return mergeRecords(base, local, remote, ctx);
  if (isLineList(local) && isLineList(remote) && (base === undefined || isLineList(base))) {
    return mergeLines(base as string[] | undefined, local as string[], remote as string[]);
  }
  ctx.report.overwritten.push(ctx.path);
  return [...local];
}

const byId = (list: readonly unknown[] | undefined) => new Map((list ?? []).map((item) => [recordId(item)!, item as Json]));

/**
 * A list of records, by id: the stored order (theirs) first, then records only we have. A record is gone when either side
 * has a tombstone for it, or when the base had it and one side no longer does (that side deleted it, its
 * tombstone may since have been compacted). **Delete beats a concurrent edit**: the record stays deleted and
 * the edit is reported (`editsOfDeleted`), so a delete never comes back through a colleague's older copy.
 */
export function mergeRecords(base: readonly unknown[] | undefined, local: readonly unknown[], remote: readonly unknown[], ctx: MergeContext): Json[] {
  const [b, l, r] = [byId(base), byId(local), byId(remote)];
  const rule = ctx.recordRules.get(ctx.path);
  const result: Json[] = [];
  for (const id of new Set([...r.keys(), ...l.keys()])) {
    const [mine, theirs, before] = [l.get(id), r.get(id), b.get(id)];
    const path = `${ctx.path}/${id}`;
    const tombstoned = ctx.deleted.has(`${ctx.path}#${id}`);
    if (mine !== undefined && theirs !== undefined && !tombstoned) {
      const merged = mergeObject(before, mine, theirs, { ...ctx, path, key: id });
      result.push(rule === undefined ? merged : rule(before, mine, theirs, merged));
      continue;
    }
    const only = mine ?? theirs!;
    const deletedElsewhere = tombstoned || (before !== undefined && !ctx.neverDropped.has(ctx.path));
    if (!deletedElsewhere) {
      result.push(only);
      continue;
    }
    if (before !== undefined ? !same(before, only) : mine !== undefined && theirs !== undefined) ctx.report.editsOfDeleted.push(path);
  }
  return result;
}
