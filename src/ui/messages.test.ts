import { afterEach, describe, expect, it } from 'vitest';
import { _cataloguesForTests, catalogueKeys, errorMessage, setLocale, t } from './messages';

describe('message catalogue', () => {
  afterEach(() => setLocale('nl'));

  it('speaks Dutch by default and fills placeholders', () => {
    expect(t('cases.created', { alias: 'SO-2026-022' })).toBe('Casus SO-2026-022 is aangemaakt.');
  });

  it('leaves an unknown placeholder visible rather than dropping text', () => {
    expect(t('cases.created')).toBe('Casus {alias} is aangemaakt.');
  });

  it('has the same placeholders in every language for every key', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of catalogueKeys) {
      expect(placeholders(_cataloguesForTests.en[key]), key).toEqual(placeholders(_cataloguesForTests.nl[key]));
      expect(_cataloguesForTests.nl[key].trim(), key).not.toBe('');
    }
  });

  it('has a Dutch message for error codes and switches language', () => {
    expect(errorMessage('network-offline')).toMatch(/internetverbinding/);
    setLocale('en');
    expect(errorMessage('network-offline')).toMatch(/internet connection/);
  });
});
