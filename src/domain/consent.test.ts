import { describe, expect, it } from 'vitest';
import { hasConsentFor, participantsWithConsent } from './consent';
import type { Consent, PlanParticipant } from './planSchema';

const at = '2026-10-15T09:30:00Z';
const person = (id: string, role: PlanParticipant['role'] = 'professional'): PlanParticipant => ({ id, name: id, role, reasons: ['expertise'], updatedAt: at });
const consent = (id: string, subject: Consent['subject'], participantIds?: string[], revokedAt?: string): Consent => ({
  id, subject, date: '2026-10-15', how: 'verbal', recordedByUserId: 'u-esra', updatedAt: at,
  ...(participantIds ? { participantIds } : {}),
  ...(revokedAt ? { revokedAt } : {}),
});

const participants = [person('p-resident', 'resident'), person('p-daughter', 'network'), person('p-priya'), person('p-abdel', 'network')];
const plan = {
  participants,
  consents: [
    consent('c-1', 'samenwerkwijze'),
    consent('c-2', 'meeting', ['p-daughter', 'p-priya', 'p-abdel']),
    consent('c-3', 'sharePlan', ['p-daughter', 'p-priya']),
  ],
};

describe('hasConsentFor', () => {
  it('knows whether the resident agreed to the Samenwerkwijze and to the SO', () => {
    expect(hasConsentFor(plan, 'samenwerkwijze')).toBe(true);
    expect(hasConsentFor(plan, 'meeting')).toBe(true);
    expect(hasConsentFor({ participants, consents: [] }, 'meeting')).toBe(false);
  });

  it('allows inviting only the people the resident chose', () => {
    expect(hasConsentFor(plan, 'meeting', 'p-abdel')).toBe(true);
    expect(hasConsentFor(plan, 'meeting', 'p-stranger')).toBe(false);
  });

  it('allows sharing the plan only with the named participants, and always with the resident', () => {
    expect(hasConsentFor(plan, 'sharePlan', 'p-priya')).toBe(true);
    expect(hasConsentFor(plan, 'sharePlan', 'p-abdel')).toBe(false);
    expect(hasConsentFor(plan, 'sharePlan', 'p-resident')).toBe(true);
    expect(participantsWithConsent(plan, 'sharePlan')).toEqual(['p-resident', 'p-daughter', 'p-priya']);
  });

  it('no longer counts a revoked consent', () => {
    const revoked = { participants, consents: [consent('c-3', 'sharePlan', ['p-priya'], '2026-11-01T12:00:00Z')] };
    expect(hasConsentFor(revoked, 'sharePlan', 'p-priya')).toBe(false);
    expect(hasConsentFor(revoked, 'sharePlan')).toBe(false);
  });
});
