import { describe, expect, it } from 'vitest';
import { chooseLocale, englishVariant } from './language';

describe('chooseLocale', () => {
  it('follows ?lang= first, then the switch, then the host, then the browser', () => {
    expect(chooseLocale({ search: '?lang=en', stored: 'nl', hostLocale: 'nl-NL' })).toBe('en');
    expect(chooseLocale({ search: '', stored: 'en', hostLocale: 'nl-NL' })).toBe('en');
    expect(chooseLocale({ search: '', hostLocale: 'en-US', browserLanguages: ['nl-NL'] })).toBe('en');
    expect(chooseLocale({ search: '', hostLocale: 'de-DE', browserLanguages: ['de', 'en-GB'] })).toBe('en');
    expect(chooseLocale({ search: '?lang=xx', hostLocale: 'nl-BE' })).toBe('nl');
  });

  it('speaks Dutch when nothing asks for Dutch or English', () => {
    expect(chooseLocale({ search: '', hostLocale: 'fr-FR', browserLanguages: ['fr', 'de'] })).toBe('nl');
    expect(chooseLocale({ search: '' })).toBe('nl');
  });

  it('formats English dates the way the host or browser writes English', () => {
    expect(englishVariant({ search: '?lang=en', hostLocale: 'en-US' })).toBe('en-US');
    expect(englishVariant({ search: '?lang=en', browserLanguages: ['nl-NL', 'en-GB'] })).toBe('en-GB');
    expect(englishVariant({ search: '?lang=en' })).toBeUndefined();
  });
});
