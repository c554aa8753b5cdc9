// @vitest-environment happy-dom
// A reader (the drive reports only 'read' for them) gets the plan as text: the note that says who can change
// it, no organiser tabs, no field and no button that changes the plan. Someone the drive lets write gets the tabs.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithFluent } from '../testing/renderWithFluent';
import { CaseScreen } from './CaseScreen';
import { caseDirectorName } from './ReadOnlyPlan';
import { ENTRY, fakeServices, seedPlan014 } from './prepare/fakeServices';

afterEach(cleanup);

function servicesWithRoles(roles: string[]) {
  const fake = fakeServices(seedPlan014());
  fake.services.plans.rolesOf = async () => roles;
  return fake;
}

describe('CaseScreen with rights from the drive', () => {
  it("'read': a read-only plan, the case director named, no tabs, no edit controls, in any tab of the address", async () => {
    const fake = servicesWithRoles(['read']);
    renderWithFluent(<CaseScreen services={fake.services} entry={ENTRY} initialTab="prepare" onBack={() => undefined} />);
    await screen.findByText('Alleen lezen');
    const plan = seedPlan014();
    const director = caseDirectorName(plan);
    expect(director).toBe('Esra Aydin');
    expect(screen.getByText(/Dit plan is met je gedeeld om te lezen\. Alleen de casusregisseur kan het aanpassen: Esra Aydin\./)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Wat de inwoner wil' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Afspraken' })).toBeTruthy();
    expect(screen.queryAllByRole('tab')).toEqual([]);
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryAllByRole('combobox')).toEqual([]);
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(screen.queryAllByRole('radio')).toEqual([]);
    // The only button goes back to the list.
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['← Terug naar mijn casussen']);
    if (plan.wants[0]) expect(screen.getByText(plan.wants[0].text)).toBeTruthy();
  });

  it("'write': the organiser's tabs as before", async () => {
    const fake = servicesWithRoles(['write']);
    renderWithFluent(<CaseScreen services={fake.services} entry={ENTRY} initialTab="plan" onBack={() => undefined} />);
    expect(await screen.findByRole('tab', { name: 'SO voorbereiden' })).toBeTruthy();
    expect(screen.queryByText('Alleen lezen')).toBeNull();
  });
});
