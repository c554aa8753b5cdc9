// @vitest-environment happy-dom
// The whole run by keyboard, on the real case screen with the real recording panel (nothing mocked).
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AGENDA_TITLES } from '../../domain';
import { fakeServices, seedPlan014 } from '../case/prepare/fakeServices';
import { renderWithFluent } from '../testing/renderWithFluent';
import { MeetingSurface } from './MeetingSurface';

afterEach(cleanup);

const focused = () => document.activeElement as HTMLElement;

/**
 * Focuses an element the way Tab would reach it: it must be in the tab sequence (happy-dom's Tab does not
 * walk Fluent's focus management, so the order itself is checked in the browser, by the e2e test).
 */
function tabTo(element: HTMLElement) {
  expect(element.tabIndex).toBe(0);
  expect(element.closest('[inert], [aria-hidden="true"]')).toBeNull();
  element.focus();
  expect(focused()).toBe(element);
}

describe('running the SO with the keyboard', () => {
  it('starts, moves through every step, pauses and goes on, with the focus kept on the pressed button', async () => {
    const fake = fakeServices(seedPlan014());
    renderWithFluent(<MeetingSurface services={fake.services} caseAlias="SO-2026-014" view="runner" />);
    const start = await screen.findByRole('button', { name: 'Start het overleg' });
    // The recording panel sits below every step.
    expect(await screen.findByRole('heading', { name: 'Vastleggen in het plan' })).toBeTruthy();

    tabTo(start);
    await userEvent.keyboard('{Enter}');
    const next = screen.getByRole('button', { name: 'Volgende onderdeel' });
    expect(focused()).toBe(next);
    expect(next.getAttribute('accesskey')).toBe('n');

    const agenda = screen.getByRole('navigation', { name: 'Agenda' });
    const steps = within(agenda).getAllByRole('button');
    for (let i = 1; i < steps.length; i += 1) {
      await userEvent.keyboard('{Enter}');
      expect(steps[i]!.getAttribute('aria-current'), `step ${i}`).toBe('step');
    }
    expect(steps[steps.length - 1]!.textContent).toContain(AGENDA_TITLES.closingRound);
    // At the last step the button stays focusable and says why it does nothing.
    expect(focused()).toBe(next);
    expect(next.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Dit is het laatste onderdeel.').id).toBe(next.getAttribute('aria-describedby'));

    tabTo(screen.getByRole('button', { name: 'Pauzeer' }));
    await userEvent.keyboard('{Enter}');
    expect(focused().textContent).toBe('Ga verder');
    await userEvent.keyboard('{Enter}');
    expect(focused().textContent).toBe('Pauzeer');

    // Back to a step straight from the agenda.
    tabTo(steps[2]!);
    await userEvent.keyboard('{Enter}');
    expect(steps[2]!.getAttribute('aria-current')).toBe('step');
    expect(screen.getByRole('heading', { level: 2, name: AGENDA_TITLES.currentState })).toBeTruthy();
  });
});
