// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';
import { renderWithFluent } from './testing/renderWithFluent';

afterEach(cleanup);

describe('ErrorBoundary', () => {
  it('shows a Dutch error instead of a blank page, and renders again on retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = true;
    function Flaky() {
      if (fail) throw new Error('chunk load failed');
      return <p>Scherm geladen</p>;
    }
    renderWithFluent(<ErrorBoundary><Flaky /></ErrorBoundary>);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Er ging iets onverwachts mis.');
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByText('Scherm geladen')).toBeTruthy();
  });
});
