// Checks JSON bodies against Microsoft's Graph v1.0 metadata, compacted into graphContract.json by
// scripts/gen-graph-contract.mjs. What it enforces, as Graph does:
// - unknown properties fail (open types that really are dictionaries, like fieldValueSet, allow any);
// - primitive types (Edm.String, Int32, Boolean, DateTimeOffset, Date, TimeOfDay, Double, Duration, Guid, Binary),
//   enums by member name (case-insensitive, as Graph reads "HTML"), collections, nested complex types, Nullable="false";
// - a value of an abstract type, or a dynamic property of a Planner dictionary, must name its concrete type with
//   "@odata.type" (a fileAttachment posted to /attachments, a plannerAssignment inside assignments), and a named
//   type must be the declared type or derived from it;
// - annotations (`@odata.etag`, `x@odata.nextLink`, `@microsoft.graph.conflictBehavior`) are always allowed;
// - action parameters (forward's ToRecipients/Comment, accept's Comment/SendResponse, sendMail's Message, ...)
//   compare names case-insensitively, at every depth of the action's body, because Graph's own documentation
//   sends `"ToRecipients":[{"EmailAddress":{"Address":...}}]`; entity bodies compare exactly.
import contractJson from './graphContract.json';

export type Direction = 'request' | 'response';

export interface ContractViolation {
  /** JSON path of the offending value, e.g. $.attendees[0].emailAddress.nmae */
  path: string;
  message: string;
}

interface TypeDef {
  kind: 'entity' | 'complex' | 'enum';
  base?: string;
  abstract?: boolean;
  open?: boolean;
  derived?: string[];
  props?: Record<string, string>;
  nav?: Record<string, string>;
  members?: string[];
  flags?: boolean;
}

interface ActionDef {
  params: Record<string, string>;
  returns?: string;
}

interface Contract {
  namespace: string;
  types: Record<string, TypeDef>;
  actions: Record<string, ActionDef>;
  dynamicValues: Record<string, string>;
}

const contract = contractJson as unknown as Contract;

/**
 * The CSDL marks these OpenType (for extensions), but Graph answers 400 "The property 'x' does not exist on type
 * 'Microsoft.OutlookServices.Event'. Make sure to only use property names that are defined by the type" for
 * unknown properties on them; directory objects accept only directory extension attributes (extension_<app>_<name>).
 */
const CLOSED_IN_PRACTICE = new Set(['event', 'message', 'eventMessage', 'eventMessageRequest', 'eventMessageResponse', 'calendarSharingMessage', 'driveItem', 'user', 'agentUser', 'directoryObject']);
const DIRECTORY_EXTENSION = /^extension_[0-9a-f]{32}_\w+$/i;

const ISO_DATE_TIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_OF_DAY = /^\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/;
const DURATION = /^-?P(?!$)(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

interface Ctx {
  out: ContractViolation[];
  caseInsensitive: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAnnotation = (key: string) => key.includes('@');
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const child = (path: string, key: string) => (/^[A-Za-z_][\w]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

/** The contract's name for an "@odata.type" value: '#microsoft.graph.fileAttachment' → 'fileAttachment'. */
export function typeNameOf(odataType: string): string {
  const name = odataType.replace(/^#/, '');
  if (contract.types[name]) return name;
  const prefix = `${contract.namespace}.`;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

function isSameOrDerived(type: string, declared: string): boolean {
  for (let t: string | undefined = type; t; t = contract.types[t]?.base) if (t === declared) return true;
  return false;
}

function lookup(type: string, key: string, ci: boolean): { kind: 'prop' | 'nav'; type: string } | undefined {
  for (let t: string | undefined = type; t; t = contract.types[t]?.base) {
    const def = contract.types[t];
    if (!def) break;
    for (const [bucket, kind] of [[def.props, 'prop'], [def.nav, 'nav']] as const) {
      if (!bucket) continue;
      const hit = bucket[key] ?? (ci ? Object.entries(bucket).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1] : undefined);
      if (hit !== undefined) return { kind, type: hit };
    }
  }
  return undefined;
}

function isOpen(type: string): boolean {
  for (let t: string | undefined = type; t; t = contract.types[t]?.base) {
    if (CLOSED_IN_PRACTICE.has(t)) return false;
    if (contract.types[t]?.open) return true;
  }
  return false;
}

function checkPrimitive(type: string, value: unknown, path: string, ctx: Ctx): void {
  const fail = (expected: string) => ctx.out.push({ path, message: `expected ${type}${expected}, got ${describe(value)} ${JSON.stringify(value)?.slice(0, 60)}` });
  switch (type) {
    case 'Edm.String':
    case 'Edm.Stream':
      if (typeof value !== 'string') fail('');
      return;
    case 'Edm.Boolean':
      if (typeof value !== 'boolean') fail('');
      return;
    case 'Edm.Int16':
    case 'Edm.Int32':
    case 'Edm.Byte':
    case 'Edm.SByte':
      if (typeof value !== 'number' || !Number.isInteger(value)) fail(' (an integer)');
      return;
    case 'Edm.Int64':
      if (!(typeof value === 'number' && Number.isInteger(value)) && !(typeof value === 'string' && /^-?\d+$/.test(value))) fail(' (an integer)');
      return;
    case 'Edm.Double':
    case 'Edm.Single':
    case 'Edm.Decimal':
      if (typeof value !== 'number' && !(typeof value === 'string' && ['INF', '-INF', 'NaN'].includes(value))) fail(' (a number)');
      return;
    case 'Edm.DateTimeOffset':
      if (typeof value !== 'string' || !ISO_DATE_TIME_OFFSET.test(value) || Number.isNaN(Date.parse(value))) fail(' (ISO 8601 with Z or an offset)');
      return;
    case 'Edm.Date':
      if (typeof value !== 'string' || !ISO_DATE.test(value)) fail(' (YYYY-MM-DD)');
      return;
    case 'Edm.TimeOfDay':
      if (typeof value !== 'string' || !TIME_OF_DAY.test(value)) fail(' (hh:mm:ss)');
      return;
    case 'Edm.Duration':
      if (typeof value !== 'string' || !DURATION.test(value)) fail(' (an ISO 8601 duration such as PT1H30M)');
      return;
    case 'Edm.Guid':
      if (typeof value !== 'string' || !GUID.test(value)) fail(' (a GUID)');
      return;
    case 'Edm.Binary':
      if (typeof value !== 'string' || !BASE64.test(value)) fail(' (base64)');
      return;
    default:
      // Edm.Untyped and friends: anything goes.
      return;
  }
}

function checkValue(typeRef: string, value: unknown, path: string, ctx: Ctx, requireODataType = false): void {
  const nonNullable = typeRef.endsWith('!');
  const type = nonNullable ? typeRef.slice(0, -1) : typeRef;
  if (value === null) {
    if (nonNullable) ctx.out.push({ path, message: `must not be null (${type} is Nullable="false")` });
    return;
  }
  const collection = /^Collection\((.+)\)$/.exec(type);
  if (collection) {
    if (!Array.isArray(value)) {
      ctx.out.push({ path, message: `expected a JSON array for ${type}, got ${describe(value)}` });
      return;
    }
    value.forEach((v, i) => checkValue(collection[1]!, v, `${path}[${i}]`, ctx));
    return;
  }
  if (type.startsWith('Edm.')) {
    checkPrimitive(type, value, path, ctx);
    return;
  }
  if (type === 'Json') return; // microsoft.graph.Json: any JSON
  const def = contract.types[type];
  if (!def) return; // a type outside the contract (a navigation target we do not follow): not checked
  if (def.kind === 'enum') {
    // Member names compare case-insensitively: Graph's own examples send "contentType": "HTML" and "Text".
    const members = def.members!.map((m) => m.toLowerCase());
    const ok = typeof value === 'string' && value.split(',').map((s) => s.trim().toLowerCase()).every((m, _, all) => (def.flags || all.length === 1) && members.includes(m));
    if (!ok) ctx.out.push({ path, message: `expected a member of enum ${type} (${def.members!.join(', ')}), got ${JSON.stringify(value)}` });
    return;
  }
  if (!isObject(value)) {
    ctx.out.push({ path, message: `expected a JSON object for ${type}, got ${describe(value)}` });
    return;
  }
  checkStructured(type, value, path, ctx, requireODataType);
}

function checkStructured(declared: string, value: Record<string, unknown>, path: string, ctx: Ctx, requireODataType: boolean): void {
  let actual = declared;
  const odataType = value['@odata.type'];
  if (odataType !== undefined) {
    if (typeof odataType !== 'string') {
      ctx.out.push({ path: child(path, '@odata.type'), message: '@odata.type must be a string' });
      return;
    }
    actual = typeNameOf(odataType);
    if (!contract.types[actual]) {
      ctx.out.push({ path: child(path, '@odata.type'), message: `unknown type ${odataType}` });
      return;
    }
    if (!isSameOrDerived(actual, declared)) {
      ctx.out.push({ path: child(path, '@odata.type'), message: `${odataType} is not ${declared} or derived from it` });
      return;
    }
  } else if (contract.types[declared]?.abstract) {
    const derived = contract.types[declared]?.derived ?? [];
    ctx.out.push({ path, message: `missing @odata.type: ${declared} is abstract; name the concrete type, e.g. "#${contract.namespace}.${derived[0] ?? declared}"` });
    return;
  } else if (requireODataType) {
    ctx.out.push({ path, message: `missing @odata.type: a dynamic property's value must say its type ("#${contract.namespace}.${declared}")` });
    return;
  }

  const dynamic = contract.dynamicValues[actual];
  const open = isOpen(actual);
  for (const [key, v] of Object.entries(value)) {
    if (isAnnotation(key)) continue;
    const at = child(path, key);
    const hit = lookup(actual, key, ctx.caseInsensitive);
    if (hit) {
      checkValue(hit.type, v, at, ctx);
      continue;
    }
    if (dynamic) {
      // Planner dictionaries: keys are user ids / category names; null removes an entry in a PATCH.
      checkValue(dynamic, v, at, ctx, !dynamic.startsWith('Edm.'));
      continue;
    }
    if (open) continue;
    if (DIRECTORY_EXTENSION.test(key) && isSameOrDerived(actual, 'directoryObject')) continue;
    ctx.out.push({ path: at, message: `unknown property '${key}' on ${contract.namespace}.${actual}` });
  }
}

function checkCollectionEnvelope(elementType: string, value: unknown, ctx: Ctx): void {
  if (!isObject(value)) {
    ctx.out.push({ path: '$', message: `expected {"value": [...]} for Collection(${elementType}), got ${describe(value)}` });
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (isAnnotation(key)) continue;
    if (key !== 'value') ctx.out.push({ path: child('$', key), message: `unknown property '${key}' next to a collection's value` });
    else checkValue(`Collection(${elementType})`, v, '$.value', ctx);
  }
  if (!('value' in value)) ctx.out.push({ path: '$', message: 'missing "value" in a collection response' });
}

function checkAction(name: string, def: ActionDef, value: unknown, ctx: Ctx): void {
  if (!isObject(value)) {
    ctx.out.push({ path: '$', message: `expected a JSON object with the parameters of ${name}, got ${describe(value)}` });
    return;
  }
  const seen = new Set<string>();
  for (const [key, v] of Object.entries(value)) {
    if (isAnnotation(key)) continue;
    const param = Object.keys(def.params).find((p) => p.toLowerCase() === key.toLowerCase());
    if (!param) {
      ctx.out.push({ path: child('$', key), message: `unknown parameter '${key}' of action ${contract.namespace}.${name} (parameters: ${Object.keys(def.params).join(', ')})` });
      continue;
    }
    seen.add(param);
    checkValue(def.params[param]!, v, child('$', key), ctx);
  }
  for (const [param, type] of Object.entries(def.params)) {
    if (type.endsWith('!') && !seen.has(param)) ctx.out.push({ path: '$', message: `missing required parameter '${param}' of action ${contract.namespace}.${name}` });
  }
}

/**
 * Validates a JSON body against the contract.
 * - `typeOrAction` is a type ('plannerTask'), a collection response ('Collection(event)', i.e. {"value": [...]}),
 *   or a bound action ('event.forward'): its parameters for a request, its return type for a response.
 */
export function validateBody(typeOrAction: string, json: unknown, direction: Direction): ContractViolation[] {
  const action = contract.actions[typeOrAction];
  if (action) {
    const ctx: Ctx = { out: [], caseInsensitive: true };
    if (direction === 'request') checkAction(typeOrAction, action, json, ctx);
    else if (action.returns) return validateBody(action.returns, json, 'response');
    else if (json !== undefined && json !== null && json !== '') ctx.out.push({ path: '$', message: `action ${typeOrAction} returns no body` });
    return ctx.out;
  }
  const ctx: Ctx = { out: [], caseInsensitive: false };
  const collection = /^Collection\((.+)\)$/.exec(typeOrAction);
  if (collection) {
    checkCollectionEnvelope(collection[1]!, json, ctx);
    return ctx.out;
  }
  if (!contract.types[typeOrAction]) throw new Error(`the Graph contract has no type or action '${typeOrAction}'`);
  checkValue(typeOrAction, json, '$', ctx);
  return ctx.out;
}

/** True when the contract knows the type or action (used by tests and the route table). */
export function isKnownContractTarget(typeOrAction: string): boolean {
  const element = /^Collection\((.+)\)$/.exec(typeOrAction)?.[1] ?? typeOrAction;
  return Boolean(contract.actions[element] ?? contract.types[element]);
}
