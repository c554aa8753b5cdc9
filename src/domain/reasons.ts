// Why someone is invited to the SO. Naming the reason lets the receiver judge whether they, or a
// colleague, are the right person at the table. The Dutch wording is part of the invitation text.

export const REASONS = ['experience', 'expertise', 'thinkAlong', 'criticalEye'] as const;

export type Reason = (typeof REASONS)[number];

/** Dutch wording of each reason, as a phrase that reads well in a list ("… en een kritische blik"). */
export const REASON_LABELS: Readonly<Record<Reason, string>> = {
  experience: 'ervaring met de inwoner',
  expertise: 'kennis en kunde over deze vraag',
  thinkAlong: 'meedenken over een oplossing',
  criticalEye: 'een kritische blik',
};

export function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && (REASONS as readonly string[]).includes(value);
}
