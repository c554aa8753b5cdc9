// Test support (imported by tests only): a plan on the day of its SO, with the resident, her sister and
// three professionals (two of them tenant users), for the issue 6 modules' tests.
import { createDraftPlan } from '../draftPlan';
import type { Meeting, Plan, PlanParticipant } from '../planSchema';

export const SO_START = '2026-12-01T10:00:00+01:00';
export const NOW = '2026-12-01T10:30:00+01:00';

const person = (p: Omit<PlanParticipant, 'updatedAt' | 'reasons'> & Partial<Pick<PlanParticipant, 'reasons'>>): PlanParticipant => ({ reasons: [], ...p, updatedAt: '2026-11-20T09:00:00Z' });

export const participants: PlanParticipant[] = [
  person({ id: 'p-esra', name: 'Esra Aydin', role: 'professional', email: 'esra.aydin@buurtkracht.example', userId: 'u-esra', organisation: 'Stichting Buurtkracht' }),
  person({ id: 'p-sister', name: 'Nadia Benali', role: 'network' }),
  person({ id: 'p-resident', name: 'Samira Benali', role: 'resident' }),
  person({ id: 'p-bram', name: 'Bram Hoekstra', role: 'professional', email: 'bram.hoekstra@veldwijzer.example', userId: 'u-bram', organisation: 'Veldwijzer GGZ' }),
  person({ id: 'p-wouter', name: 'Wouter Dijkman', role: 'professional', email: 'wouter.dijkman@thuisveld.example', organisation: 'Woonstichting Thuisveld' }),
  person({ id: 'p-neighbour', name: 'Kees de Buurman', role: 'network' }),
];

export const meeting: Meeting = {
  id: 'm-1',
  start: SO_START,
  durationMinutes: 90,
  location: { kind: 'home' },
  goal: 'Samen zoeken naar rust.',
  status: 'planned',
  updatedAt: '2026-11-20T09:00:00Z',
  invitedParticipantIds: ['p-esra', 'p-sister', 'p-resident', 'p-bram', 'p-wouter'],
};

export function samplePlan(): Plan {
  const plan = createDraftPlan({ caseAlias: 'SO-2026-014', municipality: 'Maasveld', caseDirectorUserId: 'u-esra', now: '2026-11-19T09:00:00Z' });
  return {
    ...plan,
    status: 'planned',
    resident: { id: 'p-resident', name: 'Samira Benali' },
    participants: participants.map((p) => ({ ...p })),
    meetings: [{ ...meeting }],
    wants: [
      { id: 'w-1', text: 'Ik wil weer rustig slapen.', target: 'Ik slaap vijf nachten per week door.', updatedAt: '2026-11-19T09:00:00Z' },
      { id: 'w-2', text: 'Ik wil overzicht over mijn geld.', target: '', updatedAt: '2026-11-19T09:00:00Z' },
    ],
    can: { own: ['Ik wandel elke ochtend.'], offer: ['Ik kan goed naaien.'] },
    needs: { shortTerm: ['Hulp bij de post.'], longTerm: [] },
  };
}
