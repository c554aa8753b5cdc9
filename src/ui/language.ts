// Which language the app speaks: `?lang=` first, then the switch the user chose on this device, then the
// host's language (Teams app.locale, Office displayLanguage), then the browser's; Dutch when none of them
// is Dutch or English. Dutch is the product's voice and the default.
import { loadLocale, setEnglishVariant, setLocale, type Locale } from './messages';

export const LANGUAGE_KEY = 'samenwerkoverleg.language';

function localeOf(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'nl' ? 'nl' : primary === 'en' ? 'en' : undefined;
}

export interface LanguageSources {
  search: string;
  /** What the user picked with the switch on this device. */
  stored?: string | null | undefined;
  hostLocale?: string | undefined;
  browserLanguages?: readonly string[] | undefined;
}

export function chooseLocale(sources: LanguageSources): Locale {
  const asked = localeOf(new URLSearchParams(sources.search).get('lang'));
  if (asked) return asked;
  const stored = localeOf(sources.stored);
  if (stored) return stored;
  const host = localeOf(sources.hostLocale);
  if (host) return host;
  for (const tag of sources.browserLanguages ?? []) {
    const browser = localeOf(tag);
    if (browser) return browser;
  }
  return 'nl';
}

/** The English variant for dates and numbers: the host's or browser's own en-* tag, else en-GB. */
export function englishVariant(sources: LanguageSources): string | undefined {
  const lang = new URLSearchParams(sources.search).get('lang');
  return [lang, sources.hostLocale, ...(sources.browserLanguages ?? [])].find((tag) => localeOf(tag) === 'en' && tag!.includes('-')) ?? undefined;
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

/** The browser-side sources (no host yet). */
export function pageLanguageSources(hostLocale?: string): LanguageSources {
  return { search: window.location.search, stored: readStored(), hostLocale, browserLanguages: navigator.languages };
}

/** Loads and applies the chosen language; sets <html lang>. A failed load of English keeps Dutch. */
export async function applyLanguage(sources: LanguageSources): Promise<Locale> {
  const chosen = chooseLocale(sources);
  setEnglishVariant(englishVariant(sources));
  try {
    await loadLocale(chosen);
    setLocale(chosen);
  } catch {
    setLocale('nl');
  }
  const applied = chosen === 'en' ? 'en' : 'nl';
  document.documentElement.lang = applied;
  return applied;
}

/** The switch: remember the choice on this device (a preference, no personal data), then switch. */
export async function chooseLanguage(next: Locale): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, next);
  } catch {
    // Private mode or storage off: the choice lasts for this page only.
  }
  await loadLocale(next);
  setLocale(next);
  document.documentElement.lang = next;
}
