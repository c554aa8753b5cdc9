// @vitest-environment happy-dom
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { createOfficeHost, officeCapabilities } from './officeHost';

/** Office as the add-in sees it, built with Office's own mock library. */
function office(options: { naa: boolean; displayLanguage?: string }) {
  // host 'outlook': Outlook's API reads properties directly (no load/sync as in Excel or Word).
  const mock = new OfficeMockObject({
    host: 'outlook',
    context: {
      displayLanguage: options.displayLanguage ?? 'nl-NL',
      diagnostics: { host: 'Outlook' },
      mailbox: { userProfile: { emailAddress: 'esra.aydin@maasveld.example' } },
      requirements: {
        isSetSupported: (name: string, version: string) => options.naa && name === 'NestedAppAuth' && version === '1.1',
      },
    },
  });
  return mock as unknown as typeof Office;
}

describe('officeCapabilities', () => {
  it('recommends nested app auth only where Office supports the NestedAppAuth 1.1 requirement set', () => {
    expect(officeCapabilities(office({ naa: true }))).toEqual({ nestedAppAuth: true, meeting: false, stageShare: false });
    expect(officeCapabilities(office({ naa: false })).nestedAppAuth).toBe(false);
  });

  it('gives the host its language and login hint', () => {
    const host = createOfficeHost(office({ naa: true, displayLanguage: 'en-US' }), 'addinOrganizer');
    expect(host.info).toMatchObject({ kind: 'outlookAddin', locale: 'en-US', loginHint: 'esra.aydin@maasveld.example', capabilities: { nestedAppAuth: true } });
  });
});
