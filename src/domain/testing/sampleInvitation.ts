// Test support (imported by tests only): the invitation of the demo's case SO-2026-014, as input for
// composeInvitation, so the domain's invitation tests share one realistic example.
import type { InvitationInput } from '../invitation';
import type { Participant } from '../planSchema';

export const resident: Participant = { id: 'p-resident', name: 'Samira Benali', role: 'resident', reasons: [], expectation: 'Vertelt wat ze wil en beslist mee.' };
export const sister: Participant = { id: 'p-sister', name: 'Nadia Benali', role: 'network', reasons: ['experience', 'thinkAlong'], expectation: 'Steunt haar zus.' };
export const esra: Participant = {
  id: 'p-esra', name: 'Esra Aydin', email: 'esra.aydin@buurtkracht.example', role: 'professional',
  organisation: 'Stichting Buurtkracht Maasveld', jobTitle: 'Sociaal werker', reasons: ['experience'], expectation: 'Houdt de afspraken bij.',
};
export const bram: Participant = {
  id: 'p-bram', name: 'Bram Hoekstra', email: 'bram.hoekstra@veldwijzer.example', role: 'professional',
  organisation: 'Veldwijzer GGZ', jobTitle: 'Ambulant begeleider GGZ', reasons: ['expertise', 'criticalEye'], expectation: 'Brengt kennis over slapen en angst mee.',
};
export const wouter: Participant = {
  id: 'p-wouter', name: 'Wouter Dijkman', email: 'wouter.dijkman@thuisveld.example', role: 'professional',
  organisation: 'Woonstichting Thuisveld', reasons: ['expertise'], expectation: 'Kijkt naar de huurachterstand.',
};

export function sampleInvitationInput(overrides: Partial<InvitationInput> = {}): InvitationInput {
  return {
    municipality: 'Gemeente Maasveld',
    caseAlias: 'SO-2026-014',
    goal: 'Samen zoeken naar rust: een veilig thuis, overzicht over geld en steun bij zorgen.',
    start: '2026-12-01T10:00:00+01:00',
    durationMinutes: 90,
    location: { kind: 'home' },
    respondBy: '2026-11-26',
    organiser: { name: 'Esra Aydin', email: 'Esra.Aydin@buurtkracht.example' },
    participants: [resident, sister, esra, bram, wouter],
    soNeededSince: '2026-11-19',
    now: '2026-11-22T09:00:00+01:00',
    ...overrides,
  };
}
