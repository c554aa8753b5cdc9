import { describe, expect, it } from 'vitest';
import { plannerTaskTitle } from './plannerMirror';
import { redactPlanDetails, scanPlanDetails } from './planDetails';

describe('scanPlanDetails', () => {
  it.each([
    ['Verwijzing voor de depressie regelen', 'depressie'],
    ['Gesprek over haar depressieve klachten', 'depressieve'],
    ['Intake bij de verslavingszorg', 'verslavingszorg'],
    ['Uitleg over PTSS aan de buren', 'PTSS'],
    ['Medicatie voor schizofrenie nakijken', 'schizofrenie'],
    ['Dementie-casemanager inschakelen', 'Dementie-casemanager'],
  ])('finds health words: %s', (text, word) => {
    expect(scanPlanDetails(text).map((m) => [m.kind, m.value])).toContainEqual(['health', word]);
  });

  it('finds an address: street with number, and a postcode', () => {
    expect(scanPlanDetails('Sleutel ophalen op de Lindelaan 12a, 1234 AB Maasveld').map((m) => [m.kind, m.value])).toEqual([
      ['address', 'Lindelaan 12a'],
      ['address', '1234 AB'],
    ]);
  });

  it('leaves ordinary agreements alone', () => {
    for (const text of ['Regeling voor de huurachterstand voorstellen', 'Samen alle post ordenen', 'Aanmelding bij de GGZ regelen', 'Op dinsdag koffie drinken', 'Afspraak om 10:30 in het buurthuis']) {
      expect(scanPlanDetails(text), text).toEqual([]);
    }
  });
});

describe('Planner titles carry no plan details', () => {
  it('redacts health words and addresses, keeping the rest', () => {
    expect(redactPlanDetails('Aanmelden bij de verslavingszorg, Kerkstraat 4')).toBe('Aanmelden bij de …, …');
    expect(plannerTaskTitle('SO-2026-014', 'Behandeling van de depressie starten op Lindelaan 12')).toBe('SO-2026-014 – Behandeling van de … starten op …');
    expect(plannerTaskTitle('SO-2026-014', 'Regeling voor de huurachterstand voorstellen')).toBe('SO-2026-014 – Regeling voor de huurachterstand voorstellen');
  });
});
