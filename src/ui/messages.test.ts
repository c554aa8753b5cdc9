import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogueKeys, currentLocale, errorMessage, isLocaleLoaded, loadLocale, onLocaleChange, setLocale, switchLocale, t } from './messages';
import { allCatalogues } from './messages/allCatalogues';

describe('message catalogue', () => {
  afterEach(() => setLocale('nl'));

  it('speaks Dutch by default and fills placeholders', () => {
    expect(currentLocale()).toBe('nl');
    expect(t('cases.created', { alias: 'SO-2026-022' })).toBe('Casus SO-2026-022 is aangemaakt.');
  });

  it('leaves an unknown placeholder visible rather than dropping text', () => {
    expect(t('cases.created')).toBe('Casus {alias} is aangemaakt.');
  });

  it('has the same placeholders in every language for every key', () => {
    // Plural choices ({count, plural, one {…} other {…}}) count as their variable; each variable once.
    const placeholders = (s: string) => [...s.replace(/\{(\w+), plural,(?:\s*\w+ \{[^{}]*\})+\s*\}/g, '{$1}').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((v, i, all) => all.indexOf(v) === i).sort();
    for (const key of catalogueKeys) {
      expect(placeholders(allCatalogues.en[key]), key).toEqual(placeholders(allCatalogues.nl[key]));
      expect(allCatalogues.nl[key].trim(), key).not.toBe('');
      expect(allCatalogues.en[key].trim(), key).not.toBe('');
    }
  });

  it('picks plural forms with Intl.PluralRules in each language', async () => {
    expect(t('demo.contractViolations', { count: 1 })).toMatch(/^Let op: 1 verzoek aan de demo hield zich/);
    expect(t('demo.contractViolations', { count: 3 })).toMatch(/^Let op: 3 verzoeken aan de demo hielden zich/);
    expect(t('prepare.send.blocked', { count: 1 })).toContain('los eerst het 1 punt onder');
    await switchLocale('en');
    expect(t('demo.contractViolations', { count: 1 })).toMatch(/^Note: 1 request to/);
    expect(t('demo.contractViolations', { count: 2 })).toMatch(/^Note: 2 requests to/);
  });

  it('has no hand-made plurals like "verzoek(en)" left', () => {
    for (const key of catalogueKeys) {
      expect(allCatalogues.nl[key], key).not.toMatch(/\w\((en|s)\)/);
      expect(allCatalogues.en[key], key).not.toMatch(/\w\(s\)/);
    }
  });

  it('loads English before it switches, and tells listeners', async () => {
    const seen: string[] = [];
    const stop = onLocaleChange((next) => seen.push(next));
    await switchLocale('en');
    expect(isLocaleLoaded('en')).toBe(true);
    expect(errorMessage('network-offline')).toMatch(/internet connection/);
    setLocale('nl');
    expect(errorMessage('network-offline')).toMatch(/internetverbinding/);
    stop();
    expect(seen).toEqual(['en', 'nl']);
    await loadLocale('en'); // idempotent
  });
});

// English must stay out of the first paint: only ./messages/en.ts may import the English parts, and
// messages.ts reaches it only through the dynamic import in loadLocale.
describe('the English catalogue is lazy', () => {
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'messages');
  const source = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const staticImports = (text: string) => [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);

  it('fragments.ts registers only Dutch fragments', () => {
    expect(staticImports(source('fragments.ts')).filter((spec) => /\.en$|en'$/.test(spec ?? '') || spec?.endsWith('.en'))).toEqual([]);
  });

  it('messages.ts imports English only dynamically', () => {
    const text = readFileSync(path.join(dir, '..', 'messages.ts'), 'utf8');
    expect(staticImports(text)).not.toContain('./messages/en');
    expect(text).toContain("import(/* webpackChunkName: \"messages-en\" */ './messages/en')");
  });
});
