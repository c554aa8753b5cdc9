// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../app/errors';
import type { CaseListEntry } from '../app/ports';
import { ConfigScreen } from './ConfigScreen';
import { renderWithFluent } from './testing/renderWithFluent';
import { servicesFor } from './testing/servicesFor';

const entry: CaseListEntry = { documentId: 'doc-1', caseAlias: 'SO-2026-014', status: 'preparing', openAgreements: 0, lastModified: '2026-11-19T10:00:00Z' };

afterEach(cleanup);

describe('ConfigScreen', () => {
  it('offers a retry when the case list cannot be loaded, and then lets the user choose', async () => {
    let fail = true;
    const services = servicesFor({
      cases: { listCases: async () => { if (fail) throw new AppError('graph-unavailable', { status: 503 }); return [entry]; }, createCase: async () => entry, updateSummary: async () => undefined },
      directory: { me: async () => { throw new AppError('network-offline'); }, searchPeople: async () => [], searchUsers: async () => [] },
    });
    renderWithFluent(<ConfigScreen services={services} tabConfig={undefined} />);
    const retry = await screen.findByRole('button', { name: 'Opnieuw proberen' });
    fail = false;
    await userEvent.click(retry);
    expect(await screen.findByRole('option', { name: 'SO-2026-014' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Opnieuw proberen' })).toBeNull();
  });
});
