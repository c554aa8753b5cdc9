#!/usr/bin/env node
// Builds the demo tenant's Graph contract from Microsoft's official Graph v1.0 metadata (CSDL).
//
//   node scripts/gen-graph-contract.mjs [path/to/graph-v1.0.csdl] [out.json]
//
// Defaults: ../shared/graph/graph-v1.0.csdl (relative to the repository) and src/demo/contract/graphContract.json.
// The 3.4 MB CSDL never reaches the browser: the output holds only the types reachable from the types and bound
// actions the demo tenant serves (ROOT_TYPES, ACTIONS), with base types, derived types, property names and
// types, nullability, enum members and navigation properties. tests/contract/graphContract.test.ts rebuilds it
// in memory with buildContract() and fails when the committed file is out of date.
//
// Encoding (compact on purpose):
//   types[name] = { kind: 'entity' | 'complex', base?, abstract?, open?, derived?, props: { p: 'Type' }, nav?: { p: 'Type' } }
//   types[name] = { kind: 'enum', members: [...], flags? }
//   'Type' is 'Edm.String', 'event' (microsoft.graph namespace dropped), 'Collection(recipient)', and ends
//   with '!' when the CSDL says Nullable="false".
//   actions['event.forward'] = { params: { ToRecipients: 'Collection(recipient)', Comment: 'Edm.String' }, returns?: 'Type' }
//   dynamicValues[openType] = 'Type' — what the values of an open type's dynamic properties are (Planner
//   dictionaries); the CSDL cannot say this, Planner's documentation does (values need "@odata.type").
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

const NS = 'microsoft.graph';

/** Entity and complex types whose bodies the demo tenant receives or returns. */
export const ROOT_TYPES = [
  'user', 'person',
  'event', 'attachment', 'fileAttachment',
  'message', 'eventMessageRequest', 'eventMessageResponse',
  'driveItem', 'listItem', 'fieldValueSet', 'permission',
  'plannerPlan', 'plannerBucket', 'plannerTask', 'plannerAssignment', 'plannerAssignments',
  'meetingTimeSuggestionsResult', 'scheduleInformation',
];

/** Bound actions the demo tenant serves: binding type + action name. */
export const ACTIONS = [
  ['event', 'accept'], ['event', 'tentativelyAccept'], ['event', 'decline'], ['event', 'forward'], ['event', 'cancel'],
  ['user', 'sendMail'], ['user', 'findMeetingTimes'],
  ['calendar', 'getSchedule'],
  ['driveItem', 'invite'],
];

/** Navigation properties whose target types are followed (expanded or deep-inserted in bodies we serve). */
const FOLLOW_NAV = new Set(['attachments', 'listItem', 'fields', 'permissions', 'singleValueExtendedProperties']);

/** Values of open "dictionary" types, from Planner's documentation (not expressible in CSDL). */
export const DYNAMIC_VALUES = {
  plannerAssignments: 'plannerAssignment',
  plannerAppliedCategories: 'Edm.Boolean',
  plannerOrderHintsByAssignee: 'Edm.String',
};

const asArray = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Parses the CSDL text and returns the compact contract (a plain, key-sorted object). */
export function buildContract(csdlText) {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, parseAttributeValue: false });
  const doc = parser.parse(csdlText);
  const schemas = asArray(doc.Edmx?.DataServices?.Schema);
  if (schemas.length === 0) throw new Error('not a CSDL document: no Schema under edmx:DataServices');

  const aliases = new Map();
  for (const s of schemas) if (s.Alias) aliases.set(s.Alias, s.Namespace);

  /** Full qualified name from 'graph.x', 'self.x', 'microsoft.graph.x', 'Collection(...)'. */
  const qualify = (ref) => {
    const coll = /^Collection\((.+)\)$/.exec(ref);
    if (coll) return `Collection(${qualify(coll[1])})`;
    if (ref.startsWith('Edm.')) return ref;
    const dot = ref.lastIndexOf('.');
    const ns = ref.slice(0, dot);
    return `${aliases.get(ns) ?? ns}.${ref.slice(dot + 1)}`;
  };
  /** Short name: the microsoft.graph namespace is implied. */
  const short = (full) => {
    const coll = /^Collection\((.+)\)$/.exec(full);
    if (coll) return `Collection(${short(coll[1])})`;
    return full.startsWith(`${NS}.`) && !full.slice(NS.length + 1).includes('.') ? full.slice(NS.length + 1) : full;
  };
  const elementOf = (full) => /^Collection\((.+)\)$/.exec(full)?.[1] ?? full;

  const all = new Map(); // full name -> { kind, node }
  const actions = [];
  for (const s of schemas) {
    for (const node of asArray(s.EntityType)) all.set(`${s.Namespace}.${node.Name}`, { kind: 'entity', node });
    for (const node of asArray(s.ComplexType)) all.set(`${s.Namespace}.${node.Name}`, { kind: 'complex', node });
    for (const node of asArray(s.EnumType)) all.set(`${s.Namespace}.${node.Name}`, { kind: 'enum', node });
    for (const node of asArray(s.Action)) actions.push({ ns: s.Namespace, node });
  }
  const derivedOf = new Map();
  for (const [name, t] of all) {
    if (t.kind === 'enum' || !t.node.BaseType) continue;
    const base = qualify(t.node.BaseType);
    if (!derivedOf.has(base)) derivedOf.set(base, []);
    derivedOf.get(base).push(name);
  }

  const out = {};
  const queue = [];
  // withDerived: reached as a value's declared type (so a derived type may stand in its place); types reached
  // only as someone's base type do not pull in their (often hundreds of) other derived types.
  const want = (ref, withDerived) => {
    const full = elementOf(ref);
    if (full.startsWith('Edm.')) return;
    if (!all.has(full)) throw new Error(`type ${full} is referenced but not defined`);
    queue.push([full, withDerived]);
  };
  const done = new Map();

  for (const t of ROOT_TYPES) want(`${NS}.${t}`, true);
  const contractActions = {};
  for (const [binding, name] of ACTIONS) {
    const bindingType = `${NS}.${binding}`;
    const found = actions.find(({ node }) => node.Name === name && node.IsBound === 'true'
      && qualify(asArray(node.Parameter)[0]?.Type ?? '') === bindingType);
    if (!found) throw new Error(`bound action ${binding}.${name} is not in the CSDL`);
    const params = {};
    for (const p of asArray(found.node.Parameter).slice(1)) {
      const type = qualify(p.Type);
      params[p.Name] = short(type) + (p.Nullable === 'false' ? '!' : '');
      want(type, true);
    }
    const action = { params };
    if (found.node.ReturnType) {
      const type = qualify(found.node.ReturnType.Type);
      action.returns = short(type);
      want(type, true);
    }
    contractActions[`${binding}.${name}`] = action;
  }

  while (queue.length > 0) {
    const [full, withDerived] = queue.shift();
    const previous = done.get(full);
    if (previous === true || (previous === false && !withDerived)) continue;
    done.set(full, withDerived);
    const { kind, node } = all.get(full);
    const key = short(full);
    if (kind === 'enum') {
      const members = asArray(node.Member).map((m) => m.Name);
      out[key] = { kind, members, ...(node.IsFlags === 'true' ? { flags: true } : {}) };
      continue;
    }
    const entry = out[key] ?? { kind, props: {} };
    if (node.BaseType) {
      const base = qualify(node.BaseType);
      entry.base = short(base);
      want(base, false);
    }
    if (node.Abstract === 'true') entry.abstract = true;
    if (node.OpenType === 'true') entry.open = true;
    const props = {};
    for (const p of asArray(node.Property)) {
      const type = qualify(p.Type);
      props[p.Name] = short(type) + (p.Nullable === 'false' ? '!' : '');
      want(type, true);
    }
    entry.props = props;
    const nav = {};
    for (const p of asArray(node.NavigationProperty)) {
      const type = qualify(p.Type);
      nav[p.Name] = short(type);
      if (FOLLOW_NAV.has(p.Name)) want(type, true);
    }
    if (Object.keys(nav).length > 0) entry.nav = nav;
    if (withDerived) {
      const derived = derivedOf.get(full) ?? [];
      if (derived.length > 0) entry.derived = derived.map(short).sort();
      for (const d of derived) want(d, true);
    }
    out[key] = entry;
  }

  // A type reached both ways keeps its derived list; drop derived entries that were never emitted.
  for (const entry of Object.values(out)) {
    if (entry.derived) entry.derived = entry.derived.filter((d) => out[d]);
    if (entry.derived?.length === 0) delete entry.derived;
  }
  const dynamicValues = {};
  for (const [open, value] of Object.entries(DYNAMIC_VALUES)) {
    if (!out[open]) continue; // not reachable from what we serve
    if (!value.startsWith('Edm.') && !out[value]) throw new Error(`dynamic value type ${value} is not in the contract`);
    dynamicValues[open] = value;
  }

  return sortKeys({
    generatedBy: 'scripts/gen-graph-contract.mjs',
    source: { file: 'graph-v1.0.csdl', sha256: createHash('sha256').update(csdlText).digest('hex') },
    namespace: NS,
    types: out,
    actions: contractActions,
    dynamicValues,
  });
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  }
  return value;
}

/** The file's text, as committed: stable key order, one type per line for reviewable diffs. */
export function serialiseContract(contract) {
  const lines = ['{'];
  const top = Object.keys(contract);
  top.forEach((key, i) => {
    const comma = i < top.length - 1 ? ',' : '';
    if (key === 'types' || key === 'actions') {
      const entries = Object.entries(contract[key]);
      lines.push(`  ${JSON.stringify(key)}: {`);
      entries.forEach(([name, entry], j) => {
        lines.push(`    ${JSON.stringify(name)}: ${JSON.stringify(entry)}${j < entries.length - 1 ? ',' : ''}`);
      });
      lines.push(`  }${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(contract[key])}${comma}`);
    }
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CSDL = path.resolve(repo, '../shared/graph/graph-v1.0.csdl');
export const DEFAULT_OUT = path.resolve(repo, 'src/demo/contract/graphContract.json');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [csdl = DEFAULT_CSDL, outFile = DEFAULT_OUT] = process.argv.slice(2);
  const text = serialiseContract(buildContract(readFileSync(csdl, 'utf8')));
  writeFileSync(outFile, text);
  const types = Object.keys(JSON.parse(text).types).length;
  process.stdout.write(`wrote ${path.relative(process.cwd(), outFile)}: ${types} types, ${(text.length / 1024).toFixed(1)} KB\n`);
}
