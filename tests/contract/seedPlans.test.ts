// The demo tenant's plan documents are real version 1 plans: the domain must read every one of them,
// migrate it without loss, and find no personal identifiers in their free text.
import { describe, expect, it } from 'vitest';
import { createSeed } from '../../src/demo/seed';
import { hasConsentFor, scanSensitive, validatePlan } from '../../src/domain';
import type { Plan } from '../../src/domain';

const documents = createSeed().planDrive.items.filter((item) => item.name.endsWith('.json'));

function freeText(plan: Plan): string[] {
  return [
    ...plan.wants.flatMap((w) => [w.text, w.target]),
    ...plan.wellbeing.map((w) => w.comment),
    ...plan.can.own, ...plan.can.offer, ...plan.needs.shortTerm, ...plan.needs.longTerm,
    ...plan.participants.map((p) => p.expectation ?? ''),
    ...plan.consents.map((c) => c.note ?? ''),
    ...plan.meetings.map((m) => m.goal),
    ...plan.agreements.map((a) => a.what),
  ];
}

describe('the demo seed’s plan documents', () => {
  it('holds at least one plan document', () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents.map((d) => [d.name, d] as const))('%s validates without problems and migrates to the current version', (_name, item) => {
    const { schemaVersion, ...stored } = JSON.parse(item.content) as Record<string, unknown>;
    const { plan, problems } = validatePlan({ schemaVersion, ...stored });
    expect(problems).toEqual([]);
    expect(plan!.schemaVersion).toBe(2);
    // Migration only adds: every stored field, record and list entry is still there, unchanged.
    expect(plan).toMatchObject(stored);
    expect(hasConsentFor(plan!, 'samenwerkwijze')).toBe(true);
  });

  it.each(documents.map((d) => [d.name, d] as const))('%s has no identifiers in its free text', (_name, item) => {
    const { plan } = validatePlan(JSON.parse(item.content));
    expect(freeText(plan!).flatMap((text) => scanSensitive(text))).toEqual([]);
  });
});
