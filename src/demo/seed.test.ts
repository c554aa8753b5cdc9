import { describe, it, expect } from 'vitest';
import { createSeed, DEMO_PLAN_DRIVE_ID, DEMO_TENANT_ID, PLAN_FOLDER } from './seed';
import type { DemoTenantState } from './tenantState';

// The plan document as the seed writes it (provisional; only the fields these tests read).
interface PlanDoc {
  caseAlias: string;
  status: string;
  areaId: string;
  caseDirectorUserId: string;
  resident: { id: string; name: string };
  wants: { id: string; text: string; target: string }[];
  wellbeing: { score: number; date: string; moment: string }[];
  participants: { id: string; name: string; email?: string; role: string; userId?: string; reasons: string[] }[];
  consents: { id: string; subject: string; participantIds?: string[]; recordedByUserId: string }[];
  meetings: { id: string; start: string; status: string; location: { kind: string } }[];
  agreements: { id: string; who: string; due: string; wantId?: string; status: string }[];
  caseDirection: { caseDirectorParticipantId?: string };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const CASE_ALIAS = /^SO-\d{4}-\d{3}$/;
const NINE_DIGITS = /\d{9}/;
const IBAN_LIKE = /[A-Z]{2}\d{2}[A-Z0-9]{10,30}/;
// The brief's phone pattern, also allowing a space or dash straight after the prefix ("+31 6 ...").
const DUTCH_PHONE = /(\+31|0)[ -]?[1-9][0-9 -]{7,}/;
// Structured values the seed legitimately holds; they are masked before the identifier scan, because an ISO
// date such as 2026-11-22 or a GUID segment would otherwise look like a phone number to DUTCH_PHONE.
const GUID_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_DATE_OR_TIME = /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/g;
const DEMO_TODAY = '2026-11-22';

function plans(state: DemoTenantState): { fileName: string; plan: PlanDoc }[] {
  return state.planDrive.items.map((item) => ({ fileName: item.name, plan: JSON.parse(item.content) as PlanDoc }));
}

/** Every string and number in a value, descending into the JSON documents stored as drive item content. */
function leaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    out.push(value);
    const trimmed = value.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        leaves(JSON.parse(trimmed), out);
      } catch {
        // not JSON: already scanned as text
      }
    }
  } else if (typeof value === 'number') {
    out.push(String(value));
  } else if (Array.isArray(value)) {
    for (const v of value) leaves(v, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      leaves(v, out);
    }
  }
  return out;
}

function mask(text: string): string {
  return text.replace(GUID_ANYWHERE, '<guid>').replace(ISO_DATE_OR_TIME, '<date>');
}

function personaUsers(state: DemoTenantState, persona: string) {
  return state.users.filter((u) => u.persona === persona);
}

describe('demo seed: tenant and directory', () => {
  const seed = createSeed();

  it('has a fictional tenant with GUID id and an onmicrosoft domain', () => {
    expect(seed.tenant.id).toBe(DEMO_TENANT_ID);
    expect(seed.tenant.id).toMatch(GUID);
    expect(seed.tenant.domain).toMatch(/^[a-z0-9-]+\.onmicrosoft\.com$/);
    expect(seed.tenant.municipality).toMatch(/^Gemeente /);
  });

  it('has at least 10 users from at least 5 distinct organisations', () => {
    expect(seed.users.length).toBeGreaterThanOrEqual(10);
    expect(new Set(seed.users.map((u) => u.organisationId)).size).toBeGreaterThanOrEqual(5);
  });

  it('has the organisation kinds welzijn, ggz, woningcorporatie, schuldhulp and wijkverpleging', () => {
    const kinds = new Set(seed.organisations.map((o) => o.kind));
    for (const kind of ['welzijn', 'ggz', 'woningcorporatie', 'schuldhulp', 'wijkverpleging'] as const) {
      expect(kinds, kind).toContain(kind);
    }
    expect(new Set(seed.organisations.map((o) => o.id)).size).toBe(seed.organisations.length);
  });

  it('links every user to an existing organisation (companyName matches) and an existing area', () => {
    const orgs = new Map(seed.organisations.map((o) => [o.id, o]));
    const areaIds = new Set(seed.areas.map((a) => a.id));
    for (const u of seed.users) {
      expect(orgs.get(u.organisationId)?.name, u.displayName).toBe(u.companyName);
      expect(areaIds.has(u.areaId), u.displayName).toBe(true);
      expect(u.displayName).toBe(`${u.givenName} ${u.surname}`);
      expect(u.jobTitle.length, u.displayName).toBeGreaterThan(0);
    }
  });

  it('has exactly one user per persona role, three different people', () => {
    const ids = (['caseDirector', 'chair', 'participant'] as const).map((role) => {
      const users = personaUsers(seed, role);
      expect(users, role).toHaveLength(1);
      return users[0]!.id;
    });
    expect(new Set(ids).size).toBe(3);
    const caseDirector = personaUsers(seed, 'caseDirector')[0]!;
    const participant = personaUsers(seed, 'participant')[0]!;
    expect(participant.organisationId).not.toBe(caseDirector.organisationId);
  });

  it('gives every area a champion who exists among the users', () => {
    expect(seed.areas.length).toBeGreaterThanOrEqual(2);
    const userIds = new Set(seed.users.map((u) => u.id));
    for (const area of seed.areas) {
      expect(userIds.has(area.championUserId), area.name).toBe(true);
    }
  });

  it('uses unique GUID user ids and unique mail addresses on fictional domains', () => {
    for (const u of seed.users) {
      expect(u.id, u.displayName).toMatch(GUID);
      expect(u.mail, u.displayName).toMatch(/^[a-z0-9.-]+@[a-z0-9-]+\.(example|onmicrosoft\.com)$/);
      expect(u.userPrincipalName, u.displayName).toMatch(/@[a-z0-9-]+\.(example|onmicrosoft\.com)$/);
    }
    expect(new Set(seed.users.map((u) => u.id)).size).toBe(seed.users.length);
    expect(new Set(seed.users.map((u) => u.mail.toLowerCase())).size).toBe(seed.users.length);
    expect(new Set(seed.users.map((u) => u.userPrincipalName.toLowerCase())).size).toBe(seed.users.length);
  });

  it('uses one mail domain per organisation', () => {
    const domainsByOrg = new Map<string, Set<string>>();
    for (const u of seed.users) {
      const domain = u.mail.split('@')[1]!;
      domainsByOrg.set(u.organisationId, (domainsByOrg.get(u.organisationId) ?? new Set()).add(domain));
    }
    for (const [org, domains] of domainsByOrg) expect(domains.size, org).toBe(1);
  });
});

describe('demo seed: Samenwerkplannen in the plan drive', () => {
  const seed = createSeed();
  const caseDirector = personaUsers(seed, 'caseDirector')[0]!;
  const usersById = new Map(seed.users.map((u) => [u.id, u]));

  it('holds at least two plan documents in the plan folder', () => {
    expect(seed.planDrive.id).toBe(DEMO_PLAN_DRIVE_ID);
    expect(seed.planDrive.id.startsWith('b!')).toBe(true);
    expect(seed.planDrive.items.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seed.planDrive.items.map((i) => i.id)).size).toBe(seed.planDrive.items.length);
    for (const item of seed.planDrive.items) {
      expect(item.folder).toBe(PLAN_FOLDER);
      expect(item.mimeType).toBe('application/json');
      expect(item.version).toBe(1);
      expect(item.createdByUserId).toBe(caseDirector.id);
      expect(item.lastModifiedByUserId).toBe(caseDirector.id);
      expect(item.createdDateTime).toMatch(/^2026-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(item.lastModifiedDateTime).toMatch(/^2026-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(Date.parse(item.lastModifiedDateTime)).toBeGreaterThanOrEqual(Date.parse(item.createdDateTime));
    }
  });

  it('stores parseable JSON whose caseAlias matches the file name', () => {
    for (const item of seed.planDrive.items) {
      expect(() => JSON.parse(item.content), item.name).not.toThrow();
      const plan = JSON.parse(item.content) as PlanDoc;
      expect(plan.caseAlias).toMatch(CASE_ALIAS);
      expect(item.name).toBe(`${plan.caseAlias}.json`);
    }
    expect(new Set(plans(seed).map((p) => p.plan.caseAlias)).size).toBe(seed.planDrive.items.length);
  });

  it('never puts the resident name in a file name', () => {
    for (const { fileName, plan } of plans(seed)) {
      for (const part of plan.resident.name.split(/\s+/).filter((p) => p.length > 3)) {
        expect(fileName.toLowerCase()).not.toContain(part.toLowerCase());
      }
    }
  });

  it('refers to existing areas and to the case director persona', () => {
    const areaIds = new Set(seed.areas.map((a) => a.id));
    for (const { plan } of plans(seed)) {
      expect(areaIds.has(plan.areaId), plan.caseAlias).toBe(true);
      expect(plan.caseDirectorUserId, plan.caseAlias).toBe(caseDirector.id);
      const director = plan.participants.find((p) => p.id === plan.caseDirection.caseDirectorParticipantId);
      expect(director?.userId, plan.caseAlias).toBe(caseDirector.id);
    }
  });

  it('matches every professional participant to a seed user, with the same mail', () => {
    for (const { plan } of plans(seed)) {
      const professionals = plan.participants.filter((p) => p.role === 'professional');
      expect(professionals.length, plan.caseAlias).toBeGreaterThanOrEqual(3);
      for (const p of professionals) {
        const user = p.userId ? usersById.get(p.userId) : undefined;
        expect(user, `${plan.caseAlias} ${p.id}`).toBeDefined();
        expect(p.email, `${plan.caseAlias} ${p.id}`).toBe(user!.mail);
        expect(p.reasons.length, `${plan.caseAlias} ${p.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('has exactly one resident and at least one network member without email per plan', () => {
    for (const { plan } of plans(seed)) {
      expect(plan.participants.filter((p) => p.role === 'resident'), plan.caseAlias).toHaveLength(1);
      const network = plan.participants.filter((p) => p.role === 'network');
      expect(network.length, plan.caseAlias).toBeGreaterThanOrEqual(1);
      for (const n of network) {
        expect(n.email, `${plan.caseAlias} ${n.id}`).toBeUndefined();
        expect(n.userId, `${plan.caseAlias} ${n.id}`).toBeUndefined();
      }
      expect(new Set(plan.participants.map((p) => p.id)).size, plan.caseAlias).toBe(plan.participants.length);
    }
  });

  it('points every agreement and consent at participants and wants of the same plan', () => {
    for (const { plan } of plans(seed)) {
      const participantIds = new Set(plan.participants.map((p) => p.id));
      const wantIds = new Set(plan.wants.map((w) => w.id));
      for (const a of plan.agreements) {
        expect(participantIds.has(a.who), `${plan.caseAlias} ${a.id}`).toBe(true);
        if (a.wantId !== undefined) expect(wantIds.has(a.wantId), `${plan.caseAlias} ${a.id}`).toBe(true);
        expect(a.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      for (const c of plan.consents) {
        for (const id of c.participantIds ?? []) expect(participantIds.has(id), `${plan.caseAlias} ${c.id}`).toBe(true);
        expect(usersById.has(c.recordedByUserId), `${plan.caseAlias} ${c.id}`).toBe(true);
      }
    }
  });

  it('writes "ik wil" in the first person with a target, and whole-number wellbeing scores from 1 to 10', () => {
    for (const { plan } of plans(seed)) {
      expect(plan.wants.length, plan.caseAlias).toBeGreaterThanOrEqual(2);
      for (const w of plan.wants) {
        expect(w.text, `${plan.caseAlias} ${w.id}`).toMatch(/^Ik wil /);
        expect(w.target.length, `${plan.caseAlias} ${w.id}`).toBeGreaterThan(0);
      }
      for (const s of plan.wellbeing) {
        expect(Number.isInteger(s.score) && s.score >= 1 && s.score <= 10, plan.caseAlias).toBe(true);
      }
    }
  });

  it('has one case being prepared (planned home SO in December) and one in evaluation', () => {
    const all = plans(seed).map((p) => p.plan);
    const preparing = all.find((p) => p.status === 'preparing');
    expect(preparing).toBeDefined();
    expect(preparing!.agreements).toHaveLength(0);
    expect(preparing!.consents.map((c) => c.subject)).toEqual(expect.arrayContaining(['samenwerkwijze', 'meeting']));
    const upcoming = preparing!.meetings.filter((m) => m.status === 'planned');
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0]!.start).toMatch(/^2026-12-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$/);
    expect(upcoming[0]!.location.kind).toBe('home');

    const evaluating = all.find((p) => p.status === 'evaluating');
    expect(evaluating).toBeDefined();
    expect(evaluating!.meetings.some((m) => m.status === 'held' && m.start.startsWith('2026-10-'))).toBe(true);
    expect(evaluating!.agreements.length).toBeGreaterThanOrEqual(3);
    expect(evaluating!.agreements.length).toBeLessThanOrEqual(5);
    expect(evaluating!.agreements.some((a) => a.status === 'done')).toBe(true);
    const overdue = evaluating!.agreements.filter((a) => a.status === 'open' && a.due < DEMO_TODAY);
    expect(overdue).toHaveLength(1);
    expect(evaluating!.wellbeing.map((w) => w.moment)).toEqual(['start', 'evaluation']);
    const share = evaluating!.consents.find((c) => c.subject === 'sharePlan');
    expect(share?.participantIds?.length ?? 0).toBeGreaterThan(0);
  });
});

describe('demo seed: privacy', () => {
  const seed = createSeed();
  const texts = leaves(seed).map(mask);

  it('scans the plan documents too', () => {
    for (const { plan } of plans(seed)) {
      expect(texts).toContain(plan.wants[0]!.text);
    }
  });

  it.each([
    ['a 9-digit number (BSN)', NINE_DIGITS],
    ['an IBAN-like string', IBAN_LIKE],
    ['a Dutch phone number', DUTCH_PHONE],
  ])('contains no %s', (_label, pattern) => {
    const hits = texts.filter((t) => pattern.test(t));
    expect(hits).toEqual([]);
  });

  it('has no birth date fields', () => {
    const keys = leaves(seed).filter((k) => /birth|geboorte/i.test(k));
    expect(keys).toEqual([]);
  });

  it.each([
    ['BSN 123456782', NINE_DIGITS],
    ['NL91ABNA0417164300', IBAN_LIKE],
    ['bel 06-12345678', DUTCH_PHONE],
    ['+31 6 1234 5678', DUTCH_PHONE],
    ['+31201234567', DUTCH_PHONE],
    ['020 123 4567', DUTCH_PHONE],
  ])('would catch %s if it were there', (planted, pattern) => {
    // Guard against the scan passing silently: masking must not hide a planted identifier.
    expect(pattern.test(mask(planted))).toBe(true);
  });
});

describe('createSeed', () => {
  it('returns a new, independent object on every call', () => {
    const a = createSeed();
    const b = createSeed();
    expect(a).not.toBe(b);
    expect(a).toEqual(b);

    a.users[0]!.displayName = 'Veranderd';
    a.users.pop();
    a.organisations[0]!.name = 'Veranderd';
    a.areas[0]!.championUserId = 'x';
    a.tenant.displayName = 'Veranderd';
    a.planDrive.items[0]!.content = '{}';
    a.planDrive.items.push({ ...b.planDrive.items[0]! });

    const c = createSeed();
    expect(c).toEqual(b);
    expect(c.users).toHaveLength(b.users.length);
    expect(c.users[0]!.displayName).not.toBe('Veranderd');
    expect(c.planDrive.items).toHaveLength(b.planDrive.items.length);
  });
});
