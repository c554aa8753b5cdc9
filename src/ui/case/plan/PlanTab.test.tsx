// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseListEntry, Services } from '../../../app/ports';
import { areaChampionsFrom } from '../../../app/ports/areaChampions';
import { createDraftPlan, hasConsentFor, validatePlan } from '../../../domain';
import type { Plan, PlanParticipant } from '../../../domain';
import { renderWithFluent } from '../../testing/renderWithFluent';
import { servicesFor } from '../../testing/servicesFor';
import { PlanTab } from '../PlanTab';
import { SYNCED_STATUS } from '../usePlanDocument';

const CREATED = '2026-11-16T13:10:00.000Z';
const NOW = '2026-11-20T09:15:00.000Z';

const entry: CaseListEntry = { documentId: 'doc-1', caseAlias: 'SO-2026-014', status: 'preparing', openAgreements: 0, lastModified: CREATED };

function services(me = vi.fn(async () => ({ id: 'u-esra', displayName: 'Esra Aydin' }))): Services {
  return servicesFor({
    directory: { me, searchPeople: async () => [], searchUsers: async () => [] },
    areaChampions: areaChampionsFrom([
      { areaId: 'area-noord', areaName: 'Maasveld-Noord', name: 'Joris van Leeuwen', email: 'joris@buurtkracht.example' },
      { areaId: 'area-oude-haven', areaName: 'Oude Haven', name: 'Hatice Yilmaz', email: 'h.yilmaz@maasveld.example' },
    ]),
    clock: { now: () => new Date('2026-11-20T10:15:00+01:00') },
    municipality: 'Maasveld',
  });
}

const person = (id: string, name: string, role: PlanParticipant['role'], organisation?: string): PlanParticipant => ({
  id, name, role, reasons: ['experience'], updatedAt: CREATED, ...(organisation ? { organisation } : {}),
});

/** A v2 plan as the app writes it: a draft with a resident and the participants chosen on "SO voorbereiden". */
function plan(extra: Partial<Plan> = {}): Plan {
  return {
    ...createDraftPlan({ caseAlias: 'SO-2026-014', municipality: 'Maasveld', caseDirectorUserId: 'u-esra', now: CREATED }),
    resident: { id: 'resident', name: 'Samira Benali' },
    participants: [
      person('p-resident', 'Samira Benali', 'resident'),
      person('p-nadia', 'Nadia Benali', 'network'),
      person('p-bram', 'Bram de Vries', 'professional', 'GGZ Maasveld'),
      person('p-kofi', 'Kofi Mensah', 'professional', 'Geldrust'),
    ],
    ...extra,
  };
}

/** PlanTab with a fake plan document: `update` applies the recipe to local state and records every result. */
function renderPlanTab(initial: Plan, svc: Services = services()) {
  let current = initial;
  const results: Plan[] = [];
  let show: (plan: Plan) => void = () => undefined;
  const update = vi.fn((recipe: (plan: Plan) => Plan) => {
    current = recipe(current);
    results.push(current);
    show(current);
  });
  function Harness() {
    const [shown, setShown] = useState(initial);
    show = setShown;
    return <PlanTab services={svc} entry={entry} document={{ plan: shown, save: { kind: 'idle' }, sync: SYNCED_STATUS, update, saveNow: async () => current, reload: () => undefined }} />;
  }
  renderWithFluent(<Harness />);
  return { update, results, latest: () => current };
}

const section = (name: string) => screen.getByRole('region', { name });
const noErrors = (p: Plan) => expect(validatePlan(p).problems.filter((x) => x.severity === 'error')).toEqual([]);
const VALID_BSN = '111222333';

afterEach(cleanup);

describe('PlanTab', () => {
  it('follows the form of the Samenwerkplan, and names the case only by its alias outside the plan', () => {
    renderPlanTab(plan());
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Dit is het plan van', 'Ik wil', 'Welzijnscijfer', 'Ik kan', 'Ik heb nodig', 'Betrokken organisaties', 'Toestemming',
    ]);
    expect((screen.getByRole('textbox', { name: 'Naam van de inwoner' }) as HTMLInputElement).value).toBe('Samira Benali');
    expect(section('Dit is het plan van').textContent).toContain('Buiten het plan heet deze casus SO-2026-014');
  });

  it('puts a new case in an area, so a decline reaches that area’s champion', async () => {
    const { update, latest } = renderPlanTab(plan());
    const area = screen.getByRole('combobox', { name: 'Gebied' }) as HTMLSelectElement;
    expect(area.value).toBe('');
    expect([...area.options].map((o) => o.text)).toEqual(['Kies een gebied', 'Maasveld-Noord', 'Oude Haven']);
    await userEvent.selectOptions(area, 'Maasveld-Noord');
    expect(update).toHaveBeenCalledTimes(1);
    noErrors(latest());
    expect(latest().areaId).toBe('area-noord');
    expect(area.value).toBe('area-noord');
  });

  it('works when called as a plain function, as CaseScreen calls its tabs, once the plan has loaded', () => {
    // CaseScreen renders `tabs[tab](props)` only after the plan arrived: hooks in PlanTab itself would then
    // count as CaseScreen's own and React would throw "rendered more hooks than during the previous render".
    const props = { services: services(), entry, document: { plan: plan(), save: { kind: 'idle' as const }, sync: SYNCED_STATUS, update: vi.fn(), saveNow: async () => undefined, reload: () => undefined } };
    let load: () => void = () => undefined;
    function Host() {
      const [loaded, setLoaded] = useState(false);
      load = () => setLoaded(true);
      return <div>{loaded && PlanTab(props)}</div>;
    }
    renderWithFluent(<Host />);
    act(() => load());
    expect(screen.getByRole('heading', { level: 2, name: 'Ik wil' })).toBeTruthy();
  });

  describe('ik wil', () => {
    it('adds a point with where the resident works towards, as a valid plan', async () => {
      const { update, latest } = renderPlanTab(plan());
      const form = screen.getByRole('group', { name: 'Nieuw punt' });
      await userEvent.type(within(form).getByRole('textbox', { name: 'Ik wil …' }), 'Ik wil in mijn eigen huis blijven wonen.');
      await userEvent.type(within(form).getByRole('textbox', { name: 'Hier werk ik naartoe' }), 'De huur is elke maand op tijd betaald.');
      expect(update).not.toHaveBeenCalled();
      await userEvent.click(within(form).getByRole('button', { name: 'Punt toevoegen' }));

      expect(update).toHaveBeenCalledTimes(1);
      noErrors(latest());
      expect(latest().wants).toEqual([
        { id: expect.stringMatching(/^[0-9a-f-]{36}$/), text: 'Ik wil in mijn eigen huis blijven wonen.', target: 'De huur is elke maand op tijd betaald.', updatedAt: NOW },
      ]);
      const point = screen.getByRole('group', { name: 'Punt 1' });
      expect((within(point).getByRole('textbox', { name: 'Ik wil …' }) as HTMLTextAreaElement).value).toBe('Ik wil in mijn eigen huis blijven wonen.');
      expect((within(form).getByRole('textbox', { name: 'Ik wil …' }) as HTMLTextAreaElement).value).toBe('');
    });

    it('does not add an empty point, and says why', async () => {
      const { update } = renderPlanTab(plan());
      const form = screen.getByRole('group', { name: 'Nieuw punt' });
      await userEvent.type(within(form).getByRole('textbox', { name: 'Hier werk ik naartoe' }), 'Rust');
      await userEvent.click(within(form).getByRole('button', { name: 'Punt toevoegen' }));
      expect(within(form).getByText(/Een ‘Ik wil’-punt kan niet leeg zijn/)).toBeTruthy();
      expect(update).not.toHaveBeenCalled();
    });

    it('keeps an emptied point on screen with a message instead of saving it empty', async () => {
      const wants = [{ id: 'w-1', text: 'Ik wil rust.', target: '', updatedAt: CREATED }];
      const { update, latest } = renderPlanTab(plan({ wants }));
      const text = within(screen.getByRole('group', { name: 'Punt 1' })).getByRole('textbox', { name: 'Ik wil …' });
      await userEvent.clear(text);
      expect(screen.getByText(/Een ‘Ik wil’-punt kan niet leeg zijn/)).toBeTruthy();
      expect(update).not.toHaveBeenCalled();
      await userEvent.type(text, 'Ik wil slapen.');
      expect(latest().wants[0]).toMatchObject({ text: 'Ik wil slapen.', updatedAt: NOW });
      noErrors(latest());
    });

    it('reorders by keyboard with named buttons, keeping focus on the moved point', async () => {
      const wants = [
        { id: 'w-1', text: 'Ik wil rust.', target: '', updatedAt: CREATED },
        { id: 'w-2', text: 'Ik wil weer werken.', target: '', updatedAt: CREATED },
        { id: 'w-3', text: 'Ik wil mijn post zelf openen.', target: '', updatedAt: CREATED },
      ];
      const { latest } = renderPlanTab(plan({ wants }));
      screen.getByRole('button', { name: 'Punt 2 omhoog' }).focus();
      await userEvent.keyboard('{Enter}');
      expect(latest().wants.map((w) => w.id)).toEqual(['w-2', 'w-1', 'w-3']);
      expect(document.activeElement?.textContent).toBe('Punt 1 omhoog');
      expect(document.activeElement?.getAttribute('aria-disabled')).toBe('true');
      const items = within(section('Ik wil')).getAllByRole('listitem');
      expect((within(items[0]!).getByRole('textbox', { name: 'Ik wil …' }) as HTMLTextAreaElement).value).toBe('Ik wil weer werken.');
      noErrors(latest());

      // Moving the focused point down re-inserts its own element; focus follows it.
      screen.getByRole('button', { name: 'Punt 1 omlaag' }).focus();
      await userEvent.keyboard('{Enter}');
      expect(latest().wants.map((w) => w.id)).toEqual(['w-1', 'w-2', 'w-3']);
      expect(document.activeElement?.textContent).toBe('Punt 2 omlaag');
      await userEvent.keyboard('{Enter}');
      expect(latest().wants.map((w) => w.id)).toEqual(['w-1', 'w-3', 'w-2']);
      expect(document.activeElement?.textContent).toBe('Punt 3 omlaag');
    });

    it('removes a point after asking, but not one an agreement belongs to', async () => {
      const wants = [
        { id: 'w-1', text: 'Ik wil rust.', target: '', updatedAt: CREATED },
        { id: 'w-2', text: 'Ik wil weer werken.', target: '', updatedAt: CREATED },
      ];
      const agreements = [{ id: 'a-1', who: 'p-bram', what: 'Gesprek over slapen', due: '2026-12-31', wantId: 'w-1', status: 'open' as const, createdAt: CREATED, updatedAt: CREATED, history: [] }];
      const { latest } = renderPlanTab(plan({ wants, agreements }));
      expect(screen.queryByRole('button', { name: 'Punt 1 verwijderen' })).toBeNull();
      expect(within(screen.getByRole('group', { name: 'Punt 1' })).getByText(/Bij dit punt hoort een afspraak/)).toBeTruthy();
      await userEvent.click(screen.getByRole('button', { name: 'Punt 2 verwijderen' }));
      await userEvent.click(await screen.findByRole('button', { name: 'Verwijderen' }));
      expect(latest().wants.map((w) => w.id)).toEqual(['w-1']);
      noErrors(latest());
    });

    it('warns when a BSN is typed into "Ik wil", without blocking the plan', async () => {
      renderPlanTab(plan());
      const form = screen.getByRole('group', { name: 'Nieuw punt' });
      const field = within(form).getByRole('textbox', { name: 'Ik wil …' });
      await userEvent.type(field, `Ik wil hulp met mijn post. BSN ${VALID_BSN}`);
      const warning = within(form).getByText(/iets wat op een BSN lijkt/);
      expect(warning.textContent).toContain('Hoort dat echt in het plan?');
      expect(field.getAttribute('aria-describedby')).toContain(warning.closest('[id]')!.id);
      await userEvent.clear(field);
      await userEvent.type(field, 'Ik wil hulp met mijn post.');
      expect(within(form).queryByText(/iets wat op een BSN lijkt/)).toBeNull();
    });
  });

  describe('welzijnscijfer', () => {
    const scoreField = () => within(section('Welzijnscijfer')).getByRole('textbox', { name: 'Cijfer (1 tot en met 10)' }) as HTMLInputElement;
    const add = () => userEvent.click(within(section('Welzijnscijfer')).getByRole('button', { name: 'Welzijnscijfer toevoegen' }));

    it('keeps "11" in the field with a Dutch message and saves nothing', async () => {
      const { update } = renderPlanTab(plan());
      await userEvent.type(scoreField(), '11');
      expect(within(section('Welzijnscijfer')).getByText(/tussen 1 en 10/).textContent).toBe('Het cijfer moet tussen 1 en 10 liggen.');
      await add();
      expect(scoreField().value).toBe('11');
      expect(scoreField().getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(scoreField());
      expect(update).not.toHaveBeenCalled();

      await userEvent.clear(scoreField());
      await userEvent.type(scoreField(), 'zeven');
      expect(within(section('Welzijnscijfer')).getByText(/Schrijf het cijfer als getal/)).toBeTruthy();
      expect(scoreField().value).toBe('zeven');
      await add();
      expect(update).not.toHaveBeenCalled();
    });

    it('asks for a score before adding an empty one', async () => {
      const { update } = renderPlanTab(plan());
      await add();
      expect(within(section('Welzijnscijfer')).getByText('Vul een cijfer in van 1 tot en met 10.')).toBeTruthy();
      expect(update).not.toHaveBeenCalled();
    });

    it('adds a valid score, dated today in Amsterdam, to the history table', async () => {
      const { update, latest } = renderPlanTab(plan());
      await userEvent.type(scoreField(), '4');
      await userEvent.type(within(section('Welzijnscijfer')).getByRole('textbox', { name: 'Toelichting' }), 'Ik slaap slecht.');
      await add();
      expect(update).toHaveBeenCalledTimes(1);
      noErrors(latest());
      expect(latest().wellbeing).toEqual([
        { id: expect.any(String), score: 4, date: '2026-11-20', moment: 'start', comment: 'Ik slaap slecht.', updatedAt: NOW },
      ]);
      const rows = within(screen.getByRole('table', { name: 'Welzijnscijfers tot nu toe' })).getAllByRole('row');
      expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['vrijdag 20 november 2026', 'Start', '4', 'Ik slaap slecht.']);
      expect(scoreField().value).toBe('');
    });
  });

  describe('ik kan, ik heb nodig, organisaties', () => {
    it('adds lines to the right list and refuses a duplicate', async () => {
      const { update, latest } = renderPlanTab(plan());
      const field = screen.getByRole('textbox', { name: 'Korte termijn: nieuwe regel' });
      await userEvent.type(field, 'Ik heb hulp nodig met mijn brieven.');
      await userEvent.click(screen.getByRole('button', { name: 'Regel toevoegen bij ‘Korte termijn’' }));
      expect(latest().needs).toEqual({ shortTerm: ['Ik heb hulp nodig met mijn brieven.'], longTerm: [] });
      noErrors(latest());
      await userEvent.type(field, 'Ik heb hulp nodig met mijn brieven.');
      expect(screen.getByText('Deze regel staat er al.')).toBeTruthy();
      await userEvent.click(screen.getByRole('button', { name: 'Regel toevoegen bij ‘Korte termijn’' }));
      expect(update).toHaveBeenCalledTimes(1);

      await userEvent.type(screen.getByRole('textbox', { name: 'Voor anderen: nieuwe regel' }), 'Ik kan goed naaien.');
      await userEvent.click(screen.getByRole('button', { name: 'Regel toevoegen bij ‘Voor anderen’' }));
      expect(latest().can).toEqual({ own: [], offer: ['Ik kan goed naaien.'] });
      await userEvent.click(screen.getByRole('button', { name: 'Voor anderen, regel 1 verwijderen' }));
      expect(latest().can.offer).toEqual([]);
    });

    it('adds and removes involved organisations', async () => {
      const { latest } = renderPlanTab(plan());
      await userEvent.type(screen.getByRole('textbox', { name: 'Nieuwe organisatie' }), 'Geldrust');
      await userEvent.click(screen.getByRole('button', { name: 'Organisatie toevoegen' }));
      expect(latest().organisations).toEqual([{ organisationId: expect.any(String), name: 'Geldrust' }]);
      noErrors(latest());
      await userEvent.click(screen.getByRole('button', { name: 'Geldrust verwijderen' }));
      expect(latest().organisations).toEqual([]);
    });
  });

  describe('toestemming', () => {
    const consentSection = () => section('Toestemming');

    it('records consent to share the plan with two named participants: when, how, by whom, and in the log', async () => {
      const { update, latest } = renderPlanTab(plan());
      const form = await screen.findByRole('group', { name: 'Nieuwe toestemming vastleggen' });
      await userEvent.click(within(form).getByRole('radio', { name: 'Het plan delen met …' }));
      const who = within(form).getByRole('group', { name: 'Met wie mag het plan gedeeld worden?' });
      expect(within(who).getAllByRole('checkbox').map((c) => c.closest('div')?.textContent)).not.toContain('Samira Benali');
      await userEvent.click(within(who).getByRole('checkbox', { name: 'Nadia Benali' }));
      await userEvent.click(within(who).getByRole('checkbox', { name: 'Bram de Vries (GGZ Maasveld)' }));
      await userEvent.click(within(form).getByRole('radio', { name: 'Schriftelijk' }));
      expect((within(form).getByLabelText('Datum van de toestemming') as HTMLInputElement).value).toBe('2026-11-20');
      expect(form.textContent).toContain('Vastgelegd door Esra Aydin.');
      await userEvent.click(within(form).getByRole('button', { name: 'Toestemming vastleggen' }));

      expect(update).toHaveBeenCalledTimes(1);
      const saved = latest();
      noErrors(saved);
      expect(saved.consents).toEqual([{
        id: expect.any(String), subject: 'sharePlan', participantIds: ['p-nadia', 'p-bram'], date: '2026-11-20', how: 'written',
        recordedByUserId: 'u-esra', updatedAt: NOW,
      }]);
      expect(saved.log.at(-1)).toEqual({ at: NOW, byUserId: 'u-esra', action: 'consent.recorded', targetId: saved.consents[0]!.id });
      expect(hasConsentFor(saved, 'sharePlan', 'p-nadia') && hasConsentFor(saved, 'sharePlan', 'p-bram')).toBe(true);
      expect(hasConsentFor(saved, 'sharePlan', 'p-kofi')).toBe(false);

      const record = within(consentSection()).getByRole('heading', { name: 'Toestemming 1: het plan delen met Nadia Benali en Bram de Vries' }).closest('li')!;
      expect(record.textContent).toContain('Schriftelijk gegeven op vrijdag 20 november 2026.');
      expect(record.textContent).toContain('Vastgelegd door Esra Aydin.');
      expect(record.textContent).toContain('Geldig');
      expect(consentSection().textContent).toContain('Het plan mag gedeeld worden met Nadia Benali en Bram de Vries.');
    });

    it('does not record sharing without anyone to share with, nor without how it was given', async () => {
      const { update } = renderPlanTab(plan());
      const form = await screen.findByRole('group', { name: 'Nieuwe toestemming vastleggen' });
      await userEvent.click(within(form).getByRole('radio', { name: 'Het plan delen met …' }));
      await userEvent.click(within(form).getByRole('button', { name: 'Toestemming vastleggen' }));
      expect(within(form).getByText('Kies met wie het plan gedeeld mag worden.')).toBeTruthy();
      expect(within(form).getByText('Kies hoe de inwoner toestemming gaf.')).toBeTruthy();
      expect(update).not.toHaveBeenCalled();
    });

    it('revokes a consent after asking, keeping the record with when and by whom', async () => {
      const consents = [{ id: 'c-1', subject: 'sharePlan' as const, participantIds: ['p-nadia'], date: '2026-11-18', how: 'verbal' as const, recordedByUserId: 'u-esra', updatedAt: CREATED }];
      const { latest } = renderPlanTab(plan({ consents }));
      await userEvent.click(await screen.findByRole('button', { name: 'Toestemming 1 intrekken' }));
      await userEvent.click(await screen.findByRole('button', { name: 'Intrekken' }));

      const saved = latest();
      noErrors(saved);
      expect(saved.consents).toEqual([{ ...consents[0], revokedAt: NOW, revokedByUserId: 'u-esra', updatedAt: NOW }]);
      expect(saved.log.at(-1)).toEqual({ at: NOW, byUserId: 'u-esra', action: 'consent.revoked', targetId: 'c-1' });
      expect(hasConsentFor(saved, 'sharePlan', 'p-nadia')).toBe(false);

      const record = within(consentSection()).getByRole('heading', { name: /^Toestemming 1:/ }).closest('li')!;
      expect(record.textContent).toContain('Ingetrokken op 20 november 2026, vastgelegd door Esra Aydin.');
      expect(within(record).queryByRole('button', { name: 'Toestemming 1 intrekken' })).toBeNull();
      expect(consentSection().textContent).toContain('Het plan mag nog met niemand gedeeld worden.');
    });

    it('shows a failure to find out who you are, and tries again', async () => {
      const me = vi.fn()
        .mockRejectedValueOnce(new Error('offline'))
        .mockResolvedValue({ id: 'u-esra', displayName: 'Esra Aydin' });
      renderPlanTab(plan(), services(me));
      const alert = await within(consentSection()).findByRole('alert');
      await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
      expect(await screen.findByRole('group', { name: 'Nieuwe toestemming vastleggen' })).toBeTruthy();
      expect(me).toHaveBeenCalledTimes(2);
    });
  });
});
