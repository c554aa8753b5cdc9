import { describe, expect, it } from 'vitest';
import { createDraftPlan } from './draftPlan';
import { migratePlan } from './migratePlan';
import { PlanSchema } from './planSchema';
import { validatePlan } from './validatePlan';

/** A version 1 document in the shape the first plans (and the demo tenant) were stored in. */
function planV1(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    caseAlias: 'SO-2026-021',
    status: 'evaluating',
    createdAt: '2026-10-15T09:30:00Z',
    resident: { id: 'r-1', name: 'Henk van der Meulen' },
    municipality: 'Gemeente Maasveld',
    areaId: 'area-noord',
    caseDirectorUserId: 'u-esra',
    wants: [{ id: 'w-1', text: 'Ik wil weer mensen om me heen.', target: 'Ik zie elke week een paar vaste mensen.' }],
    wellbeing: [
      { score: 4, date: '2026-10-15', moment: 'start', comment: 'De dagen zijn lang.' },
      { score: 6, date: '2026-11-19', moment: 'evaluation', comment: 'De dinsdag is mijn beste dag.' },
    ],
    can: { own: ['Ik kook zelf.'], offer: ['Ik help met klussen.'] },
    needs: { shortTerm: ['Hulp bij de post.'], longTerm: ['Vaste plekken om mensen te treffen.'] },
    organisations: [{ organisationId: 'org-1', name: 'Stichting Buurtkracht' }],
    participants: [
      { id: 'p-resident', name: 'Henk van der Meulen', role: 'resident', reasons: ['experience'] },
      { id: 'p-esra', name: 'Esra Aydin', email: 'esra@buurtkracht.example', role: 'professional', organisation: 'Stichting Buurtkracht', jobTitle: 'Sociaal werker', userId: 'u-esra', reasons: ['experience', 'thinkAlong'], expectation: 'Houdt de regie.' },
      { id: 'p-abdel', name: 'Abdel Amrani', role: 'network', reasons: ['thinkAlong'] },
    ],
    consents: [
      { id: 'c-1', subject: 'samenwerkwijze', date: '2026-10-15', how: 'verbal', recordedByUserId: 'u-esra' },
      { id: 'c-2', subject: 'sharePlan', participantIds: ['p-esra'], date: '2026-10-27', how: 'written', recordedByUserId: 'u-esra', note: 'Abdel niet.' },
    ],
    meetings: [{ id: 'm-1', start: '2026-10-27T10:00:00+01:00', durationMinutes: 90, location: { kind: 'home' }, goal: 'Afspreken wie wat doet.', status: 'held' }],
    agreements: [
      { id: 'a-1', who: 'p-abdel', what: 'Gaat elke dinsdag mee naar de koffieochtend.', due: '2026-11-03', wantId: 'w-1', status: 'done', createdAt: '2026-10-27T10:12:00Z' },
      { id: 'a-2', who: 'p-esra', what: 'Zoekt een vrijwilliger voor de post.', due: '2026-12-04', perspectiveOnly: true, status: 'open', createdAt: '2026-10-27T10:18:00Z' },
    ],
    caseDirection: { caseDirectorParticipantId: 'p-esra', processDirectorNeeded: false, aveLevel: 2 },
    log: [{ at: '2026-10-15T09:30:00Z', byUserId: 'u-esra', action: 'plan.created' }],
  };
}

// Tests poke at arbitrary JSON, the way a broken or hand-edited document would look.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function withChange(change: (doc: Json) => void): Record<string, unknown> {
  const doc = planV1() as Json;
  change(doc);
  return doc;
}

describe('migratePlan', () => {
  it('upgrades version 1 to version 2 without losing anything', () => {
    const { plan, problems, fromVersion } = migratePlan(planV1());
    expect(problems).toEqual([]);
    expect(fromVersion).toBe(1);
    expect(plan!.schemaVersion).toBe(2);
    expect(plan!.areaId).toBe('area-noord');
    expect(plan!.wellbeing.map((w) => [w.id, w.score, w.moment])).toEqual([['wb-1', 4, 'start'], ['wb-2', 6, 'evaluation']]);
    expect(plan!.agreements.map((a) => [a.id, a.updatedAt, a.history])).toEqual([
      ['a-1', '2026-10-27T10:12:00Z', []],
      ['a-2', '2026-10-27T10:18:00Z', []],
    ]);
    expect(plan!.participants[1]).toMatchObject({ userId: 'u-esra', updatedAt: '2026-10-15T09:30:00Z' });
    expect(plan!.consents[1]).toMatchObject({ participantIds: ['p-esra'], note: 'Abdel niet.' });
    expect(plan!.evaluations).toEqual([]);
    expect(plan!.microAnalyses).toEqual([]);
    expect(PlanSchema.safeParse(plan).success).toBe(true);
  });

  it('is deterministic, so two devices migrating the same document agree on every id', () => {
    expect(migratePlan(planV1())).toEqual(migratePlan(planV1()));
  });

  it('reads a version 2 document back exactly as it was written', () => {
    const { plan } = migratePlan(planV1());
    const again = migratePlan(JSON.parse(JSON.stringify(plan)));
    expect(again).toEqual({ plan, problems: [], fromVersion: 2 });
  });

  it('refuses documents of an unknown or newer version, and anything that is not a plan', () => {
    const newer = migratePlan({ ...planV1(), schemaVersion: 3 });
    expect(newer.plan).toBeUndefined();
    expect(newer.problems).toEqual([expect.objectContaining({ code: 'schema-version-unknown', severity: 'error', path: 'schemaVersion' })]);
    expect(newer.problems[0]!.message).toContain('nieuwere versie');
    expect(migratePlan({ ...planV1(), schemaVersion: undefined }).problems[0]!.code).toBe('schema-version-unknown');
    for (const notAPlan of [null, 'plan', 42, []]) expect(migratePlan(notAPlan).problems[0]!.code).toBe('plan-invalid');
  });
});

describe('validatePlan', () => {
  it('accepts a fresh draft as a valid plan', () => {
    const draft = createDraftPlan({ caseAlias: 'SO-2026-022', municipality: 'Maasveld', caseDirectorUserId: 'u1', now: '2026-11-22T08:00:00.000Z' });
    expect(validatePlan(JSON.parse(JSON.stringify(draft)))).toEqual({ plan: draft, problems: [] });
  });

  it('names the field in Dutch and points at it when a value is out of range', () => {
    const { plan, problems } = validatePlan(withChange((d) => (d.wellbeing[1].score = 11)));
    expect(plan).toBeUndefined();
    expect(problems).toEqual([
      { severity: 'error', code: 'plan-invalid', message: 'Welzijnscijfer, nummer 2, cijfer: moet tussen 1 en 10 liggen.', path: 'wellbeing.1.score' },
    ]);
  });

  it('rejects what the schema forbids, each with its path', () => {
    const cases: [(d: Json) => void, string, string][] = [
      [(d) => (d.wellbeing[0].score = 6.5), 'wellbeing.0.score', 'heel getal'],
      [(d) => (d.agreements[0].due = '3 november'), 'agreements.0.due', 'jjjj-mm-dd'],
      [(d) => delete d.agreements[1].what, 'agreements.1.what', 'ontbreekt'],
      [(d) => (d.participants[2].reasons = ['sympathy']), 'participants.2.reasons.0', 'waarde die we niet kennen'],
      [(d) => (d.caseAlias = 'Henk van der Meulen'), 'caseAlias', 'casusnummer'],
      [(d) => (d.meetings[0].start = '2026-10-27T10:00:00'), 'meetings.0.start', 'tijdzone'],
      [(d) => (d.caseDirection.aveLevel = 5), 'caseDirection.aveLevel', 'AVE-niveau'],
    ];
    for (const [change, path, words] of cases) {
      const { plan, problems } = validatePlan(withChange(change));
      expect(plan, path).toBeUndefined();
      expect(problems.map((p) => p.path), path).toEqual([path]);
      expect(problems[0]!.message, path).toContain(words);
    }
  });

  it('refuses duplicate ids, because the merge after a conflict matches records by id', () => {
    const { plan, problems } = validatePlan(withChange((d) => (d.agreements[1].id = 'a-1')));
    expect(plan).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ code: 'id-duplicate', severity: 'error', path: 'agreements.1.id' })]);
  });

  it('refuses two notes for one agenda item (issue 6), and reads a v2 document stored before notes existed', () => {
    const stored = migratePlan(planV1()).plan!;
    const { meetingNotes: _none, ...older } = stored;
    expect(validatePlan(older).plan!.meetingNotes).toEqual([]);
    const note = { id: 'm-1:wants', meetingId: 'm-1', itemKey: 'wants', text: 'Eerst slapen.', updatedAt: '2026-10-27T10:30:00Z' };
    const { plan, problems } = validatePlan({ ...stored, meetingNotes: [note, { ...note, text: 'Dubbel' }] });
    expect(plan).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ code: 'id-duplicate', severity: 'error', path: 'meetingNotes.1.id' })]);
  });

  it('keeps what issue 6 stores: Planner link with etag, closing, distribution, changed fields', () => {
    const stored = migratePlan(planV1()).plan!;
    const doc = {
      ...stored,
      meetings: [{ ...stored.meetings[0]!, closedAt: '2026-10-27T11:30:00+01:00', closedByUserId: 'u-esra', distribution: [{ participantId: 'p-esra', channel: 'mail', at: '2026-10-27T11:31:00+01:00' }] }],
      agreements: [
        {
          ...stored.agreements[0]!,
          planner: { planId: 'plan-1', taskId: 't-1', etag: 'W/"x"', syncedUpdatedAt: stored.agreements[0]!.updatedAt },
          history: [{ at: '2026-10-28T09:00:00Z', byUserId: 'u-esra', change: 'edited', previous: {}, fields: ['perspectiveOnly'] }],
        },
        stored.agreements[1]!,
      ],
    };
    const { plan, problems } = validatePlan(JSON.parse(JSON.stringify(doc)));
    expect(problems).toEqual([]);
    expect(plan).toEqual(doc);
    const bad = validatePlan({ ...doc, meetings: [{ ...doc.meetings[0]!, distribution: [{ participantId: 'p-esra', channel: 'fax', at: '2026-10-27T11:31:00+01:00' }] }] });
    expect(bad.problems.map((p) => p.path)).toEqual(['meetings.0.distribution.0.channel']);
    expect(bad.problems[0]!.message).toContain('Overleggen, nummer 1, uitgedeeld aan, nummer 1, hoe');
  });

  it('warns about references to people or points that are not in the plan, and still returns it', () => {
    const { plan, problems } = validatePlan(
      withChange((d) => {
        d.agreements[0].who = 'p-gone';
        d.agreements[0].wantId = 'w-9';
        d.consents[1].participantIds = ['p-gone'];
        d.participants[1].email = 'esra@';
      }),
    );
    expect(plan).toBeDefined();
    expect(problems.map((p) => [p.code, p.severity, p.path])).toEqual([
      ['reference-unknown', 'warning', 'agreements.0.who'],
      ['reference-unknown', 'warning', 'agreements.0.wantId'],
      ['reference-unknown', 'warning', 'consents.1.participantIds.0'],
      ['email-invalid', 'warning', 'participants.1.email'],
    ]);
    expect(problems[3]!.message).toContain('Esra Aydin');
  });
});
