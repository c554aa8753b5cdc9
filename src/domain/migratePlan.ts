// Reads a plan document of any known version and brings it to the current one. Migration is
// deterministic: two devices migrating the same v1 document get identical ids and timestamps, so a
// later 412 merge sees one record, not two.
import { CURRENT_SCHEMA_VERSION, PlanSchema, PlanV1Schema } from './planSchema';
import type { Plan, PlanV1 } from './planSchema';
import { error } from './problem';
import type { Problem } from './problem';
import { dutchIssueText, issuesToProblems } from './zodProblems';

export interface MigrationResult {
  plan?: Plan;
  problems: Problem[];
  /** The version the document was stored in. */
  fromVersion?: number;
}

/** v1 → v2. Records get `updatedAt` = their creation time (or the plan's), which any real edit beats. */
export function migrateV1ToV2(v1: PlanV1): Plan {
  const since = v1.createdAt;
  return {
    schemaVersion: 2,
    caseAlias: v1.caseAlias,
    status: v1.status,
    createdAt: v1.createdAt,
    resident: { ...v1.resident },
    municipality: v1.municipality,
    ...(v1.areaId === undefined ? {} : { areaId: v1.areaId }),
    caseDirectorUserId: v1.caseDirectorUserId,
    wants: v1.wants.map((w) => ({ ...w, updatedAt: since })),
    // Position-based ids are stable because v1 could only append scores.
    wellbeing: v1.wellbeing.map((w, i) => ({ ...w, id: `wb-${i + 1}`, updatedAt: since })),
    can: { own: [...v1.can.own], offer: [...v1.can.offer] },
    needs: { shortTerm: [...v1.needs.shortTerm], longTerm: [...v1.needs.longTerm] },
    organisations: v1.organisations.map((o) => ({ ...o })),
    participants: v1.participants.map((p) => ({ ...p, reasons: [...p.reasons], updatedAt: since })),
    consents: v1.consents.map((c) => ({ ...c, ...(c.participantIds ? { participantIds: [...c.participantIds] } : {}), updatedAt: since })),
    meetings: v1.meetings.map((m) => ({ ...m, location: { ...m.location }, updatedAt: since })),
    agreements: v1.agreements.map((a) => ({ ...a, updatedAt: a.createdAt, history: [] })),
    caseDirection: { ...v1.caseDirection },
    evaluations: [],
    microAnalyses: [],
    meetingNotes: [],
    runFacts: [],
    parkedTopics: [],
    followUpReminders: [],
    changeNotices: [],
    actions: [],
    log: v1.log.map((entry) => ({ ...entry })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Any stored plan document → the current Plan, or the problems that stop it from being read. */
export function migratePlan(input: unknown): MigrationResult {
  if (!isRecord(input)) {
    return { problems: [error('plan-invalid', 'Dit is geen Samenwerkplan: het bestand bevat geen plangegevens.')] };
  }
  const version = input.schemaVersion;
  if (version === 1) {
    const parsed = PlanV1Schema.safeParse(input, { error: dutchIssueText });
    if (!parsed.success) return { problems: issuesToProblems(parsed.error.issues, 'plan-invalid'), fromVersion: 1 };
    return { plan: migrateV1ToV2(parsed.data), problems: [], fromVersion: 1 };
  }
  if (version === CURRENT_SCHEMA_VERSION) {
    const parsed = PlanSchema.safeParse(input, { error: dutchIssueText });
    if (!parsed.success) return { problems: issuesToProblems(parsed.error.issues, 'plan-invalid'), fromVersion: 2 };
    return { plan: parsed.data, problems: [], fromVersion: 2 };
  }
  const newer = typeof version === 'number' && Number.isInteger(version) && version > CURRENT_SCHEMA_VERSION;
  return {
    problems: [
      error(
        'schema-version-unknown',
        newer
          ? 'Dit plan is opgeslagen door een nieuwere versie van de app. Werk de app bij om het te openen; zo gaat er niets verloren.'
          : 'Bij dit plan staat geen versie die we kennen, dus we kunnen het niet veilig openen.',
        'schemaVersion',
      ),
    ],
  };
}
